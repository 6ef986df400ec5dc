/* mq-door-window-counters.c: the door's live counts of people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-door-window-private.h"
#include "mq-event-stats.h"
#include "mq-newcomer-rule.h"

static void
set_count (GtkLabel   *label,
           const char *text,
           const char *spoken)
{
  gtk_label_set_label (label, text);
  /* The big numbers alone mean little to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
update_admitted (MqDoorWindow       *self,
                 const MqEventStats *stats)
{
  g_autofree char *count = g_strdup_printf ("%d / %d", stats->checked_in_people, stats->going_people);
  g_autofree char *caption = NULL;
  g_autofree char *spoken = NULL;

  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "admitted of %d person going",
                                          "admitted of %d people going", stats->going_people),
                             stats->going_people);
  spoken = g_strdup_printf (_("%d people admitted of %d going"), stats->checked_in_people, stats->going_people);
  set_count (self->admitted_label, count, spoken);
  gtk_label_set_label (self->admitted_caption, caption);
}

/* Marquee logs admits and their undos, not people leaving: inside now is
 * everyone admitted whose admit was not taken back. Against the capacity it
 * is what the fire officer asks about.
 */
static void
update_inside (MqDoorWindow       *self,
               const MqEventStats *stats)
{
  g_autofree char *count = g_strdup_printf ("%d", stats->checked_in_people);
  g_autofree char *caption = NULL;
  g_autofree char *spoken = NULL;
  gboolean over = stats->capacity >= 0 && stats->checked_in_people > stats->capacity;

  if (over)
    caption = g_strdup_printf (_("inside now, %d over capacity"), stats->checked_in_people - stats->capacity);
  else
    caption = g_strdup (_("inside now"));
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person inside now", "%d people inside now",
                                         stats->checked_in_people),
                            stats->checked_in_people);
  set_count (self->inside_label, count, spoken);
  gtk_label_set_label (self->inside_caption, caption);

  if (over)
    gtk_widget_add_css_class (self->inside_card, "over-capacity");
  else
    gtk_widget_remove_css_class (self->inside_card, "over-capacity");
}

static void
update_capacity (MqDoorWindow       *self,
                 const MqEventStats *stats)
{
  g_autofree char *count = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *spoken = NULL;

  if (stats->capacity < 0)
    {
      count = g_strdup ("∞");
      caption = g_strdup (_("capacity: unlimited"));
      spoken = g_strdup (_("Unlimited capacity"));
    }
  else
    {
      count = g_strdup_printf ("%d", stats->capacity);
      caption = g_strdup_printf (_("capacity, %d seats left"), MAX (stats->seats_left, 0));
      spoken = g_strdup_printf (_("Capacity %d, %d seats left"), stats->capacity, MAX (stats->seats_left, 0));
    }
  set_count (self->capacity_label, count, spoken);
  gtk_label_set_label (self->capacity_caption, caption);
}

static void
update_newcomers (MqDoorWindow       *self,
                  const MqEventStats *stats)
{
  g_autofree char *count = g_strdup_printf ("%d / %d", stats->newcomers_in, stats->newcomers);
  g_autofree char *spoken = g_strdup_printf (_("%d of %d newcomers in"), stats->newcomers_in, stats->newcomers);

  set_count (self->newcomers_label, count, spoken);
  gtk_label_set_label (self->newcomers_caption, _("newcomers in"));
}

void
_mq_door_window_update_counters (MqDoorWindow *self)
{
  MqEventStats stats = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->counters_source, g_source_remove);

  /* Asking the newcomer rule takes 20 ms at 10,000 RSVPs; an admit does not
   * change who is new, so only RSVP, people or event changes ask again.
   */
  if (self->newcomers == NULL)
    {
      g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (self->store);

      self->newcomers = mq_newcomer_rule_list_newcomers (rule, self->event_id, &error);
    }

  if (self->newcomers == NULL ||
      !mq_event_stats_compute_with_newcomers (self->store, self->event_id, self->newcomers, &stats, &error))
    {
      g_warning ("Could not count the event's guests: %s", error->message);
      return;
    }

  update_admitted (self, &stats);
  update_inside (self, &stats);
  update_capacity (self, &stats);
  update_newcomers (self, &stats);
}

static gboolean
update_counters_idle (gpointer user_data)
{
  MqDoorWindow *self = user_data;

  self->counters_source = 0;
  _mq_door_window_update_counters (self);
  return G_SOURCE_REMOVE;
}

/* An admit writes check-ins and, after an override, RSVPs: count once after
 * the burst, not once per signal.
 */
static void
on_store_changed (MqStore      *store,
                  const char   *what,
                  MqDoorWindow *self)
{
  if (g_strcmp0 (what, "check-ins") != 0)
    g_clear_pointer (&self->newcomers, g_array_unref);

  if (self->counters_source == 0)
    self->counters_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_counters_idle, self, NULL);
}

void
_mq_door_window_watch_counters (MqDoorWindow *self)
{
  g_signal_connect_object (self->store, "changed::rsvps", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (self->store, "changed::check-ins", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (self->store, "changed::events", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (self->store, "changed::people", G_CALLBACK (on_store_changed), self, 0);
  _mq_door_window_update_counters (self);
}
