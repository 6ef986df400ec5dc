/* mq-event.c: a screening, a meetup or an add-on to another event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event"

#include "config.h"

#include <string.h>

#include "mq-event-private.h"

G_DEFINE_ENUM_TYPE (MqEventKind, mq_event_kind,
  G_DEFINE_ENUM_VALUE (MQ_EVENT_KIND_SCREENING, "screening"),
  G_DEFINE_ENUM_VALUE (MQ_EVENT_KIND_MEETUP, "meetup"),
  G_DEFINE_ENUM_VALUE (MQ_EVENT_KIND_ADDON, "addon"))

G_DEFINE_ENUM_TYPE (MqEventStatus, mq_event_status,
  G_DEFINE_ENUM_VALUE (MQ_EVENT_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (MQ_EVENT_STATUS_PUBLISHED, "published"),
  G_DEFINE_ENUM_VALUE (MQ_EVENT_STATUS_CANCELLED, "cancelled"))

/* The whole-number and text fields are kept in arrays indexed by property,
 * so that one setter, one getter and one notify path serve them all.
 */
enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_STATUS,
  PROP_PARENT_ID,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_CREATED_AT,
  PROP_CAPACITY,
  PROP_FILM_YEAR,
  PROP_FILM_RUNTIME,
  PROP_DOORS_MINUTES,
  PROP_QA_MINUTES,
  PROP_TITLE,
  PROP_TIME_ZONE,
  PROP_VENUE,
  PROP_ADDRESS,
  PROP_ONLINE_URL,
  PROP_HASHTAG,
  PROP_DESCRIPTION,
  PROP_ACCESSIBILITY_NOTES,
  PROP_FILM_TITLE,
  PROP_FILM_DIRECTOR,
  PROP_FILM_LANGUAGE,
  PROP_FILM_SUBTITLES,
  PROP_CONTENT_NOTES,
  PROP_RIGHTS_NOTE,
  PROP_POSTER_PATH,
  N_PROPS
};

#define FIRST_NUMBER PROP_CAPACITY
#define N_NUMBERS    (PROP_TITLE - PROP_CAPACITY)
#define FIRST_TEXT   PROP_TITLE
#define N_TEXTS      (N_PROPS - PROP_TITLE)

static const struct {
  const char *name;
  int         minimum;
  int         maximum;
  int         fallback;
} number_fields[N_NUMBERS] = {
  [PROP_CAPACITY - FIRST_NUMBER] = { "capacity", -1, G_MAXINT, -1 },
  [PROP_FILM_YEAR - FIRST_NUMBER] = { "film-year", 0, G_MAXINT, 0 },
  [PROP_FILM_RUNTIME - FIRST_NUMBER] = { "film-runtime", 0, G_MAXINT, 0 },
  [PROP_DOORS_MINUTES - FIRST_NUMBER] = { "doors-minutes", 0, G_MAXINT, 30 },
  [PROP_QA_MINUTES - FIRST_NUMBER] = { "qa-minutes", 0, G_MAXINT, 0 },
};

static const char * const text_fields[N_TEXTS] = {
  [PROP_TITLE - FIRST_TEXT] = "title",
  [PROP_TIME_ZONE - FIRST_TEXT] = "time-zone",
  [PROP_VENUE - FIRST_TEXT] = "venue",
  [PROP_ADDRESS - FIRST_TEXT] = "address",
  [PROP_ONLINE_URL - FIRST_TEXT] = "online-url",
  [PROP_HASHTAG - FIRST_TEXT] = "hashtag",
  [PROP_DESCRIPTION - FIRST_TEXT] = "description",
  [PROP_ACCESSIBILITY_NOTES - FIRST_TEXT] = "accessibility-notes",
  [PROP_FILM_TITLE - FIRST_TEXT] = "film-title",
  [PROP_FILM_DIRECTOR - FIRST_TEXT] = "film-director",
  [PROP_FILM_LANGUAGE - FIRST_TEXT] = "film-language",
  [PROP_FILM_SUBTITLES - FIRST_TEXT] = "film-subtitles",
  [PROP_CONTENT_NOTES - FIRST_TEXT] = "content-notes",
  [PROP_RIGHTS_NOTE - FIRST_TEXT] = "rights-note",
  [PROP_POSTER_PATH - FIRST_TEXT] = "poster-path",
};

