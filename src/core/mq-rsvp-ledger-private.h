/* mq-rsvp-ledger-private.h: the rows the ledger reads and writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-rsvp-ledger.h"
#include "mq-rsvp.h"
#include "mq-store.h"

G_BEGIN_DECLS

/* What the ledger needs to know about an event. */
typedef struct
{
  int      capacity;   /* -1: unlimited */
  gboolean manual;     /* the organizer promotes by hand */
} MqRsvpRules;

/* An RSVP as the rules see it. */
typedef struct
{
  gint64       id;
  MqRsvpStatus status;
  int          party_size;
} MqRsvpRow;

gboolean  mq_rsvp_rows_load_event_rules    (MqStore          *store,
                                            gint64            event_id,
                                            MqRsvpRules      *rules,
                                            GError          **error);
gboolean  mq_rsvp_rows_check_person_exists (MqStore          *store,
                                            gint64            person_id,
                                            GError          **error);
/* Seats taken by "going" RSVPs other than @except_rsvp_id; -1 on error. */
int       mq_rsvp_rows_count_seats_taken   (MqStore          *store,
                                            gint64            event_id,
                                            gint64            except_rsvp_id,
                                            GError          **error);
/* Sets @found to FALSE when the person has no RSVP to the event yet. */
gboolean  mq_rsvp_rows_load_row            (MqStore          *store,
                                            gint64            event_id,
                                            gint64            person_id,
                                            MqRsvpRow        *row,
                                            gboolean         *found,
                                            GError          **error);
/* @from NULL: the line that creates the RSVP. */
gboolean  mq_rsvp_rows_append_history      (MqStore          *store,
                                            gint64            rsvp_id,
                                            const MqRsvpRow  *from,
                                            MqRsvpStatus      to_status,
                                            int               to_party,
                                            const char       *at,
                                            const char       *actor,
                                            const char       *reason,
                                            GError          **error);
gboolean  mq_rsvp_rows_update_row          (MqStore          *store,
                                            gint64            event_id,
                                            const MqRsvpRow  *from,
                                            MqRsvpStatus      to_status,
                                            int               to_party,
                                            const char       *override_reason,
                                            const char       *now,
                                            GError          **error);
/* With a fresh ticket code. Returns the new RSVP's id, 0 on error. */
gint64    mq_rsvp_rows_insert_row          (MqStore          *store,
                                            gint64            event_id,
                                            gint64            person_id,
                                            MqRsvpStatus      status,
                                            int               party_size,
                                            const char       *source,
                                            const char       *override_reason,
                                            const char       *now,
                                            GError          **error);
MqRsvp   *mq_rsvp_rows_load_rsvp           (MqStore          *store,
                                            gint64            rsvp_id,
                                            GError          **error);

/* mq_rsvp_ledger_set() without reading the whole RSVP back: for the
 * importer, which needs the id and the status the rules gave, and for which
 * the waitlist position a full MqRsvp carries costs a count per row.
 */
gboolean  mq_rsvp_ledger_set_row           (MqRsvpLedger     *self,
                                            gint64            event_id,
                                            gint64            person_id,
                                            MqRsvpStatus      status,
                                            int               party_size,
                                            const char       *source,
                                            const char       *actor,
                                            const char       *reason,
                                            MqRsvpSetFlags    flags,
                                            MqRsvpRow        *written,
                                            GError          **error);

G_END_DECLS
