/* mq-greeter-assignment.c: a newcomer paired with a greeter at one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-greeter-assignment"

#include "config.h"

#include "mq-greeter-assignment.h"

struct _MqGreeterAssignment
{
  GObject                    parent_instance;

  gint64                     id;
  gint64                     event_id;
  gint64                     newcomer_id;
  char                      *newcomer_name;
  gint64                     greeter_id;
  char                      *greeter_name;
  MqGreeterAssignmentStatus  status;
  GDateTime                 *assigned_at;
  GDateTime                 *met_at;
};

G_DEFINE_FINAL_TYPE (MqGreeterAssignment, mq_greeter_assignment, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MqGreeterAssignmentStatus, mq_greeter_assignment_status,
  G_DEFINE_ENUM_VALUE (MQ_GREETER_ASSIGNMENT_ASSIGNED, "assigned"),
  G_DEFINE_ENUM_VALUE (MQ_GREETER_ASSIGNMENT_MET, "met"))

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_NEWCOMER_ID,
  PROP_NEWCOMER_NAME,
  PROP_GREETER_ID,
  PROP_GREETER_NAME,
  PROP_STATUS,
  PROP_ASSIGNED_AT,
  PROP_MET_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mq_greeter_assignment_finalize (GObject *object)
{
  MqGreeterAssignment *self = (MqGreeterAssignment *) object;

  g_clear_pointer (&self->newcomer_name, g_free);
  g_clear_pointer (&self->greeter_name, g_free);
  g_clear_pointer (&self->assigned_at, g_date_time_unref);
  g_clear_pointer (&self->met_at, g_date_time_unref);

  G_OBJECT_CLASS (mq_greeter_assignment_parent_class)->finalize (object);
}

static void
mq_greeter_assignment_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MqGreeterAssignment *self = MQ_GREETER_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_NEWCOMER_ID:
      g_value_set_int64 (value, self->newcomer_id);
      break;
    case PROP_NEWCOMER_NAME:
      g_value_set_string (value, self->newcomer_name);
      break;
    case PROP_GREETER_ID:
      g_value_set_int64 (value, self->greeter_id);
      break;
    case PROP_GREETER_NAME:
      g_value_set_string (value, self->greeter_name);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ASSIGNED_AT:
      g_value_set_boxed (value, self->assigned_at);
      break;
    case PROP_MET_AT:
      g_value_set_boxed (value, self->met_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_greeter_assignment_class_init (MqGreeterAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mq_greeter_assignment_finalize;
  object_class->get_property = mq_greeter_assignment_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NEWCOMER_ID] =
    g_param_spec_int64 ("newcomer-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NEWCOMER_NAME] =
    g_param_spec_string ("newcomer-name", NULL, NULL, NULL, flags);
  properties[PROP_GREETER_ID] =
    g_param_spec_int64 ("greeter-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GREETER_NAME] =
    g_param_spec_string ("greeter-name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       MQ_TYPE_GREETER_ASSIGNMENT_STATUS, MQ_GREETER_ASSIGNMENT_ASSIGNED, flags);
  properties[PROP_ASSIGNED_AT] =
    g_param_spec_boxed ("assigned-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_MET_AT] =
    g_param_spec_boxed ("met-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mq_greeter_assignment_init (MqGreeterAssignment *self)
{
}

/* @met_at: (nullable): when the greeter found the newcomer */
MqGreeterAssignment *
mq_greeter_assignment_new (gint64                     id,
                           gint64                     event_id,
                           gint64                     newcomer_id,
                           const char                *newcomer_name,
                           gint64                     greeter_id,
                           const char                *greeter_name,
                           MqGreeterAssignmentStatus  status,
                           GDateTime                 *assigned_at,
                           GDateTime                 *met_at)
{
  MqGreeterAssignment *self;

  g_return_val_if_fail (status == MQ_GREETER_ASSIGNMENT_ASSIGNED ||
                        status == MQ_GREETER_ASSIGNMENT_MET, NULL);

  self = g_object_new (MQ_TYPE_GREETER_ASSIGNMENT, NULL);
  self->id = id;
  self->event_id = event_id;
  self->newcomer_id = newcomer_id;
  self->newcomer_name = g_strdup (newcomer_name);
  self->greeter_id = greeter_id;
  self->greeter_name = g_strdup (greeter_name);
  self->status = status;
  self->assigned_at = assigned_at != NULL ? g_date_time_ref (assigned_at) : NULL;
  self->met_at = met_at != NULL ? g_date_time_ref (met_at) : NULL;

  return self;
}

gint64
mq_greeter_assignment_get_id (MqGreeterAssignment *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_ASSIGNMENT (self), 0);

  return self->id;
}

gint64
mq_greeter_assignment_get_event_id (MqGreeterAssignment *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_ASSIGNMENT (self), 0);

  return self->event_id;
}

gint64
mq_greeter_assignment_get_newcomer_id (MqGreeterAssignment *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_ASSIGNMENT (self), 0);

  return self->newcomer_id;
}

const char *
mq_greeter_assignment_get_newcomer_name (MqGreeterAssignment *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_ASSIGNMENT (self), NULL);

  return self->newcomer_name;
}

gint64
mq_greeter_assignment_get_greeter_id (MqGreeterAssignment *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_ASSIGNMENT (self), 0);

  return self->greeter_id;
}

const char *
mq_greeter_assignment_get_greeter_name (MqGreeterAssignment *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_ASSIGNMENT (self), NULL);

  return self->greeter_name;
}

MqGreeterAssignmentStatus
mq_greeter_assignment_get_status (MqGreeterAssignment *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_ASSIGNMENT (self), MQ_GREETER_ASSIGNMENT_ASSIGNED);

  return self->status;
}

GDateTime *
mq_greeter_assignment_get_assigned_at (MqGreeterAssignment *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_ASSIGNMENT (self), NULL);

  return self->assigned_at;
}

GDateTime *
mq_greeter_assignment_get_met_at (MqGreeterAssignment *self)
{
  g_return_val_if_fail (MQ_IS_GREETER_ASSIGNMENT (self), NULL);

  return self->met_at;
}
