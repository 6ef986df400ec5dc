/* mq-window-actions.c: the window's actions (win.*)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-event-editor.h"
#include "mq-window-private.h"

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  mq_window_show_page (MQ_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  mq_window_show_event (MQ_WINDOW (widget), g_variant_get_int64 (param));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MqWindow *self = MQ_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MqWindow *self = MQ_WINDOW (widget);
  MqEventEditor *editor;

  editor = mq_event_editor_new (GTK_WINDOW (self), self->history, NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MqWindow *self = MQ_WINDOW (widget);

  mq_window_show_page (self, "people");
  mq_people_page_new_person (self->people_page);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MqWindow *self = MQ_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!mq_edit_history_undo (self->history, &error))
    {
      mq_window_toast (self, error->message, FALSE);
      return;
    }

  mq_window_toast (self, _("Undone"), FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MqWindow *self = MQ_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "people") == 0)
    mq_people_page_focus_search (self->people_page);
  else
    mq_events_page_focus_search (self->events_page);
}

void
_mq_window_actions_update (MqWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL &&
                                 mq_edit_history_get_can_undo (self->history));
}

void
_mq_window_class_actions_init (MqWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-event", "x", show_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
}
