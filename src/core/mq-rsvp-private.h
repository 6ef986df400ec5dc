/* mq-rsvp-private.h: building RSVP, history and check-in snapshots inside the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "mq-check-in.h"
#include "mq-rsvp.h"
#include "mq-rsvp-transition.h"

G_BEGIN_DECLS

/* The columns mq_rsvp_new_from_statement() reads, in order, starting at
 * column 0. Append a WHERE / ORDER BY clause to MQ_RSVP_SELECT; the RSVP row
 * is "r" and the person row "p". The waitlist position and the check-in state
 * are derived here so that every reader of an RSVP sees the same numbers.
 */
#define MQ_RSVP_SELECT \
  "SELECT r.id, r.event_id, r.person_id, p.name, r.status, r.party_size," \
  " r.source, r.ticket_code, r.answers, r.override_reason," \
  " r.created_at, r.updated_at," \
  " CASE WHEN r.status = 'waitlisted' THEN" \
  "  (SELECT count(*) FROM rsvps w WHERE w.event_id = r.event_id" \
  "   AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq)" \
  " ELSE 0 END," \
  " (SELECT min(a.at) FROM check_ins a WHERE a.rsvp_id = r.id AND a.action = 'admit'" \
  "   AND NOT EXISTS (SELECT 1 FROM check_ins u WHERE u.rsvp_id = a.rsvp_id" \
  "                   AND u.action = 'undo' AND u.undoes_id = a.id))," \
  " coalesce ((SELECT sum (CASE c.action WHEN 'admit' THEN c.people ELSE -c.people END)" \
  "   FROM check_ins c WHERE c.rsvp_id = r.id), 0)" \
  " FROM rsvps r JOIN people p ON p.id = r.person_id "

MqRsvp *mq_rsvp_new_from_statement (sqlite3_stmt *stmt);
/* @created_at, @updated_at: ISO 8601 UTC; @checked_in_at nullable. */
MqRsvp *mq_rsvp_new_from_values    (gint64        id,
                                    gint64        event_id,
                                    gint64        person_id,
                                    const char   *name,
                                    MqRsvpStatus  status,
                                    int           party_size,
                                    const char   *source,
                                    const char   *ticket_code,
                                    const char   *answers,
                                    int           waitlist_position,
                                    const char   *override_reason,
                                    const char   *created_at,
                                    const char   *updated_at,
                                    const char   *checked_in_at,
                                    int           checked_in_people);

#define MQ_RSVP_TRANSITION_SELECT \
  "SELECT id, rsvp_id, from_status, to_status, from_party, to_party, at, actor, reason" \
  " FROM rsvp_history "

MqRsvpTransition *mq_rsvp_transition_new_from_statement (sqlite3_stmt *stmt);
/* @from_status NULL for the line that created the RSVP. */
MqRsvpTransition *mq_rsvp_transition_new_from_values    (gint64      id,
                                                         gint64      rsvp_id,
                                                         const char *from_status,
                                                         const char *to_status,
                                                         int         from_party,
                                                         int         to_party,
                                                         const char *at,
                                                         const char *actor,
                                                         const char *reason);

#define MQ_CHECK_IN_SELECT \
  "SELECT id, event_id, rsvp_id, action, people, undoes_id, at, station, volunteer, reason" \
  " FROM check_ins "

MqCheckIn *mq_check_in_new_from_statement (sqlite3_stmt    *stmt);
MqCheckIn *mq_check_in_new_from_values    (gint64           id,
                                           gint64           event_id,
                                           gint64           rsvp_id,
                                           MqCheckInAction  action,
                                           int              people,
                                           gint64           undoes_id,
                                           const char      *at,
                                           const char      *station,
                                           const char      *volunteer,
                                           const char      *reason);

/* Parses the store's ISO 8601 UTC text; NULL for NULL or unparsable text. */
GDateTime *mq_rsvp_parse_time (const char *text);

G_END_DECLS
