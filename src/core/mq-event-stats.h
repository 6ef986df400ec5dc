/* mq-event-stats.h: the counts of one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 event_id;
  int    capacity;          /* -1: unlimited */
  int    going;             /* RSVPs */
  int    going_people;      /* people, party sizes summed */
  int    maybe;
  int    waitlisted;
  int    waitlisted_people;
  int    declined;
  int    cancelled;
  int    seats_left;        /* -1: unlimited */
  int    checked_in;        /* RSVPs with someone in */
  int    checked_in_people; /* people in */
  int    newcomers;         /* going RSVPs of people never admitted at an earlier event */
  int    newcomers_in;
} MqEventStats;

gboolean mq_event_stats_compute                (MqStore      *store,
                                                gint64        event_id,
                                                MqEventStats *stats,
                                                GError      **error);
/* The same counts with the event's newcomers given (from
 * mq_newcomer_rule_list_newcomers): the door keeps that list between
 * admits, which do not change who is new, and recounts in a few ms.
 */
gboolean mq_event_stats_compute_with_newcomers (MqStore      *store,
                                                gint64        event_id,
                                                GArray       *newcomers,
                                                MqEventStats *stats,
                                                GError      **error);

G_END_DECLS
