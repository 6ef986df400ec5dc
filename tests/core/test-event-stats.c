/* test-event-stats.c: the counts of one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "marquee-core.h"
#include "mq-newcomer-rule.h"
#include "mq-store-private.h"

typedef struct
{
  MqStore *store;
} Fixture;

static gint64
insert (MqStore    *store,
        const char *sql,
        ...)
{
  sqlite3_stmt *stmt = mq_store_prepare (store, sql, NULL);
  va_list args;

  g_assert_nonnull (stmt);
  va_start (args, sql);
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    {
      const char *text = va_arg (args, const char *);

      mq_bind_text_or_null (stmt, i, text);
    }
  va_end (args);

  g_assert_true (mq_store_step_done (store, stmt, NULL));
  return sqlite3_last_insert_rowid (mq_store_get_db (store));
}

static char *
add_event (Fixture    *f,
           const char *starts_at,
           const char *capacity)
{
  gint64 id = insert (f->store,
                      "INSERT INTO events (title, starts_at, time_zone, capacity, created_at, updated_at) "
                      "VALUES ('Screening', ?1, 'UTC', ?2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                      starts_at, capacity);

  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
add_person (Fixture    *f,
            const char *name)
{
  gint64 id = insert (f->store,
                      "INSERT INTO people (name, created_at, updated_at) "
                      "VALUES (?1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                      name);

  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
add_rsvp (Fixture    *f,
          const char *event,
          const char *person,
          const char *status,
          const char *party)
{
  g_autofree char *code = g_strdup_printf ("CODE%s%sX", event, person);
  gint64 id = insert (f->store,
                      "INSERT INTO rsvps (event_id, person_id, status, party_size, ticket_code, created_at, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')",
                      event, person, status, party, code);

  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
admit (Fixture    *f,
       const char *event,
       const char *rsvp,
       const char *people)
{
  gint64 id = insert (f->store,
                      "INSERT INTO check_ins (event_id, rsvp_id, action, people, at, station) "
                      "VALUES (?1, ?2, 'admit', ?3, '2026-05-01T18:00:00Z', 'Door 1')",
                      event, rsvp, people);

  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
undo (Fixture    *f,
      const char *event,
      const char *rsvp,
      const char *people,
      const char *admit_id)
{
  insert (f->store,
          "INSERT INTO check_ins (event_id, rsvp_id, action, people, undoes_id, at, station, reason) "
          "VALUES (?1, ?2, 'undo', ?3, ?4, '2026-05-01T18:01:00Z', 'Door 1', 'wrong guest')",
          event, rsvp, people, admit_id);
}

static MqEventStats
compute (Fixture    *f,
         const char *event)
{
  g_autoptr(GError) error = NULL;
  MqEventStats stats;

  g_assert_true (mq_event_stats_compute (f->store, g_ascii_strtoll (event, NULL, 10), &stats, &error));
  g_assert_no_error (error);
  return stats;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

static void
test_counts_per_status (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *event = add_event (f, "2026-05-01T18:00:00Z", "10");
  const char *statuses[] = { "going", "going", "maybe", "waitlisted", "declined", "cancelled", "waitlisted" };
  const char *parties[] = { "2", "1", "1", "3", "1", "4", "1" };
  MqEventStats stats;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *name = g_strdup_printf ("Guest %u", i);
      g_autofree char *person = add_person (f, name);
      g_autofree char *rsvp = add_rsvp (f, event, person, statuses[i], parties[i]);
    }

  stats = compute (f, event);
  g_assert_cmpint (stats.event_id, ==, g_ascii_strtoll (event, NULL, 10));
  g_assert_cmpint (stats.capacity, ==, 10);
  g_assert_cmpint (stats.going, ==, 2);
  g_assert_cmpint (stats.going_people, ==, 3);
  g_assert_cmpint (stats.maybe, ==, 1);
  g_assert_cmpint (stats.waitlisted, ==, 2);
  g_assert_cmpint (stats.waitlisted_people, ==, 4);
  g_assert_cmpint (stats.declined, ==, 1);
  g_assert_cmpint (stats.cancelled, ==, 1);
  g_assert_cmpint (stats.seats_left, ==, 7);
  g_assert_cmpint (stats.checked_in, ==, 0);
  g_assert_cmpint (stats.checked_in_people, ==, 0);
}

static void
test_unlimited_and_full (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *open = add_event (f, "2026-05-01T18:00:00Z", NULL);
  g_autofree char *small = add_event (f, "2026-05-02T18:00:00Z", "1");
  g_autofree char *person = add_person (f, "Ana García");
  g_autofree char *a = add_rsvp (f, open, person, "going", "3");
  g_autofree char *b = add_rsvp (f, small, person, "going", "1");
  MqEventStats stats = compute (f, open);

  g_assert_cmpint (stats.capacity, ==, -1);
  g_assert_cmpint (stats.seats_left, ==, -1);
  g_assert_cmpint (stats.going_people, ==, 3);

  stats = compute (f, small);
  g_assert_cmpint (stats.capacity, ==, 1);
  g_assert_cmpint (stats.seats_left, ==, 0);
}

static void
test_checked_in_admits_minus_undos (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *event = add_event (f, "2026-05-01T18:00:00Z", "10");
  g_autofree char *p1 = add_person (f, "Björn Ødegård");
  g_autofree char *p2 = add_person (f, "Zoë Adeyemi");
  g_autofree char *r1 = add_rsvp (f, event, p1, "going", "3");
  g_autofree char *r2 = add_rsvp (f, event, p2, "going", "1");
  g_autofree char *a1 = admit (f, event, r1, "2");
  g_autofree char *a2 = admit (f, event, r2, "1");
  g_autofree char *a3 = NULL;
  g_autofree char *a4 = NULL;
  MqEventStats stats;

  undo (f, event, r2, "1", a2);
  stats = compute (f, event);
  g_assert_cmpint (stats.checked_in, ==, 1);
  g_assert_cmpint (stats.checked_in_people, ==, 2);

  /* The third of Björn's party arrives later; Zoë comes back. */
  a3 = admit (f, event, r1, "1");
  a4 = admit (f, event, r2, "1");
  stats = compute (f, event);
  g_assert_cmpint (stats.checked_in, ==, 2);
  g_assert_cmpint (stats.checked_in_people, ==, 4);
}

