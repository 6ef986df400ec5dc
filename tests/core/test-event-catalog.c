/* test-event-catalog.c: events in and out of the store, validation, ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "marquee-core.h"
#include "mq-store-private.h"

typedef struct
{
  MqStore        *store;
  MqEventCatalog *catalog;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T12:00:00Z", NULL);

  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  mq_store_set_fixed_now (f->store, now);
  f->catalog = mq_event_catalog_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->catalog);
  g_assert_finalize_object (f->store);
}

static GDateTime *
utc (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static MqEvent *
new_event (const char *title,
           const char *starts_at)
{
  MqEvent *event = mq_event_new ();
  g_autoptr(GDateTime) start = utc (starts_at);

  mq_event_set_title (event, title);
  mq_event_set_starts_at (event, start);
  mq_event_set_time_zone (event, "Europe/Berlin");

  return event;
}

static gint64
add_event (Fixture    *f,
           const char *title,
           const char *starts_at,
           int         capacity)
{
  g_autoptr(MqEvent) event = new_event (title, starts_at);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_capacity (event, capacity);
  id = mq_event_catalog_add (f->catalog, event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (mq_store_get_db (f->store), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  sqlite3_stmt *stmt = mq_store_prepare (f->store, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return text;
}

static guint
count_events (Fixture *f)
{
  g_autoptr(GListModel) all = mq_event_catalog_list (f->catalog, MQ_EVENT_RANGE_ALL, NULL);

  g_assert_nonnull (all);
  return g_list_model_get_n_items (all);
}

static void
assert_time (GDateTime  *time,
             const char *expected_utc)
{
  g_autoptr(GDateTime) in_utc = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  in_utc = g_date_time_to_utc (time);
  text = g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (text, ==, expected_utc);
}

static void
test_strings (void)
{
  MqEventKind kind = MQ_EVENT_KIND_SCREENING;
  MqEventStatus status = MQ_EVENT_STATUS_DRAFT;

  g_assert_cmpstr (mq_event_kind_to_string (MQ_EVENT_KIND_SCREENING), ==, "screening");
  g_assert_cmpstr (mq_event_kind_to_string (MQ_EVENT_KIND_MEETUP), ==, "meetup");
  g_assert_cmpstr (mq_event_kind_to_string (MQ_EVENT_KIND_ADDON), ==, "addon");
  g_assert_true (mq_event_kind_from_string ("addon", &kind));
  g_assert_cmpint (kind, ==, MQ_EVENT_KIND_ADDON);
  g_assert_false (mq_event_kind_from_string ("party", &kind));
  g_assert_false (mq_event_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, MQ_EVENT_KIND_ADDON);

  g_assert_cmpstr (mq_event_status_to_string (MQ_EVENT_STATUS_DRAFT), ==, "draft");
  g_assert_cmpstr (mq_event_status_to_string (MQ_EVENT_STATUS_PUBLISHED), ==, "published");
  g_assert_cmpstr (mq_event_status_to_string (MQ_EVENT_STATUS_CANCELLED), ==, "cancelled");
  g_assert_true (mq_event_status_from_string ("cancelled", &status));
  g_assert_cmpint (status, ==, MQ_EVENT_STATUS_CANCELLED);
  g_assert_false (mq_event_status_from_string ("Published", &status));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autofree char *zone = NULL;
  g_autofree char *title = NULL;
  MqEventKind kind;
  int runtime, capacity, doors;
  guint notified = 0;

  /* Defaults match the schema's. */
  g_object_get (event, "time-zone", &zone, "capacity", &capacity, "doors-minutes", &doors,
                "kind", &kind, NULL);
  g_assert_cmpstr (zone, ==, "UTC");
  g_assert_cmpint (capacity, ==, -1);
  g_assert_cmpint (doors, ==, 30);
  g_assert_cmpint (kind, ==, MQ_EVENT_KIND_SCREENING);
  g_assert_cmpint (mq_event_get_status (event), ==, MQ_EVENT_STATUS_PUBLISHED);

  g_signal_connect (event, "notify", G_CALLBACK (on_notify), &notified);
  g_object_set (event, "film-runtime", 88, "title", "Aftersun", "kind", MQ_EVENT_KIND_MEETUP, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_object_get (event, "film-runtime", &runtime, "title", &title, NULL);
  g_assert_cmpint (runtime, ==, 88);
  g_assert_cmpstr (title, ==, "Aftersun");
  g_assert_cmpint (mq_event_get_kind (event), ==, MQ_EVENT_KIND_MEETUP);

  /* Only real changes notify. */
  mq_event_set_film_runtime (event, 88);
  mq_event_set_title (event, "Aftersun");
  mq_event_set_kind (event, MQ_EVENT_KIND_MEETUP);
  g_assert_cmpuint (notified, ==, 3);

  /* Empty text is no text. */
  mq_event_set_venue (event, "");
  g_assert_null (mq_event_get_venue (event));
  g_assert_cmpuint (notified, ==, 3);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(MqEvent) event = new_event ("Honeyland", "2026-12-03T19:30:00+01:00");
  g_autoptr(MqEvent) parent = new_event ("Documentary weekend", "2026-12-03T10:00:00+01:00");
  g_autoptr(MqEvent) got = NULL;
  g_autoptr(GDateTime) ends = utc ("2026-12-03T22:00:00+01:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *stored_start = NULL;
  g_autofree char *stored_end = NULL;
  g_autofree char *stored_zone = NULL;
  gint64 parent_id, id;

  parent_id = mq_event_catalog_add (f->catalog, parent, &error);
  g_assert_no_error (error);
  g_assert_cmpint (parent_id, ==, 1);

  mq_event_set_kind (event, MQ_EVENT_KIND_ADDON);
  mq_event_set_parent_id (event, parent_id);
  mq_event_set_ends_at (event, ends);
  mq_event_set_venue (event, "Kino Moviemento");
  mq_event_set_address (event, "Kottbusser Damm 22, Berlin");
  mq_event_set_online_url (event, "https://example.org/stream");
  mq_event_set_capacity (event, 40);
  mq_event_set_hashtag (event, "#honeyland");
  mq_event_set_description (event, "A beekeeper in North Macedonia.");
  mq_event_set_status (event, MQ_EVENT_STATUS_DRAFT);
  mq_event_set_accessibility_notes (event, "Step-free; induction loop");
  mq_event_set_film_title (event, "Honeyland");
  mq_event_set_film_director (event, "Tamara Kotevska, Ljubomir Stefanov");
  mq_event_set_film_year (event, 2019);
  mq_event_set_film_runtime (event, 89);
  mq_event_set_film_language (event, "Turkish, Macedonian");
  mq_event_set_film_subtitles (event, "English");
  mq_event_set_content_notes (event, "Animal death");
  mq_event_set_rights_note (event, "Public performance licence 2026-117");
  mq_event_set_poster_path (event, "/posters/honeyland.jpg");
  mq_event_set_doors_minutes (event, 45);
  mq_event_set_qa_minutes (event, 20);

  id = mq_event_catalog_add (f->catalog, event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 2);
  g_assert_cmpint (mq_event_get_id (event), ==, 2);
  assert_time (mq_event_get_created_at (event), "2026-11-20T12:00:00Z");

  /* Stored in UTC, with the zone beside it. */
  stored_start = query_text (f, "SELECT starts_at FROM events WHERE id = 2");
  stored_end = query_text (f, "SELECT ends_at FROM events WHERE id = 2");
  stored_zone = query_text (f, "SELECT time_zone FROM events WHERE id = 2");
  g_assert_cmpstr (stored_start, ==, "2026-12-03T18:30:00Z");
  g_assert_cmpstr (stored_end, ==, "2026-12-03T21:00:00Z");
  g_assert_cmpstr (stored_zone, ==, "Europe/Berlin");

  got = mq_event_catalog_get (f->catalog, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_event_get_id (got), ==, 2);
  g_assert_cmpint (mq_event_get_kind (got), ==, MQ_EVENT_KIND_ADDON);
  g_assert_cmpint (mq_event_get_parent_id (got), ==, 1);
  g_assert_cmpstr (mq_event_get_title (got), ==, "Honeyland");
  assert_time (mq_event_get_starts_at (got), "2026-12-03T18:30:00Z");
  assert_time (mq_event_get_ends_at (got), "2026-12-03T21:00:00Z");
  g_assert_cmpstr (mq_event_get_time_zone (got), ==, "Europe/Berlin");
  g_assert_cmpstr (mq_event_get_venue (got), ==, "Kino Moviemento");
  g_assert_cmpstr (mq_event_get_address (got), ==, "Kottbusser Damm 22, Berlin");
  g_assert_cmpstr (mq_event_get_online_url (got), ==, "https://example.org/stream");
  g_assert_cmpint (mq_event_get_capacity (got), ==, 40);
  g_assert_cmpstr (mq_event_get_hashtag (got), ==, "#honeyland");
  g_assert_cmpstr (mq_event_get_description (got), ==, "A beekeeper in North Macedonia.");
  g_assert_cmpint (mq_event_get_status (got), ==, MQ_EVENT_STATUS_DRAFT);
  g_assert_cmpstr (mq_event_get_accessibility_notes (got), ==, "Step-free; induction loop");
  g_assert_cmpstr (mq_event_get_film_title (got), ==, "Honeyland");
  g_assert_cmpstr (mq_event_get_film_director (got), ==, "Tamara Kotevska, Ljubomir Stefanov");
  g_assert_cmpint (mq_event_get_film_year (got), ==, 2019);
  g_assert_cmpint (mq_event_get_film_runtime (got), ==, 89);
  g_assert_cmpstr (mq_event_get_film_language (got), ==, "Turkish, Macedonian");
  g_assert_cmpstr (mq_event_get_film_subtitles (got), ==, "English");
  g_assert_cmpstr (mq_event_get_content_notes (got), ==, "Animal death");
  g_assert_cmpstr (mq_event_get_rights_note (got), ==, "Public performance licence 2026-117");
  g_assert_cmpstr (mq_event_get_poster_path (got), ==, "/posters/honeyland.jpg");
  g_assert_cmpint (mq_event_get_doors_minutes (got), ==, 45);
  g_assert_cmpint (mq_event_get_qa_minutes (got), ==, 20);
  assert_time (mq_event_get_created_at (got), "2026-11-20T12:00:00Z");
}

static void
test_round_trip_blanks (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = add_event (f, "Open meetup", "2026-12-10T18:00:00Z", -1);
  g_autoptr(MqEvent) got = mq_event_catalog_get (f->catalog, id, NULL);
  g_autofree char *capacity = query_text (f, "SELECT quote (capacity) FROM events");

  g_assert_nonnull (got);
  g_assert_cmpstr (capacity, ==, "NULL");
  g_assert_cmpint (mq_event_get_capacity (got), ==, -1);
  g_assert_cmpint (mq_event_get_parent_id (got), ==, 0);
  g_assert_null (mq_event_get_ends_at (got));
  g_assert_null (mq_event_get_venue (got));
  g_assert_null (mq_event_get_film_title (got));
  g_assert_cmpint (mq_event_get_film_year (got), ==, 0);
  g_assert_cmpint (mq_event_get_film_runtime (got), ==, 0);
  g_assert_cmpint (mq_event_get_doors_minutes (got), ==, 30);
  g_assert_cmpint (mq_event_get_status (got), ==, MQ_EVENT_STATUS_PUBLISHED);
}

static void
test_computed_times (void)
{
  g_autoptr(MqEvent) event = new_event ("Honeyland", "2026-12-03T18:30:00Z");
  g_autoptr(GDateTime) ends = utc ("2026-12-03T21:15:00Z");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) doors = NULL;
  g_autoptr(GDateTime) qa_ends = NULL;
  g_autoptr(GDateTime) no_start = NULL;
  g_autoptr(MqEvent) blank = mq_event_new ();
  g_autofree char *local_text = NULL;
  g_autofree char *doors_text = NULL;
  g_autofree char *qa_text = NULL;

  mq_event_set_doors_minutes (event, 30);
  mq_event_set_film_runtime (event, 89);
  mq_event_set_qa_minutes (event, 25);

  local = mq_event_dup_starts_local (event);
  doors = mq_event_dup_doors_at (event);
  qa_ends = mq_event_dup_qa_ends_at (event);
  local_text = g_date_time_format (local, "%H:%M %z");
  doors_text = g_date_time_format (doors, "%H:%M %z");
  qa_text = g_date_time_format (qa_ends, "%H:%M %z");
  g_assert_cmpstr (local_text, ==, "19:30 +0100");
  g_assert_cmpstr (doors_text, ==, "19:00 +0100");
  g_assert_cmpstr (qa_text, ==, "21:24 +0100");

  /* Without a runtime the Q&A ends when the event does. */
  g_clear_pointer (&qa_ends, g_date_time_unref);
  mq_event_set_film_runtime (event, 0);
  g_assert_null (mq_event_dup_qa_ends_at (event));
  mq_event_set_ends_at (event, ends);
  qa_ends = mq_event_dup_qa_ends_at (event);
  g_free (qa_text);
  qa_text = g_date_time_format (qa_ends, "%H:%M %z");
  g_assert_cmpstr (qa_text, ==, "22:15 +0100");

  g_assert_null (mq_event_dup_starts_local (blank));
  g_assert_null (mq_event_dup_doors_at (blank));
  no_start = mq_event_dup_qa_ends_at (blank);
  g_assert_null (no_start);
}

