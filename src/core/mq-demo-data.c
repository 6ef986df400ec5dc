/* mq-demo-data.c: realistic sample data for a club
 *
 * A documentary film society with an international membership and a season
 * of eight events around today: screenings past and upcoming, a workshop, a
 * big conference with the club's own add-on night beside it. The same seed
 * gives the same club. Rows are written with prepared statements inside one
 * transaction, so a million people take seconds rather than hours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-demo-data"

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "mq-demo-data.h"
#include "mq-demo-data-private.h"
#include "mq-demo-names.h"
#include "mq-error.h"

#define TIME_ZONE "Europe/Berlin"
/* The people who actually come to events; the rest are on the mailing list. */
#define ACTIVE_CLUB 600

struct _MqDemoData
{
  GObject  parent_instance;

  MqStore *store;
  guint    people;
  guint    events;
  guint    big_event_rsvps;
  guint32  seed;
};

G_DEFINE_FINAL_TYPE (MqDemoData, mq_demo_data, G_TYPE_OBJECT)

typedef enum
{
  SLOT_SCREENING,
  SLOT_MEETUP,
  SLOT_CONFERENCE,
  SLOT_ADDON,
} SlotKind;

/* The season, in the order events are kept when fewer are asked for: each
 * prefix mixes past and upcoming, and the add-on follows its conference.
 */
static const struct {
  SlotKind    kind;
  int         film;         /* into mq_demo_films (), or -1 */
  const char *title;
  const char *hashtag;
  const char *description;
  int         days;         /* from today */
  int         hour;
  int         minute;
  int         minutes;      /* without a film */
  int         capacity;
  guint       venue;
  int         qa_minutes;
} season[] = {
  { SLOT_SCREENING, 0, NULL, NULL, NULL, 5, 19, 30, 0, 90, 0, 20 },
  { SLOT_SCREENING, 1, NULL, NULL, NULL, -26, 20, 0, 0, 120, 0, 0 },
  { SLOT_MEETUP, -1, "Posting for film clubs: a Mastodon and Bluesky workshop", "FilmClubFediverse",
    "Bring a laptop. How we announce screenings on the fediverse, write alt text for posters "
    "and keep one calendar for everyone.", -12, 18, 30, 120, 40, 1, 0 },
  { SLOT_SCREENING, 2, NULL, NULL, NULL, 19, 19, 30, 0, 90, 0, 20 },
  { SLOT_CONFERENCE, -1, "Community Cinema Forum", "CCForum",
    "Two days of talks and workshops for volunteer-run cinemas, film societies and festivals.",
    33, 9, 0, 32 * 60 + 30, 800, 3, 0 },
  { SLOT_ADDON, -1, "Film club night at the Community Cinema Forum", "CCForumClubNight",
    "Our members meet the forum's guests: short films from the open call, then drinks.",
    33, 19, 30, 150, 60, 2, 0 },
  { SLOT_SCREENING, 3, NULL, NULL, NULL, -54, 19, 30, 0, 90, 0, 30 },
  { SLOT_SCREENING, 4, NULL, NULL, NULL, -40, 18, 30, 0, 90, 0, 0 },
};

