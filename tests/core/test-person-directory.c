/* test-person-directory.c: people in and out of the store, search, merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "marquee-core.h"
#include "mq-store-private.h"

typedef struct
{
  MqStore           *store;
  MqPersonDirectory *directory;
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
  f->directory = mq_person_directory_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->directory);
  g_assert_finalize_object (f->store);
}

static gint64
add_full (Fixture    *f,
          const char *name,
          const char *email,
          const char *mastodon,
          const char *bluesky)
{
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  mq_person_set_mastodon (person, mastodon);
  mq_person_set_bluesky (person, bluesky);
  id = mq_person_directory_add (f->directory, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
add_named (Fixture    *f,
           const char *name)
{
  return add_full (f, name, NULL, NULL, NULL);
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

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3_stmt *stmt = mq_store_prepare (f->store, sql, NULL);
  gint64 value = -1;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
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

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(MqPerson) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *created_text = NULL;
  g_autofree char *search_text = NULL;
  const char * const tags[] = { " volunteer ", "docs", "", "docs", NULL };
  const char * const *got_tags;
  gint64 id;

  mq_person_set_name (person, "  Björn Ødegård ");
  mq_person_set_email (person, " Bjorn@Example.org ");
  mq_person_set_phone (person, "+47 22 12 34 56");
  mq_person_set_mastodon (person, "bjorn@Films.Social");
  mq_person_set_bluesky (person, "@Bjorn.bsky.social");
  mq_person_set_organization (person, "Cinemateket");
  mq_person_set_pronouns (person, "he/him");
  mq_person_set_languages (person, "no, en");
  mq_person_set_notes (person, "Brings the projector cables");
  mq_person_set_tags (person, tags);
  mq_person_set_consent_contact (person, TRUE);
  mq_person_set_consent_photo (person, FALSE);
  mq_person_set_consent_listed (person, TRUE);

  id = mq_person_directory_add (f->directory, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpint (mq_person_get_id (person), ==, 1);

  /* The caller's object shows what was stored. */
  g_assert_cmpstr (mq_person_get_name (person), ==, "Björn Ødegård");
  g_assert_cmpstr (mq_person_get_mastodon (person), ==, "@bjorn@films.social");

  got = mq_person_directory_get (f->directory, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_person_get_id (got), ==, 1);
  g_assert_cmpstr (mq_person_get_name (got), ==, "Björn Ødegård");
  g_assert_cmpstr (mq_person_get_email (got), ==, "Bjorn@Example.org");
  g_assert_cmpstr (mq_person_get_phone (got), ==, "+47 22 12 34 56");
  g_assert_cmpstr (mq_person_get_mastodon (got), ==, "@bjorn@films.social");
  g_assert_cmpstr (mq_person_get_bluesky (got), ==, "bjorn.bsky.social");
  g_assert_cmpstr (mq_person_get_organization (got), ==, "Cinemateket");
  g_assert_cmpstr (mq_person_get_pronouns (got), ==, "he/him");
  g_assert_cmpstr (mq_person_get_languages (got), ==, "no, en");
  g_assert_cmpstr (mq_person_get_notes (got), ==, "Brings the projector cables");
  got_tags = mq_person_get_tags (got);
  g_assert_cmpuint (g_strv_length ((char **) got_tags), ==, 2);
  g_assert_cmpstr (got_tags[0], ==, "docs");
  g_assert_cmpstr (got_tags[1], ==, "volunteer");
  g_assert_true (mq_person_get_consent_contact (got));
  g_assert_false (mq_person_get_consent_photo (got));
  g_assert_true (mq_person_get_consent_listed (got));
  created = g_date_time_to_utc (mq_person_get_created_at (got));
  created_text = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (created_text, ==, "2026-11-20T12:00:00Z");

  search_text = query_text (f, "SELECT search_text FROM people WHERE id = 1");
  g_assert_cmpstr (search_text, ==,
                   "bjorn odegard bjorn example org bjorn films social bjorn bsky social");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_tags"), ==, 2);
}

