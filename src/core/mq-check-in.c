/* mq-check-in.c: one record of the door's append-only log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-check-in"

#include "config.h"


#include "mq-rsvp-private.h"

struct _MqCheckIn
{
  GObject          parent_instance;

  gint64           id;
  gint64           event_id;
  gint64           rsvp_id;
  MqCheckInAction  action;
  int              people;
  gint64           undoes_id;
  GDateTime       *at;
  char            *station;
  char            *volunteer;
  char            *reason;
};

G_DEFINE_FINAL_TYPE (MqCheckIn, mq_check_in, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MqCheckInAction, mq_check_in_action,
  G_DEFINE_ENUM_VALUE (MQ_CHECK_IN_ADMIT, "admit"),
  G_DEFINE_ENUM_VALUE (MQ_CHECK_IN_UNDO, "undo"))

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_RSVP_ID,
  PROP_ACTION,
  PROP_PEOPLE,
  PROP_UNDOES_ID,
  PROP_AT,
  PROP_STATION,
  PROP_VOLUNTEER,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mq_check_in_finalize (GObject *object)
{
  MqCheckIn *self = (MqCheckIn *) object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->station, g_free);
  g_clear_pointer (&self->volunteer, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (mq_check_in_parent_class)->finalize (object);
}

static void
mq_check_in_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MqCheckIn *self = MQ_CHECK_IN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_RSVP_ID:
      g_value_set_int64 (value, self->rsvp_id);
      break;
    case PROP_ACTION:
      g_value_set_enum (value, self->action);
      break;
    case PROP_PEOPLE:
      g_value_set_int (value, self->people);
      break;
    case PROP_UNDOES_ID:
      g_value_set_int64 (value, self->undoes_id);
      break;
    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;
    case PROP_STATION:
      g_value_set_string (value, self->station);
      break;
    case PROP_VOLUNTEER:
      g_value_set_string (value, self->volunteer);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_check_in_class_init (MqCheckInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mq_check_in_finalize;
  object_class->get_property = mq_check_in_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RSVP_ID] =
    g_param_spec_int64 ("rsvp-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACTION] =
    g_param_spec_enum ("action", NULL, NULL,
                       MQ_TYPE_CHECK_IN_ACTION, MQ_CHECK_IN_ADMIT, flags);
  properties[PROP_PEOPLE] =
    g_param_spec_int ("people", NULL, NULL, 0, G_MAXINT, 1, flags);
  properties[PROP_UNDOES_ID] =
    g_param_spec_int64 ("undoes-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_STATION] =
    g_param_spec_string ("station", NULL, NULL, NULL, flags);
  properties[PROP_VOLUNTEER] =
    g_param_spec_string ("volunteer", NULL, NULL, NULL, flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mq_check_in_init (MqCheckIn *self)
{
  self->people = 1;
}

MqCheckIn *
mq_check_in_new_from_values (gint64           id,
                             gint64           event_id,
                             gint64           rsvp_id,
                             MqCheckInAction  action,
                             int              people,
                             gint64           undoes_id,
                             const char      *at,
                             const char      *station,
                             const char      *volunteer,
                             const char      *reason)
{
  MqCheckIn *self = g_object_new (MQ_TYPE_CHECK_IN, NULL);

  self->id = id;
  self->event_id = event_id;
  self->rsvp_id = rsvp_id;
  self->action = action;
  self->people = people;
  self->undoes_id = undoes_id;
  self->at = mq_rsvp_parse_time (at);
  self->station = g_strdup (station != NULL ? station : "");
  self->volunteer = g_strdup (volunteer);
  self->reason = g_strdup (reason);

  return self;
}

MqCheckIn *
mq_check_in_new_from_statement (sqlite3_stmt *stmt)
{
  const char *action;

  g_return_val_if_fail (stmt != NULL, NULL);

  action = (const char *) sqlite3_column_text (stmt, 3);

  return mq_check_in_new_from_values (sqlite3_column_int64 (stmt, 0),
                                      sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_int64 (stmt, 2),
                                      g_strcmp0 (action, "undo") == 0 ? MQ_CHECK_IN_UNDO : MQ_CHECK_IN_ADMIT,
                                      sqlite3_column_int (stmt, 4),
                                      sqlite3_column_int64 (stmt, 5),
                                      (const char *) sqlite3_column_text (stmt, 6),
                                      (const char *) sqlite3_column_text (stmt, 7),
                                      (const char *) sqlite3_column_text (stmt, 8),
                                      (const char *) sqlite3_column_text (stmt, 9));
}

gint64
mq_check_in_get_id (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), 0);

  return self->id;
}

gint64
mq_check_in_get_event_id (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), 0);

  return self->event_id;
}

gint64
mq_check_in_get_rsvp_id (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), 0);

  return self->rsvp_id;
}

MqCheckInAction
mq_check_in_get_action (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), MQ_CHECK_IN_ADMIT);

  return self->action;
}

int
mq_check_in_get_people (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), 0);

  return self->people;
}

gint64
mq_check_in_get_undoes_id (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), 0);

  return self->undoes_id;
}

GDateTime *
mq_check_in_get_at (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), NULL);

  return self->at;
}

const char *
mq_check_in_get_station (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), NULL);

  return self->station;
}

const char *
mq_check_in_get_volunteer (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), NULL);

  return self->volunteer;
}

const char *
mq_check_in_get_reason (MqCheckIn *self)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN (self), NULL);

  return self->reason;
}
