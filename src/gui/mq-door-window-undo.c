/* mq-door-window-undo.c: taking back the last admit, with a reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-door-window-private.h"

static void
on_undo_response (AdwMessageDialog *dialog,
                  const char       *response,
                  MqDoorWindow     *self)
{
  GtkEditable *reason_entry = g_object_get_data (G_OBJECT (dialog), "reason-entry");
  g_autofree char *reason = NULL;
  g_autoptr(MqCheckIn) undo = NULL;
  g_autoptr(GError) error = NULL;
  MqDoorOutcome outcome = {
    .kind = MQ_DOOR_OUTCOME_UNDONE,
    .style = "neutral",
    .icon_name = "edit-undo-symbolic",
    .title = (char *) _("Admit taken back"),
  };

  _mq_door_window_refocus (self);
  if (!g_str_equal (response, "undo") || self->last_admit_rsvp == 0)
    return;

  reason = g_strstrip (g_strdup (gtk_editable_get_text (reason_entry)));
  if (!(undo = mq_check_in_log_undo (self->log, self->last_admit_rsvp, reason, self->station, &error)))
    {
      _mq_door_window_show_error (self, error);
      return;
    }

  outcome.name = self->last_admit_name;
  outcome.detail = reason;
  _mq_door_window_show_outcome (self, &outcome);

  self->last_admit_rsvp = 0;
  g_clear_pointer (&self->last_admit_name, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "door.undo", FALSE);
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *confirm = g_object_get_data (G_OBJECT (dialog), "confirm-response");

  adw_message_dialog_set_response_enabled (dialog, confirm, reason[0] != '\0');
}

static void
on_reason_activate (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  const char *confirm = g_object_get_data (G_OBJECT (dialog), "confirm-response");

  if (adw_message_dialog_get_response_enabled (dialog, confirm))
    {
      adw_message_dialog_response (dialog, confirm);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/* Undo and override both change what the log says about a guest; neither
 * goes through without a reason. The entry is the dialog's "reason-entry".
 */
AdwMessageDialog *
_mq_door_window_ask_reason (MqDoorWindow          *self,
                            const char            *heading,
                            const char            *body,
                            const char            *placeholder,
                            const char            *entry_label,
                            const char            *cancel_label,
                            const char            *confirm,
                            const char            *confirm_label,
                            AdwResponseAppearance  appearance)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "reason-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "confirm-response", g_strdup (confirm), g_free);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", cancel_label,
                                    confirm, confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), confirm, appearance);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), confirm, FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_reason_activate), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return ADW_MESSAGE_DIALOG (dialog);
}

void
_mq_door_window_undo_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  MqDoorWindow *self = MQ_DOOR_WINDOW (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->last_admit_rsvp == 0)
    return;

  body = g_strdup_printf (_("%s will count as not in. The log keeps both records, so say why."),
                          self->last_admit_name);
  dialog = _mq_door_window_ask_reason (self, _("Take Back the Admit?"), body,
                                       _("Reason, e.g. scanned the wrong ticket"),
                                       _("Reason for taking back the admit"),
                                       _("_Keep Admitted"), "undo", _("_Take Back"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_undo_response), self, 0);
}