static void
assert_add_fails (Fixture *f,
                  MqEvent *event,
                  int      code)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mq_event_catalog_add (f->catalog, event, &error), ==, 0);
  g_assert_error (error, MQ_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpint (mq_event_get_id (event), ==, 0);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) early = utc ("2026-12-03T17:00:00Z");

  {
    g_autoptr(MqEvent) event = new_event ("   ", "2026-12-03T18:30:00Z");
    assert_add_fails (f, event, MQ_ERROR_INVALID);
  }
  {
    g_autoptr(MqEvent) event = new_event ("No start", "2026-12-03T18:30:00Z");
    mq_event_set_starts_at (event, NULL);
    assert_add_fails (f, event, MQ_ERROR_INVALID);
  }
  {
    g_autoptr(MqEvent) event = new_event ("Mars", "2026-12-03T18:30:00Z");
    g_autoptr(GError) error = NULL;

    mq_event_set_time_zone (event, "Mars/Olympus_Mons");
    g_assert_cmpint (mq_event_catalog_add (f->catalog, event, &error), ==, 0);
    g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  }
  {
    g_autoptr(MqEvent) event = new_event ("No zone", "2026-12-03T18:30:00Z");
    mq_event_set_time_zone (event, NULL);
    assert_add_fails (f, event, MQ_ERROR_INVALID);
  }
  {
    g_autoptr(MqEvent) event = new_event ("Backwards", "2026-12-03T18:30:00Z");
    mq_event_set_ends_at (event, early);
    assert_add_fails (f, event, MQ_ERROR_INVALID);
  }
  {
    g_autoptr(MqEvent) event = new_event ("Negative seats", "2026-12-03T18:30:00Z");
    mq_event_set_capacity (event, -2);
    assert_add_fails (f, event, MQ_ERROR_INVALID);
  }
  {
    g_autoptr(MqEvent) event = new_event ("Negative runtime", "2026-12-03T18:30:00Z");
    mq_event_set_film_runtime (event, -5);
    assert_add_fails (f, event, MQ_ERROR_INVALID);
  }
  {
    g_autoptr(MqEvent) event = new_event ("Orphan", "2026-12-03T18:30:00Z");
    mq_event_set_kind (event, MQ_EVENT_KIND_ADDON);
    assert_add_fails (f, event, MQ_ERROR_INVALID);
  }
  {
    g_autoptr(MqEvent) event = new_event ("Lost parent", "2026-12-03T18:30:00Z");
    g_autoptr(GError) error = NULL;

    mq_event_set_kind (event, MQ_EVENT_KIND_ADDON);
    mq_event_set_parent_id (event, 99);
    g_assert_cmpint (mq_event_catalog_add (f->catalog, event, &error), ==, 0);
    g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "99"));
  }

  /* Nothing of the refused events was written; the limits themselves pass. */
  g_assert_cmpuint (count_events (f), ==, 0);
  {
    g_autoptr(MqEvent) event = new_event ("Zero seats, ends as it starts", "2026-12-03T18:30:00Z");
    g_autoptr(GDateTime) same = utc ("2026-12-03T18:30:00Z");
    g_autoptr(GError) error = NULL;

    mq_event_set_capacity (event, 0);
    mq_event_set_ends_at (event, same);
    g_assert_cmpint (mq_event_catalog_add (f->catalog, event, &error), ==, 1);
    g_assert_no_error (error);
  }
}

