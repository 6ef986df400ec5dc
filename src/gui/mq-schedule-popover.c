/* mq-schedule-popover.c: choosing the day and time a post goes out
 *
 * Times are the organizer's own clock (this computer's time zone), said
 * under the spin buttons, since a club may announce in one city an event
 * held in another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-schedule-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-schedule-popover.h"

struct _MqSchedulePopover
{
  GtkPopover     parent_instance;

  /* Template widgets */
  GtkCalendar   *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkLabel      *zone_label;
};

G_DEFINE_FINAL_TYPE (MqSchedulePopover, mq_schedule_popover, GTK_TYPE_POPOVER)

static gboolean
on_two_digits_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

void
mq_schedule_popover_set_time (MqSchedulePopover *self,
                              GDateTime         *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (MQ_IS_SCHEDULE_POPOVER (self));
  g_return_if_fail (time != NULL);

  local = g_date_time_to_local (time);
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
}

GDateTime *
mq_schedule_popover_dup_time (MqSchedulePopover *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (MQ_IS_SCHEDULE_POPOVER (self), NULL);

  day = gtk_calendar_get_date (self->calendar);
  zone = g_time_zone_new_local ();
  return g_date_time_new (zone, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin), 0);
}

static void
mq_schedule_popover_class_init (MqSchedulePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-schedule-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, MqSchedulePopover, calendar);
  gtk_widget_class_bind_template_child (widget_class, MqSchedulePopover, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, MqSchedulePopover, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, MqSchedulePopover, zone_label);
  gtk_widget_class_bind_template_callback (widget_class, on_two_digits_output);
}

static void
mq_schedule_popover_init (MqSchedulePopover *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *zone = g_time_zone_get_identifier (g_date_time_get_timezone (now));
  g_autofree char *zone_text = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A path (":/etc/localtime") says nothing to a person; the abbreviation does. */
  if (zone == NULL || zone[0] == '/' || zone[0] == ':')
    zone = g_date_time_get_timezone_abbreviation (now);
  /* Translators: %s is a time zone, like Europe/Madrid or CET */
  zone_text = g_strdup_printf (_("Your computer’s time (%s)"), zone);
  gtk_label_set_text (self->zone_label, zone_text);
}
