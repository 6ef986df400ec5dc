/* test-demo-data.c: the sample club keeps the rules a real one would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "marquee-core.h"
#include "mq-store-private.h"

#define NOW "2026-03-10T12:00:00Z"

static MqStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (NOW, NULL);
  MqStore *store = mq_store_open (":memory:", &error);

  g_assert_no_error (error);
  mq_store_set_fixed_now (store, now);
  return store;
}

static void
generate (MqStore *store,
          guint    people,
          guint    events,
          guint    big,
          guint32  seed)
{
  g_autoptr(MqDemoData) demo = mq_demo_data_new (store);
  g_autoptr(GError) error = NULL;

  mq_demo_data_set_people (demo, people);
  mq_demo_data_set_events (demo, events);
  mq_demo_data_set_seed (demo, seed);
  if (big > 0)
    mq_demo_data_set_big_event_rsvps (demo, big);
  g_assert_true (mq_demo_data_generate (demo, &error));
  g_assert_no_error (error);
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

static char *
query_text (MqStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = mq_store_prepare (store, sql, NULL);
  char *value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup (mq_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static void
on_changed (MqStore    *store,
            const char *what,
            GString    *seen)
{
  g_string_append_printf (seen, "%s;", what);
}

static void
test_counts (void)
{
  g_autoptr(MqStore) store = new_store ();
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autofree char *honeyland = NULL;

  g_assert_true (mq_demo_data_is_store_empty (store));
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), seen);
  generate (store, 300, 8, 0, 1);
  g_assert_false (mq_demo_data_is_store_empty (store));
  g_assert_cmpstr (seen->str, ==, "people;events;rsvps;check-ins;");

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM people"), ==, 300);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'a*'"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM events"), ==, 8);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM events WHERE starts_at < '" NOW "'"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM events WHERE kind = 'screening'"), ==, 5);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM events a JOIN events p ON p.id = a.parent_id "
                                     "WHERE a.kind = 'addon' AND p.capacity >= 500"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rsvps"), >, 300);

  /* The films are real, and so are their facts. */
  honeyland = query_text (store, "SELECT film_director || '|' || film_year || '|' || film_runtime "
                                 "FROM events WHERE film_title = 'Honeyland'");
  g_assert_cmpstr (honeyland, ==, "Ljubomir Stefanov, Tamara Kotevska|2019|85");
  g_assert_cmpint (query_int (store, "SELECT film_runtime FROM events WHERE film_title = 'Hoop Dreams'"), ==, 170);
  g_assert_cmpint (query_int (store, "SELECT film_year FROM events WHERE film_title = 'Man with a Movie Camera'"),
                   ==, 1929);
}

static void
test_rules_hold (void)
{
  g_autoptr(MqStore) store = new_store ();

  generate (store, 300, 8, 0, 7);

  /* No event over capacity. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM events e WHERE e.capacity < "
                              "(SELECT coalesce(sum(party_size), 0) FROM rsvps WHERE event_id = e.id AND status = 'going')"),
                   ==, 0);
  /* Some events are full enough to have a waitlist, in arrival order. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rsvps WHERE status = 'waitlisted'"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rsvps WHERE (status = 'waitlisted') <> (waitlist_seq IS NOT NULL)"),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM rsvps a JOIN rsvps b ON a.event_id = b.event_id "
                              "WHERE a.waitlist_seq < b.waitlist_seq AND a.created_at > b.created_at"),
                   ==, 0);
  /* Every RSVP has a valid, unique code and starts its history with a creation line. */
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT ticket_code) = count(*) FROM rsvps"), ==, 1);
  {
    sqlite3_stmt *stmt = mq_store_prepare (store, "SELECT ticket_code FROM rsvps", NULL);

    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_assert_true (mq_ticket_code_is_valid (mq_column_text (stmt, 0)));
    sqlite3_reset (stmt);
  }
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM rsvps r WHERE NOT EXISTS (SELECT 1 FROM rsvp_history h "
                              "WHERE h.rsvp_id = r.id AND h.from_status IS NULL)"),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM rsvps r WHERE r.status <> (SELECT to_status FROM rsvp_history h "
                              "WHERE h.rsvp_id = r.id ORDER BY h.id DESC LIMIT 1)"),
                   ==, 0);
  /* Only going guests were let in, at the two doors, and only at past events. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM check_ins c JOIN rsvps r ON r.id = c.rsvp_id "
                              "WHERE r.status <> 'going' OR c.people > r.party_size "
                              "   OR c.station NOT IN ('Door 1', 'Door 2') OR c.event_id <> r.event_id"),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM check_ins c JOIN events e ON e.id = c.event_id "
                              "WHERE e.starts_at > '" NOW "'"),
                   ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM check_ins u JOIN check_ins a ON a.id = u.undoes_id "
                              "WHERE u.action = 'undo' AND (a.rsvp_id <> u.rsvp_id OR a.id > u.id)"),
                   ==, 0);
  /* Addresses only on the example domains. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM people WHERE email NOT LIKE '%@example.org' "
                              "AND email NOT LIKE '%@example.com' AND email NOT LIKE '%@example.net'"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT email) FROM people"), ==, 300);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM people WHERE mastodon LIKE '@%@%'"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM people WHERE bluesky LIKE '%.bsky.social'"), >, 0);
}

static void
test_past_events_and_newcomers (void)
{
  g_autoptr(MqStore) store = new_store ();
  sqlite3_stmt *stmt;
  g_autoptr(GArray) past = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) upcoming = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean repeat_guests = FALSE, newcomers = FALSE;

  generate (store, 300, 8, 0, 1);

  stmt = mq_store_prepare (store, "SELECT id, starts_at < '" NOW "' FROM events ORDER BY starts_at", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (sqlite3_column_int (stmt, 1) ? past : upcoming, id);
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (past->len, ==, 4);
  g_assert_cmpuint (upcoming->len, ==, 4);

  for (guint i = 0; i < past->len; i++)
    {
      g_autoptr(GError) error = NULL;
      MqEventStats stats;

      g_assert_true (mq_event_stats_compute (store, g_array_index (past, gint64, i), &stats, &error));
      g_assert_no_error (error);
      /* Most going parties came through the door. */
      g_assert_cmpint (stats.checked_in, >, stats.going / 2);
      g_assert_cmpint (stats.checked_in, <=, stats.going);
      if (i > 0)
        {
          repeat_guests |= stats.newcomers < stats.going;
          newcomers |= stats.newcomers > 0;
        }
    }
  g_assert_true (repeat_guests);
  g_assert_true (newcomers);

  for (guint i = 0; i < upcoming->len; i++)
    {
      g_autoptr(GError) error = NULL;
      MqEventStats stats;

      g_assert_true (mq_event_stats_compute (store, g_array_index (upcoming, gint64, i), &stats, &error));
      g_assert_cmpint (stats.checked_in, ==, 0);
      g_assert_cmpint (stats.newcomers, >, 0);
      g_assert_cmpint (stats.newcomers, <, stats.going);
    }
}

