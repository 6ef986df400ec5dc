/* bench-door.c: the door at scale
 *
 * A club of a million people (MARQUEE_BENCH_PEOPLE) and one event with ten
 * thousand RSVPs (MARQUEE_BENCH_RSVPS), written by the demo generator into a
 * temporary file. Measures creating the data, door lookups through the
 * in-memory index and, for comparison, the same lookups through FTS5, and
 * one durable admit. Prints `bench: NAME VALUE UNIT` lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "marquee-core.h"
#include "mq-store-private.h"

#define LIMIT 20
#define LOOKUPS 2000
#define FTS_LOOKUPS 200
#define ADMITS 500

static guint
env_size (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT32, &parsed, NULL))
    return fallback;

  return (guint) parsed;
}

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
report_latency (const char *name,
                GArray     *samples)
{
  double p50, p99;

  g_array_sort (samples, compare_gint64);
  p50 = g_array_index (samples, gint64, samples->len / 2) / 1000.0;
  p99 = g_array_index (samples, gint64, MIN (samples->len - 1, samples->len * 99 / 100)) / 1000.0;

  g_print ("bench: %s-p50 %.1f us\n", name, p50);
  g_print ("bench: %s-p99 %.1f us\n", name, p99);
}

static gint64
query_int (MqStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = mq_store_prepare (store, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Queries as the door types them: the first letters of guests' names. */
static GPtrArray *
make_queries (MqStore *store,
              gint64   event,
              guint    letters)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = mq_store_prepare (store,
                           "SELECT p.name, r.ticket_code FROM rsvps r JOIN people p ON p.id = r.person_id "
                           "WHERE r.event_id = ?1 ORDER BY r.id",
                           NULL);
  sqlite3_bind_int64 (stmt, 1, event);

  while (sqlite3_step (stmt) == SQLITE_ROW && queries->len < LOOKUPS)
    {
      g_auto(GStrv) words = NULL;
      const char *word;

      if (letters == 0)
        {
          g_ptr_array_add (queries, g_strdup (mq_column_text (stmt, 1)));
          continue;
        }

      words = mq_search_text_tokenize (mq_column_text (stmt, 0));
      word = words[0] != NULL ? words[g_str_hash (mq_column_text (stmt, 1)) % g_strv_length (words)] : "";
      if (g_utf8_strlen (word, -1) >= letters)
        g_ptr_array_add (queries, g_utf8_substring (word, 0, letters));
    }
  sqlite3_reset (stmt);

  return queries;
}

static void
bench_lookup (MqDoorLookup *lookup,
              const char   *name,
              GPtrArray    *queries)
{
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), queries->len);
  guint found = 0;

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) matches = NULL;
      gint64 start = now_ns (), elapsed;

      matches = mq_door_lookup_search (lookup, g_ptr_array_index (queries, i), LIMIT, &error);
      elapsed = now_ns () - start;
      g_assert_no_error (error);
      found += matches->len;
      g_array_append_val (samples, elapsed);
    }

  g_assert_cmpuint (found, >, 0);
  report_latency (name, samples);
}

/* The same lookup through SQLite: FTS5 prefix queries over the directory,
 * joined to the event's RSVPs, ranked by name; codes by the unique index.
 */