static void
test_newcomers (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *earlier = add_event (f, "2026-04-01T18:00:00Z", "50");
  g_autofree char *event = add_event (f, "2026-05-01T18:00:00Z", "50");
  g_autofree char *later = add_event (f, "2026-06-01T18:00:00Z", "50");
  g_autofree char *regular = add_person (f, "Regular");
  g_autofree char *undone = add_person (f, "Undone");
  g_autofree char *future = add_person (f, "Future");
  g_autofree char *fresh = add_person (f, "Fresh");
  g_autofree char *stayed_away = add_person (f, "Stayed Away");
  g_autofree char *r_regular = add_rsvp (f, earlier, regular, "going", "1");
  g_autofree char *r_undone = add_rsvp (f, earlier, undone, "going", "1");
  g_autofree char *r_away = add_rsvp (f, earlier, stayed_away, "going", "1");
  g_autofree char *r_future = add_rsvp (f, later, future, "going", "1");
  g_autofree char *a_regular = admit (f, earlier, r_regular, "1");
  g_autofree char *a_undone = admit (f, earlier, r_undone, "1");
  g_autofree char *a_future = admit (f, later, r_future, "1");
  g_autofree char *n_regular = add_rsvp (f, event, regular, "going", "1");
  g_autofree char *n_undone = add_rsvp (f, event, undone, "going", "1");
  g_autofree char *n_future = add_rsvp (f, event, future, "going", "1");
  g_autofree char *n_fresh = add_rsvp (f, event, fresh, "going", "2");
  g_autofree char *n_away = add_rsvp (f, event, stayed_away, "maybe", "1");
  g_autofree char *in_fresh = NULL;
  g_autofree char *in_regular = NULL;
  MqEventStats stats;

  undo (f, earlier, r_undone, "1", a_undone);

  /* Undone, future and fresh are new; the one who only said "maybe" is not counted. */
  stats = compute (f, event);
  g_assert_cmpint (stats.going, ==, 4);
  g_assert_cmpint (stats.newcomers, ==, 3);
  g_assert_cmpint (stats.newcomers_in, ==, 0);

  in_fresh = admit (f, event, n_fresh, "2");
  in_regular = admit (f, event, n_regular, "1");
  stats = compute (f, event);
  g_assert_cmpint (stats.newcomers, ==, 3);
  g_assert_cmpint (stats.newcomers_in, ==, 1);

  /* At the first event everyone is new. */
  stats = compute (f, earlier);
  g_assert_cmpint (stats.newcomers, ==, 3);
  g_assert_cmpint (stats.newcomers_in, ==, 1);
}

