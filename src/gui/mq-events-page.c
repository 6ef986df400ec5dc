/* mq-events-page.c: the events list beside the selected event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-events-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-event-page.h"
#include "mq-event-row.h"
#include "mq-events-page.h"

struct _MqEventsPage
{
  GtkWidget           parent_instance;

  MqEditHistory      *history;
  MqStore            *store;
  MqEventCatalog     *catalog;
  GListStore         *events;
  GtkSingleSelection *selection;
  MqEventRange        range;
  gint64              event_id;      /* shown in the detail pane, 0 for none */
  gboolean            sidebar_folded;
  gboolean            refreshing;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  AdwWindowTitle     *list_title;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkStack           *detail_stack;
  MqEventPage        *event_page;
};

G_DEFINE_FINAL_TYPE (MqEventsPage, mq_events_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RANGE,
  PROP_SIDEBAR_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_titles (MqEventsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  g_autofree char *subtitle = NULL;

  if (self->range == MQ_EVENT_RANGE_PAST)
    {
      adw_window_title_set_title (self->list_title, _("Past Events"));
      adw_status_page_set_title (self->empty_page, _("No Past Events"));
      adw_status_page_set_description (self->empty_page,
                                       _("Events move here once they have started."));
    }
  else
    {
      adw_window_title_set_title (self->list_title, _("Upcoming"));
      adw_status_page_set_title (self->empty_page, _("No Upcoming Events"));
      adw_status_page_set_description (self->empty_page,
                                       _("Plan a screening or a meetup, then add the people who are coming."));
    }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
  adw_window_title_set_subtitle (self->list_title, n > 0 ? subtitle : NULL);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
select_event_row (MqEventsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);

      if (mq_event_get_id (event) == self->event_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
mq_events_page_refresh (MqEventsPage *self)
{
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_if_fail (MQ_IS_EVENTS_PAGE (self));

  if (self->catalog == NULL)
    return;

  if (!(listed = mq_event_catalog_list (self->catalog, self->range, &error)))
    {
      g_warning ("Could not list events: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (listed);
  for (guint i = 0; i < n; i++)
    {
      MqEvent *event = g_list_model_get_item (listed, i);

      if (mq_edit_history_is_event_hidden (self->history, mq_event_get_id (event)))
        g_object_unref (event);
      else
        g_ptr_array_add (shown, event);
    }

  self->refreshing = TRUE;
  g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                       shown->pdata, shown->len);
  select_event_row (self);
  self->refreshing = FALSE;

  /* The shown event was deleted (or is waiting for its undo to expire). */
  if (self->event_id != 0 && mq_edit_history_is_event_hidden (self->history, self->event_id))
    mq_events_page_show_event (self, 0);

  update_titles (self);
}

void
mq_events_page_show_event (MqEventsPage *self,
                           gint64        event_id)
{
  g_return_if_fail (MQ_IS_EVENTS_PAGE (self));

  self->event_id = event_id;
  mq_event_page_set_event_id (self->event_page, event_id);
  gtk_stack_set_visible_child_name (self->detail_stack, event_id != 0 ? "event" : "none");

  if (!self->refreshing)
    {
      self->refreshing = TRUE;
      select_event_row (self);
      self->refreshing = FALSE;
    }

  if (event_id != 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

gint64
mq_events_page_get_event_id (MqEventsPage *self)
{
  g_return_val_if_fail (MQ_IS_EVENTS_PAGE (self), 0);

  return self->event_id;
}

static void
on_selected_item_changed (MqEventsPage *self)
{
  MqEvent *event;

  /* Narrow, the list is all there is: the arrow keys move through it
   * without opening every event on the way; Enter or a click opens one.
   */
  if (self->refreshing || adw_leaflet_get_folded (self->leaflet))
    return;

  event = gtk_single_selection_get_selected_item (self->selection);
  if (event != NULL && mq_event_get_id (event) != self->event_id)
    mq_events_page_show_event (self, mq_event_get_id (event));
}

/* Wide, the event beside the list follows the selection; narrow, a single
 * click opens it, as it would open a row of a phone's list.
 */
static void
on_folded_changed (MqEventsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_list_view_set_single_click_activate (self->list_view, folded);
  if (!folded)
    on_selected_item_changed (self);
}

static void
on_list_activate (GtkListView  *list_view,
                  guint         position,
                  MqEventsPage *self)
{
  g_autoptr(MqEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (event != NULL)
    mq_events_page_show_event (self, mq_event_get_id (event));
}

static void
on_store_changed (MqStore      *store,
                  const char   *what,
                  MqEventsPage *self)
{
  mq_events_page_refresh (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MqEventsPage             *self)
{
  gtk_list_item_set_child (item, mq_event_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          MqEventsPage             *self)
{
  MqEvent *event = gtk_list_item_get_item (item);
  MqEventStats stats;
  g_autoptr(GError) error = NULL;

  if (!mq_event_stats_compute (self->store, mq_event_get_id (event), &stats, &error))
    {
      g_warning ("Could not count RSVPs of event %" G_GINT64_FORMAT ": %s",
                 mq_event_get_id (event), error->message);
      mq_event_row_bind (MQ_EVENT_ROW (gtk_list_item_get_child (item)), event, NULL);
      return;
    }

  mq_event_row_bind (MQ_EVENT_ROW (gtk_list_item_get_child (item)), event, &stats);
}

void
mq_events_page_set_history (MqEventsPage  *self,
                            MqEditHistory *history)
{
  g_return_if_fail (MQ_IS_EVENTS_PAGE (self));
  g_return_if_fail (MQ_IS_EDIT_HISTORY (history));
  g_return_if_fail (self->history == NULL);

  self->history = g_object_ref (history);
  self->store = g_object_ref (mq_edit_history_get_store (history));
  self->catalog = mq_event_catalog_new (self->store);

  g_signal_connect_object (self->store, "changed::events",
                           G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (self->store, "changed::rsvps",
                           G_CALLBACK (on_store_changed), self, 0);

  mq_event_page_set_history (self->event_page, history);
  mq_events_page_refresh (self);
}

MqEventRange
mq_events_page_get_range (MqEventsPage *self)
{
  g_return_val_if_fail (MQ_IS_EVENTS_PAGE (self), MQ_EVENT_RANGE_UPCOMING);

  return self->range;
}

void
mq_events_page_set_range (MqEventsPage *self,
                          MqEventRange  range)
{
  g_return_if_fail (MQ_IS_EVENTS_PAGE (self));

  if (self->range == range)
    return;

  self->range = range;
  mq_events_page_show_event (self, 0);
  mq_events_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

void
mq_events_page_focus_search (MqEventsPage *self)
{
  g_return_if_fail (MQ_IS_EVENTS_PAGE (self));

  if (self->event_id != 0)
    mq_event_page_focus_search (self->event_page);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MqEventsPage *self = MQ_EVENTS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  mq_events_page_show_event (MQ_EVENTS_PAGE (widget), g_variant_get_int64 (param));
}

static void
mq_events_page_dispose (GObject *object)
{
  MqEventsPage *self = (MqEventsPage *) object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_EVENTS_PAGE);
  /* GTK 4.8 only unparents the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (mq_events_page_parent_class)->dispose (object);
}

static void
mq_events_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MqEventsPage *self = MQ_EVENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_int (value, self->range);
      break;

    case PROP_SIDEBAR_FOLDED:
      g_value_set_boolean (value, self->sidebar_folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_events_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MqEventsPage *self = MQ_EVENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      mq_events_page_set_range (self, g_value_get_int (value));
      break;

    case PROP_SIDEBAR_FOLDED:
      if (self->sidebar_folded != g_value_get_boolean (value))
        {
          self->sidebar_folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_events_page_class_init (MqEventsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_events_page_dispose;
  object_class->get_property = mq_events_page_get_property;
  object_class->set_property = mq_events_page_set_property;

  properties[PROP_RANGE] =
    g_param_spec_int ("range", NULL, NULL,
                      MQ_EVENT_RANGE_ALL, MQ_EVENT_RANGE_PAST, MQ_EVENT_RANGE_UPCOMING,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The window's sidebar is hidden: show a way back to it. */
  properties[PROP_SIDEBAR_FOLDED] =
    g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MQ_TYPE_EVENT_PAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-events-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MqEventsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MqEventsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, MqEventsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MqEventsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, MqEventsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MqEventsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, MqEventsPage, event_page);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "events.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "events.show-event", "x", show_event_action);
}

static void
mq_events_page_init (MqEventsPage *self)
{
  GtkListItemFactory *factory;

  self->range = MQ_EVENT_RANGE_UPCOMING;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->events = g_list_store_new (MQ_TYPE_EVENT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->events)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_item_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self);
  on_folded_changed (self);

  update_titles (self);
}
