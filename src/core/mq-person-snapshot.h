/* mq-person-snapshot.h: people's records as they were, to put them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-store.h"

G_BEGIN_DECLS

typedef struct _MqPersonSnapshot MqPersonSnapshot;

/* Before an edit of @person_id: the record and its tags. */
MqPersonSnapshot *mq_person_snapshot_take       (MqStore           *store,
                                                 gint64             person_id,
                                                 GError           **error);
/* After @person_id was added: putting it back removes the person again. */
MqPersonSnapshot *mq_person_snapshot_new_added  (gint64             person_id);
/* Before @drop_id is merged into @keep_id: both records and their tags,
 * their RSVPs with the history and check-ins that a merge moves between
 * them, roles, greeter pairs, introductions and earlier merges, and every
 * RSVP of the events both answered (a merge can free seats there and
 * promote the waitlist).
 */
MqPersonSnapshot *mq_person_snapshot_take_merge (MqStore           *store,
                                                 gint64             keep_id,
                                                 gint64             drop_id,
                                                 GError           **error);
/* Puts it all back in one transaction: a merged person comes back with
 * the same id, RSVPs, ticket codes and history. Waitlist promotions are
 * taken back in the RSVP history with @actor and @reason.
 */
gboolean          mq_person_snapshot_restore    (MqPersonSnapshot  *self,
                                                 MqStore           *store,
                                                 const char        *actor,
                                                 const char        *reason,
                                                 GError           **error);
void              mq_person_snapshot_free       (MqPersonSnapshot  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqPersonSnapshot, mq_person_snapshot_free)

G_END_DECLS
