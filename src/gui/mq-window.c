/* mq-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-window-private.h"

G_DEFINE_FINAL_TYPE (MqWindow, mq_window, ADW_TYPE_APPLICATION_WINDOW)

static void
on_sidebar_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          MqWindow      *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s",
                              gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
select_sidebar_row (MqWindow   *self,
                    const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

void
mq_window_show_page (MqWindow   *self,
                     const char *name)
{
  g_return_if_fail (MQ_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (g_str_equal (name, "upcoming") || g_str_equal (name, "past"))
    {
      mq_events_page_set_range (self->events_page,
                                g_str_equal (name, "past") ? MQ_EVENT_RANGE_PAST
                                                           : MQ_EVENT_RANGE_UPCOMING);
      gtk_stack_set_visible_child_name (self->content_stack, "events");
    }
  else if (gtk_stack_get_child_by_name (self->content_stack, name) != NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, name);
    }
  else
    {
      g_debug ("No page called %s", name);
      return;
    }

  if (g_strcmp0 (self->page, name) != 0)
    {
      g_free (self->page);
      self->page = g_strdup (name);
      g_settings_set_string (self->settings, "last-page", name);
    }

  select_sidebar_row (self, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

const char *
mq_window_get_page (MqWindow *self)
{
  g_return_val_if_fail (MQ_IS_WINDOW (self), NULL);

  return self->page;
}

void
mq_window_show_event (MqWindow *self,
                      gint64    event_id)
{
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (MQ_IS_WINDOW (self));

  catalog = mq_event_catalog_new (self->store);
  if (!(event = mq_event_catalog_get (catalog, event_id, NULL)))
    return;

  now = mq_store_now (self->store);
  mq_window_show_page (self, g_date_time_compare (mq_event_get_starts_at (event), now) < 0
                               ? "past" : "upcoming");
  mq_events_page_show_event (self->events_page, event_id);
}

void
mq_window_show_person (MqWindow *self,
                       gint64    person_id)
{
  g_return_if_fail (MQ_IS_WINDOW (self));

  mq_window_show_page (self, "people");
  mq_people_page_show_person (self->people_page, person_id);
}

MqEditHistory *
mq_window_get_history (MqWindow *self)
{
  g_return_val_if_fail (MQ_IS_WINDOW (self), NULL);

  return self->history;
}

void
mq_window_toast (MqWindow   *self,
                 const char *title,
                 gboolean    undoable)
{
  AdwToast *toast;

  g_return_if_fail (MQ_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  /* One change, one toast: an older offer to undo would undo the newer change. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  toast = adw_toast_new (title);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      g_set_weak_pointer (&self->undo_toast, toast);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
mq_window_toast_for (GtkWidget  *widget,
                     const char *title,
                     gboolean    undoable)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  while (GTK_IS_WINDOW (root) && !MQ_IS_WINDOW (root))
    root = (GtkRoot *) gtk_window_get_transient_for (GTK_WINDOW (root));

  if (MQ_IS_WINDOW (root))
    mq_window_toast (MQ_WINDOW (root), title, undoable);
}

static void
on_hidden_changed (MqEditHistory *history,
                   gint64         event_id,
                   MqWindow      *self)
{
  mq_events_page_refresh (self->events_page);
}

static void
save_window_state (MqWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
mq_window_close_request (GtkWindow *window)
{
  MqWindow *self = MQ_WINDOW (window);

  save_window_state (self);
  /* Deletions still waiting for their undo toast happen now. */
  if (self->history != NULL)
    mq_edit_history_flush (self->history);

  return GTK_WINDOW_CLASS (mq_window_parent_class)->close_request (window);
}

/* The application is only known once construction is over. */
static void
set_up_with_application (MqWindow      *self,
                         MqApplication *app)
{
  g_autofree char *last_page = NULL;

  self->store = g_object_ref (mq_application_get_store (app));
  self->history = mq_edit_history_new (self->store);
  g_signal_connect_object (self->history, "hidden-changed",
                           G_CALLBACK (on_hidden_changed), self, 0);
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (_mq_window_actions_update), self, G_CONNECT_SWAPPED);

  mq_events_page_set_history (self->events_page, self->history);
  mq_people_page_set_history (self->people_page, self->history);
  mq_announcements_page_set_store (self->announcements_page, self->store,
                                   mq_application_get_outbox_runner (app));

  last_page = g_settings_get_string (self->settings, "last-page");
  mq_window_show_page (self, last_page);
  if (self->page == NULL)
    mq_window_show_page (self, "upcoming");

  _mq_window_actions_update (self);
}

static void
mq_window_dispose (GObject *object)
{
  MqWindow *self = (MqWindow *) object;

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mq_window_parent_class)->dispose (object);
}

static void
mq_window_finalize (GObject *object)
{
  MqWindow *self = (MqWindow *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->page, g_free);

  G_OBJECT_CLASS (mq_window_parent_class)->finalize (object);
}

static void
mq_window_class_init (MqWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mq_window_dispose;
  object_class->finalize = mq_window_finalize;
  window_class->close_request = mq_window_close_request;

  g_type_ensure (MQ_TYPE_EVENTS_PAGE);
  g_type_ensure (MQ_TYPE_PEOPLE_PAGE);
  g_type_ensure (MQ_TYPE_ANNOUNCEMENTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MqWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MqWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MqWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MqWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MqWindow, events_page);
  gtk_widget_class_bind_template_child (widget_class, MqWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, MqWindow, announcements_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);

  _mq_window_class_actions_init (klass);
}

static void
mq_window_init (MqWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

MqWindow *
mq_window_new (MqApplication *application)
{
  MqWindow *self;

  g_return_val_if_fail (MQ_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (mq_application_get_store (application) != NULL, NULL);

  self = g_object_new (MQ_TYPE_WINDOW, "application", application, NULL);
  set_up_with_application (self, application);

  return self;
}