static void
assert_titles (GListModel         *events,
               const char * const *titles)
{
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, g_strv_length ((char **) titles));

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (events, i);

      g_assert_cmpstr (mq_event_get_title (event), ==, titles[i]);
    }
}

static void
test_list_ranges (Fixture       *f,
                  gconstpointer  data)
{
  const char * const all[] = { "October", "November", "Now", "December", "January", NULL };
  const char * const upcoming[] = { "Now", "December", "January", NULL };
  const char * const past[] = { "November", "October", NULL };
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;

  add_event (f, "December", "2026-12-03T18:30:00Z", -1);
  add_event (f, "October", "2026-10-01T18:30:00Z", -1);
  add_event (f, "January", "2027-01-14T18:30:00Z", -1);
  add_event (f, "Now", "2026-11-20T12:00:00Z", -1);
  add_event (f, "November", "2026-11-20T11:59:59Z", -1);

  events = mq_event_catalog_list (f->catalog, MQ_EVENT_RANGE_ALL, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (events) == MQ_TYPE_EVENT);
  assert_titles (events, all);
  g_clear_object (&events);

  events = mq_event_catalog_list (f->catalog, MQ_EVENT_RANGE_UPCOMING, &error);
  g_assert_no_error (error);
  assert_titles (events, upcoming);
  g_clear_object (&events);

  events = mq_event_catalog_list (f->catalog, MQ_EVENT_RANGE_PAST, &error);
  g_assert_no_error (error);
  assert_titles (events, past);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_event (f, "Honeyland", "2026-12-03T18:30:00Z", 40);
  g_autoptr(MqEvent) event = mq_event_catalog_get (f->catalog, id, NULL);
  g_autoptr(MqEvent) got = NULL;
  g_autoptr(MqEvent) ghost = new_event ("Ghost", "2026-12-03T18:30:00Z");
  g_autoptr(GDateTime) moved = utc ("2026-12-04T19:00:00Z");
  g_autoptr(GError) error = NULL;

  mq_event_set_title (event, "Honeyland (second screening)");
  mq_event_set_starts_at (event, moved);
  mq_event_set_time_zone (event, "America/New_York");
  mq_event_set_capacity (event, -1);
  mq_event_set_venue (event, "Film Forum");
  mq_event_set_status (event, MQ_EVENT_STATUS_CANCELLED);
  g_assert_true (mq_event_catalog_update (f->catalog, event, &error));
  g_assert_no_error (error);

  got = mq_event_catalog_get (f->catalog, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mq_event_get_title (got), ==, "Honeyland (second screening)");
  assert_time (mq_event_get_starts_at (got), "2026-12-04T19:00:00Z");
  g_assert_cmpstr (mq_event_get_time_zone (got), ==, "America/New_York");
  g_assert_cmpint (mq_event_get_capacity (got), ==, -1);
  g_assert_cmpstr (mq_event_get_venue (got), ==, "Film Forum");
  g_assert_cmpint (mq_event_get_status (got), ==, MQ_EVENT_STATUS_CANCELLED);
  g_clear_object (&got);

  /* A refused update leaves the stored event as it was. */
  mq_event_set_title (event, "");
  g_assert_false (mq_event_catalog_update (f->catalog, event, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);
  got = mq_event_catalog_get (f->catalog, id, NULL);
  g_assert_cmpstr (mq_event_get_title (got), ==, "Honeyland (second screening)");

  g_assert_false (mq_event_catalog_update (f->catalog, ghost, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

static gint64
add_person (Fixture    *f,
            const char *name)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (f->store);
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  id = mq_person_directory_add (directory, person, &error);
  g_assert_no_error (error);

  return id;
}

static char *
status_of (Fixture *f,
           gint64   person_id)
{
  sqlite3_stmt *stmt = mq_store_prepare (f->store, "SELECT status FROM rsvps WHERE person_id = ?1", NULL);
  char *status = NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return status;
}

static void
test_capacity_raise_promotes (Fixture       *f,
                              gconstpointer  data)
{
  gint64 id = add_event (f, "Honeyland", "2026-12-03T18:30:00Z", 2);
  g_autoptr(MqEvent) event = mq_event_catalog_get (f->catalog, id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ada = NULL;
  g_autofree char *bo = NULL;
  g_autofree char *cy = NULL;

  g_assert_cmpint (add_person (f, "Ada"), ==, 1);
  g_assert_cmpint (add_person (f, "Bo"), ==, 2);
  g_assert_cmpint (add_person (f, "Cy"), ==, 3);
  exec_sql (f,
            "INSERT INTO rsvps (event_id, person_id, status, party_size, ticket_code, waitlist_seq,"
            " waitlisted_at, created_at, updated_at) VALUES"
            " (1, 1, 'going', 2, '23456789AB', NULL, NULL, '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z'),"
            " (1, 2, 'waitlisted', 2, '3456789ABC', 1, '2026-11-02T10:00:00Z', '2026-11-02T10:00:00Z', '2026-11-02T10:00:00Z'),"
            " (1, 3, 'waitlisted', 1, '456789ABCD', 2, '2026-11-03T10:00:00Z', '2026-11-03T10:00:00Z', '2026-11-03T10:00:00Z')");

  /* Lowering or keeping the capacity promotes no one. */
  mq_event_set_title (event, "Honeyland!");
  g_assert_true (mq_event_catalog_update (f->catalog, event, &error));
  g_assert_no_error (error);
  bo = status_of (f, 2);
  g_assert_cmpstr (bo, ==, "waitlisted");
  g_clear_pointer (&bo, g_free);

  /* One more seat: Bo's party of two still does not fit, Cy alone does. */
  mq_event_set_capacity (event, 3);
  g_assert_true (mq_event_catalog_update (f->catalog, event, &error));
  g_assert_no_error (error);
  ada = status_of (f, 1);
  bo = status_of (f, 2);
  cy = status_of (f, 3);
  g_assert_cmpstr (ada, ==, "going");
  g_assert_cmpstr (bo, ==, "waitlisted");
  g_assert_cmpstr (cy, ==, "going");
  g_clear_pointer (&bo, g_free);

  mq_event_set_capacity (event, -1);
  g_assert_true (mq_event_catalog_update (f->catalog, event, &error));
  g_assert_no_error (error);
  bo = status_of (f, 2);
  g_assert_cmpstr (bo, ==, "going");
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  gint64 parent = add_event (f, "Weekend", "2026-12-03T10:00:00Z", -1);
  gint64 single = add_event (f, "Single", "2026-12-05T10:00:00Z", -1);
  g_autoptr(MqEvent) addon = new_event ("Pub quiz", "2026-12-03T22:00:00Z");
  g_autoptr(GError) error = NULL;
  gint64 addon_id;

  mq_event_set_kind (addon, MQ_EVENT_KIND_ADDON);
  mq_event_set_parent_id (addon, parent);
  addon_id = mq_event_catalog_add (f->catalog, addon, &error);
  g_assert_no_error (error);

  g_assert_true (mq_event_catalog_delete (f->catalog, single, &error));
  g_assert_no_error (error);
  g_assert_false (mq_event_catalog_delete (f->catalog, single, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (mq_event_catalog_get (f->catalog, single, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (mq_event_catalog_delete (f->catalog, parent, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (count_events (f), ==, 2);

  g_assert_true (mq_event_catalog_delete (f->catalog, addon_id, &error));
  g_assert_true (mq_event_catalog_delete (f->catalog, parent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (f), ==, 0);
}

static void
on_changed (MqStore    *store,
            const char *what,
            guint      *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  guint changed = 0;
  gint64 id;

  g_signal_connect (f->store, "changed::events", G_CALLBACK (on_changed), &changed);
  id = add_event (f, "Honeyland", "2026-12-03T18:30:00Z", 10);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (mq_event_catalog_delete (f->catalog, id, NULL));
  g_assert_cmpuint (changed, ==, 2);
  g_signal_handlers_disconnect_by_func (f->store, on_changed, &changed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/event-catalog/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/core/event/strings", test_strings);
  g_test_add_func ("/core/event/properties", test_properties);
  g_test_add_func ("/core/event/computed-times", test_computed_times);
  ADD ("add/round-trip", test_round_trip);
  ADD ("add/round-trip-blanks", test_round_trip_blanks);
  ADD ("add/validation", test_validation);
  ADD ("list/ranges", test_list_ranges);
  ADD ("update/round-trip", test_update);
  ADD ("update/capacity-raise-promotes", test_capacity_raise_promotes);
  ADD ("delete", test_delete);
  ADD ("changed-signal", test_changed_signal);

#undef ADD

  return g_test_run ();
}
