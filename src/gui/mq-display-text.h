/* mq-display-text.h: how the core's values read in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "marquee-core.h"

G_BEGIN_DECLS

const char *mq_display_rsvp_status       (MqRsvpStatus  status);
/* A style class that colours a status ("going", "waitlisted", …). */
const char *mq_display_rsvp_status_class (MqRsvpStatus  status);
const char *mq_display_event_kind        (MqEventKind   kind);
const char *mq_display_event_status      (MqEventStatus status);
/* "Fri 4 Dec 2026 · 19:00", in the event's own time zone. */
char       *mq_display_event_when        (MqEvent      *event);
/* "Doors 18:30 · Starts 19:00 · Q&A ends 21:15". */
char       *mq_display_event_schedule    (MqEvent      *event);
/* "32 of 40 seats taken · 5 waiting" */
char       *mq_display_event_seats       (const MqEventStats *stats);
/* "Fri 4 Dec 2026, 19:04" in the local time zone */
char       *mq_display_date_time         (GDateTime    *when);
/* "3rd on the waitlist" */
char       *mq_display_waitlist_place    (int           position);

G_END_DECLS
