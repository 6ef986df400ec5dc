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

  adw_message_dialog_set_response_enabled (dialog, "undo", reason[0] != '\0');
}

static void
on_reason_activate (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "undo"))
    {
      adw_message_dialog_response (dialog, "undo");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

void
_mq_door_window_undo_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  MqDoorWindow *self = MQ_DOOR_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->last_admit_rsvp == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Take Back the Admit?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s will count as not in. The log keeps both records, so say why."),
                                  self->last_admit_name);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. scanned the wrong ticket"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for taking back the admit"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "reason-entry", entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Admitted"),
                                    "undo", _("_Take Back"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "undo", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_reason_activate), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_undo_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
