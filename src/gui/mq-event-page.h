/* mq-event-page.h: one event with the people who answered it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-edit-history.h"

G_BEGIN_DECLS

#define MQ_TYPE_EVENT_PAGE (mq_event_page_get_type ())

G_DECLARE_FINAL_TYPE (MqEventPage, mq_event_page, MQ, EVENT_PAGE, GtkWidget)

void    mq_event_page_set_history   (MqEventPage   *self,
                                     MqEditHistory *history);
gint64  mq_event_page_get_event_id  (MqEventPage   *self);
void    mq_event_page_set_event_id  (MqEventPage   *self,
                                     gint64         event_id);
void    mq_event_page_focus_search  (MqEventPage   *self);
/* Which RSVPs the list shows: -1 for all, else an MqRsvpStatus. */
void    mq_event_page_set_filter    (MqEventPage   *self,
                                     int            status);
/* How many RSVP rows pass the filter and search (for tests). */
guint   mq_event_page_get_n_shown   (MqEventPage   *self);

G_END_DECLS
