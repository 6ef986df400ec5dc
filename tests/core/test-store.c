/* test-store.c: opening, migrating and refusing databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "marquee-core.h"
#include "mq-core-resources.h"
#include "mq-store-private.h"

static char *
temp_db_path (void)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), "marquee-test.db", NULL);
}

static int
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static void
test_store_empty_to_latest (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = NULL;

  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (mq_store_get_latest_schema_version (), >=, 4);
  g_assert_cmpint (mq_store_get_schema_version (store), ==, mq_store_get_latest_schema_version ());
  g_assert_cmpstr (mq_store_get_path (store), ==, path);
  g_clear_object (&store);

  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                     "('events','people','rsvps','rsvp_history','check_ins')"), ==, 5);
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, mq_store_get_latest_schema_version ());

  /* Opening again applies nothing twice. */
  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_store_get_schema_version (store), ==, mq_store_get_latest_schema_version ());
}

static void
test_store_upgrade_from_version_1 (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) v1 = NULL;
  g_autoptr(MqStore) store = NULL;
  g_autofree char *sql = NULL;

  /* Make the database an earlier Marquee would have left: schema 1 only. */
  v1 = g_resource_lookup_data (mq_core_get_resource (),
                               "/io/github/marqueeapp/Marquee/core/migrations/0001-events-and-people.sql",
                               G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sql = g_strndup (g_bytes_get_data (v1, NULL), g_bytes_get_size (v1));
  exec_raw (path, sql);
  exec_raw (path,
            "PRAGMA user_version = 1;"
            "INSERT INTO people (name, email, search_text, created_at, updated_at) "
            "VALUES ('Zoë Adeyemi', 'zoe@example.org', 'zoe adeyemi zoe example org', "
            "'2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z');"
            "INSERT INTO events (title, starts_at, time_zone, created_at, updated_at) "
            "VALUES ('Honeyland', '2025-02-01T19:00:00Z', 'Europe/Berlin', "
            "'2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z');");

  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_store_get_schema_version (store), ==, mq_store_get_latest_schema_version ());
  g_clear_object (&store);

  /* The old rows are still there and the new tables accept data about them. */
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM people WHERE name = 'Zoë Adeyemi'"), ==, 1);
  /* Schema 4 folded the names that were already there. */
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM people WHERE name_key = 'zoe adeyemi'"), ==, 1);
  exec_raw (path,
            "INSERT INTO rsvps (event_id, person_id, status, ticket_code, created_at, updated_at) "
            "VALUES (1, 1, 'going', 'ABCDEFGHJK', '2025-01-02T10:00:00Z', '2025-01-02T10:00:00Z');");
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM rsvps"), ==, 1);
}

/* Schema 8: a job an earlier Marquee tried and left waiting for its next
 * try may be on the server; one never tried, or refused for good, is not.
 * Schema 9: since when is not known, so the search for it starts when the
 * job was queued.
 */