struct _MqEvent
{
  GObject        parent_instance;

  gint64         id;
  gint64         parent_id;
  MqEventKind    kind;
  MqEventStatus  status;
  GDateTime     *starts_at;
  GDateTime     *ends_at;
  GDateTime     *created_at;
  int            numbers[N_NUMBERS];
  char          *texts[N_TEXTS];
};

G_DEFINE_FINAL_TYPE (MqEvent, mq_event, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* The database's spelling, also what the CLI prints. */
static const char * const kind_names[] = {
  [MQ_EVENT_KIND_SCREENING] = "screening",
  [MQ_EVENT_KIND_MEETUP] = "meetup",
  [MQ_EVENT_KIND_ADDON] = "addon",
};

static const char * const status_names[] = {
  [MQ_EVENT_STATUS_DRAFT] = "draft",
  [MQ_EVENT_STATUS_PUBLISHED] = "published",
  [MQ_EVENT_STATUS_CANCELLED] = "cancelled",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             guint              *index)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (strcmp (text, names[i]) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
mq_event_kind_to_string (MqEventKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
mq_event_kind_from_string (const char  *text,
                           MqEventKind *kind)
{
  guint index;

  if (!lookup_name (kind_names, G_N_ELEMENTS (kind_names), text, &index))
    return FALSE;

  if (kind != NULL)
    *kind = (MqEventKind) index;
  return TRUE;
}

const char *
mq_event_status_to_string (MqEventStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
mq_event_status_from_string (const char    *text,
                             MqEventStatus *status)
{
  guint index;

  if (!lookup_name (status_names, G_N_ELEMENTS (status_names), text, &index))
    return FALSE;

  if (status != NULL)
    *status = (MqEventStatus) index;
  return TRUE;
}

static void
set_number (MqEvent *self,
            guint    prop_id,
            int      value)
{
  int *field = &self->numbers[prop_id - FIRST_NUMBER];

  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_text (MqEvent    *self,
          guint       prop_id,
          const char *value)
{
  char **field = &self->texts[prop_id - FIRST_TEXT];

  /* Empty text means "not given", as NULL does in the database. */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_time (MqEvent    *self,
          guint       prop_id,
          GDateTime **field,
          GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
mq_event_finalize (GObject *object)
{
  MqEvent *self = (MqEvent *) object;

  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);

  G_OBJECT_CLASS (mq_event_parent_class)->finalize (object);
}

static void
mq_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MqEvent *self = MQ_EVENT (object);

  if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
    {
      g_value_set_string (value, self->texts[prop_id - FIRST_TEXT]);
      return;
    }

  if (prop_id >= FIRST_NUMBER && prop_id < FIRST_TEXT)
    {
      g_value_set_int (value, self->numbers[prop_id - FIRST_NUMBER]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_STARTS_AT:
      g_value_set_boxed (value, self->starts_at);
      break;
    case PROP_ENDS_AT:
      g_value_set_boxed (value, self->ends_at);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MqEvent *self = MQ_EVENT (object);

  if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }

  if (prop_id >= FIRST_NUMBER && prop_id < FIRST_TEXT)
    {
      set_number (self, prop_id, g_value_get_int (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      mq_event_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      mq_event_set_status (self, g_value_get_enum (value));
      break;
    case PROP_PARENT_ID:
      mq_event_set_parent_id (self, g_value_get_int64 (value));
      break;
    case PROP_STARTS_AT:
      mq_event_set_starts_at (self, g_value_get_boxed (value));
      break;
    case PROP_ENDS_AT:
      mq_event_set_ends_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_event_class_init (MqEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mq_event_finalize;
  object_class->get_property = mq_event_get_property;
  object_class->set_property = mq_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       MQ_TYPE_EVENT_KIND, MQ_EVENT_KIND_SCREENING, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       MQ_TYPE_EVENT_STATUS, MQ_EVENT_STATUS_PUBLISHED, rw);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STARTS_AT] =
    g_param_spec_boxed ("starts-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_ENDS_AT] =
    g_param_spec_boxed ("ends-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ro);

  for (guint i = 0; i < N_NUMBERS; i++)
    properties[FIRST_NUMBER + i] =
      g_param_spec_int (number_fields[i].name, NULL, NULL,
                        number_fields[i].minimum, number_fields[i].maximum,
                        number_fields[i].fallback, rw);

  for (guint i = 0; i < N_TEXTS; i++)
    properties[FIRST_TEXT + i] =
      g_param_spec_string (text_fields[i], NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mq_event_init (MqEvent *self)
{
  self->kind = MQ_EVENT_KIND_SCREENING;
  self->status = MQ_EVENT_STATUS_PUBLISHED;
  for (guint i = 0; i < N_NUMBERS; i++)
    self->numbers[i] = number_fields[i].fallback;
  self->texts[PROP_TIME_ZONE - FIRST_TEXT] = g_strdup ("UTC");
}

MqEvent *
mq_event_new (void)
{
  return g_object_new (MQ_TYPE_EVENT, NULL);
}

void
_mq_event_set_id (MqEvent *self,
                  gint64   id)
{
  g_return_if_fail (MQ_IS_EVENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_mq_event_set_created_at (MqEvent   *self,
                          GDateTime *created_at)
{
  g_return_if_fail (MQ_IS_EVENT (self));

  set_time (self, PROP_CREATED_AT, &self->created_at, created_at);
}

gint64
mq_event_get_id (MqEvent *self)
{
  g_return_val_if_fail (MQ_IS_EVENT (self), 0);

  return self->id;
}

MqEventKind
mq_event_get_kind (MqEvent *self)
{
  g_return_val_if_fail (MQ_IS_EVENT (self), MQ_EVENT_KIND_SCREENING);

  return self->kind;
}

void
mq_event_set_kind (MqEvent     *self,
                   MqEventKind  kind)
{
  g_return_if_fail (MQ_IS_EVENT (self));
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (kind_names));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
mq_event_get_parent_id (MqEvent *self)
{
  g_return_val_if_fail (MQ_IS_EVENT (self), 0);

  return self->parent_id;
}

void
mq_event_set_parent_id (MqEvent *self,
                        gint64   parent_id)
{
  g_return_if_fail (MQ_IS_EVENT (self));
  g_return_if_fail (parent_id >= 0);

  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

MqEventStatus
mq_event_get_status (MqEvent *self)
{
  g_return_val_if_fail (MQ_IS_EVENT (self), MQ_EVENT_STATUS_PUBLISHED);

  return self->status;
}

void
mq_event_set_status (MqEvent       *self,
                     MqEventStatus  status)
{
  g_return_if_fail (MQ_IS_EVENT (self));
  g_return_if_fail ((guint) status < G_N_ELEMENTS (status_names));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

GDateTime *
mq_event_get_starts_at (MqEvent *self)
{
  g_return_val_if_fail (MQ_IS_EVENT (self), NULL);

  return self->starts_at;
}

void
mq_event_set_starts_at (MqEvent   *self,
                        GDateTime *starts_at)
{
  g_return_if_fail (MQ_IS_EVENT (self));

  set_time (self, PROP_STARTS_AT, &self->starts_at, starts_at);
}

GDateTime *
mq_event_get_ends_at (MqEvent *self)
{
  g_return_val_if_fail (MQ_IS_EVENT (self), NULL);

  return self->ends_at;
}

void
mq_event_set_ends_at (MqEvent   *self,
                      GDateTime *ends_at)
{
  g_return_if_fail (MQ_IS_EVENT (self));

  set_time (self, PROP_ENDS_AT, &self->ends_at, ends_at);
}

GDateTime *
mq_event_get_created_at (MqEvent *self)
{
  g_return_val_if_fail (MQ_IS_EVENT (self), NULL);

  return self->created_at;
}

#define DEFINE_NUMBER_ACCESSORS(field, PROP)                 \
  int                                                        \
  mq_event_get_##field (MqEvent *self)                       \
  {                                                          \
    g_return_val_if_fail (MQ_IS_EVENT (self), 0);            \
    return self->numbers[PROP - FIRST_NUMBER];               \
  }                                                          \
                                                             \
  void                                                       \
  mq_event_set_##field (MqEvent *self,                       \
                        int      value)                      \
  {                                                          \
    g_return_if_fail (MQ_IS_EVENT (self));                   \
    set_number (self, PROP, value);                          \
  }

/* The catalog refuses out-of-range numbers with a message the organizer can
 * act on, so the setters take any value rather than warn.
 */
DEFINE_NUMBER_ACCESSORS (capacity, PROP_CAPACITY)
DEFINE_NUMBER_ACCESSORS (film_year, PROP_FILM_YEAR)
DEFINE_NUMBER_ACCESSORS (film_runtime, PROP_FILM_RUNTIME)
DEFINE_NUMBER_ACCESSORS (doors_minutes, PROP_DOORS_MINUTES)
DEFINE_NUMBER_ACCESSORS (qa_minutes, PROP_QA_MINUTES)

#define DEFINE_TEXT_ACCESSORS(field, PROP)                   \
  const char *                                               \
  mq_event_get_##field (MqEvent *self)                       \
  {                                                          \
    g_return_val_if_fail (MQ_IS_EVENT (self), NULL);         \
    return self->texts[PROP - FIRST_TEXT];                   \
  }                                                          \
                                                             \
  void                                                       \
  mq_event_set_##field (MqEvent    *self,                    \
                        const char *value)                   \
  {                                                          \
    g_return_if_fail (MQ_IS_EVENT (self));                   \
    set_text (self, PROP, value);                            \
  }

DEFINE_TEXT_ACCESSORS (title, PROP_TITLE)
DEFINE_TEXT_ACCESSORS (time_zone, PROP_TIME_ZONE)
DEFINE_TEXT_ACCESSORS (venue, PROP_VENUE)
DEFINE_TEXT_ACCESSORS (address, PROP_ADDRESS)
DEFINE_TEXT_ACCESSORS (online_url, PROP_ONLINE_URL)
DEFINE_TEXT_ACCESSORS (hashtag, PROP_HASHTAG)
DEFINE_TEXT_ACCESSORS (description, PROP_DESCRIPTION)
DEFINE_TEXT_ACCESSORS (accessibility_notes, PROP_ACCESSIBILITY_NOTES)
DEFINE_TEXT_ACCESSORS (film_title, PROP_FILM_TITLE)
DEFINE_TEXT_ACCESSORS (film_director, PROP_FILM_DIRECTOR)
DEFINE_TEXT_ACCESSORS (film_language, PROP_FILM_LANGUAGE)
DEFINE_TEXT_ACCESSORS (film_subtitles, PROP_FILM_SUBTITLES)
DEFINE_TEXT_ACCESSORS (content_notes, PROP_CONTENT_NOTES)
DEFINE_TEXT_ACCESSORS (rights_note, PROP_RIGHTS_NOTE)
DEFINE_TEXT_ACCESSORS (poster_path, PROP_POSTER_PATH)

/* An unknown zone cannot be stored (the catalog refuses it), but an event
 * still being edited may hold one: show it in UTC rather than fail.
 */
static GTimeZone *
dup_zone (MqEvent *self)
{
  const char *id = self->texts[PROP_TIME_ZONE - FIRST_TEXT];
  GTimeZone *zone = id != NULL ? g_time_zone_new_identifier (id) : NULL;

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

GDateTime *
mq_event_dup_starts_local (MqEvent *self)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (MQ_IS_EVENT (self), NULL);

  if (self->starts_at == NULL)
    return NULL;

  zone = dup_zone (self);
  return g_date_time_to_timezone (self->starts_at, zone);
}

GDateTime *
mq_event_dup_doors_at (MqEvent *self)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (MQ_IS_EVENT (self), NULL);

  if (!(local = mq_event_dup_starts_local (self)))
    return NULL;

  return g_date_time_add_minutes (local, -self->numbers[PROP_DOORS_MINUTES - FIRST_NUMBER]);
}

GDateTime *
mq_event_dup_qa_ends_at (MqEvent *self)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  int runtime;

  g_return_val_if_fail (MQ_IS_EVENT (self), NULL);

  if (!(local = mq_event_dup_starts_local (self)))
    return NULL;

  runtime = self->numbers[PROP_FILM_RUNTIME - FIRST_NUMBER];
  if (runtime > 0)
    return g_date_time_add_minutes (local, runtime + self->numbers[PROP_QA_MINUTES - FIRST_NUMBER]);

  if (self->ends_at == NULL)
    return NULL;

  zone = dup_zone (self);
  return g_date_time_to_timezone (self->ends_at, zone);
}