static void
test_round_trip_blanks (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(MqPerson) got = NULL;
  gint64 id = add_named (f, "Zoë");

  got = mq_person_directory_get (f->directory, id, NULL);
  g_assert_nonnull (got);
  g_assert_null (mq_person_get_email (got));
  g_assert_null (mq_person_get_phone (got));
  g_assert_null (mq_person_get_mastodon (got));
  g_assert_null (mq_person_get_bluesky (got));
  g_assert_null (mq_person_get_notes (got));
  g_assert_nonnull (mq_person_get_tags (got));
  g_assert_null (mq_person_get_tags (got)[0]);
  g_assert_false (mq_person_get_consent_listed (got));
}

static void
test_properties (void)
{
  g_autoptr(MqPerson) person = mq_person_new ();
  g_auto(GStrv) tags = NULL;
  g_autofree char *name = NULL;
  const char * const some[] = { "a", "b", NULL };
  gboolean listed;

  g_object_set (person, "name", "Ana", "consent-listed", TRUE, "tags", some, NULL);
  g_object_get (person, "name", &name, "consent-listed", &listed, "tags", &tags, NULL);
  g_assert_cmpstr (name, ==, "Ana");
  g_assert_true (listed);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);

  mq_person_set_email (person, "");
  g_assert_null (mq_person_get_email (person));
}

static void
assert_add_fails (Fixture    *f,
                  const char *name,
                  const char *email,
                  const char *mastodon,
                  const char *bluesky,
                  const char *quoted)
{
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  mq_person_set_mastodon (person, mastodon);
  mq_person_set_bluesky (person, bluesky);
  g_assert_cmpint (mq_person_directory_add (f->directory, person, &error), ==, 0);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  if (quoted != NULL)
    g_assert_nonnull (strstr (error->message, quoted));
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  assert_add_fails (f, NULL, NULL, NULL, NULL, NULL);
  assert_add_fails (f, "   ", NULL, NULL, NULL, NULL);
  assert_add_fails (f, "Ana", "not-an-email", NULL, NULL, "not-an-email");
  assert_add_fails (f, "Ana", "ana@example", NULL, NULL, "ana@example");
  assert_add_fails (f, "Ana", "ana@@example.org", NULL, NULL, "ana@@example.org");
  assert_add_fails (f, "Ana", "@example.org", NULL, NULL, "@example.org");
  assert_add_fails (f, "Ana", "ana garcia@example.org", NULL, NULL, NULL);
  assert_add_fails (f, "Ana", NULL, "ana", NULL, "ana");
  assert_add_fails (f, "Ana", NULL, "@ana@localhost", NULL, "@ana@localhost");
  assert_add_fails (f, "Ana", NULL, "@@films.social", NULL, NULL);
  assert_add_fails (f, "Ana", NULL, NULL, "ana", "ana");
  assert_add_fails (f, "Ana", NULL, NULL, "ana@bsky.social", "ana@bsky.social");
  assert_add_fails (f, "Ana", NULL, NULL, "ana..bsky.social", NULL);

  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 0);
}

static void
test_handles_normalized (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(MqPerson) a = NULL;
  g_autoptr(MqPerson) b = NULL;
  gint64 from_link = add_full (f, "Link", NULL, "https://Films.Social/@link", NULL);
  gint64 with_at = add_full (f, "At", NULL, "@at@films.social", "@At.example.com");

  a = mq_person_directory_get (f->directory, from_link, NULL);
  b = mq_person_directory_get (f->directory, with_at, NULL);
  g_assert_cmpstr (mq_person_get_mastodon (a), ==, "@link@films.social");
  g_assert_cmpstr (mq_person_get_mastodon (b), ==, "@at@films.social");
  g_assert_cmpstr (mq_person_get_bluesky (b), ==, "at.example.com");
}

static void
test_find_by_email (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MqPerson) found = NULL;
  g_autoptr(MqPerson) missing = NULL;
  g_autoptr(GError) error = NULL;

  add_full (f, "Ana García", "ana@example.org", NULL, NULL);
  add_full (f, "Bo", "bo@example.org", NULL, NULL);

  found = mq_person_directory_find_by_email (f->directory, "  ANA@Example.ORG\t", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (mq_person_get_id (found), ==, 1);

  missing = mq_person_directory_find_by_email (f->directory, "ana@example.com", &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_null (mq_person_directory_find_by_email (f->directory, "   ", &error));
  g_assert_no_error (error);
}

static void
assert_handle_finds (Fixture    *f,
                     const char *handle,
                     gint64      expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqPerson) found = mq_person_directory_find_by_handle (f->directory, handle, &error);

  g_assert_no_error (error);
  if (expected == 0)
    {
      g_assert_null (found);
      return;
    }
  g_assert_nonnull (found);
  g_assert_cmpint (mq_person_get_id (found), ==, expected);
}