void
mq_demo_format_time (gint64 unix_time,
                     char   buffer[32])
{
  time_t t = (time_t) unix_time;
  struct tm tm;

  gmtime_r (&t, &tm);
  strftime (buffer, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Local time of day @days from today, in the club's time zone. */
static gint64
local_time (GDateTime *today,
            int        days,
            int        hour,
            int        minute)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (today, days);
  g_autoptr(GDateTime) at = g_date_time_new (g_date_time_get_timezone (day),
                                             g_date_time_get_year (day),
                                             g_date_time_get_month (day),
                                             g_date_time_get_day_of_month (day),
                                             hour, minute, 0);

  return g_date_time_to_unix (at);
}

typedef struct
{
  SlotKind    kind;
  const MqDemoFilm *film;
  char       *title;
  const char *hashtag;
  const char *description;
  int         days, hour, minute, minutes, capacity, qa_minutes;
  guint       venue;
  gboolean    encore;
} Slot;

/* Past the eight of the season, older and later screenings of the same films. */
static void
plan_slot (guint  index,
           Slot  *slot)
{
  guint n_films;
  const MqDemoFilm *films = mq_demo_films (&n_films);

  memset (slot, 0, sizeof *slot);

  if (index < G_N_ELEMENTS (season))
    {
      slot->kind = season[index].kind;
      slot->film = season[index].film >= 0 ? &films[season[index].film] : NULL;
      slot->title = g_strdup (season[index].title != NULL ? season[index].title : slot->film->title);
      slot->hashtag = season[index].hashtag;
      slot->description = season[index].description;
      slot->days = season[index].days;
      slot->hour = season[index].hour;
      slot->minute = season[index].minute;
      slot->minutes = season[index].minutes;
      slot->capacity = season[index].capacity;
      slot->venue = season[index].venue;
      slot->qa_minutes = season[index].qa_minutes;
      return;
    }

  index -= G_N_ELEMENTS (season);
  slot->kind = SLOT_SCREENING;
  slot->film = &films[(index + 5) % n_films];
  slot->encore = index >= 2;
  slot->title = slot->encore ? g_strdup_printf ("Encore: %s", slot->film->title) : g_strdup (slot->film->title);
  slot->days = index % 2 == 0 ? -(68 + 14 * (int) (index / 2)) : 47 + 14 * (int) (index / 2);
  slot->hour = 19;
  slot->minute = 30;
  slot->capacity = 90;
  slot->venue = index % 3 == 0 ? 2 : 0;
}

static gboolean
insert_event (MqDemoContext  *ctx,
              GDateTime      *today,
              Slot           *slot,
              gint64          parent_id,
              MqDemoEvent    *event,
              GError        **error)
{
  static const char *kinds[] = { "screening", "meetup", "meetup", "addon" };
  guint n_venues;
  const MqDemoVenue *venue = &mq_demo_venues (&n_venues)[slot->venue];
  const MqDemoFilm *film = slot->film;
  g_autofree char *screening_blurb = NULL;
  char starts[32], ends[32], created[32];
  gint64 start, end;
  sqlite3_stmt *stmt;
  int length;

  stmt = mq_store_prepare (ctx->store,
                           "INSERT INTO events (kind, parent_id, title, starts_at, ends_at, time_zone, venue, "
                           "  address, capacity, hashtag, description, accessibility_notes, film_title, "
                           "  film_director, film_year, film_runtime, film_language, film_subtitles, "
                           "  rights_note, doors_minutes, qa_minutes, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                           "  ?18, ?19, ?20, ?21, ?22, ?22)",
                           error);
  if (stmt == NULL)
    return FALSE;

  start = local_time (today, slot->days, slot->hour, slot->minute);
  length = film != NULL ? film->runtime + slot->qa_minutes + 10 : slot->minutes;
  end = start + (gint64) length * 60;
  event->starts_at = start;
  event->created_at = MIN (start - 45 * MQ_DEMO_DAY, ctx->now - MQ_DEMO_DAY);
  event->capacity = slot->capacity;
  event->doors_minutes = slot->kind == SLOT_CONFERENCE ? 60 : 30;
  mq_demo_format_time (start, starts);
  mq_demo_format_time (end, ends);
  mq_demo_format_time (event->created_at, created);

  if (film != NULL)
    screening_blurb = g_strdup_printf ("%s%s", film->blurb,
                                       slot->qa_minutes > 0 ? " Followed by a discussion with the audience." : "");

  sqlite3_bind_text (stmt, 1, kinds[slot->kind], -1, SQLITE_STATIC);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_text (stmt, 3, slot->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, starts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, ends, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, TIME_ZONE, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, venue->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, venue->address, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, event->capacity);
  mq_bind_text_or_null (stmt, 10, film != NULL ? film->hashtag : slot->hashtag);
  mq_bind_text_or_null (stmt, 11, film != NULL ? screening_blurb : slot->description);
  sqlite3_bind_text (stmt, 12, venue->accessibility, -1, SQLITE_STATIC);
  if (film != NULL)
    {
      sqlite3_bind_text (stmt, 13, film->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, film->director, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 15, film->year);
      sqlite3_bind_int (stmt, 16, film->runtime);
      mq_bind_text_or_null (stmt, 17, film->language);
      mq_bind_text_or_null (stmt, 18, film->subtitles);
      sqlite3_bind_text (stmt, 19, "Non-theatrical public performance licence through the distributor",
                         -1, SQLITE_STATIC);
    }
  sqlite3_bind_int (stmt, 20, event->doors_minutes);
  sqlite3_bind_int (stmt, 21, slot->qa_minutes);
  sqlite3_bind_text (stmt, 22, created, -1, SQLITE_STATIC);

  if (!mq_store_step_done (ctx->store, stmt, error))
    return FALSE;

  event->id = sqlite3_last_insert_rowid (mq_store_get_db (ctx->store));
  return TRUE;
}

