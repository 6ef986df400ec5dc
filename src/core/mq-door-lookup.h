/* mq-door-lookup.h: find a guest of one event from two letters or a scanned code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-rsvp.h"
#include "mq-store.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_DOOR_MATCH_CODE,        /* the query is this RSVP's ticket code */
  MQ_DOOR_MATCH_NAME,        /* the query is the whole name (folded) */
  MQ_DOOR_MATCH_PREFIX,      /* every query word starts a word of name, email or handle */
  MQ_DOOR_MATCH_FUZZY,       /* no prefix matched; every query word is one typo away (mq-door-fuzzy.h) */
} MqDoorMatchKind;

typedef struct
{
  gint64           rsvp_id;
  gint64           person_id;
  char            *name;
  MqRsvpStatus     status;
  int              party_size;
  char            *ticket_code;
  MqDoorMatchKind  kind;
} MqDoorMatch;

void mq_door_match_free (MqDoorMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqDoorMatch, mq_door_match_free)

#define MQ_TYPE_DOOR_LOOKUP (mq_door_lookup_get_type ())

G_DECLARE_FINAL_TYPE (MqDoorLookup, mq_door_lookup, MQ, DOOR_LOOKUP, GObject)

/* Keeps an in-memory index of the event's RSVPs (name, email, handles, code,
 * folded), rebuilt after the store reports changed RSVPs or people.
 */
MqDoorLookup *mq_door_lookup_new    (MqStore       *store,
                                     gint64         event_id,
                                     GError       **error);
gint64        mq_door_lookup_get_event_id (MqDoorLookup *self);
/* Ranked: code, then exact name, then prefix; by name within a rank.
 * Returns: (transfer full) (element-type MqDoorMatch): at most @limit matches
 */
GPtrArray    *mq_door_lookup_search (MqDoorLookup  *self,
                                     const char    *query,
                                     guint          limit,
                                     GError       **error);

G_END_DECLS
