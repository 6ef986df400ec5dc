/* test-person-snapshot.c: a person edit, an addition and a merge taken back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "marquee-core.h"
#include "mq-person-snapshot.h"
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

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (mq_store_get_db (f->store), sql, NULL, NULL, &message) != SQLITE_OK)
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

/* Every row @sql returns, every column as text: what "exactly" means. */
static char *
dump (Fixture    *f,
      const char *sql)
{
  sqlite3_stmt *stmt = mq_store_prepare (f->store, sql, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", value != NULL ? value : "NULL");
        }
      g_string_append_c (text, '\n');
    }
  sqlite3_reset (stmt);

  return g_string_free (text, FALSE);
}

/* The whole state a merge touches; the RSVP history only up to @history_id
 * (the lines written since are checked on their own) and the RSVPs without
 * their update time (a promotion taken back is a new change).
 */
static char *
dump_all (Fixture *f,
          gint64   history_id)
{
  g_autofree char *history_sql = g_strdup_printf ("SELECT * FROM rsvp_history WHERE id <= %" G_GINT64_FORMAT
                                                  " ORDER BY id", history_id);
  const char * const queries[] = {
    "SELECT * FROM people ORDER BY id",
    "SELECT * FROM person_tags ORDER BY person_id, tag",
    "SELECT id, event_id, person_id, status, party_size, source, ticket_code, answers, waitlist_seq,"
    " waitlisted_at, override_reason, created_at FROM rsvps ORDER BY id",
    history_sql,
    "SELECT * FROM check_ins ORDER BY id",
    "SELECT * FROM volunteers ORDER BY event_id, person_id, role",
    "SELECT * FROM greeter_assignments ORDER BY id",
    "SELECT * FROM introductions ORDER BY id",
    "SELECT * FROM person_merges ORDER BY id",
    "SELECT rowid FROM people_fts WHERE people_fts MATCH 'garcia' ORDER BY rowid",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *rows = dump (f, queries[i]);

      g_string_append_printf (text, "-- %s\n%s", queries[i], rows);
    }

  return g_string_free (text, FALSE);
}

static gint64
add_person (Fixture            *f,
            const char         *name,
            const char         *email,
            const char         *phone,
            const char * const *tags)
{
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  mq_person_set_phone (person, phone);
  mq_person_set_tags (person, tags);
  id = mq_person_directory_add (f->directory, person, &error);
  g_assert_no_error (error);

  return id;
}

static void
on_changed (MqStore    *store,
            const char *what,
            GString    *log)
{
  g_string_append_printf (log, "%s;", what);
}

