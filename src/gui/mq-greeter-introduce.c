/* mq-greeter-introduce.c: the greeter's "Introduce to…" dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-greeter-introduce"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-greeter-introduce.h"

typedef struct
{
  MqGreeterPairing *pairing;
  gint64            event_id;
  gint64            greeter_id;
  gint64            newcomer_id;
  char             *newcomer_name;
  GArray           *person_ids;   /* gint64, parallel to the dropdown's names */
  GtkDropDown      *dropdown;
  GtkEditable      *note;
} Introduce;

static void
introduce_free (gpointer data)
{
  Introduce *introduce = data;

  g_clear_object (&introduce->pairing);
  g_clear_pointer (&introduce->newcomer_name, g_free);
  g_clear_pointer (&introduce->person_ids, g_array_unref);
  g_free (introduce);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             AdwToastOverlay  *toast_overlay)
{
  Introduce *introduce = g_object_get_data (G_OBJECT (dialog), "introduce");
  GListModel *names = gtk_drop_down_get_model (introduce->dropdown);
  guint selected = gtk_drop_down_get_selected (introduce->dropdown);
  g_autoptr(MqIntroduction) introduction = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "introduce") != 0 || selected >= introduce->person_ids->len)
    return;

  introduction = mq_greeter_pairing_introduce (introduce->pairing, introduce->event_id, introduce->newcomer_id,
                                               g_array_index (introduce->person_ids, gint64, selected),
                                               introduce->greeter_id, gtk_editable_get_text (introduce->note),
                                               &error);
  if (introduction == NULL)
    {
      adw_toast_overlay_add_toast (toast_overlay, adw_toast_new (error->message));
      return;
    }

  /* Translators: "Ana met Bea", after a greeter introduced them */
  message = g_strdup_printf (_("%s met %s"), introduce->newcomer_name,
                             gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
  adw_toast_overlay_add_toast (toast_overlay, adw_toast_new (message));
}

/* Who the newcomer could meet: the event's other guests and helpers who are
 * going, the greeter aside.
 */
static gboolean
fill_people (MqStore       *store,
             Introduce     *introduce,
             GtkStringList *names,
             GError       **error)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(GPtrArray) rsvps = NULL;

  if (!(rsvps = mq_rsvp_ledger_list (ledger, introduce->event_id, error)))
    return FALSE;

  for (guint i = 0; i < rsvps->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (rsvps, i);
      gint64 person_id = mq_rsvp_get_person_id (rsvp);

      if (mq_rsvp_get_status (rsvp) != MQ_RSVP_STATUS_GOING ||
          person_id == introduce->newcomer_id || person_id == introduce->greeter_id)
        continue;

      gtk_string_list_append (names, mq_rsvp_get_name (rsvp));
      g_array_append_val (introduce->person_ids, person_id);
    }

  return TRUE;
}

gboolean
mq_greeter_introduce_present (GtkWidget        *parent,
                              AdwToastOverlay  *toast_overlay,
                              MqStore          *store,
                              MqGreeterPairing *pairing,
                              gint64            event_id,
                              gint64            greeter_id,
                              gint64            newcomer_id,
                              GError          **error)
{
  g_autoptr(MqGreeterAssignment) assignment = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  Introduce *introduce;
  GtkExpression *expression;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *dropdown;
  GtkWidget *note;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toast_overlay), FALSE);
  g_return_val_if_fail (MQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (MQ_IS_GREETER_PAIRING (pairing), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  introduce = g_new0 (Introduce, 1);
  introduce->pairing = g_object_ref (pairing);
  introduce->event_id = event_id;
  introduce->greeter_id = greeter_id;
  introduce->newcomer_id = newcomer_id;
  introduce->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  assignment = mq_greeter_pairing_find (pairing, event_id, newcomer_id, error);
  if (assignment == NULL || !fill_people (store, introduce, names, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                             _("This newcomer has no greeter any more: assign greeters again"));
      introduce_free (introduce);
      return FALSE;
    }
  if (introduce->person_ids->len == 0)
    {
      g_set_error_literal (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                           _("Nobody else is going yet: there is no one to introduce"));
      introduce_free (introduce);
      return FALSE;
    }

  introduce->newcomer_name = g_strdup (mq_greeter_assignment_get_newcomer_name (assignment));
  /* Translators: %s is a newcomer's name */
  heading = g_strdup_printf (_("Introduce %s to…"), introduce->newcomer_name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading,
                                   _("Who did they meet? Marquee remembers it for the next event."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Person"), -1);
  gtk_box_append (GTK_BOX (box), dropdown);
  note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note (optional): both love Tarkovsky"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "introduce", _("_Introduce"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "introduce", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "introduce");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  introduce->dropdown = GTK_DROP_DOWN (dropdown);
  introduce->note = GTK_EDITABLE (note);
  g_object_set_data_full (G_OBJECT (dialog), "introduce", introduce, introduce_free);
  /* The tests drive the dialog through these. */
  g_object_set_data (G_OBJECT (dialog), "person-dropdown", dropdown);
  g_object_set_data (G_OBJECT (dialog), "note-entry", note);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), toast_overlay, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}