static void
test_deterministic (void)
{
  g_autoptr(MqStore) a = new_store ();
  g_autoptr(MqStore) b = new_store ();
  g_autoptr(MqStore) c = new_store ();
  const char *sql = "SELECT group_concat (name || ' <' || email || '>', '; ') FROM (SELECT * FROM people ORDER BY id)";
  const char *rsvps = "SELECT group_concat (person_id || status || party_size, ',') FROM (SELECT * FROM rsvps ORDER BY id)";
  g_autofree char *names_a = NULL, *names_b = NULL, *names_c = NULL;
  g_autofree char *rsvps_a = NULL, *rsvps_b = NULL;

  generate (a, 200, 6, 0, 42);
  generate (b, 200, 6, 0, 42);
  generate (c, 200, 6, 0, 43);

  names_a = query_text (a, sql);
  names_b = query_text (b, sql);
  names_c = query_text (c, sql);
  rsvps_a = query_text (a, rsvps);
  rsvps_b = query_text (b, rsvps);
  g_assert_cmpstr (names_a, ==, names_b);
  g_assert_cmpstr (names_a, !=, names_c);
  g_assert_cmpstr (rsvps_a, ==, rsvps_b);
}

static void
test_international_names (void)
{
  g_autoptr(MqStore) store = new_store ();
  sqlite3_stmt *stmt;
  guint accented = 0, cjk = 0, total = 0;

  generate (store, 1000, 1, 0, 3);

  stmt = mq_store_prepare (store, "SELECT name, search_text FROM people", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = mq_column_text (stmt, 0);

      total++;
      for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (ch >= 0x3000)
            {
              cjk++;
              break;
            }
          if (ch > 0x7f)
            {
              accented++;
              break;
            }
        }
      /* The directory index holds what the core's folding makes of the person. */
      g_assert_cmpstr (mq_column_text (stmt, 1), !=, "");
    }
  sqlite3_reset (stmt);

  g_assert_cmpuint (total, ==, 1000);
  g_assert_cmpuint (accented, >, 200);
  g_assert_cmpuint (cjk, >, 10);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'bjorn'"), >, 0);
}

static void
test_big_event (void)
{
  g_autoptr(MqStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqDoorLookup) lookup = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  gint64 big;

  generate (store, 3000, 3, 2000, 1);

  big = query_int (store, "SELECT event_id FROM rsvps GROUP BY event_id ORDER BY count(*) DESC LIMIT 1");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rsvps GROUP BY event_id ORDER BY count(*) DESC LIMIT 1"),
                   ==, 2000);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM events WHERE starts_at > '" NOW "' AND id = "
                                     "(SELECT event_id FROM rsvps GROUP BY event_id ORDER BY count(*) DESC LIMIT 1)"),
                   ==, 1);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM events e WHERE e.capacity < "
                              "(SELECT coalesce(sum(party_size), 0) FROM rsvps WHERE event_id = e.id AND status = 'going')"),
                   ==, 0);

  lookup = mq_door_lookup_new (store, big, &error);
  g_assert_no_error (error);
  matches = mq_door_lookup_search (lookup, "a", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 5);
}

static void
test_scales_down (void)
{
  g_autoptr(MqStore) store = new_store ();

  generate (store, 1, 1, 0, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM people"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM events"), ==, 1);
  g_assert_false (mq_demo_data_is_store_empty (store));
}

static void
test_many_events (void)
{
  g_autoptr(MqStore) store = new_store ();

  generate (store, 400, 14, 0, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM events"), ==, 14);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM events WHERE title LIKE 'Encore: %'"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM events WHERE film_title = 'Man on Wire' "
                                     "AND film_year = 2008 AND film_runtime = 94"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/demo-data/counts", test_counts);
  g_test_add_func ("/core/demo-data/rules-hold", test_rules_hold);
  g_test_add_func ("/core/demo-data/past-events-and-newcomers", test_past_events_and_newcomers);
  g_test_add_func ("/core/demo-data/deterministic-for-a-seed", test_deterministic);
  g_test_add_func ("/core/demo-data/international-names", test_international_names);
  g_test_add_func ("/core/demo-data/big-event", test_big_event);
  g_test_add_func ("/core/demo-data/scales-down", test_scales_down);
  g_test_add_func ("/core/demo-data/many-events", test_many_events);

  return g_test_run ();
}