/* The club's organizer, two door volunteers and two greeters, all regulars. */
static gboolean
insert_volunteers (MqDemoContext  *ctx,
                   gint64          event_id,
                   guint           index,
                   GError        **error)
{
  static const char *roles[] = { "organizer", "door", "door", "greeter", "greeter" };
  sqlite3_stmt *stmt;

  stmt = mq_store_prepare (ctx->store,
                           "INSERT OR IGNORE INTO volunteers (event_id, person_id, role) VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      /* Greeters take turns among the first members. */
      guint person = r < 3 ? r : 3 + (index * 2 + r) % 5;

      if (person >= ctx->n_people)
        continue;

      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, ctx->person_ids[person]);
      sqlite3_bind_text (stmt, 3, roles[r], -1, SQLITE_STATIC);
      if (!mq_store_step_done (ctx->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static guint
requests_for (MqDemoContext *ctx,
              Slot          *slot,
              gboolean       upcoming)
{
  double factor = 1.05 + 0.3 * g_rand_double (ctx->rand);
  guint wanted = (guint) (slot->capacity * factor);

  /* Far-off events have had less time to fill. */
  if (upcoming)
    wanted = wanted * 3 / 4;

  return MIN (wanted, ctx->active * 3 / 5);
}

static gboolean
insert_events (MqDemoContext  *ctx,
               guint           n_events,
               guint           big_rsvps,
               GError        **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (TIME_ZONE);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree MqDemoEvent *events = g_new0 (MqDemoEvent, n_events);
  gint64 conference_id = 0;
  int big = -1;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  now = g_date_time_new_from_unix_utc (ctx->now);
  today = g_date_time_to_timezone (now, zone);

  for (guint i = 0; i < n_events; i++)
    {
      Slot slot;
      gboolean ok;

      plan_slot (i, &slot);
      ok = insert_event (ctx, today, &slot, slot.kind == SLOT_ADDON ? conference_id : 0, &events[i], error);
      g_free (slot.title);
      if (!ok || !insert_volunteers (ctx, events[i].id, i, error))
        return FALSE;

      if (slot.kind == SLOT_CONFERENCE)
        {
          conference_id = events[i].id;
          big = (int) i;
        }
      events[i].rsvps = requests_for (ctx, &slot, events[i].starts_at > ctx->now);
    }

  if (big_rsvps > 0)
    {
      sqlite3_stmt *stmt;

      /* The conference when there is one, else the next screening. */
      for (guint i = 0; big < 0 && i < n_events; i++)
        if (events[i].starts_at > ctx->now)
          big = (int) i;
      if (big < 0)
        big = 0;

      events[big].rsvps = MIN (big_rsvps, ctx->n_people);
      events[big].from_everyone = TRUE;
      events[big].capacity = MAX (events[big].capacity, (int) ((events[big].rsvps * 4 / 5 + 99) / 100 * 100));

      stmt = mq_store_prepare (ctx->store, "UPDATE events SET capacity = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, events[big].id);
      sqlite3_bind_int (stmt, 2, events[big].capacity);
      if (!mq_store_step_done (ctx->store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < n_events; i++)
    {
      if (!mq_demo_insert_rsvps (ctx, &events[i], error))
        return FALSE;
    }

  return TRUE;
}

/**
 * mq_demo_data_generate:
 *
 * Fills the store with the club: people, the season's events, their RSVPs
 * (within capacity, the rest waitlisted in order) and the door's log of the
 * past events. All of it or nothing.
 */
gboolean
mq_demo_data_generate (MqDemoData  *self,
                       GError     **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(GDateTime) now = NULL;
  MqDemoContext ctx = { 0 };
  gboolean ok;
  int cache = 0;

  g_return_val_if_fail (MQ_IS_DEMO_DATA (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->people == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID, _("Sample data needs at least one person"));
      return FALSE;
    }

  now = mq_store_now (self->store);
  ctx.store = self->store;
  ctx.rand = g_rand_new_with_seed (self->seed);
  ctx.now = g_date_time_to_unix (now);
  ctx.n_people = self->people;
  ctx.active = MIN (self->people, ACTIVE_CLUB);
  ctx.person_ids = g_new0 (gint64, self->people);

  /* One transaction of a million rows would otherwise spill the page cache
   * to the write-ahead log again and again before it commits.
   */
  ok = mq_store_enlarge_cache (self->store, 262144, &cache, error) &&
       mq_store_exec (self->store, "PRAGMA temp_store = MEMORY", error) &&
       mq_transaction_begin (&tx, self->store, error) &&
       mq_demo_insert_people (&ctx, error) &&
       insert_events (&ctx, self->events, self->big_event_rsvps, error);

  if (ok)
    {
      mq_store_notify_changed (self->store, "people");
      mq_store_notify_changed (self->store, "events");
      mq_store_notify_changed (self->store, "rsvps");
      mq_store_notify_changed (self->store, "check-ins");
      ok = mq_transaction_commit (&tx, error);
    }

  if (cache != 0)
    mq_store_restore_cache (self->store, cache);
  g_rand_free (ctx.rand);
  g_free (ctx.person_ids);
  g_free (ctx.order);
  for (guint i = 0; i < G_N_ELEMENTS (ctx.door_volunteers); i++)
    g_free (ctx.door_volunteers[i]);

  return ok;
}

gboolean
mq_demo_data_is_store_empty (MqStore *store)
{
  sqlite3_stmt *stmt;
  gboolean empty = FALSE;

  g_return_val_if_fail (MQ_IS_STORE (store), FALSE);

  stmt = mq_store_prepare (store,
                           "SELECT NOT EXISTS (SELECT 1 FROM events) AND NOT EXISTS (SELECT 1 FROM people)",
                           NULL);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return empty;
}

MqDemoData *
mq_demo_data_new (MqStore *store)
{
  MqDemoData *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_DEMO_DATA, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
mq_demo_data_set_people (MqDemoData *self,
                         guint       people)
{
  g_return_if_fail (MQ_IS_DEMO_DATA (self));

  self->people = people;
}

void
mq_demo_data_set_events (MqDemoData *self,
                         guint       events)
{
  g_return_if_fail (MQ_IS_DEMO_DATA (self));

  self->events = events;
}

void
mq_demo_data_set_big_event_rsvps (MqDemoData *self,
                                  guint       rsvps)
{
  g_return_if_fail (MQ_IS_DEMO_DATA (self));

  self->big_event_rsvps = rsvps;
}

void
mq_demo_data_set_seed (MqDemoData *self,
                       guint32     seed)
{
  g_return_if_fail (MQ_IS_DEMO_DATA (self));

  self->seed = seed;
}

static void
mq_demo_data_finalize (GObject *object)
{
  MqDemoData *self = (MqDemoData *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_demo_data_parent_class)->finalize (object);
}

static void
mq_demo_data_class_init (MqDemoDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_demo_data_finalize;
}

static void
mq_demo_data_init (MqDemoData *self)
{
  self->people = 300;
  self->events = 8;
  self->seed = 1;
}
