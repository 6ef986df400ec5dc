/* mq-rsvp-ledger.h: RSVPs, capacity and the waitlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-rsvp.h"
#include "mq-rsvp-transition.h"
#include "mq-store.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_RSVP_SET_NONE     = 0,
  /* An organizer's decision: "going" even over capacity. Needs a reason. */
  MQ_RSVP_SET_OVERRIDE = 1 << 0,
} MqRsvpSetFlags;

#define MQ_TYPE_RSVP_LEDGER (mq_rsvp_ledger_get_type ())

G_DECLARE_FINAL_TYPE (MqRsvpLedger, mq_rsvp_ledger, MQ, RSVP_LEDGER, GObject)

MqRsvpLedger *mq_rsvp_ledger_new         (MqStore         *store);

/* Creates or changes the RSVP of @person_id to @event_id. A "going" request
 * whose whole party does not fit becomes "waitlisted" (FIFO). When seats free
 * up, the first waitlisted RSVPs whose whole party fits are promoted in the
 * same transaction. Every transition is logged with @actor and @reason.
 * @source is used when the RSVP is created ("manual", "walk-in", "import:meetup").
 * Returns: (transfer full): the RSVP as it is after the change
 */
MqRsvp       *mq_rsvp_ledger_set         (MqRsvpLedger    *self,
                                          gint64           event_id,
                                          gint64           person_id,
                                          MqRsvpStatus     status,
                                          int              party_size,
                                          const char      *source,
                                          const char      *actor,
                                          const char      *reason,
                                          MqRsvpSetFlags   flags,
                                          GError         **error);
MqRsvp       *mq_rsvp_ledger_get         (MqRsvpLedger    *self,
                                          gint64           rsvp_id,
                                          GError         **error);
/* NULL without error when the person has no RSVP to the event. */
MqRsvp       *mq_rsvp_ledger_find        (MqRsvpLedger    *self,
                                          gint64           event_id,
                                          gint64           person_id,
                                          GError         **error);
/* NULL without error when no RSVP of @event_id has that code. */
MqRsvp       *mq_rsvp_ledger_find_by_code (MqRsvpLedger   *self,
                                           gint64          event_id,
                                           const char     *code,
                                           GError        **error);
/* Returns: (transfer full): MqRsvp items: going, maybe, waitlisted (in queue
 * order), declined, cancelled; by name within a status
 */
GPtrArray    *mq_rsvp_ledger_list        (MqRsvpLedger    *self,
                                          gint64           event_id,
                                          GError         **error);
/* Returns: (transfer full): MqRsvpTransition items, oldest first */
GPtrArray    *mq_rsvp_ledger_history     (MqRsvpLedger    *self,
                                          gint64           rsvp_id,
                                          GError         **error);
/* Sum of the party sizes of "going" RSVPs. */
int           mq_rsvp_ledger_seats_taken (MqRsvpLedger    *self,
                                          gint64           event_id,
                                          GError         **error);
/* Promotes whoever fits now; for callers that freed seats themselves
 * (a capacity raise, a merge). Joins the caller's transaction if one is open.
 * Returns the number of RSVPs promoted, -1 on error.
 */
int           mq_rsvp_ledger_promote     (MqRsvpLedger    *self,
                                          gint64           event_id,
                                          const char      *actor,
                                          GError         **error);

G_END_DECLS
