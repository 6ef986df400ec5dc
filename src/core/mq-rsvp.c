/* mq-rsvp.c: one person's answer to one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-rsvp"

#include "config.h"

#include <string.h>

#include "mq-rsvp-private.h"

struct _MqRsvp
{
  GObject       parent_instance;

  gint64        id;
  gint64        event_id;
  gint64        person_id;
  char         *name;
  MqRsvpStatus  status;
  int           party_size;
  char         *source;
  char         *ticket_code;
  char         *answers;
  int           waitlist_position;
  char         *override_reason;
  GDateTime    *created_at;
  GDateTime    *updated_at;
  GDateTime    *checked_in_at;
  int           checked_in_people;
};

G_DEFINE_FINAL_TYPE (MqRsvp, mq_rsvp, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MqRsvpStatus, mq_rsvp_status,
  G_DEFINE_ENUM_VALUE (MQ_RSVP_STATUS_GOING, "going"),
  G_DEFINE_ENUM_VALUE (MQ_RSVP_STATUS_MAYBE, "maybe"),
  G_DEFINE_ENUM_VALUE (MQ_RSVP_STATUS_WAITLISTED, "waitlisted"),
  G_DEFINE_ENUM_VALUE (MQ_RSVP_STATUS_DECLINED, "declined"),
  G_DEFINE_ENUM_VALUE (MQ_RSVP_STATUS_CANCELLED, "cancelled"))

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_PERSON_ID,
  PROP_NAME,
  PROP_STATUS,
  PROP_PARTY_SIZE,
  PROP_SOURCE,
  PROP_TICKET_CODE,
  PROP_ANSWERS,
  PROP_WAITLIST_POSITION,
  PROP_OVERRIDE_REASON,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CHECKED_IN_AT,
  PROP_CHECKED_IN_PEOPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The database's spelling, also what the CLI prints. */
static const char * const status_names[] = {
  [MQ_RSVP_STATUS_GOING] = "going",
  [MQ_RSVP_STATUS_MAYBE] = "maybe",
  [MQ_RSVP_STATUS_WAITLISTED] = "waitlisted",
  [MQ_RSVP_STATUS_DECLINED] = "declined",
  [MQ_RSVP_STATUS_CANCELLED] = "cancelled",
};

