/* mq-check-in.h: one record of the door's append-only log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MQ_CHECK_IN_ADMIT,
  MQ_CHECK_IN_UNDO,
} MqCheckInAction;

#define MQ_TYPE_CHECK_IN_ACTION (mq_check_in_action_get_type ())

GType mq_check_in_action_get_type (void) G_GNUC_CONST;

#define MQ_TYPE_CHECK_IN (mq_check_in_get_type ())

G_DECLARE_FINAL_TYPE (MqCheckIn, mq_check_in, MQ, CHECK_IN, GObject)

gint64           mq_check_in_get_id        (MqCheckIn *self);
gint64           mq_check_in_get_event_id  (MqCheckIn *self);
gint64           mq_check_in_get_rsvp_id   (MqCheckIn *self);
MqCheckInAction  mq_check_in_get_action    (MqCheckIn *self);
/* How many people of the party this record admits (or takes back). */
int              mq_check_in_get_people    (MqCheckIn *self);
/* For an undo: the admit it takes back; 0 otherwise. */
gint64           mq_check_in_get_undoes_id (MqCheckIn *self);
GDateTime       *mq_check_in_get_at        (MqCheckIn *self);
const char      *mq_check_in_get_station   (MqCheckIn *self);
const char      *mq_check_in_get_volunteer (MqCheckIn *self);
const char      *mq_check_in_get_reason    (MqCheckIn *self);

G_END_DECLS
