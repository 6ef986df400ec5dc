/* mq-introduction.c: a greeter introduced two people at an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-introduction"

#include "config.h"

#include "mq-introduction.h"

struct _MqIntroduction
{
  GObject    parent_instance;

  gint64     id;
  gint64     event_id;
  gint64     person_a;
  gint64     person_b;
  gint64     by_person;
  char      *note;
  GDateTime *at;
};

G_DEFINE_FINAL_TYPE (MqIntroduction, mq_introduction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_PERSON_A,
  PROP_PERSON_B,
  PROP_BY_PERSON,
  PROP_NOTE,
  PROP_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mq_introduction_finalize (GObject *object)
{
  MqIntroduction *self = (MqIntroduction *) object;

  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->at, g_date_time_unref);

  G_OBJECT_CLASS (mq_introduction_parent_class)->finalize (object);
}

static void
mq_introduction_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MqIntroduction *self = MQ_INTRODUCTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_PERSON_A:
      g_value_set_int64 (value, self->person_a);
      break;
    case PROP_PERSON_B:
      g_value_set_int64 (value, self->person_b);
      break;
    case PROP_BY_PERSON:
      g_value_set_int64 (value, self->by_person);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_introduction_class_init (MqIntroductionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mq_introduction_finalize;
  object_class->get_property = mq_introduction_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERSON_A] =
    g_param_spec_int64 ("person-a", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERSON_B] =
    g_param_spec_int64 ("person-b", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* 0 when the introducer has since left the directory. */
  properties[PROP_BY_PERSON] =
    g_param_spec_int64 ("by-person", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mq_introduction_init (MqIntroduction *self)
{
}

MqIntroduction *
mq_introduction_new (gint64      id,
                     gint64      event_id,
                     gint64      person_a,
                     gint64      person_b,
                     gint64      by_person,
                     const char *note,
                     GDateTime  *at)
{
  MqIntroduction *self = g_object_new (MQ_TYPE_INTRODUCTION, NULL);

  self->id = id;
  self->event_id = event_id;
  self->person_a = person_a;
  self->person_b = person_b;
  self->by_person = by_person;
  self->note = g_strdup (note);
  self->at = at != NULL ? g_date_time_ref (at) : NULL;

  return self;
}

gint64
mq_introduction_get_id (MqIntroduction *self)
{
  g_return_val_if_fail (MQ_IS_INTRODUCTION (self), 0);

  return self->id;
}

gint64
mq_introduction_get_event_id (MqIntroduction *self)
{
  g_return_val_if_fail (MQ_IS_INTRODUCTION (self), 0);

  return self->event_id;
}

gint64
mq_introduction_get_person_a (MqIntroduction *self)
{
  g_return_val_if_fail (MQ_IS_INTRODUCTION (self), 0);

  return self->person_a;
}

gint64
mq_introduction_get_person_b (MqIntroduction *self)
{
  g_return_val_if_fail (MQ_IS_INTRODUCTION (self), 0);

  return self->person_b;
}

gint64
mq_introduction_get_by_person (MqIntroduction *self)
{
  g_return_val_if_fail (MQ_IS_INTRODUCTION (self), 0);

  return self->by_person;
}

const char *
mq_introduction_get_note (MqIntroduction *self)
{
  g_return_val_if_fail (MQ_IS_INTRODUCTION (self), NULL);

  return self->note;
}

GDateTime *
mq_introduction_get_at (MqIntroduction *self)
{
  g_return_val_if_fail (MQ_IS_INTRODUCTION (self), NULL);

  return self->at;
}
