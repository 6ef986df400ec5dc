/* mq-events-page.h: the events list beside the selected event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-edit-history.h"

G_BEGIN_DECLS

#define MQ_TYPE_EVENTS_PAGE (mq_events_page_get_type ())

G_DECLARE_FINAL_TYPE (MqEventsPage, mq_events_page, MQ, EVENTS_PAGE, GtkWidget)

void         mq_events_page_set_history   (MqEventsPage  *self,
                                           MqEditHistory *history);
MqEventRange mq_events_page_get_range     (MqEventsPage  *self);
void         mq_events_page_set_range     (MqEventsPage  *self,
                                           MqEventRange   range);
void         mq_events_page_refresh       (MqEventsPage  *self);
void         mq_events_page_show_event    (MqEventsPage  *self,
                                           gint64         event_id);
gint64       mq_events_page_get_event_id  (MqEventsPage  *self);
void         mq_events_page_focus_search  (MqEventsPage  *self);

G_END_DECLS
