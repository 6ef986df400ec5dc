/* mq-person.c: someone in the club's directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person"

#include "config.h"

#include "mq-person-private.h"

/* Text and consent fields live in arrays indexed by property, so one setter
 * and one notify path serve them all.
 */
enum {
  PROP_0,
  PROP_ID,
  PROP_TAGS,
  PROP_CREATED_AT,
  PROP_CONSENT_CONTACT,
  PROP_CONSENT_PHOTO,
  PROP_CONSENT_LISTED,
  PROP_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_MASTODON,
  PROP_BLUESKY,
  PROP_ORGANIZATION,
  PROP_PRONOUNS,
  PROP_LANGUAGES,
  PROP_NOTES,
  N_PROPS
};

#define FIRST_CONSENT PROP_CONSENT_CONTACT
#define N_CONSENTS    (PROP_NAME - PROP_CONSENT_CONTACT)
#define FIRST_TEXT    PROP_NAME
#define N_TEXTS       (N_PROPS - PROP_NAME)

static const char * const consent_fields[N_CONSENTS] = {
  [PROP_CONSENT_CONTACT - FIRST_CONSENT] = "consent-contact",
  [PROP_CONSENT_PHOTO - FIRST_CONSENT] = "consent-photo",
  [PROP_CONSENT_LISTED - FIRST_CONSENT] = "consent-listed",
};

static const char * const text_fields[N_TEXTS] = {
  [PROP_NAME - FIRST_TEXT] = "name",
  [PROP_EMAIL - FIRST_TEXT] = "email",
  [PROP_PHONE - FIRST_TEXT] = "phone",
  [PROP_MASTODON - FIRST_TEXT] = "mastodon",
  [PROP_BLUESKY - FIRST_TEXT] = "bluesky",
  [PROP_ORGANIZATION - FIRST_TEXT] = "organization",
  [PROP_PRONOUNS - FIRST_TEXT] = "pronouns",
  [PROP_LANGUAGES - FIRST_TEXT] = "languages",
  [PROP_NOTES - FIRST_TEXT] = "notes",
};

struct _MqPerson
{
  GObject     parent_instance;

  gint64      id;
  char      **tags;
  GDateTime  *created_at;
  gboolean    consents[N_CONSENTS];
  char       *texts[N_TEXTS];
};

