/* mq-door-walk-in-dialog.h: someone not on the list, admitted from the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_DOOR_WALK_IN_DIALOG (mq_door_walk_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MqDoorWalkInDialog, mq_door_walk_in_dialog, MQ, DOOR_WALK_IN_DIALOG, AdwWindow)

/* Emits "admitted" (MqRsvp, MqCheckIn, MqAdmitOutcome) and closes once the
 * walk-in is in; @name prefills what the volunteer already typed.
 */
MqDoorWalkInDialog *mq_door_walk_in_dialog_new        (GtkWindow          *parent,
                                                       MqStore            *store,
                                                       gint64              event_id,
                                                       const char         *station,
                                                       const char         *name);
void                mq_door_walk_in_dialog_set_fields (MqDoorWalkInDialog *self,
                                                       const char         *name,
                                                       const char         *email,
                                                       const char         *handle);
/* How many "that's them" candidates are shown (for tests). */
guint               mq_door_walk_in_dialog_get_n_candidates (MqDoorWalkInDialog *self);

G_END_DECLS