static void
bench_fts (MqStore    *store,
           gint64      event,
           const char *name,
           GPtrArray  *queries,
           gboolean    codes)
{
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), FTS_LOOKUPS);
  guint found = 0;

  for (guint i = 0; i < queries->len && i < FTS_LOOKUPS; i++)
    {
      const char *query = g_ptr_array_index (queries, i);
      gint64 start = now_ns (), elapsed;
      sqlite3_stmt *stmt;

      if (codes)
        {
          stmt = mq_store_prepare (store,
                                   "SELECT r.id, p.name FROM rsvps r JOIN people p ON p.id = r.person_id "
                                   "WHERE r.ticket_code = ?2 AND r.event_id = ?1",
                                   NULL);
          sqlite3_bind_text (stmt, 2, query, -1, SQLITE_STATIC);
        }
      else
        {
          g_autofree char *match = g_strdup_printf ("\"%s\"*", query);

          stmt = mq_store_prepare (store,
                                   "SELECT r.id, p.name FROM people_fts f "
                                   "JOIN people p ON p.id = f.rowid "
                                   "JOIN rsvps r ON r.person_id = p.id AND r.event_id = ?1 "
                                   "WHERE people_fts MATCH ?2 ORDER BY p.name LIMIT " G_STRINGIFY (LIMIT),
                                   NULL);
          sqlite3_bind_text (stmt, 2, match, -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_int64 (stmt, 1, event);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        found++;
      sqlite3_reset (stmt);

      elapsed = now_ns () - start;
      g_array_append_val (samples, elapsed);
    }

  g_assert_cmpuint (found, >, 0);
  report_latency (name, samples);
}

static void
bench_admit (MqStore *store,
             gint64   event)
{
  g_autoptr(MqCheckInLog) log = mq_check_in_log_new (store);
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ADMITS);
  g_autoptr(GArray) rsvps = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = mq_store_prepare (store,
                           "SELECT id FROM rsvps WHERE event_id = ?1 AND status = 'going' ORDER BY id LIMIT "
                           G_STRINGIFY (ADMITS),
                           NULL);
  sqlite3_bind_int64 (stmt, 1, event);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rsvps, id);
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (rsvps->len, >, 0);

  for (guint i = 0; i < rsvps->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MqCheckIn) record = NULL;
      gint64 start = now_ns (), elapsed;
      MqAdmitOutcome outcome;

      outcome = mq_check_in_log_admit (log, g_array_index (rsvps, gint64, i), 0, i % 2 ? "Door 2" : "Door 1",
                                       "Bench", &record, &error);
      elapsed = now_ns () - start;
      g_assert_no_error (error);
      g_assert_cmpint (outcome, ==, MQ_ADMIT_ADMITTED);
      g_array_append_val (samples, elapsed);
    }

  report_latency ("admit-durable", samples);
}

int
main (int   argc,
      char *argv[])
{
  guint people = env_size ("MARQUEE_BENCH_PEOPLE", 1000000);
  guint rsvps = MIN (env_size ("MARQUEE_BENCH_RSVPS", 10000), people);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("marquee-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(MqStore) store = NULL;
  g_autoptr(MqDemoData) demo = NULL;
  g_autoptr(MqDoorLookup) lookup = NULL;
  const char *names[] = { "door-code", "door-1-letter", "door-2-letters", "door-3-letters" };
  const char *fts_names[] = { "sql-code", "fts5-1-letter", "fts5-2-letters", "fts5-3-letters" };
  gint64 start, event, rows;
  double seconds;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  store = mq_store_open (path, &error);
  g_assert_no_error (error);

  g_print ("# %u people, %u RSVPs for one event, database %s\n", people, rsvps, path);

  demo = mq_demo_data_new (store);
  mq_demo_data_set_people (demo, people);
  mq_demo_data_set_big_event_rsvps (demo, rsvps);
  start = now_ns ();
  g_assert_true (mq_demo_data_generate (demo, &error));
  g_assert_no_error (error);
  seconds = (now_ns () - start) / 1e9;

  rows = query_int (store,
                    "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM person_tags) + "
                    "(SELECT count(*) FROM events) + (SELECT count(*) FROM rsvps) + "
                    "(SELECT count(*) FROM rsvp_history) + (SELECT count(*) FROM check_ins) + "
                    "(SELECT count(*) FROM volunteers)");
  g_print ("bench: create-seconds %.1f s\n", seconds);
  g_print ("bench: create-rows %" G_GINT64_FORMAT " rows\n", rows);
  g_print ("bench: create-rows-per-second %.0f rows/s\n", rows / seconds);
  g_print ("bench: create-people-per-second %.0f people/s\n", people / seconds);

  event = query_int (store, "SELECT event_id FROM rsvps GROUP BY event_id ORDER BY count(*) DESC LIMIT 1");

  start = now_ns ();
  lookup = mq_door_lookup_new (store, event, &error);
  g_assert_no_error (error);
  g_print ("bench: door-index-build %.1f ms\n", (now_ns () - start) / 1e6);

  for (guint letters = 0; letters <= 3; letters++)
    {
      g_autoptr(GPtrArray) queries = make_queries (store, event, letters);

      bench_lookup (lookup, names[letters], queries);
      bench_fts (store, event, fts_names[letters], queries, letters == 0);
    }

  bench_admit (store, event);

  g_clear_object (&lookup);
  g_clear_object (&demo);
  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
