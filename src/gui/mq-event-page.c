/* mq-event-page.c: one event with the people who answered it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-display-text.h"
#include "mq-event-page-private.h"
#include "mq-rsvp-row.h"
#include "mq-wrap-box.h"

G_DEFINE_FINAL_TYPE (MqEventPage, mq_event_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
rsvp_matches (gpointer item,
              gpointer user_data)
{
  MqEventPage *self = user_data;
  MqRsvp *rsvp = item;
  g_autofree char *folded = NULL;

  if (self->status_filter >= 0 && (int) mq_rsvp_get_status (rsvp) != self->status_filter)
    return FALSE;

  if (self->search == NULL)
    return TRUE;

  folded = mq_search_text_fold (mq_rsvp_get_name (rsvp));
  return strstr (folded, self->search) != NULL ||
         g_ascii_strncasecmp (mq_rsvp_get_ticket_code (rsvp), self->search, strlen (self->search)) == 0;
}

static void
update_filter_labels (MqEventPage        *self,
                      const MqEventStats *stats)
{
  const int counts[N_FILTERS] = {
    stats->going + stats->maybe + stats->waitlisted + stats->declined + stats->cancelled,
    stats->going, stats->maybe, stats->waitlisted, stats->declined, stats->cancelled,
  };

  for (guint i = 0; i < N_FILTERS; i++)
    {
      g_autofree char *label = NULL;
      const char *name = i == 0 ? C_("rsvp filter", "All") : mq_display_rsvp_status (i - 1);

      /* Translators: a filter button, e.g. "Going 32" */
      label = g_strdup_printf (_("%s %d"), name, counts[i]);
      gtk_button_set_label (GTK_BUTTON (self->filter_buttons[i]), label);
    }
}

static void
update_list_state (MqEventPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->rsvps));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (total == 0)
    gtk_stack_set_visible_child_name (self->rsvp_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->rsvp_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->rsvp_stack, "list");
}

/* The squeezer gives up the title in the header when it would be cut
 * there; the heading on the page takes it over.
 */
static void
on_title_squeezed (MqEventPage *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->title_squeezer);

  gtk_widget_set_visible (GTK_WIDGET (self->title_label), shown != GTK_WIDGET (self->window_title));
}

static void
update_header (MqEventPage        *self,
               const MqEventStats *stats)
{
  g_autofree char *when = mq_display_event_when (self->event);
  g_autofree char *schedule = mq_display_event_schedule (self->event);
  g_autofree char *seats = mq_display_event_seats (stats);
  g_autoptr(GString) venue = g_string_new (mq_event_get_venue (self->event));

  adw_window_title_set_title (self->window_title, mq_event_get_title (self->event));
  adw_window_title_set_subtitle (self->window_title, mq_display_event_kind (mq_event_get_kind (self->event)));
  gtk_label_set_label (self->kind_label, mq_display_event_kind (mq_event_get_kind (self->event)));
  gtk_label_set_label (self->title_label, mq_event_get_title (self->event));
  gtk_label_set_label (self->when_label, when);
  gtk_label_set_label (self->schedule_label, schedule);

  if (mq_event_get_address (self->event) != NULL)
    g_string_append_printf (venue, venue->len > 0 ? ", %s" : "%s", mq_event_get_address (self->event));
  if (mq_event_get_online_url (self->event) != NULL)
    g_string_append_printf (venue, venue->len > 0 ? " · %s" : "%s", mq_event_get_online_url (self->event));
  gtk_label_set_label (self->venue_label, venue->str);
  gtk_widget_set_visible (GTK_WIDGET (self->venue_label), venue->len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->cancelled_label),
                          mq_event_get_status (self->event) == MQ_EVENT_STATUS_CANCELLED);

  gtk_label_set_label (self->seats_label, seats);
  gtk_widget_set_visible (GTK_WIDGET (self->seats_bar), stats->capacity > 0);
  if (stats->capacity > 0)
    {
      gtk_level_bar_set_max_value (self->seats_bar, stats->capacity);
      gtk_level_bar_set_value (self->seats_bar, MIN (stats->going_people, stats->capacity));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->waitlist_label), stats->waitlisted > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.cancel",
                                 mq_event_get_status (self->event) != MQ_EVENT_STATUS_CANCELLED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.restore",
                                 mq_event_get_status (self->event) == MQ_EVENT_STATUS_CANCELLED);
  update_filter_labels (self, stats);
}

static void
reload (MqEventPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rsvps = NULL;
  MqEventStats stats;
  gint64 id;

  if (self->event == NULL || self->store == NULL)
    return;

  id = mq_event_get_id (self->event);
  g_clear_object (&self->event);
  if (!(self->event = mq_event_catalog_get (self->catalog, id, &error)) ||
      !mq_event_stats_compute (self->store, id, &stats, &error) ||
      !(rsvps = mq_rsvp_ledger_list (self->ledger, id, &error)))
    {
      /* Deleted under us: the events page shows "none" soon. */
      g_debug ("Could not load event %" G_GINT64_FORMAT ": %s", id, error->message);
      g_list_store_remove_all (self->rsvps);
      return;
    }

  update_header (self, &stats);
  g_list_store_splice (self->rsvps, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rsvps)),
                       rsvps->pdata, rsvps->len);
  update_list_state (self);
}