static void
test_find_by_handle (Fixture       *f,
                     gconstpointer  data)
{
  add_full (f, "Zoë Adeyemi", NULL, "zoe@films.social", "zoe.bsky.social");
  add_full (f, "Bo", NULL, NULL, "bo.example.com");

  assert_handle_finds (f, "@zoe@films.social", 1);
  assert_handle_finds (f, "zoe@films.social", 1);
  assert_handle_finds (f, " @Zoe@Films.Social ", 1);
  assert_handle_finds (f, "zoe.bsky.social", 1);
  assert_handle_finds (f, "@zoe.bsky.social", 1);
  assert_handle_finds (f, "@BO.example.com", 2);
  assert_handle_finds (f, "zoe", 0);
  assert_handle_finds (f, "@zoe@other.social", 0);
  assert_handle_finds (f, "", 0);
}

static void
assert_search (Fixture            *f,
               const char         *query,
               const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = mq_person_directory_search (f->directory, query, 50, &error);
  g_autoptr(GArray) ids = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (found);
  for (guint i = 0; i < found->len && expected[i] != NULL; i++)
    g_assert_cmpstr (mq_person_get_name (g_ptr_array_index (found, i)), ==, expected[i]);
  g_assert_cmpuint (found->len, ==, g_strv_length ((char **) expected));

  /* The ids alone, as the People page asks for them: the same people in
   * the same order.
   */
  ids = mq_person_directory_search_ids (f->directory, query, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, found->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, mq_person_get_id (g_ptr_array_index (found, i)));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  const char * const bjorn[] = { "Björn Ødegård", NULL };
  const char * const zoe[] = { "Zoë", "Zoë Adeyemi", NULL };
  const char * const ana_g[] = { "Ana García", NULL };
  const char * const anatole[] = { "Anatole Marsh", NULL };
  const char * const none[] = { NULL };
  const char * const by_handle[] = { "Zoë Adeyemi", NULL };
  const char * const by_domain[] = { "Ana García", "Björn Ødegård", NULL };

  add_full (f, "Zoë Adeyemi", NULL, "zadeyemi@films.social", "zoe-a.bsky.social");
  add_full (f, "Björn Ødegård", "bjorn@example.org", NULL, NULL);
  add_full (f, "Ana García", "ana@example.org", NULL, NULL);
  add_full (f, "Anatole Marsh", NULL, NULL, NULL);
  add_named (f, "Zoë");

  assert_search (f, "bjorn", bjorn);
  assert_search (f, "BJÖRN ødegård", bjorn);
  assert_search (f, "ode", bjorn);
  /* The exact name first, then by name. */
  assert_search (f, "zoe", zoe);
  /* Every word must be a prefix of some word. */
  assert_search (f, "an ga", ana_g);
  assert_search (f, "ana marsh", anatole);
  assert_search (f, "garcia marsh", none);
  assert_search (f, "bjorn@example.org", bjorn);
  assert_search (f, "example", by_domain);
  assert_search (f, "@zadeyemi@films.social", by_handle);
  assert_search (f, "zoe-a", by_handle);
  /* Query syntax is text, never FTS5 operators. */
  assert_search (f, "\"ana\" OR NEAR(", none);
  assert_search (f, "  -- ", none);
}

static void
test_search_exact_first_within_limit (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  add_named (f, "Ann Aaronson");
  add_named (f, "Ann Abbott");
  add_named (f, "Anna Zed");
  add_named (f, "ANN");

  found = mq_person_directory_search (f->directory, "ann", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (mq_person_get_name (g_ptr_array_index (found, 0)), ==, "ANN");
  g_assert_cmpstr (mq_person_get_name (g_ptr_array_index (found, 1)), ==, "Ann Aaronson");

  /* The exact match is not counted twice when the prefixes follow. */
  for (guint limit = 1; limit <= 5; limit++)
    {
      g_autoptr(GArray) ids = mq_person_directory_search_ids (f->directory, "ann", limit, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, MIN (limit, 4));
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, mq_person_get_id (g_ptr_array_index (found, 0)));
      if (limit >= 2)
        g_assert_cmpint (g_array_index (ids, gint64, 1), ==, mq_person_get_id (g_ptr_array_index (found, 1)));
      for (guint i = 1; i < ids->len; i++)
        g_assert_cmpint (g_array_index (ids, gint64, i), !=, g_array_index (ids, gint64, 0));
    }
}

