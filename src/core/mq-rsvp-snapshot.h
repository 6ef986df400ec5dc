/* mq-rsvp-snapshot.h: an event's RSVPs as they were, to put them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-store.h"

G_BEGIN_DECLS

typedef struct _MqRsvpSnapshot MqRsvpSnapshot;

/* Remembers status, party size and waitlist place of every RSVP of
 * @event_id. Undo needs all of them, not only the one that was changed:
 * one change can promote several waiting parties.
 */
MqRsvpSnapshot *mq_rsvp_snapshot_take         (MqStore         *store,
                                               gint64           event_id,
                                               GError         **error);
gint64          mq_rsvp_snapshot_get_event_id (MqRsvpSnapshot  *self);
/* Puts every RSVP back as it was in one transaction, each change logged in
 * the RSVP's history with @actor and @reason; RSVPs created since are
 * removed. Returns the number of RSVPs changed or removed, -1 on error.
 */
int             mq_rsvp_snapshot_restore      (MqRsvpSnapshot  *self,
                                               MqStore         *store,
                                               const char      *actor,
                                               const char      *reason,
                                               GError         **error);
void            mq_rsvp_snapshot_free         (MqRsvpSnapshot  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqRsvpSnapshot, mq_rsvp_snapshot_free)

G_END_DECLS
