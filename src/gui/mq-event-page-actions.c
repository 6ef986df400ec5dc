/* mq-event-page-actions.c: what can be done to an event and its RSVPs (event.*)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event-page-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-add-guest-dialog.h"
#include "mq-composer-window.h"
#include "mq-door-window.h"
#include "mq-greeter-page.h"
#include "mq-event-editor.h"
#include "mq-event-page-private.h"
#include "mq-export-dialog.h"
#include "mq-hashtag-window.h"
#include "mq-import-window.h"
#include "mq-event-page-printing.h"
#include "mq-window.h"

/* What happened, in the words of the toast. */
static char *
describe_result (MqRsvp *rsvp)
{
  const char *name = mq_rsvp_get_name (rsvp);

  switch (mq_rsvp_get_status (rsvp))
    {
    case MQ_RSVP_STATUS_GOING:
      return g_strdup_printf (_("%s is going"), name);
    case MQ_RSVP_STATUS_MAYBE:
      return g_strdup_printf (_("%s might come"), name);
    case MQ_RSVP_STATUS_WAITLISTED:
      return g_strdup_printf (_("The event is full: %s is No. %d on the waitlist"),
                              name, mq_rsvp_get_waitlist_position (rsvp));
    case MQ_RSVP_STATUS_DECLINED:
      return g_strdup_printf (_("%s declined"), name);
    case MQ_RSVP_STATUS_CANCELLED:
      return g_strdup_printf (_("%s cancelled"), name);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_rsvp (MqEventPage  *self,
          gint64        person_id,
          MqRsvpStatus  status,
          int           party_size)
{
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->event == NULL)
    return;

  rsvp = mq_edit_history_set_rsvp (self->history, mq_event_get_id (self->event),
                                   person_id, status, party_size, &error);
  if (rsvp == NULL)
    {
      mq_window_toast_for (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  message = describe_result (rsvp);
  mq_window_toast_for (GTK_WIDGET (self), message, TRUE);
}

static void
set_rsvp_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);
  gint64 person_id;
  const char *status_text;
  int party_size;
  MqRsvpStatus status;

  g_variant_get (param, "(x&si)", &person_id, &status_text, &party_size);
  if (!mq_rsvp_status_from_string (status_text, &status))
    {
      g_warning ("Unknown RSVP status %s", status_text);
      return;
    }

  set_rsvp (self, person_id, status, party_size);
}

static void
on_guest_chosen (MqAddGuestDialog *dialog,
                 gint64            person_id,
                 int               status,
                 int               party_size,
                 MqEventPage      *self)
{
  set_rsvp (self, person_id, status, party_size);
}

static void
add_guest_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);
  MqAddGuestDialog *dialog;

  if (self->event == NULL)
    return;

  dialog = mq_add_guest_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->event);
  g_signal_connect_object (dialog, "guest-chosen", G_CALLBACK (on_guest_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_door_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);

  if (self->event != NULL)
    mq_door_window_open_for (widget, self->store, mq_event_get_id (self->event));
}

static void
open_greeters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);

  if (self->event != NULL)
    mq_greeter_page_open_for (widget, self->store, mq_event_get_id (self->event));
}

static void
announce_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);

  if (self->event != NULL)
    mq_composer_window_open (widget, self->store, mq_event_get_id (self->event));
}

static void
who_is_talking_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);

  if (self->event != NULL)
    mq_hashtag_window_open (widget, self->history, mq_event_get_id (self->event));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);
  MqEventEditor *editor;

  if (self->event == NULL)
    return;

  editor = mq_event_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->history, self->event);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->event == NULL)
    return;

  if (!(id = mq_edit_history_duplicate_event (self->history, mq_event_get_id (self->event), &error)))
    {
      mq_window_toast_for (widget, error->message, FALSE);
      return;
    }

  mq_window_toast_for (widget, _("Event duplicated as a draft"), TRUE);
  gtk_widget_activate_action (widget, "events.show-event", "x", id);
}

static void
set_status (MqEventPage   *self,
            MqEventStatus  status,
            const char    *message)
{
  g_autoptr(GError) error = NULL;

  if (self->event == NULL)
    return;

  if (!mq_edit_history_set_event_status (self->history, mq_event_get_id (self->event), status, &error))
    {
      mq_window_toast_for (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  mq_window_toast_for (GTK_WIDGET (self), message, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  set_status (MQ_EVENT_PAGE (widget), MQ_EVENT_STATUS_CANCELLED, _("Event cancelled"));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  set_status (MQ_EVENT_PAGE (widget), MQ_EVENT_STATUS_PUBLISHED, _("Event restored"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);
  g_autofree char *message = NULL;

  if (self->event == NULL)
    return;

  /* Translators: %s is an event's title */
  message = g_strdup_printf (_("“%s” deleted"), mq_event_get_title (self->event));
  mq_edit_history_delete_event (self->history, mq_event_get_id (self->event));
  mq_window_toast_for (widget, message, TRUE);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);
  MqImportWindow *window;

  if (self->event == NULL)
    return;

  window = mq_import_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                 mq_event_get_id (self->event));
  gtk_window_present (GTK_WINDOW (window));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);
  MqExportDialog *dialog;

  if (self->event == NULL)
    return;

  dialog = mq_export_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                 mq_event_get_id (self->event));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_to_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  MqEventPage *self = MQ_EVENT_PAGE (widget);

  if (self->event != NULL)
    mq_export_add_to_calendar (widget, self->store, mq_event_get_id (self->event));
}

void
_mq_event_page_class_actions_init (MqEventPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "event.open-door", NULL, open_door_action);
  gtk_widget_class_install_action (widget_class, "event.open-greeters", NULL, open_greeters_action);
  gtk_widget_class_install_action (widget_class, "event.announce", NULL, announce_action);
  gtk_widget_class_install_action (widget_class, "event.who-is-talking", NULL, who_is_talking_action);
  gtk_widget_class_install_action (widget_class, "event.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "event.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "event.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "event.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "event.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "event.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "event.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "event.add-to-calendar", NULL, add_to_calendar_action);
  gtk_widget_class_install_action (widget_class, "event.add-guest", NULL, add_guest_action);
  gtk_widget_class_install_action (widget_class, "event.set-rsvp", "(xsi)", set_rsvp_action);

  _mq_event_page_class_printing_init (klass);
}
