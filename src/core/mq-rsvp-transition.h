/* mq-rsvp-transition.h: one line of an RSVP's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-rsvp.h"

G_BEGIN_DECLS

#define MQ_TYPE_RSVP_TRANSITION (mq_rsvp_transition_get_type ())

G_DECLARE_FINAL_TYPE (MqRsvpTransition, mq_rsvp_transition, MQ, RSVP_TRANSITION, GObject)

gint64        mq_rsvp_transition_get_id          (MqRsvpTransition *self);
gint64        mq_rsvp_transition_get_rsvp_id     (MqRsvpTransition *self);
/* FALSE for the line that created the RSVP. */
gboolean      mq_rsvp_transition_has_from        (MqRsvpTransition *self);
MqRsvpStatus  mq_rsvp_transition_get_from_status (MqRsvpTransition *self);
MqRsvpStatus  mq_rsvp_transition_get_to_status   (MqRsvpTransition *self);
int           mq_rsvp_transition_get_from_party  (MqRsvpTransition *self);
int           mq_rsvp_transition_get_to_party    (MqRsvpTransition *self);
GDateTime    *mq_rsvp_transition_get_at          (MqRsvpTransition *self);
const char   *mq_rsvp_transition_get_actor       (MqRsvpTransition *self);
const char   *mq_rsvp_transition_get_reason      (MqRsvpTransition *self);

G_END_DECLS
