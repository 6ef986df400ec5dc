/* mq-greeter-assignment.h: a newcomer paired with a greeter at one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MQ_GREETER_ASSIGNMENT_ASSIGNED,
  MQ_GREETER_ASSIGNMENT_MET,
} MqGreeterAssignmentStatus;

#define MQ_TYPE_GREETER_ASSIGNMENT_STATUS (mq_greeter_assignment_status_get_type ())

GType mq_greeter_assignment_status_get_type (void) G_GNUC_CONST;

#define MQ_TYPE_GREETER_ASSIGNMENT (mq_greeter_assignment_get_type ())

G_DECLARE_FINAL_TYPE (MqGreeterAssignment, mq_greeter_assignment, MQ, GREETER_ASSIGNMENT, GObject)

MqGreeterAssignment       *mq_greeter_assignment_new              (gint64                     id,
                                                                   gint64                     event_id,
                                                                   gint64                     newcomer_id,
                                                                   const char                *newcomer_name,
                                                                   gint64                     greeter_id,
                                                                   const char                *greeter_name,
                                                                   MqGreeterAssignmentStatus  status,
                                                                   GDateTime                 *assigned_at,
                                                                   GDateTime                 *met_at);
gint64                     mq_greeter_assignment_get_id            (MqGreeterAssignment *self);
gint64                     mq_greeter_assignment_get_event_id      (MqGreeterAssignment *self);
gint64                     mq_greeter_assignment_get_newcomer_id   (MqGreeterAssignment *self);
const char                *mq_greeter_assignment_get_newcomer_name (MqGreeterAssignment *self);
gint64                     mq_greeter_assignment_get_greeter_id    (MqGreeterAssignment *self);
const char                *mq_greeter_assignment_get_greeter_name  (MqGreeterAssignment *self);
MqGreeterAssignmentStatus  mq_greeter_assignment_get_status        (MqGreeterAssignment *self);
GDateTime                 *mq_greeter_assignment_get_assigned_at   (MqGreeterAssignment *self);
GDateTime                 *mq_greeter_assignment_get_met_at        (MqGreeterAssignment *self);

G_END_DECLS