G_DEFINE_FINAL_TYPE (MqPerson, mq_person, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
set_text (MqPerson   *self,
          guint       prop_id,
          const char *value)
{
  char **field = &self->texts[prop_id - FIRST_TEXT];

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_consent (MqPerson *self,
             guint     prop_id,
             gboolean  value)
{
  gboolean *field = &self->consents[prop_id - FIRST_CONSENT];

  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
mq_person_finalize (GObject *object)
{
  MqPerson *self = (MqPerson *) object;

  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);

  G_OBJECT_CLASS (mq_person_parent_class)->finalize (object);
}

static void
mq_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MqPerson *self = MQ_PERSON (object);

  if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
    {
      g_value_set_string (value, self->texts[prop_id - FIRST_TEXT]);
      return;
    }

  if (prop_id >= FIRST_CONSENT && prop_id < FIRST_TEXT)
    {
      g_value_set_boolean (value, self->consents[prop_id - FIRST_CONSENT]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MqPerson *self = MQ_PERSON (object);

  if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }

  if (prop_id >= FIRST_CONSENT && prop_id < FIRST_TEXT)
    {
      set_consent (self, prop_id, g_value_get_boolean (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_TAGS:
      mq_person_set_tags (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_person_class_init (MqPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mq_person_finalize;
  object_class->get_property = mq_person_get_property;
  object_class->set_property = mq_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ro);

  for (guint i = 0; i < N_CONSENTS; i++)
    properties[FIRST_CONSENT + i] =
      g_param_spec_boolean (consent_fields[i], NULL, NULL, FALSE, rw);

  for (guint i = 0; i < N_TEXTS; i++)
    properties[FIRST_TEXT + i] =
      g_param_spec_string (text_fields[i], NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mq_person_init (MqPerson *self)
{
  self->tags = g_new0 (char *, 1);
}

MqPerson *
mq_person_new (void)
{
  return g_object_new (MQ_TYPE_PERSON, NULL);
}

void
_mq_person_set_id (MqPerson *self,
                   gint64    id)
{
  g_return_if_fail (MQ_IS_PERSON (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_mq_person_set_created_at (MqPerson  *self,
                           GDateTime *created_at)
{
  g_return_if_fail (MQ_IS_PERSON (self));

  if (self->created_at == created_at ||
      (self->created_at != NULL && created_at != NULL && g_date_time_equal (self->created_at, created_at)))
    return;

  g_clear_pointer (&self->created_at, g_date_time_unref);
  if (created_at != NULL)
    self->created_at = g_date_time_ref (created_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
mq_person_get_id (MqPerson *self)
{
  g_return_val_if_fail (MQ_IS_PERSON (self), 0);

  return self->id;
}

GDateTime *
mq_person_get_created_at (MqPerson *self)
{
  g_return_val_if_fail (MQ_IS_PERSON (self), NULL);

  return self->created_at;
}

/* Never NULL: an empty list when the person has no tags. */
const char * const *
mq_person_get_tags (MqPerson *self)
{
  g_return_val_if_fail (MQ_IS_PERSON (self), NULL);

  return (const char * const *) self->tags;
}

void
mq_person_set_tags (MqPerson           *self,
                    const char * const *tags)
{
  static const char * const none[] = { NULL };
  char **copy;

  g_return_if_fail (MQ_IS_PERSON (self));

  if (tags == NULL)
    tags = none;

  if (g_strv_equal ((const char * const *) self->tags, tags))
    return;

  /* Copy before freeing: @tags may point into the current list. */
  copy = g_strdupv ((char **) tags);
  g_strfreev (self->tags);
  self->tags = copy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

#define DEFINE_CONSENT_ACCESSORS(field, PROP)                \
  gboolean                                                   \
  mq_person_get_##field (MqPerson *self)                     \
  {                                                          \
    g_return_val_if_fail (MQ_IS_PERSON (self), FALSE);       \
    return self->consents[PROP - FIRST_CONSENT];             \
  }                                                          \
                                                             \
  void                                                       \
  mq_person_set_##field (MqPerson *self,                     \
                         gboolean  value)                    \
  {                                                          \
    g_return_if_fail (MQ_IS_PERSON (self));                  \
    set_consent (self, PROP, value);                         \
  }

DEFINE_CONSENT_ACCESSORS (consent_contact, PROP_CONSENT_CONTACT)
DEFINE_CONSENT_ACCESSORS (consent_photo, PROP_CONSENT_PHOTO)
DEFINE_CONSENT_ACCESSORS (consent_listed, PROP_CONSENT_LISTED)

#define DEFINE_TEXT_ACCESSORS(field, PROP)                   \
  const char *                                               \
  mq_person_get_##field (MqPerson *self)                     \
  {                                                          \
    g_return_val_if_fail (MQ_IS_PERSON (self), NULL);        \
    return self->texts[PROP - FIRST_TEXT];                   \
  }                                                          \
                                                             \
  void                                                       \
  mq_person_set_##field (MqPerson   *self,                   \
                         const char *value)                  \
  {                                                          \
    g_return_if_fail (MQ_IS_PERSON (self));                  \
    set_text (self, PROP, value);                            \
  }

DEFINE_TEXT_ACCESSORS (name, PROP_NAME)
DEFINE_TEXT_ACCESSORS (email, PROP_EMAIL)
DEFINE_TEXT_ACCESSORS (phone, PROP_PHONE)
DEFINE_TEXT_ACCESSORS (mastodon, PROP_MASTODON)
DEFINE_TEXT_ACCESSORS (bluesky, PROP_BLUESKY)
DEFINE_TEXT_ACCESSORS (organization, PROP_ORGANIZATION)
DEFINE_TEXT_ACCESSORS (pronouns, PROP_PRONOUNS)
DEFINE_TEXT_ACCESSORS (languages, PROP_LANGUAGES)
DEFINE_TEXT_ACCESSORS (notes, PROP_NOTES)