static void
test_list_and_count (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  add_named (f, "zed");
  add_named (f, "Ana");
  add_named (f, "bo");
  add_named (f, "Cy");

  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 4);

  page = mq_person_directory_list (f->directory, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 4);
  g_assert_cmpstr (mq_person_get_name (g_ptr_array_index (page, 0)), ==, "Ana");
  g_assert_cmpstr (mq_person_get_name (g_ptr_array_index (page, 1)), ==, "bo");
  g_assert_cmpstr (mq_person_get_name (g_ptr_array_index (page, 2)), ==, "Cy");
  g_assert_cmpstr (mq_person_get_name (g_ptr_array_index (page, 3)), ==, "zed");
  g_clear_pointer (&page, g_ptr_array_unref);

  page = mq_person_directory_list (f->directory, 1, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (mq_person_get_name (g_ptr_array_index (page, 0)), ==, "bo");
  g_assert_cmpstr (mq_person_get_name (g_ptr_array_index (page, 1)), ==, "Cy");
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_full (f, "Ana Garcia", "ana@example.org", NULL, NULL);
  g_autoptr(MqPerson) person = mq_person_directory_get (f->directory, id, NULL);
  g_autoptr(MqPerson) ghost = mq_person_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char * const tags[] = { "greeter", NULL };

  mq_person_set_name (person, "Ana García López");
  mq_person_set_mastodon (person, "ana@films.social");
  mq_person_set_tags (person, tags);
  g_assert_true (mq_person_directory_update (f->directory, person, &error));
  g_assert_no_error (error);

  /* The search index follows the change. */
  found = mq_person_directory_search (f->directory, "lopez", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (mq_person_get_mastodon (g_ptr_array_index (found, 0)), ==, "@ana@films.social");
  g_assert_cmpstr (mq_person_get_tags (g_ptr_array_index (found, 0))[0], ==, "greeter");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = mq_person_directory_search (f->directory, "garcia", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);

  mq_person_set_email (person, "nope");
  g_assert_false (mq_person_directory_update (f->directory, person, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  mq_person_set_name (ghost, "Ghost");
  g_assert_false (mq_person_directory_update (f->directory, ghost, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (mq_person_directory_get (f->directory, 42, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

/* Two events, with raw RSVP and check-in rows, so merge is tested on the
 * data alone.
 */
static void
add_events (Fixture *f,
            int      capacity)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO events (id, title, starts_at, time_zone, capacity, created_at, updated_at)"
                     " VALUES (1, 'Honeyland', '2026-12-03T18:30:00Z', 'Europe/Berlin', %d, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),"
                     " (2, 'Aftersun', '2026-12-10T18:30:00Z', 'Europe/Berlin', NULL, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),"
                     " (3, 'Past', '2026-10-10T18:30:00Z', 'Europe/Berlin', NULL, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                     capacity);

  exec_sql (f, sql);
}

static void
add_rsvp (Fixture    *f,
          gint64      id,
          gint64      event_id,
          gint64      person_id,
          const char *status,
          int         party_size,
          const char *code)
{
  sqlite3_stmt *stmt = mq_store_prepare (f->store,
                                         "INSERT INTO rsvps (id, event_id, person_id, status, party_size,"
                                         " ticket_code, waitlist_seq, created_at, updated_at)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?4 = 'waitlisted' THEN ?1 END,"
                                         " '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z')",
                                         NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, event_id);
  sqlite3_bind_int64 (stmt, 3, person_id);
  sqlite3_bind_text (stmt, 4, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, party_size);
  sqlite3_bind_text (stmt, 6, code, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  /* The line that created it, as the ledger writes one. */
  stmt = mq_store_prepare (f->store,
                           "INSERT INTO rsvp_history (rsvp_id, to_status, to_party, at, actor)"
                           " VALUES (?1, ?2, ?3, '2026-11-02T00:00:00Z', 'test')",
                           NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, party_size);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
admit (Fixture *f,
       gint64   rsvp_id,
       gint64   event_id)
{
  sqlite3_stmt *stmt = mq_store_prepare (f->store,
                                         "INSERT INTO check_ins (event_id, rsvp_id, action, people, at, station)"
                                         " VALUES (?1, ?2, 'admit', 1, '2026-12-03T18:00:00Z', 'door 1')",
                                         NULL);

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, rsvp_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static gint64
rsvp_person (Fixture *f,
             gint64   rsvp_id)
{
  sqlite3_stmt *stmt = mq_store_prepare (f->store, "SELECT person_id FROM rsvps WHERE id = ?1", NULL);
  gint64 person = 0;

  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    person = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return person;
}

static gint64
count_where_rsvp (Fixture    *f,
                  const char *table,
                  gint64      rsvp_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE rsvp_id = %" G_GINT64_FORMAT,
                                          table, rsvp_id);

  return query_int (f, sql);
}

static void
on_changed (MqStore    *store,
            const char *what,
            GString    *log)
{
  g_string_append_printf (log, "%s;", what);
}

static void
test_merge_moves_rsvps (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(MqPerson) kept = NULL;
  g_autoptr(MqPerson) dropped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  gint64 keep = add_full (f, "Ana García", "ana@example.org", NULL, NULL);
  gint64 drop = add_full (f, "Ana Garcia", NULL, "ana@films.social", NULL);

  add_events (f, 10);
  add_rsvp (f, 1, 1, drop, "going", 2, "23456789AB");
  add_rsvp (f, 2, 3, drop, "going", 1, "3456789ABC");
  admit (f, 2, 3);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), changes);
  g_assert_true (mq_person_directory_merge (f->directory, keep, drop, "organizer", &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (f->store, on_changed, changes);
  g_assert_nonnull (strstr (changes->str, "people;"));
  g_assert_nonnull (strstr (changes->str, "rsvps;"));

  g_assert_cmpint (rsvp_person (f, 1), ==, keep);
  g_assert_cmpint (rsvp_person (f, 2), ==, keep);
  g_assert_cmpint (count_where_rsvp (f, "check_ins", 2), ==, 1);
  g_assert_cmpint (count_where_rsvp (f, "rsvp_history", 1), ==, 1);

  dropped = mq_person_directory_get (f->directory, drop, &error);
  g_assert_null (dropped);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The survivor's blanks are filled; what it had stays. */
  kept = mq_person_directory_get (f->directory, keep, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mq_person_get_name (kept), ==, "Ana García");
  g_assert_cmpstr (mq_person_get_email (kept), ==, "ana@example.org");
  g_assert_cmpstr (mq_person_get_mastodon (kept), ==, "@ana@films.social");
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 1);
}

static void
test_merge_conflicts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 keep = add_named (f, "Keep");
  gint64 drop = add_named (f, "Drop");

  add_events (f, 10);
  /* Event 1: the dropped record got further (going beats maybe). */
  add_rsvp (f, 1, 1, keep, "maybe", 1, "23456789AB");
  add_rsvp (f, 2, 1, drop, "going", 1, "3456789ABC");
  /* Event 2: the kept record was checked in while only "maybe"; that beats going. */
  add_rsvp (f, 3, 2, keep, "maybe", 1, "456789ABCD");
  add_rsvp (f, 4, 2, drop, "going", 1, "56789ABCDE");
  admit (f, 3, 2);
  /* Event 3: a tie keeps the kept person's RSVP. */
  add_rsvp (f, 5, 3, keep, "declined", 1, "6789ABCDEF");
  add_rsvp (f, 6, 3, drop, "declined", 1, "789ABCDEFG");
  admit (f, 6, 3);
  exec_sql (f, "INSERT INTO check_ins (event_id, rsvp_id, action, people, undoes_id, at, reason)"
               " VALUES (3, 6, 'undo', 1, last_insert_rowid (), '2026-12-03T18:05:00Z', 'wrong person')");

  g_assert_true (mq_person_directory_merge (f->directory, keep, drop, "organizer", &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM rsvps"), ==, 3);

  /* Event 1: RSVP 2 survives, now the kept person's, with both histories. */
  g_assert_cmpint (rsvp_person (f, 2), ==, keep);
  g_assert_cmpint (rsvp_person (f, 1), ==, 0);
  g_assert_cmpint (count_where_rsvp (f, "rsvp_history", 2), ==, 2);

  /* Event 2: the checked-in RSVP 3 survives and takes the other's history. */
  g_assert_cmpint (rsvp_person (f, 3), ==, keep);
  g_assert_cmpint (rsvp_person (f, 4), ==, 0);
  g_assert_cmpint (count_where_rsvp (f, "rsvp_history", 3), ==, 2);
  g_assert_cmpint (count_where_rsvp (f, "check_ins", 3), ==, 1);

  /* Event 3: an undone admit is no check-in; the tie goes to RSVP 5, which
   * takes over the dropped RSVP's door log.
   */
  g_assert_cmpint (rsvp_person (f, 5), ==, keep);
  g_assert_cmpint (rsvp_person (f, 6), ==, 0);
  g_assert_cmpint (count_where_rsvp (f, "check_ins", 5), ==, 2);
  g_assert_cmpint (count_where_rsvp (f, "rsvp_history", 5), ==, 2);
}

static void
test_merge_promotes_waitlist (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 keep = add_named (f, "Keep");
  gint64 drop = add_named (f, "Drop");
  gint64 waiting = add_named (f, "Waiting");

  /* Two seats, both taken by the same person twice over. */
  add_events (f, 2);
  add_rsvp (f, 1, 1, keep, "going", 1, "23456789AB");
  add_rsvp (f, 2, 1, drop, "going", 1, "3456789ABC");
  add_rsvp (f, 3, 1, waiting, "waitlisted", 1, "456789ABCD");

  g_assert_true (mq_person_directory_merge (f->directory, keep, drop, "organizer", &error));
  g_assert_no_error (error);

  status = query_text (f, "SELECT status FROM rsvps WHERE id = 3");
  g_assert_cmpstr (status, ==, "going");
}

static void
test_merge_record_and_relations (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(MqPerson) drop_person = mq_person_new ();
  g_autoptr(MqPerson) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *actor = NULL;
  const char * const tags[] = { "projectionist", NULL };
  const char * const keep_tags[] = { "greeter", NULL };
  g_autoptr(MqPerson) keep_person = mq_person_new ();
  JsonObject *dropped;
  gint64 keep, drop, greeter, newcomer;

  mq_person_set_name (keep_person, "Ana García");
  mq_person_set_tags (keep_person, keep_tags);
  keep = mq_person_directory_add (f->directory, keep_person, &error);
  g_assert_no_error (error);

  mq_person_set_name (drop_person, "Ana Garcia");
  mq_person_set_email (drop_person, "ana@example.org");
  mq_person_set_phone (drop_person, "+34 600 123 456");
  mq_person_set_notes (drop_person, "Imported from Meetup");
  mq_person_set_tags (drop_person, tags);
  mq_person_set_consent_photo (drop_person, TRUE);
  drop = mq_person_directory_add (f->directory, drop_person, &error);
  g_assert_no_error (error);
  greeter = add_named (f, "Greeter");
  newcomer = add_named (f, "Newcomer");

  add_events (f, 10);
  exec_sql (f, "INSERT INTO volunteers (event_id, person_id, role) VALUES"
               " (1, 1, 'door'), (1, 2, 'door'), (1, 2, 'greeter'), (2, 2, 'organizer')");
  exec_sql (f, "INSERT INTO greeter_assignments (event_id, newcomer_id, greeter_id, assigned_at) VALUES"
               " (1, 2, 3, '2026-11-02T00:00:00Z'), (2, 4, 2, '2026-11-02T00:00:00Z')");
  exec_sql (f, "INSERT INTO introductions (event_id, person_a, person_b, by_person, at) VALUES"
               " (1, 1, 2, 3, '2026-11-02T00:00:00Z'), (1, 2, 4, 2, '2026-11-02T00:00:00Z')");
  /* An earlier merge into the dropped person stays on record. */
  exec_sql (f, "INSERT INTO person_merges (kept_id, dropped_id, dropped, merged_at) VALUES"
               " (2, 99, '{}', '2026-11-01T00:00:00Z')");

  g_assert_true (mq_person_directory_merge (f->directory, keep, drop, "organizer", &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM volunteers WHERE person_id = 1"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM volunteers"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT newcomer_id FROM greeter_assignments WHERE event_id = 1"), ==, keep);
  g_assert_cmpint (query_int (f, "SELECT greeter_id FROM greeter_assignments WHERE event_id = 2"), ==, keep);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM introductions"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT person_a FROM introductions"), ==, keep);
  g_assert_cmpint (query_int (f, "SELECT by_person FROM introductions"), ==, keep);
  (void) greeter;
  (void) newcomer;

  /* The dropped record as it was. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_merges WHERE kept_id = 1"), ==, 2);
  json = query_text (f, "SELECT dropped FROM person_merges WHERE dropped_id = 2");
  actor = query_text (f, "SELECT actor FROM person_merges WHERE dropped_id = 2");
  g_assert_cmpstr (actor, ==, "organizer");
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  dropped = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (dropped, "id"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (dropped, "name"), ==, "Ana Garcia");
  g_assert_cmpstr (json_object_get_string_member (dropped, "email"), ==, "ana@example.org");
  g_assert_cmpstr (json_object_get_string_member (dropped, "phone"), ==, "+34 600 123 456");
  g_assert_true (json_object_get_null_member (dropped, "mastodon"));
  g_assert_true (json_object_get_boolean_member (dropped, "consent_photo"));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (dropped, "tags"), 0),
                   ==, "projectionist");

  /* Blanks filled, tags joined, consents not borrowed. */
  kept = mq_person_directory_get (f->directory, keep, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mq_person_get_name (kept), ==, "Ana García");
  g_assert_cmpstr (mq_person_get_email (kept), ==, "ana@example.org");
  g_assert_cmpstr (mq_person_get_phone (kept), ==, "+34 600 123 456");
  g_assert_cmpstr (mq_person_get_notes (kept), ==, "Imported from Meetup");
  g_assert_cmpuint (g_strv_length ((char **) mq_person_get_tags (kept)), ==, 2);
  g_assert_cmpstr (mq_person_get_tags (kept)[0], ==, "greeter");
  g_assert_cmpstr (mq_person_get_tags (kept)[1], ==, "projectionist");
  g_assert_false (mq_person_get_consent_photo (kept));

  /* Found by the dropped record's email now. */
  g_clear_object (&kept);
  kept = mq_person_directory_find_by_email (f->directory, "ana@example.org", &error);
  g_assert_cmpint (mq_person_get_id (kept), ==, keep);
}

static void
test_merge_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 keep = add_named (f, "Keep");

  g_assert_false (mq_person_directory_merge (f->directory, keep, keep, "organizer", &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "themselves"));
  g_clear_error (&error);

  g_assert_false (mq_person_directory_merge (f->directory, keep, 77, "organizer", &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "77"));
  g_clear_error (&error);

  g_assert_false (mq_person_directory_merge (f->directory, 77, keep, "organizer", &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);

  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_merges"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/person-directory/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/core/person/properties", test_properties);
  ADD ("add/round-trip", test_round_trip);
  ADD ("add/round-trip-blanks", test_round_trip_blanks);
  ADD ("add/validation", test_validation);
  ADD ("add/handles-normalized", test_handles_normalized);
  ADD ("find/by-email", test_find_by_email);
  ADD ("find/by-handle", test_find_by_handle);
  ADD ("search/folded-prefixes", test_search);
  ADD ("search/exact-first-within-limit", test_search_exact_first_within_limit);
  ADD ("list-and-count", test_list_and_count);
  ADD ("update", test_update);
  ADD ("merge/moves-rsvps-and-check-ins", test_merge_moves_rsvps);
  ADD ("merge/conflict-got-further-wins", test_merge_conflicts);
  ADD ("merge/freed-seat-promotes-waitlist", test_merge_promotes_waitlist);
  ADD ("merge/record-roles-and-pairs", test_merge_record_and_relations);
  ADD ("merge/refused", test_merge_refused);

#undef ADD

  return g_test_run ();
}
