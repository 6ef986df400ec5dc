/* mq-rsvp.h: one person's answer to one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MQ_RSVP_STATUS_GOING,
  MQ_RSVP_STATUS_MAYBE,
  MQ_RSVP_STATUS_WAITLISTED,
  MQ_RSVP_STATUS_DECLINED,
  MQ_RSVP_STATUS_CANCELLED,
} MqRsvpStatus;

#define MQ_TYPE_RSVP_STATUS (mq_rsvp_status_get_type ())

GType       mq_rsvp_status_get_type    (void) G_GNUC_CONST;
const char *mq_rsvp_status_to_string   (MqRsvpStatus  status);
gboolean    mq_rsvp_status_from_string (const char   *text,
                                        MqRsvpStatus *status);

#define MQ_TYPE_RSVP (mq_rsvp_get_type ())

G_DECLARE_FINAL_TYPE (MqRsvp, mq_rsvp, MQ, RSVP, GObject)

/* A read-only snapshot of a row, as the ledger returns it; change an RSVP
 * through MqRsvpLedger. Every getter is also a read-only property.
 */
gint64        mq_rsvp_get_id                (MqRsvp *self);
gint64        mq_rsvp_get_event_id          (MqRsvp *self);
gint64        mq_rsvp_get_person_id         (MqRsvp *self);
const char   *mq_rsvp_get_name              (MqRsvp *self);
MqRsvpStatus  mq_rsvp_get_status            (MqRsvp *self);
int           mq_rsvp_get_party_size        (MqRsvp *self);
const char   *mq_rsvp_get_source            (MqRsvp *self);
const char   *mq_rsvp_get_ticket_code       (MqRsvp *self);
const char   *mq_rsvp_get_answers           (MqRsvp *self);
/* 1-based place in the waitlist, 0 when not waiting. */
int           mq_rsvp_get_waitlist_position (MqRsvp *self);
const char   *mq_rsvp_get_override_reason   (MqRsvp *self);
GDateTime    *mq_rsvp_get_created_at        (MqRsvp *self);
GDateTime    *mq_rsvp_get_updated_at        (MqRsvp *self);
/* When the party was first admitted (nullable) and how many of it are in. */
GDateTime    *mq_rsvp_get_checked_in_at     (MqRsvp *self);
int           mq_rsvp_get_checked_in_people (MqRsvp *self);

G_END_DECLS