const char *
mq_rsvp_status_to_string (MqRsvpStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
mq_rsvp_status_from_string (const char   *text,
                            MqRsvpStatus *status)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (strcmp (text, status_names[i]) == 0)
        {
          if (status != NULL)
            *status = (MqRsvpStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

GDateTime *
mq_rsvp_parse_time (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

static void
mq_rsvp_finalize (GObject *object)
{
  MqRsvp *self = (MqRsvp *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->ticket_code, g_free);
  g_clear_pointer (&self->answers, g_free);
  g_clear_pointer (&self->override_reason, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->checked_in_at, g_date_time_unref);

  G_OBJECT_CLASS (mq_rsvp_parent_class)->finalize (object);
}

static void
mq_rsvp_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  MqRsvp *self = MQ_RSVP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_PARTY_SIZE:
      g_value_set_int (value, self->party_size);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_TICKET_CODE:
      g_value_set_string (value, self->ticket_code);
      break;
    case PROP_ANSWERS:
      g_value_set_string (value, self->answers);
      break;
    case PROP_WAITLIST_POSITION:
      g_value_set_int (value, self->waitlist_position);
      break;
    case PROP_OVERRIDE_REASON:
      g_value_set_string (value, self->override_reason);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;
    case PROP_CHECKED_IN_AT:
      g_value_set_boxed (value, self->checked_in_at);
      break;
    case PROP_CHECKED_IN_PEOPLE:
      g_value_set_int (value, self->checked_in_people);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_rsvp_class_init (MqRsvpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mq_rsvp_finalize;
  object_class->get_property = mq_rsvp_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       MQ_TYPE_RSVP_STATUS, MQ_RSVP_STATUS_GOING, flags);
  properties[PROP_PARTY_SIZE] =
    g_param_spec_int ("party-size", NULL, NULL, 1, 100, 1, flags);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_TICKET_CODE] =
    g_param_spec_string ("ticket-code", NULL, NULL, NULL, flags);
  properties[PROP_ANSWERS] =
    g_param_spec_string ("answers", NULL, NULL, NULL, flags);
  properties[PROP_WAITLIST_POSITION] =
    g_param_spec_int ("waitlist-position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_OVERRIDE_REASON] =
    g_param_spec_string ("override-reason", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_CHECKED_IN_AT] =
    g_param_spec_boxed ("checked-in-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_CHECKED_IN_PEOPLE] =
    g_param_spec_int ("checked-in-people", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mq_rsvp_init (MqRsvp *self)
{
  self->party_size = 1;
}

MqRsvp *
mq_rsvp_new_from_values (gint64        id,
                         gint64        event_id,
                         gint64        person_id,
                         const char   *name,
                         MqRsvpStatus  status,
                         int           party_size,
                         const char   *source,
                         const char   *ticket_code,
                         const char   *answers,
                         int           waitlist_position,
                         const char   *override_reason,
                         const char   *created_at,
                         const char   *updated_at,
                         const char   *checked_in_at,
                         int           checked_in_people)
{
  MqRsvp *self = g_object_new (MQ_TYPE_RSVP, NULL);

  self->id = id;
  self->event_id = event_id;
  self->person_id = person_id;
  self->name = g_strdup (name);
  self->status = status;
  self->party_size = party_size;
  self->source = g_strdup (source);
  self->ticket_code = g_strdup (ticket_code);
  self->answers = g_strdup (answers);
  self->waitlist_position = waitlist_position;
  self->override_reason = g_strdup (override_reason);
  self->created_at = mq_rsvp_parse_time (created_at);
  self->updated_at = mq_rsvp_parse_time (updated_at);
  self->checked_in_at = mq_rsvp_parse_time (checked_in_at);
  self->checked_in_people = checked_in_people;

  return self;
}

MqRsvp *
mq_rsvp_new_from_statement (sqlite3_stmt *stmt)
{
  MqRsvpStatus status = MQ_RSVP_STATUS_GOING;

  g_return_val_if_fail (stmt != NULL, NULL);

  /* The schema's CHECK keeps other spellings out of the table. */
  mq_rsvp_status_from_string ((const char *) sqlite3_column_text (stmt, 4), &status);

  return mq_rsvp_new_from_values (sqlite3_column_int64 (stmt, 0),
                                  sqlite3_column_int64 (stmt, 1),
                                  sqlite3_column_int64 (stmt, 2),
                                  (const char *) sqlite3_column_text (stmt, 3),
                                  status,
                                  sqlite3_column_int (stmt, 5),
                                  (const char *) sqlite3_column_text (stmt, 6),
                                  (const char *) sqlite3_column_text (stmt, 7),
                                  (const char *) sqlite3_column_text (stmt, 8),
                                  sqlite3_column_int (stmt, 12),
                                  (const char *) sqlite3_column_text (stmt, 9),
                                  (const char *) sqlite3_column_text (stmt, 10),
                                  (const char *) sqlite3_column_text (stmt, 11),
                                  (const char *) sqlite3_column_text (stmt, 13),
                                  sqlite3_column_int (stmt, 14));
}

gint64
mq_rsvp_get_id (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), 0);

  return self->id;
}

gint64
mq_rsvp_get_event_id (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), 0);

  return self->event_id;
}

gint64
mq_rsvp_get_person_id (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), 0);

  return self->person_id;
}

const char *
mq_rsvp_get_name (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), NULL);

  return self->name;
}

MqRsvpStatus
mq_rsvp_get_status (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), MQ_RSVP_STATUS_GOING);

  return self->status;
}

int
mq_rsvp_get_party_size (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), 0);

  return self->party_size;
}

const char *
mq_rsvp_get_source (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), NULL);

  return self->source;
}

const char *
mq_rsvp_get_ticket_code (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), NULL);

  return self->ticket_code;
}

const char *
mq_rsvp_get_answers (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), NULL);

  return self->answers;
}

int
mq_rsvp_get_waitlist_position (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), 0);

  return self->waitlist_position;
}

const char *
mq_rsvp_get_override_reason (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), NULL);

  return self->override_reason;
}

GDateTime *
mq_rsvp_get_created_at (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), NULL);

  return self->created_at;
}

GDateTime *
mq_rsvp_get_updated_at (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), NULL);

  return self->updated_at;
}

GDateTime *
mq_rsvp_get_checked_in_at (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), NULL);

  return self->checked_in_at;
}

int
mq_rsvp_get_checked_in_people (MqRsvp *self)
{
  g_return_val_if_fail (MQ_IS_RSVP (self), 0);

  return self->checked_in_people;
}