static void
test_store_upgrade_outbox_maybe_posted (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = NULL;

  /* Schema 7 as an earlier Marquee left it: the latest one, less schemas
   * 8 and 9 (which only add a column each). Once there is a schema 10,
   * this has to undo it too, hence the check.
   */
  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_store_get_latest_schema_version (), ==, 9);
  g_clear_object (&store);
  exec_raw (path, "ALTER TABLE outbox_jobs DROP COLUMN maybe_posted_at;");
  exec_raw (path, "ALTER TABLE outbox_jobs DROP COLUMN maybe_posted;");
  exec_raw (path,
            "PRAGMA user_version = 7;"
            "INSERT INTO social_accounts (network, server, handle, created_at, updated_at) "
            "VALUES ('mastodon', 'https://films.example', '@club', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');"
            "INSERT INTO announcements (template, created_at, updated_at) "
            "VALUES ('t', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');"
            "INSERT INTO announcements (template, created_at, updated_at) "
            "VALUES ('u', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');"
            "INSERT INTO announcements (template, created_at, updated_at) "
            "VALUES ('v', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');"
            "INSERT INTO outbox_jobs (announcement_id, account_id, text, state, attempts, idempotency_key, "
            "record_key, created_at, updated_at) VALUES "
            "(1, 1, 'tried', 'queued', 2, '0123456789abcdef0', '3lbcdefghijkl', "
            " '2026-01-01T09:00:00Z', '2026-01-01T10:00:00Z'),"
            "(2, 1, 'never', 'queued', 0, '0123456789abcdef1', '3lbcdefghijkm', "
            " '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z'),"
            "(3, 1, 'refused', 'failed', 1, '0123456789abcdef2', '3lbcdefghijkn', "
            " '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z');");

  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_store_get_schema_version (store), ==, 9);
  g_clear_object (&store);
  g_assert_cmpint (count_rows (path, "SELECT maybe_posted FROM outbox_jobs WHERE text = 'tried'"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT maybe_posted FROM outbox_jobs WHERE text = 'never'"), ==, 0);
  g_assert_cmpint (count_rows (path, "SELECT maybe_posted FROM outbox_jobs WHERE text = 'refused'"), ==, 0);
  g_assert_cmpint (count_rows (path, "SELECT maybe_posted_at = '2026-01-01T09:00:00Z' FROM outbox_jobs "
                                     "WHERE text = 'tried'"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count (*) FROM outbox_jobs WHERE maybe_posted_at IS NULL"), ==, 2);
}

static void
test_store_refuses_newer (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = NULL;

  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  exec_raw (path, "PRAGMA user_version = 99; CREATE TABLE from_the_future (x);");

  store = mq_store_open (path, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_TOO_NEW);
  g_assert_null (store);

  /* Refused, not damaged. */
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM sqlite_master WHERE name = 'from_the_future'"), ==, 1);
}

static void
test_store_refuses_garbage (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = NULL;
  g_autofree char *garbage = g_strnfill (4096, 'x');

  g_file_set_contents (path, garbage, -1, &error);
  g_assert_no_error (error);

  store = mq_store_open (path, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_A_DATABASE);
  g_assert_null (store);
}

static void
test_store_failed_migration_rolls_back (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = NULL;

  /* A version-1 database in which migration 2 cannot create its first table. */
  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  exec_raw (path,
            "DROP TABLE rsvp_history; DROP TABLE check_ins; DROP TABLE greeter_assignments;"
            "DROP TABLE introductions; DROP TABLE volunteers; DROP TABLE settings;"
            "PRAGMA user_version = 1;");
  /* rsvps still exists, so "CREATE TABLE rsvps" fails half-way through 2. */
  store = mq_store_open (path, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_FAILED);
  g_assert_null (store);
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM sqlite_master WHERE name = 'rsvp_history'"), ==, 0);
}

static void
on_changed (MqStore    *store,
            const char *what,
            GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup (what));
}

static void
test_store_transactions_nest_and_notify (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "changed::people", G_CALLBACK (on_changed), seen);

  g_assert_true (mq_store_begin (store, &error));
  g_assert_true (mq_store_begin (store, &error));
  mq_store_notify_changed (store, "people");
  mq_store_notify_changed (store, "people");
  mq_store_notify_changed (store, "events");
  g_assert_true (mq_store_commit (store, &error));
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_true (mq_store_commit (store, &error));
  g_assert_no_error (error);

  /* Once, after the outer commit, and only for the detail connected. */
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "people");

  /* A rolled-back change is never announced. */
  g_assert_true (mq_store_begin (store, &error));
  mq_store_notify_changed (store, "people");
  mq_store_rollback (store);
  g_assert_cmpuint (seen->len, ==, 1);
}

static void
test_store_fixed_clock (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (":memory:", &error);
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 ("2026-03-04T19:42:00+01:00", NULL);
  g_autoptr(GDateTime) now = NULL;

  g_assert_no_error (error);
  mq_store_set_fixed_now (store, when);
  now = mq_store_now (store);
  g_assert_true (g_date_time_equal (now, when));
  g_assert_cmpint (g_date_time_get_hour (now), ==, 18); /* kept in UTC */
}

/* Reads every page of the filler table through the store's connection. */
static int
cache_used_after_scan (MqStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = mq_store_prepare (store, "SELECT sum (length (x)) FROM filler", &error);
  int used = 0, highwater = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 4000 * 1000);
  sqlite3_reset (stmt);
  g_assert_cmpint (sqlite3_db_status (mq_store_get_db (store), SQLITE_DBSTATUS_CACHE_USED,
                                      &used, &highwater, FALSE), ==, SQLITE_OK);
  return used;
}

static void
test_store_cache_size (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = NULL;

  store = mq_store_open (path, &error);
  g_assert_no_error (error);
  /* 4 MB of rows, twice SQLite's default cache. */
  exec_raw (path, "CREATE TABLE filler (x BLOB);"
                  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)"
                  " INSERT INTO filler SELECT randomblob (1000) FROM n;");

  g_assert_cmpint (cache_used_after_scan (store), >, 1500 * 1024);

  g_assert_true (mq_store_set_cache_size (store, 256, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cache_used_after_scan (store), <, 320 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store/migrate/empty-to-latest", test_store_empty_to_latest);
  g_test_add_func ("/core/store/migrate/from-version-1", test_store_upgrade_from_version_1);
  g_test_add_func ("/core/store/migrate/outbox-maybe-posted", test_store_upgrade_outbox_maybe_posted);
  g_test_add_func ("/core/store/migrate/failure-rolls-back", test_store_failed_migration_rolls_back);
  g_test_add_func ("/core/store/open/refuses-newer", test_store_refuses_newer);
  g_test_add_func ("/core/store/open/refuses-garbage", test_store_refuses_garbage);
  g_test_add_func ("/core/store/transactions/nest-and-notify", test_store_transactions_nest_and_notify);
  g_test_add_func ("/core/store/clock/fixed", test_store_fixed_clock);
  g_test_add_func ("/core/store/cache-size", test_store_cache_size);

  return g_test_run ();
}