static void
test_edit_taken_back (Fixture       *f,
                      gconstpointer  data)
{
  const char * const tags[] = { "greeter", "projectionist", NULL };
  const char * const new_tags[] = { "door", NULL };
  gint64 id = add_person (f, "Zoë Adeyemi", "zoe@example.org", NULL, tags);
  g_autoptr(MqPersonSnapshot) snapshot = NULL;
  g_autoptr(MqPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_all (f, G_MAXINT64);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) found = NULL;

  snapshot = mq_person_snapshot_take (f->store, id, &error);
  g_assert_no_error (error);

  person = mq_person_directory_get (f->directory, id, &error);
  g_assert_no_error (error);
  mq_person_set_name (person, "Zoe Garcia");
  mq_person_set_email (person, NULL);
  mq_person_set_mastodon (person, "@zoe@films.social");
  mq_person_set_tags (person, new_tags);
  mq_person_set_consent_photo (person, TRUE);
  g_assert_true (mq_person_directory_update (f->directory, person, &error));
  g_assert_no_error (error);
  found = mq_person_directory_search (f->directory, "garcia", 5, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  g_assert_true (mq_person_snapshot_restore (snapshot, f->store, "organizer", "Undone", &error));
  g_assert_no_error (error);

  after = dump_all (f, G_MAXINT64);
  g_assert_cmpstr (after, ==, before);
  /* The search index follows: the old name is found again, the new one not. */
  found = mq_person_directory_search (f->directory, "adeyemi", 5, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = mq_person_directory_search (f->directory, "zoe garcia", 5, &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* Nobody to take. */
  g_assert_null (mq_person_snapshot_take (f->store, 4242, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

static void
test_addition_taken_back (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(MqPersonSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_person (f, "New Person", "new@example.org", NULL, NULL);

  exec_sql (f, "INSERT INTO events (id, title, starts_at, time_zone, created_at, updated_at)"
               " VALUES (1, 'Honeyland', '2026-12-03T18:30:00Z', 'Europe/Berlin',"
               " '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
  exec_sql (f, "INSERT INTO rsvps (event_id, person_id, status, ticket_code, created_at, updated_at)"
               " VALUES (1, 1, 'going', '23456789AB', '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z')");
  g_assert_cmpint (id, ==, 1);

  snapshot = mq_person_snapshot_new_added (id);
  g_assert_true (mq_person_snapshot_restore (snapshot, f->store, "organizer", "Undone", &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM rsvps"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'new'"), ==, 0);
}

/* Everything a merge moves, in one club: a conflict the kept record wins
 * that frees a seat for the waitlist, one the dropped record wins, a
 * check-in, roles, greeter pairs, introductions and an earlier merge.
 */
static void
set_up_club (Fixture *f,
             gint64  *keep,
             gint64  *drop)
{
  const char * const keep_tags[] = { "greeter", NULL };
  const char * const drop_tags[] = { "projectionist", "greeter", NULL };

  *keep = add_person (f, "Ana García", "ana@example.org", NULL, keep_tags);
  *drop = add_person (f, "Ana Garcia", "ana.garcia@example.net", "+34 600 123 456", drop_tags);
  g_assert_cmpint (*keep, ==, 1);
  g_assert_cmpint (*drop, ==, 2);
  add_person (f, "Greeter", NULL, NULL, NULL);    /* 3 */
  add_person (f, "Newcomer", NULL, NULL, NULL);   /* 4 */
  add_person (f, "Waiting", NULL, NULL, NULL);    /* 5 */
  add_person (f, "Friend", NULL, NULL, NULL);     /* 6 */
  exec_sql (f, "UPDATE people SET mastodon = '@ana@films.social', consent_photo = 1 WHERE id = 2");

  exec_sql (f, "INSERT INTO events (id, title, starts_at, time_zone, capacity, created_at, updated_at) VALUES"
               " (1, 'Honeyland', '2026-12-03T18:30:00Z', 'Europe/Berlin', 2, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),"
               " (2, 'Aftersun', '2026-12-10T18:30:00Z', 'Europe/Berlin', NULL, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),"
               " (3, 'Past', '2026-10-10T18:30:00Z', 'Europe/Berlin', NULL, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
  /* Event 1 is full: both records going; the kept one wins the tie and the
   * freed seat goes to Waiting. Event 2: the dropped record got further.
   * Event 3: only the dropped record, checked in.
   */
  exec_sql (f, "INSERT INTO rsvps (id, event_id, person_id, status, party_size, ticket_code, waitlist_seq,"
               " waitlisted_at, created_at, updated_at) VALUES"
               " (1, 1, 1, 'going', 1, '23456789AB', NULL, NULL, '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z'),"
               " (2, 1, 2, 'going', 1, '3456789ABC', NULL, NULL, '2026-11-03T00:00:00Z', '2026-11-03T00:00:00Z'),"
               " (3, 1, 5, 'waitlisted', 1, '456789ABCD', 1, '2026-11-04T00:00:00Z', '2026-11-04T00:00:00Z', '2026-11-04T00:00:00Z'),"
               " (4, 2, 1, 'maybe', 1, '56789ABCDE', NULL, NULL, '2026-11-05T00:00:00Z', '2026-11-05T00:00:00Z'),"
               " (5, 2, 2, 'going', 2, '6789ABCDEF', NULL, NULL, '2026-11-06T00:00:00Z', '2026-11-06T00:00:00Z'),"
               " (6, 3, 2, 'going', 1, '789ABCDEFG', NULL, NULL, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')");
  exec_sql (f, "INSERT INTO rsvp_history (rsvp_id, to_status, to_party, at, actor)"
               " SELECT id, status, party_size, created_at, 'import' FROM rsvps");
  exec_sql (f, "INSERT INTO check_ins (event_id, rsvp_id, action, people, at, station)"
               " VALUES (3, 6, 'admit', 1, '2026-10-10T18:05:00Z', 'Door 1')");
  /* An admit of the losing RSVP at event 2, taken back: the door log moves
   * to the winner with the history.
   */
  exec_sql (f, "INSERT INTO check_ins (event_id, rsvp_id, action, people, at, station)"
               " VALUES (2, 4, 'admit', 1, '2026-12-10T18:01:00Z', 'Door 1')");
  exec_sql (f, "INSERT INTO check_ins (event_id, rsvp_id, action, people, undoes_id, at, station, reason)"
               " VALUES (2, 4, 'undo', 1, last_insert_rowid (), '2026-12-10T18:02:00Z', 'Door 1', 'wrong Ana')");
  exec_sql (f, "INSERT INTO volunteers (event_id, person_id, role) VALUES"
               " (1, 1, 'door'), (1, 2, 'door'), (1, 2, 'greeter'), (2, 2, 'organizer')");
  exec_sql (f, "INSERT INTO greeter_assignments (event_id, newcomer_id, greeter_id, assigned_at) VALUES"
               " (1, 2, 3, '2026-11-07T00:00:00Z'), (2, 4, 2, '2026-11-07T00:00:00Z'),"
               " (3, 1, 2, '2026-11-07T00:00:00Z'), (3, 2, 3, '2026-11-07T00:00:00Z')");
  exec_sql (f, "INSERT INTO introductions (event_id, person_a, person_b, by_person, at) VALUES"
               " (1, 1, 2, 3, '2026-11-08T00:00:00Z'), (1, 2, 6, 1, '2026-11-08T00:00:00Z'),"
               " (2, 6, 2, 2, '2026-11-08T00:00:00Z')");
  exec_sql (f, "INSERT INTO person_merges (kept_id, dropped_id, dropped, merged_at) VALUES"
               " (2, 99, '{\"id\":99,\"name\":\"Ana G.\"}', '2026-11-01T00:00:00Z')");
}

static void
test_merge_taken_back (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(MqPersonSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  gint64 keep, drop, history_id;

  set_up_club (f, &keep, &drop);
  history_id = query_int (f, "SELECT max (id) FROM rsvp_history");
  before = dump_all (f, history_id);

  snapshot = mq_person_snapshot_take_merge (f->store, keep, drop, &error);
  g_assert_no_error (error);
  g_assert_true (mq_person_directory_merge (f->directory, keep, drop, "organizer", &error));
  g_assert_no_error (error);

  /* The merge did all it does, or there is nothing to take back. */
  merged = dump_all (f, history_id);
  g_assert_cmpstr (merged, !=, before);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM people WHERE id = 2"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM rsvps WHERE id IN (2, 4)"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT person_id FROM rsvps WHERE id = 5"), ==, keep);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM check_ins WHERE rsvp_id = 6"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT person_id FROM rsvps WHERE id = 6"), ==, keep);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM rsvps WHERE id = 3 AND status = 'going'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM rsvp_history WHERE rsvp_id = 5"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM check_ins WHERE rsvp_id = 5"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_merges"), ==, 2);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), changes);
  g_assert_true (mq_person_snapshot_restore (snapshot, f->store, "organizer", "Undone", &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (f->store, on_changed, changes);
  g_assert_nonnull (strstr (changes->str, "people;"));
  g_assert_nonnull (strstr (changes->str, "rsvps;"));
  g_assert_nonnull (strstr (changes->str, "check-ins;"));

  after = dump_all (f, history_id);
  g_assert_cmpstr (after, ==, before);

  /* The promotion the merge made is taken back in Waiting's history. */
  undone = dump (f, "SELECT rsvp_id, from_status, to_status, actor, reason FROM rsvp_history"
                    " WHERE reason = 'Undone' ORDER BY id");
  g_assert_cmpstr (undone, ==, "3|going|waitlisted|organizer|Undone\n");

  /* The dropped person is a person again: found, and mergeable again. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"example net\"'"), ==, 1);
  g_assert_true (mq_person_directory_merge (f->directory, keep, drop, "organizer", &error));
  g_assert_no_error (error);
}

/* Two merges, the later one taken back: the earlier one stays. */
static void
test_later_merge_taken_back (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(MqPersonSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *between = NULL;
  g_autofree char *after = NULL;
  gint64 first = add_person (f, "Bo Lindqvist", "bo@example.org", NULL, NULL);
  gint64 second = add_person (f, "Bo Lindquist", NULL, "+46 70 123 45 67", NULL);
  gint64 third = add_person (f, "B. Lindqvist", "b.lindqvist@example.net", NULL, NULL);

  g_assert_true (mq_person_directory_merge (f->directory, first, second, "organizer", &error));
  g_assert_no_error (error);
  between = dump_all (f, G_MAXINT64);

  snapshot = mq_person_snapshot_take_merge (f->store, first, third, &error);
  g_assert_no_error (error);
  g_assert_true (mq_person_directory_merge (f->directory, first, third, "organizer", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_merges"), ==, 2);

  g_assert_true (mq_person_snapshot_restore (snapshot, f->store, "organizer", "Undone", &error));
  g_assert_no_error (error);
  after = dump_all (f, G_MAXINT64);
  g_assert_cmpstr (after, ==, between);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person_merges"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT dropped_id FROM person_merges"), ==, second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define TEST(path, func) \
  g_test_add ("/core/person-snapshot/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  TEST ("edit", test_edit_taken_back);
  TEST ("addition", test_addition_taken_back);
  TEST ("merge", test_merge_taken_back);
  TEST ("later-merge", test_later_merge_taken_back);
#undef TEST

  return g_test_run ();
}
