/* mq-event-row.c: one event in the events list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event-row"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-display-text.h"
#include "mq-event-row.h"

struct _MqEventRow
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkLabel     *month_label;
  GtkLabel     *day_label;
  GtkLabel     *title_label;
  GtkLabel     *status_label;
  GtkLabel     *details_label;
  GtkLevelBar  *seats_bar;
  GtkLabel     *seats_label;
};

G_DEFINE_FINAL_TYPE (MqEventRow, mq_event_row, GTK_TYPE_WIDGET)

static void
mq_event_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), MQ_TYPE_EVENT_ROW);
  /* GTK 4.8 only unparents the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mq_event_row_parent_class)->dispose (object);
}

static void
mq_event_row_class_init (MqEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_event_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MqEventRow, month_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, MqEventRow, seats_bar);
  gtk_widget_class_bind_template_child (widget_class, MqEventRow, seats_label);
}

static void
mq_event_row_init (MqEventRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A half-empty screening is not a warning: one neutral fill. */
  gtk_level_bar_remove_offset_value (self->seats_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->seats_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->seats_bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

GtkWidget *
mq_event_row_new (void)
{
  return g_object_new (MQ_TYPE_EVENT_ROW, NULL);
}

void
mq_event_row_bind (MqEventRow         *self,
                   MqEvent            *event,
                   const MqEventStats *stats)
{
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *seats = NULL;
  g_autofree char *when = NULL;
  g_autofree char *accessible = NULL;
  MqEventStatus status;

  g_return_if_fail (MQ_IS_EVENT_ROW (self));
  g_return_if_fail (MQ_IS_EVENT (event));

  starts = mq_event_dup_starts_local (event);
  if (starts != NULL)
    {
      /* Translators: the month above the day number in the events list, strftime() notation */
      g_autofree char *month = g_date_time_format (starts, _("%b"));
      g_autofree char *day = g_date_time_format (starts, "%e");
      g_autofree char *time = g_date_time_format (starts, _("%H:%M"));

      gtk_label_set_label (self->month_label, month);
      gtk_label_set_label (self->day_label, g_strstrip (day));
      g_string_append_printf (details, "%s · %s", mq_display_event_kind (mq_event_get_kind (event)), time);
    }

  if (mq_event_get_venue (event) != NULL)
    g_string_append_printf (details, " · %s", mq_event_get_venue (event));

  gtk_label_set_label (self->title_label, mq_event_get_title (event));
  gtk_label_set_label (self->details_label, details->str);

  status = mq_event_get_status (event);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != MQ_EVENT_STATUS_PUBLISHED);
  gtk_label_set_label (self->status_label, mq_display_event_status (status));
  if (status == MQ_EVENT_STATUS_CANCELLED)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");

  seats = stats != NULL ? mq_display_event_seats (stats) : g_strdup ("");
  gtk_label_set_label (self->seats_label, seats);
  if (stats != NULL && stats->capacity > 0)
    {
      gtk_level_bar_set_value (self->seats_bar,
                               MIN (1.0, (double) stats->going_people / stats->capacity));
      gtk_widget_set_visible (GTK_WIDGET (self->seats_bar), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->seats_bar), FALSE);
    }

  when = mq_display_event_when (event);
  accessible = g_strdup_printf ("%s, %s, %s", mq_event_get_title (event), when, seats);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}