/* The door keeps the newcomer list between admits and recounts with it. */
static void
test_newcomers_given (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *event = add_event (f, "2026-05-01T18:00:00Z", "50");
  g_autofree char *ana = add_person (f, "Ana");
  g_autofree char *bea = add_person (f, "Bea");
  g_autofree char *r_ana = add_rsvp (f, event, ana, "going", "2");
  g_autofree char *r_bea = add_rsvp (f, event, bea, "going", "1");
  g_autofree char *a_ana = NULL;
  g_autofree char *a_bea = NULL;
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (f->store);
  g_autoptr(GArray) newcomers = NULL;
  g_autoptr(GArray) only_bea = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 event_id = g_ascii_strtoll (event, NULL, 10);
  gint64 bea_id = g_ascii_strtoll (bea, NULL, 10);
  MqEventStats given, full;

  newcomers = mq_newcomer_rule_list_newcomers (rule, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (newcomers->len, ==, 2);

  a_ana = admit (f, event, r_ana, "1");
  g_assert_true (mq_event_stats_compute_with_newcomers (f->store, event_id, newcomers, &given, &error));
  g_assert_no_error (error);
  full = compute (f, event);
  g_assert_cmpint (given.event_id, ==, full.event_id);
  g_assert_cmpint (given.going_people, ==, full.going_people);
  g_assert_cmpint (given.seats_left, ==, full.seats_left);
  g_assert_cmpint (given.checked_in, ==, full.checked_in);
  g_assert_cmpint (given.newcomers, ==, full.newcomers);
  g_assert_cmpint (given.newcomers_in, ==, full.newcomers_in);
  g_assert_cmpint (given.newcomers_in, ==, 1);
  g_assert_cmpint (given.checked_in_people, ==, 1);

  /* The list is used as given, not asked again. */
  g_array_append_val (only_bea, bea_id);
  g_assert_true (mq_event_stats_compute_with_newcomers (f->store, event_id, only_bea, &given, &error));
  g_assert_cmpint (given.newcomers, ==, 1);
  g_assert_cmpint (given.newcomers_in, ==, 0);
  a_bea = admit (f, event, r_bea, "1");
  g_assert_true (mq_event_stats_compute_with_newcomers (f->store, event_id, only_bea, &given, &error));
  g_assert_cmpint (given.newcomers_in, ==, 1);
  g_assert_cmpint (given.going_people, ==, 3);
  g_assert_cmpint (given.checked_in, ==, 2);

  g_assert_false (mq_event_stats_compute_with_newcomers (f->store, 42, only_bea, &given, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

static void
test_unknown_event (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  MqEventStats stats = { 0 };

  g_assert_false (mq_event_stats_compute (f->store, 42, &stats, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_cmpint (stats.event_id, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/event-stats/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("counts-per-status", test_counts_per_status);
  ADD ("seats/unlimited-and-full", test_unlimited_and_full);
  ADD ("checked-in/admits-minus-undos", test_checked_in_admits_minus_undos);
  ADD ("newcomers/no-earlier-admit", test_newcomers);
  ADD ("newcomers/given-list", test_newcomers_given);
  ADD ("unknown-event", test_unknown_event);
#undef ADD

  return g_test_run ();
}
