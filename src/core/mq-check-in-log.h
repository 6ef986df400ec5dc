/* mq-check-in-log.h: who came in through the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-check-in.h"
#include "mq-store.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_ADMIT_FAILED = -1,   /* nothing written: see the GError */
  MQ_ADMIT_ADMITTED,      /* a new admit record was written */
  MQ_ADMIT_ALREADY_IN,    /* the whole party was already in: nothing written */
  MQ_ADMIT_NOT_ADMISSIBLE, /* the RSVP is not "going" (waitlisted, declined, …) */
} MqAdmitOutcome;

#define MQ_TYPE_CHECK_IN_LOG (mq_check_in_log_get_type ())

G_DECLARE_FINAL_TYPE (MqCheckInLog, mq_check_in_log, MQ, CHECK_IN_LOG, GObject)

MqCheckInLog  *mq_check_in_log_new          (MqStore         *store);

/* Admits @people of the RSVP's party (0: everyone of it not yet in), durably.
 * @record is set to the admit just written (ADMITTED) or to the first live
 * admit of the party (ALREADY_IN: "already in since HH:MM at STATION").
 * Returns the outcome, or MQ_ADMIT_FAILED with @error set (unknown RSVP, bad count).
 */
MqAdmitOutcome mq_check_in_log_admit        (MqCheckInLog    *self,
                                             gint64           rsvp_id,
                                             int              people,
                                             const char      *station,
                                             const char      *volunteer,
                                             MqCheckIn      **record,
                                             GError         **error);
/* An organizer lets in a guest whose RSVP is not "going" (waitlisted,
 * cancelled, declined, maybe): in one transaction the RSVP becomes "going"
 * with MQ_RSVP_SET_OVERRIDE (over capacity if need be; @reason goes into its
 * history) and @people of the party are admitted, the admit keeping @reason.
 * A "going" RSVP is simply admitted. @reason must not be blank.
 */
MqAdmitOutcome mq_check_in_log_admit_override (MqCheckInLog *self,
                                               gint64        rsvp_id,
                                               int           people,
                                               const char   *station,
                                               const char   *volunteer,
                                               const char   *reason,
                                               MqCheckIn   **record,
                                               GError      **error);
/* Takes back the RSVP's latest admit that is not yet undone. @reason must
 * not be empty. MQ_ERROR_NOT_FOUND when nobody of the party is in.
 * Returns: (transfer full): the undo record
 */
MqCheckIn     *mq_check_in_log_undo         (MqCheckInLog    *self,
                                             gint64           rsvp_id,
                                             const char      *reason,
                                             const char      *volunteer,
                                             GError         **error);
/* People of the RSVP's party now in (admits minus undos). */
int            mq_check_in_log_people_in    (MqCheckInLog    *self,
                                             gint64           rsvp_id,
                                             GError         **error);
/* People of the event now in. */
int            mq_check_in_log_event_people_in (MqCheckInLog *self,
                                                gint64        event_id,
                                                GError      **error);
/* Returns: (transfer full): the event's records, oldest first */
GPtrArray     *mq_check_in_log_list         (MqCheckInLog    *self,
                                             gint64           event_id,
                                             GError         **error);

G_END_DECLS
