/* mq-event-row.h: one event in the events list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_EVENT_ROW (mq_event_row_get_type ())

G_DECLARE_FINAL_TYPE (MqEventRow, mq_event_row, MQ, EVENT_ROW, GtkWidget)

GtkWidget *mq_event_row_new  (void);
void       mq_event_row_bind (MqEventRow         *self,
                              MqEvent            *event,
                              const MqEventStats *stats);

G_END_DECLS
