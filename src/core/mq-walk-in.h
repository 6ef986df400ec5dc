/* mq-walk-in.h: someone not on the list comes to the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-check-in.h"
#include "mq-check-in-log.h"
#include "mq-person.h"
#include "mq-rsvp.h"
#include "mq-store.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_WALK_IN_SAME_EMAIL,   /* the directory has this email */
  MQ_WALK_IN_SAME_HANDLE,  /* … or this Mastodon / Bluesky handle */
  MQ_WALK_IN_SAME_NAME,    /* the folded names are equal */
  MQ_WALK_IN_NAME_PREFIX,  /* the folded name starts with what was typed */
} MqWalkInMatch;

typedef struct
{
  MqPerson      *person;
  MqWalkInMatch  match;
} MqWalkInCandidate;

void mq_walk_in_candidate_free (MqWalkInCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqWalkInCandidate, mq_walk_in_candidate_free)

typedef struct
{
  /* "That's them": an existing person. 0 to add @name (+ @email, @handle). */
  gint64      person_id;
  const char *name;
  const char *email;
  /* "@user@host" is a Mastodon handle, anything else a Bluesky one. */
  const char *handle;
  /* The whole party, plus-ones included; 0 means 1. */
  int         party_size;
  const char *station;
  const char *volunteer;
  /* Non-NULL: an organizer lets them in over capacity, for this reason. */
  const char *override_reason;
} MqWalkInRequest;

#define MQ_TYPE_WALK_IN (mq_walk_in_get_type ())

G_DECLARE_FINAL_TYPE (MqWalkIn, mq_walk_in, MQ, WALK_IN, GObject)

MqWalkIn  *mq_walk_in_new              (MqStore               *store);
/* Who in the directory might already be this walk-in: same email, same
 * handle, same name or a name starting with @name (accent- and case-
 * insensitive), strongest match first, at most @limit.
 * Returns: (transfer full) (element-type MqWalkInCandidate)
 */
GPtrArray *mq_walk_in_find_candidates  (MqWalkIn              *self,
                                        const char            *name,
                                        const char            *email,
                                        const char            *handle,
                                        guint                  limit,
                                        GError               **error);
/* In one transaction: the person (existing or added), their RSVP set to
 * "going" with source "walk-in" (an existing RSVP keeps its source), and
 * the admit. A party that does not fit fails with MQ_ERROR_CAPACITY and
 * changes nothing, unless @request has an override reason. A new person
 * whose email or handle is already in the directory fails with
 * MQ_ERROR_CONSTRAINT: pick that person instead.
 * @outcome: (out): ADMITTED, or ALREADY_IN when they were in already
 * @record: (out) (optional) (transfer full): the admit (or the earlier one)
 * Returns: (transfer full): the RSVP after the admit
 */
MqRsvp    *mq_walk_in_admit            (MqWalkIn              *self,
                                        gint64                 event_id,
                                        const MqWalkInRequest *request,
                                        MqAdmitOutcome        *outcome,
                                        MqCheckIn            **record,
                                        GError               **error);

G_END_DECLS