static void
on_store_changed (MqStore     *store,
                  const char  *what,
                  MqEventPage *self)
{
  reload (self);
}

void
mq_event_page_set_history (MqEventPage   *self,
                           MqEditHistory *history)
{
  static const char * const watched[] = { "changed::events", "changed::rsvps",
                                          "changed::check-ins", "changed::people" };

  g_return_if_fail (MQ_IS_EVENT_PAGE (self));
  g_return_if_fail (MQ_IS_EDIT_HISTORY (history));
  g_return_if_fail (self->history == NULL);

  self->history = g_object_ref (history);
  self->store = g_object_ref (mq_edit_history_get_store (history));
  self->catalog = mq_event_catalog_new (self->store);
  self->ledger = mq_rsvp_ledger_new (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_signal_connect_object (self->store, watched[i], G_CALLBACK (on_store_changed), self, 0);
}

gint64
mq_event_page_get_event_id (MqEventPage *self)
{
  g_return_val_if_fail (MQ_IS_EVENT_PAGE (self), 0);

  return self->event != NULL ? mq_event_get_id (self->event) : 0;
}

void
mq_event_page_set_event_id (MqEventPage *self,
                            gint64       event_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MQ_IS_EVENT_PAGE (self));

  if (event_id == mq_event_page_get_event_id (self))
    return;

  g_clear_object (&self->event);
  g_list_store_remove_all (self->rsvps);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  mq_event_page_set_filter (self, -1);

  if (event_id == 0)
    return;

  if (!(self->event = mq_event_catalog_get (self->catalog, event_id, &error)))
    {
      g_warning ("Could not open event %" G_GINT64_FORMAT ": %s", event_id, error->message);
      return;
    }

  reload (self);
}

void
mq_event_page_focus_search (MqEventPage *self)
{
  g_return_if_fail (MQ_IS_EVENT_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
mq_event_page_set_filter (MqEventPage *self,
                          int          status)
{
  g_return_if_fail (MQ_IS_EVENT_PAGE (self));
  g_return_if_fail (status >= -1 && status < N_FILTERS - 1);

  if (!gtk_toggle_button_get_active (self->filter_buttons[status + 1]))
    gtk_toggle_button_set_active (self->filter_buttons[status + 1], TRUE);

  if (self->status_filter == status)
    return;

  self->status_filter = status;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_state (self);
}

guint
mq_event_page_get_n_shown (MqEventPage *self)
{
  g_return_val_if_fail (MQ_IS_EVENT_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

static void
on_filter_toggled (GtkToggleButton *button,
                   MqEventPage     *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < N_FILTERS; i++)
    if (self->filter_buttons[i] == button)
      mq_event_page_set_filter (self, (int) i - 1);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   MqEventPage    *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *folded = mq_search_text_fold (text);

  g_strstrip (folded);
  g_clear_pointer (&self->search, g_free);
  if (folded[0] != '\0')
    self->search = g_steal_pointer (&folded);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_state (self);
}

static void
on_stop_search (GtkSearchEntry *entry,
                MqEventPage    *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
setup_rsvp_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                MqEventPage              *self)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, mq_rsvp_row_new ());
}

static void
bind_rsvp_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               MqEventPage              *self)
{
  mq_rsvp_row_set_rsvp (MQ_RSVP_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
mq_event_page_dispose (GObject *object)
{
  MqEventPage *self = (MqEventPage *) object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_EVENT_PAGE);
  /* GTK 4.8 only unparents the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->rsvps);
  g_clear_object (&self->event);
  g_clear_object (&self->ledger);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (mq_event_page_parent_class)->dispose (object);
}

static void
mq_event_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MqEventPage *self = MQ_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_event_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MqEventPage *self = MQ_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_event_page_class_init (MqEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const filter_names[N_FILTERS] = {
    "filter_all", "filter_going", "filter_maybe", "filter_waitlisted", "filter_declined", "filter_cancelled",
  };

  object_class->dispose = mq_event_page_dispose;
  object_class->get_property = mq_event_page_get_property;
  object_class->set_property = mq_event_page_set_property;

  /* The list beside it is folded away: show a way back to it. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MQ_TYPE_RSVP_ROW);
  g_type_ensure (MQ_TYPE_WRAP_BOX);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, venue_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, cancelled_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, seats_bar);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, seats_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, waitlist_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, rsvp_stack);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, rsvp_list);
  gtk_widget_class_bind_template_child (widget_class, MqEventPage, no_match_page);
  for (guint i = 0; i < N_FILTERS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, filter_names[i], FALSE,
                                               G_STRUCT_OFFSET (MqEventPage, filter_buttons) +
                                               i * sizeof (GtkToggleButton *));
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_title_squeezed);

  _mq_event_page_class_actions_init (klass);

}

static void
mq_event_page_init (MqEventPage *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  self->status_filter = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_level_bar_remove_offset_value (self->seats_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->seats_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->seats_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  self->rsvps = g_list_store_new (MQ_TYPE_RSVP);
  self->filter = gtk_custom_filter_new (rsvp_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rsvps)),
                                              g_object_ref (GTK_FILTER (self->filter)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_rsvp_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_rsvp_row), self);
  gtk_list_view_set_factory (self->rsvp_list, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->rsvp_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}
