/* mq-rsvp-transition.c: one line of an RSVP's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-rsvp-transition"

#include "config.h"

#include "mq-rsvp-private.h"

struct _MqRsvpTransition
{
  GObject       parent_instance;

  gint64        id;
  gint64        rsvp_id;
  gboolean      has_from;
  MqRsvpStatus  from_status;
  MqRsvpStatus  to_status;
  int           from_party;
  int           to_party;
  GDateTime    *at;
  char         *actor;
  char         *reason;
};

G_DEFINE_FINAL_TYPE (MqRsvpTransition, mq_rsvp_transition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RSVP_ID,
  PROP_HAS_FROM,
  PROP_FROM_STATUS,
  PROP_TO_STATUS,
  PROP_FROM_PARTY,
  PROP_TO_PARTY,
  PROP_AT,
  PROP_ACTOR,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mq_rsvp_transition_finalize (GObject *object)
{
  MqRsvpTransition *self = (MqRsvpTransition *) object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (mq_rsvp_transition_parent_class)->finalize (object);
}

static void
mq_rsvp_transition_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MqRsvpTransition *self = MQ_RSVP_TRANSITION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_RSVP_ID:
      g_value_set_int64 (value, self->rsvp_id);
      break;
    case PROP_HAS_FROM:
      g_value_set_boolean (value, self->has_from);
      break;
    case PROP_FROM_STATUS:
      g_value_set_enum (value, self->from_status);
      break;
    case PROP_TO_STATUS:
      g_value_set_enum (value, self->to_status);
      break;
    case PROP_FROM_PARTY:
      g_value_set_int (value, self->from_party);
      break;
    case PROP_TO_PARTY:
      g_value_set_int (value, self->to_party);
      break;
    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_rsvp_transition_class_init (MqRsvpTransitionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mq_rsvp_transition_finalize;
  object_class->get_property = mq_rsvp_transition_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RSVP_ID] =
    g_param_spec_int64 ("rsvp-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HAS_FROM] =
    g_param_spec_boolean ("has-from", NULL, NULL, FALSE, flags);
  properties[PROP_FROM_STATUS] =
    g_param_spec_enum ("from-status", NULL, NULL,
                       MQ_TYPE_RSVP_STATUS, MQ_RSVP_STATUS_GOING, flags);
  properties[PROP_TO_STATUS] =
    g_param_spec_enum ("to-status", NULL, NULL,
                       MQ_TYPE_RSVP_STATUS, MQ_RSVP_STATUS_GOING, flags);
  properties[PROP_FROM_PARTY] =
    g_param_spec_int ("from-party", NULL, NULL, 0, 100, 0, flags);
  properties[PROP_TO_PARTY] =
    g_param_spec_int ("to-party", NULL, NULL, 0, 100, 1, flags);
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL, flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mq_rsvp_transition_init (MqRsvpTransition *self)
{
}

MqRsvpTransition *
mq_rsvp_transition_new_from_values (gint64      id,
                                    gint64      rsvp_id,
                                    const char *from_status,
                                    const char *to_status,
                                    int         from_party,
                                    int         to_party,
                                    const char *at,
                                    const char *actor,
                                    const char *reason)
{
  MqRsvpTransition *self = g_object_new (MQ_TYPE_RSVP_TRANSITION, NULL);

  self->id = id;
  self->rsvp_id = rsvp_id;
  self->has_from = mq_rsvp_status_from_string (from_status, &self->from_status);
  mq_rsvp_status_from_string (to_status, &self->to_status);
  self->from_party = self->has_from ? from_party : 0;
  self->to_party = to_party;
  self->at = mq_rsvp_parse_time (at);
  self->actor = g_strdup (actor);
  self->reason = g_strdup (reason);

  return self;
}

MqRsvpTransition *
mq_rsvp_transition_new_from_statement (sqlite3_stmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  return mq_rsvp_transition_new_from_values (sqlite3_column_int64 (stmt, 0),
                                             sqlite3_column_int64 (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2),
                                             (const char *) sqlite3_column_text (stmt, 3),
                                             sqlite3_column_int (stmt, 4),
                                             sqlite3_column_int (stmt, 5),
                                             (const char *) sqlite3_column_text (stmt, 6),
                                             (const char *) sqlite3_column_text (stmt, 7),
                                             (const char *) sqlite3_column_text (stmt, 8));
}

gint64
mq_rsvp_transition_get_id (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), 0);

  return self->id;
}

gint64
mq_rsvp_transition_get_rsvp_id (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), 0);

  return self->rsvp_id;
}

gboolean
mq_rsvp_transition_has_from (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), FALSE);

  return self->has_from;
}

MqRsvpStatus
mq_rsvp_transition_get_from_status (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), MQ_RSVP_STATUS_GOING);

  return self->from_status;
}

MqRsvpStatus
mq_rsvp_transition_get_to_status (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), MQ_RSVP_STATUS_GOING);

  return self->to_status;
}

int
mq_rsvp_transition_get_from_party (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), 0);

  return self->from_party;
}

int
mq_rsvp_transition_get_to_party (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), 0);

  return self->to_party;
}

GDateTime *
mq_rsvp_transition_get_at (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), NULL);

  return self->at;
}

const char *
mq_rsvp_transition_get_actor (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), NULL);

  return self->actor;
}

const char *
mq_rsvp_transition_get_reason (MqRsvpTransition *self)
{
  g_return_val_if_fail (MQ_IS_RSVP_TRANSITION (self), NULL);

  return self->reason;
}
