/* mq-schedule-popover.h: choosing the day and time a post goes out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MQ_TYPE_SCHEDULE_POPOVER (mq_schedule_popover_get_type ())

G_DECLARE_FINAL_TYPE (MqSchedulePopover, mq_schedule_popover, MQ, SCHEDULE_POPOVER, GtkPopover)

/* The time shown, in this computer's time zone. */
void       mq_schedule_popover_set_time (MqSchedulePopover *self,
                                         GDateTime         *time);
GDateTime *mq_schedule_popover_dup_time (MqSchedulePopover *self);

G_END_DECLS
