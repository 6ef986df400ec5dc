/* test-rsvp-ledger.c: RSVPs, capacity and the waitlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "marquee-core.h"
#include "mq-search-text.h"
#include "mq-store-private.h"

#define NOW "2026-11-20T18:00:00Z"

typedef struct
{
  MqStore      *store;
  MqRsvpLedger *ledger;
  guint         changes;
} Fixture;

static void
on_rsvps_changed (MqStore    *store,
                  const char *what,
                  Fixture    *f)
{
  g_assert_cmpstr (what, ==, "rsvps");
  f->changes++;
}

static void
set_now (Fixture    *f,
         const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);
  mq_store_set_fixed_now (f->store, now);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->ledger = mq_rsvp_ledger_new (f->store);
  set_now (f, NOW);
  g_signal_connect (f->store, "changed::rsvps", G_CALLBACK (on_rsvps_changed), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->ledger);
  g_assert_finalize_object (f->store);
}

/* Rows the catalog and directory would write; raw SQL keeps this test
 * about the ledger alone. @capacity -1: unlimited.
 */
static gint64
add_event_with_policy (Fixture    *f,
                       int         capacity,
                       const char *policy)
{
  sqlite3_stmt *stmt = mq_store_prepare (f->store,
                                         "INSERT INTO events (title, starts_at, time_zone, capacity,"
                                         " waitlist_policy, created_at, updated_at)"
                                         " VALUES ('Stalker', '2026-12-01T19:00:00Z', 'Europe/Berlin', ?1, ?2,"
                                         " '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                                         NULL);

  g_assert_nonnull (stmt);
  if (capacity >= 0)
    sqlite3_bind_int (stmt, 1, capacity);
  sqlite3_bind_text (stmt, 2, policy, -1, SQLITE_STATIC);
  g_assert_true (mq_store_step_done (f->store, stmt, NULL));

  return sqlite3_last_insert_rowid (mq_store_get_db (f->store));
}

static gint64
add_event (Fixture *f,
           int      capacity)
{
  return add_event_with_policy (f, capacity, "auto");
}

static gint64
add_person (Fixture    *f,
            const char *name)
{
  g_autofree char *search_text = mq_search_text_for_person (name, NULL, NULL, NULL);
  sqlite3_stmt *stmt = mq_store_prepare (f->store,
                                         "INSERT INTO people (name, search_text, created_at, updated_at)"
                                         " VALUES (?1, ?2, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                                         NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, search_text, -1, SQLITE_STATIC);
  g_assert_true (mq_store_step_done (f->store, stmt, NULL));

  return sqlite3_last_insert_rowid (mq_store_get_db (f->store));
}

static MqRsvp *
set_full (Fixture        *f,
          gint64          event_id,
          gint64          person_id,
          MqRsvpStatus    status,
          int             party_size,
          const char     *reason,
          MqRsvpSetFlags  flags)
{
  g_autoptr(GError) error = NULL;
  MqRsvp *rsvp;

  rsvp = mq_rsvp_ledger_set (f->ledger, event_id, person_id, status, party_size,
                             "manual", "ana", reason, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rsvp);

  return rsvp;
}

/* Returns the status the request resulted in. */
static MqRsvpStatus
set (Fixture      *f,
     gint64        event_id,
     gint64        person_id,
     MqRsvpStatus  status,
     int           party_size)
{
  g_autoptr(MqRsvp) rsvp = set_full (f, event_id, person_id, status, party_size, NULL, MQ_RSVP_SET_NONE);

  return mq_rsvp_get_status (rsvp);
}

static MqRsvp *
find (Fixture *f,
      gint64   event_id,
      gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  MqRsvp *rsvp = mq_rsvp_ledger_find (f->ledger, event_id, person_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rsvp);

  return rsvp;
}

static MqRsvpStatus
status_of (Fixture *f,
           gint64   event_id,
           gint64   person_id)
{
  g_autoptr(MqRsvp) rsvp = find (f, event_id, person_id);

  return mq_rsvp_get_status (rsvp);
}

static int
seats_taken (Fixture *f,
             gint64   event_id)
{
  g_autoptr(GError) error = NULL;
  int taken = mq_rsvp_ledger_seats_taken (f->ledger, event_id, &error);

  g_assert_no_error (error);
  return taken;
}

static GPtrArray *
history_of (Fixture *f,
            gint64   event_id,
            gint64   person_id)
{
  g_autoptr(MqRsvp) rsvp = find (f, event_id, person_id);
  g_autoptr(GError) error = NULL;
  GPtrArray *history = mq_rsvp_ledger_history (f->ledger, mq_rsvp_get_id (rsvp), &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);

  return history;
}

/* "from→to party actor reason", "-" for a missing from or reason. */
static char *
describe (MqRsvpTransition *line)
{
  g_autofree char *at = g_date_time_format_iso8601 (mq_rsvp_transition_get_at (line));
  const char *reason = mq_rsvp_transition_get_reason (line);

  return g_strdup_printf ("%s %s(%d)→%s(%d) %s %s", at,
                          mq_rsvp_transition_has_from (line)
                            ? mq_rsvp_status_to_string (mq_rsvp_transition_get_from_status (line)) : "-",
                          mq_rsvp_transition_get_from_party (line),
                          mq_rsvp_status_to_string (mq_rsvp_transition_get_to_status (line)),
                          mq_rsvp_transition_get_to_party (line),
                          mq_rsvp_transition_get_actor (line),
                          reason != NULL ? reason : "-");
}

static void
assert_history (Fixture            *f,
                gint64              event_id,
                gint64              person_id,
                const char * const *expected)
{
  g_autoptr(GPtrArray) history = history_of (f, event_id, person_id);

  g_assert_cmpuint (history->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < history->len; i++)
    {
      g_autofree char *line = describe (g_ptr_array_index (history, i));

      g_assert_cmpstr (line, ==, expected[i]);
    }
}

static void
test_capacity_exactly_full (Fixture       *f,
                            gconstpointer  data)
{
  gint64 event = add_event (f, 3);
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  gint64 c = add_person (f, "Chidi Okafor");

  g_assert_cmpint (set (f, event, a, MQ_RSVP_STATUS_GOING, 2), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (set (f, event, b, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (seats_taken (f, event), ==, 3);
  g_assert_cmpint (set (f, event, c, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (seats_taken (f, event), ==, 3);
  g_assert_cmpuint (f->changes, ==, 3);
}

static void
test_capacity_unlimited (Fixture       *f,
                         gconstpointer  data)
{
  gint64 event = add_event (f, -1);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Guest %u", i);

      g_assert_cmpint (set (f, event, add_person (f, name), MQ_RSVP_STATUS_GOING, 100), ==, MQ_RSVP_STATUS_GOING);
    }

  g_assert_cmpint (seats_taken (f, event), ==, 500);
}

static void
test_capacity_zero (Fixture       *f,
                    gconstpointer  data)
{
  gint64 event = add_event (f, 0);
  gint64 a = add_person (f, "Ana García");
  g_autoptr(MqRsvp) rsvp = NULL;

  rsvp = set_full (f, event, a, MQ_RSVP_STATUS_GOING, 1, NULL, MQ_RSVP_SET_NONE);
  g_assert_cmpint (mq_rsvp_get_status (rsvp), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (mq_rsvp_get_waitlist_position (rsvp), ==, 1);
  g_assert_cmpint (seats_taken (f, event), ==, 0);
}

static void
test_capacity_party_does_not_fit (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 event = add_event (f, 5);
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  gint64 c = add_person (f, "Chidi Okafor");

  g_assert_cmpint (set (f, event, a, MQ_RSVP_STATUS_GOING, 3), ==, MQ_RSVP_STATUS_GOING);
  /* Two seats free: a party of 3 waits as a whole, nobody is split. */
  g_assert_cmpint (set (f, event, b, MQ_RSVP_STATUS_GOING, 3), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (set (f, event, c, MQ_RSVP_STATUS_GOING, 2), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (seats_taken (f, event), ==, 5);
}

static void
test_waitlist_fifo (Fixture       *f,
                    gconstpointer  data)
{
  gint64 event = add_event (f, 1);
  gint64 a = add_person (f, "Ana García");
  gint64 z = add_person (f, "Zoë Adams");
  gint64 m = add_person (f, "Mia Berg");
  gint64 b = add_person (f, "Bjørn Olsen");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  set (f, event, a, MQ_RSVP_STATUS_GOING, 1);
  /* Queue order is request order, not the alphabet. */
  g_assert_cmpint (set (f, event, z, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (set (f, event, m, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (set (f, event, b, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_WAITLISTED);

  list = mq_rsvp_ledger_list (f->ledger, event, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (mq_rsvp_get_name (g_ptr_array_index (list, 1)), ==, "Zoë Adams");
  g_assert_cmpint (mq_rsvp_get_waitlist_position (g_ptr_array_index (list, 1)), ==, 1);
  g_assert_cmpstr (mq_rsvp_get_name (g_ptr_array_index (list, 2)), ==, "Mia Berg");
  g_assert_cmpint (mq_rsvp_get_waitlist_position (g_ptr_array_index (list, 2)), ==, 2);
  g_assert_cmpstr (mq_rsvp_get_name (g_ptr_array_index (list, 3)), ==, "Bjørn Olsen");
  g_assert_cmpint (mq_rsvp_get_waitlist_position (g_ptr_array_index (list, 3)), ==, 3);

  set (f, event, a, MQ_RSVP_STATUS_CANCELLED, 1);
  g_assert_cmpint (status_of (f, event, z), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (status_of (f, event, m), ==, MQ_RSVP_STATUS_WAITLISTED);

  set (f, event, z, MQ_RSVP_STATUS_DECLINED, 1);
  g_assert_cmpint (status_of (f, event, m), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (status_of (f, event, b), ==, MQ_RSVP_STATUS_WAITLISTED);

  {
    g_autoptr(MqRsvp) last = find (f, event, b);

    g_assert_cmpint (mq_rsvp_get_waitlist_position (last), ==, 1);
  }
}

/* A party of 2 leaving lets two singles in, in one change. */
static void
test_waitlist_cascade (Fixture       *f,
                       gconstpointer  data)
{
  gint64 event = add_event (f, 3);
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  gint64 c = add_person (f, "Chidi Okafor");
  gint64 d = add_person (f, "Dana Scully");
  gint64 e = add_person (f, "Emil Nolde");
  guint changes;

  set (f, event, a, MQ_RSVP_STATUS_GOING, 2);
  set (f, event, b, MQ_RSVP_STATUS_GOING, 1);
  set (f, event, c, MQ_RSVP_STATUS_GOING, 1);
  set (f, event, d, MQ_RSVP_STATUS_GOING, 1);
  set (f, event, e, MQ_RSVP_STATUS_GOING, 1);
  g_assert_cmpint (status_of (f, event, c), ==, MQ_RSVP_STATUS_WAITLISTED);

  changes = f->changes;
  set_now (f, "2026-11-21T09:30:00Z");
  set (f, event, a, MQ_RSVP_STATUS_CANCELLED, 2);
  /* One change signal for the whole transaction. */
  g_assert_cmpuint (f->changes, ==, changes + 1);

  g_assert_cmpint (status_of (f, event, c), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (status_of (f, event, d), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (status_of (f, event, e), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (seats_taken (f, event), ==, 3);

  assert_history (f, event, d, (const char * const[]) {
    "2026-11-20T18:00:00Z -(0)→waitlisted(1) ana -",
    "2026-11-21T09:30:00Z waitlisted(1)→going(1) waitlist seats freed by ana",
    NULL,
  });

  /* And the next cancellation lets the last one in. */
  set (f, event, b, MQ_RSVP_STATUS_DECLINED, 1);
  g_assert_cmpint (status_of (f, event, e), ==, MQ_RSVP_STATUS_GOING);
}

static void
test_waitlist_party_skipped_when_too_big (Fixture       *f,
                                          gconstpointer  data)
{
  gint64 event = add_event (f, 4);
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  gint64 c = add_person (f, "Chidi Okafor");
  gint64 d = add_person (f, "Dana Scully");

  set (f, event, a, MQ_RSVP_STATUS_GOING, 4);
  set (f, event, b, MQ_RSVP_STATUS_GOING, 3);
  set (f, event, c, MQ_RSVP_STATUS_GOING, 1);
  g_assert_cmpint (status_of (f, event, b), ==, MQ_RSVP_STATUS_WAITLISTED);

  /* Two seats free up: the party of 3 waits on, the single behind it goes. */
  set (f, event, a, MQ_RSVP_STATUS_GOING, 2);
  g_assert_cmpint (status_of (f, event, b), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (status_of (f, event, c), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (seats_taken (f, event), ==, 3);

  /* The party of 3 keeps its place ahead of anyone who comes later. */
  g_assert_cmpint (set (f, event, d, MQ_RSVP_STATUS_GOING, 3), ==, MQ_RSVP_STATUS_WAITLISTED);
  set (f, event, a, MQ_RSVP_STATUS_CANCELLED, 2);
  g_assert_cmpint (status_of (f, event, b), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (status_of (f, event, d), ==, MQ_RSVP_STATUS_WAITLISTED);
}

static void
test_override_with_reason (Fixture       *f,
                           gconstpointer  data)
{
  gint64 event = add_event (f, 1);
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  g_autoptr(MqRsvp) rsvp = NULL;

  set (f, event, a, MQ_RSVP_STATUS_GOING, 1);
  rsvp = set_full (f, event, b, MQ_RSVP_STATUS_GOING, 2, "projectionist and partner", MQ_RSVP_SET_OVERRIDE);

  g_assert_cmpint (mq_rsvp_get_status (rsvp), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpstr (mq_rsvp_get_override_reason (rsvp), ==, "projectionist and partner");
  g_assert_cmpint (seats_taken (f, event), ==, 3);
  assert_history (f, event, b, (const char * const[]) {
    "2026-11-20T18:00:00Z -(0)→going(2) ana projectionist and partner",
    NULL,
  });

  /* Over capacity, a cancellation frees nothing anyone can use. */
  set (f, event, a, MQ_RSVP_STATUS_CANCELLED, 1);
  g_assert_cmpint (seats_taken (f, event), ==, 2);

  /* Leaving "going" drops the override. */
  g_clear_object (&rsvp);
  rsvp = set_full (f, event, b, MQ_RSVP_STATUS_MAYBE, 2, NULL, MQ_RSVP_SET_NONE);
  g_assert_null (mq_rsvp_get_override_reason (rsvp));
}

static void
test_override_without_reason (Fixture       *f,
                              gconstpointer  data)
{
  gint64 event = add_event (f, 0);
  gint64 a = add_person (f, "Ana García");
  const char *reasons[] = { NULL, "", "   " };
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      rsvp = mq_rsvp_ledger_set (f->ledger, event, a, MQ_RSVP_STATUS_GOING, 1, "manual", "ana",
                                 reasons[i], MQ_RSVP_SET_OVERRIDE, &error);
      g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
      g_assert_null (rsvp);
      g_clear_error (&error);
    }

  rsvp = mq_rsvp_ledger_find (f->ledger, event, a, &error);
  g_assert_no_error (error);
  g_assert_null (rsvp);
  g_assert_cmpuint (f->changes, ==, 0);
}

static void
test_history_exact (Fixture       *f,
                    gconstpointer  data)
{
  gint64 event = add_event (f, 10);
  gint64 a = add_person (f, "Ana García");
  g_autoptr(MqRsvp) rsvp = NULL;
  guint changes;

  rsvp = set_full (f, event, a, MQ_RSVP_STATUS_MAYBE, 1, "asked on Mastodon", MQ_RSVP_SET_NONE);
  g_assert_cmpstr (mq_rsvp_get_source (rsvp), ==, "manual");
  set_now (f, "2026-11-22T08:00:00Z");
  set (f, event, a, MQ_RSVP_STATUS_GOING, 2);

  /* The same answer again is not news. */
  changes = f->changes;
  set_now (f, "2026-11-23T08:00:00Z");
  set (f, event, a, MQ_RSVP_STATUS_GOING, 2);
  g_assert_cmpuint (f->changes, ==, changes);

  set (f, event, a, MQ_RSVP_STATUS_DECLINED, 2);

  assert_history (f, event, a, (const char * const[]) {
    "2026-11-20T18:00:00Z -(0)→maybe(1) ana asked on Mastodon",
    "2026-11-22T08:00:00Z maybe(1)→going(2) ana -",
    "2026-11-23T08:00:00Z going(2)→declined(2) ana -",
    NULL,
  });

  g_clear_object (&rsvp);
  rsvp = find (f, event, a);
  {
    g_autofree char *created = g_date_time_format_iso8601 (mq_rsvp_get_created_at (rsvp));
    g_autofree char *updated = g_date_time_format_iso8601 (mq_rsvp_get_updated_at (rsvp));

    g_assert_cmpstr (created, ==, "2026-11-20T18:00:00Z");
    g_assert_cmpstr (updated, ==, "2026-11-23T08:00:00Z");
  }
}

static void
test_party_change (Fixture       *f,
                   gconstpointer  data)
{
  gint64 event = add_event (f, 4);
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  gint64 c = add_person (f, "Chidi Okafor");

  set (f, event, a, MQ_RSVP_STATUS_GOING, 2);
  set (f, event, b, MQ_RSVP_STATUS_GOING, 2);
  g_assert_cmpint (set (f, event, c, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_WAITLISTED);

  /* Ana brings one more: no room, so her party waits, and her two seats go
   * to the single who was waiting.
   */
  g_assert_cmpint (set (f, event, a, MQ_RSVP_STATUS_GOING, 3), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (status_of (f, event, c), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (seats_taken (f, event), ==, 3);
  {
    g_autoptr(MqRsvp) rsvp = find (f, event, a);

    g_assert_cmpint (mq_rsvp_get_party_size (rsvp), ==, 3);
    g_assert_cmpint (mq_rsvp_get_waitlist_position (rsvp), ==, 1);
  }

  /* Bjørn comes alone: one seat frees, not enough for Ana's three. */
  g_assert_cmpint (set (f, event, b, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (status_of (f, event, a), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (seats_taken (f, event), ==, 2);

  /* A growing party that still fits keeps going. */
  g_assert_cmpint (set (f, event, b, MQ_RSVP_STATUS_GOING, 2), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (seats_taken (f, event), ==, 3);

  /* Growing past capacity with an override stays going. */
  {
    g_autoptr(MqRsvp) rsvp = set_full (f, event, b, MQ_RSVP_STATUS_GOING, 4, "family", MQ_RSVP_SET_OVERRIDE);

    g_assert_cmpint (mq_rsvp_get_status (rsvp), ==, MQ_RSVP_STATUS_GOING);
    g_assert_cmpint (seats_taken (f, event), ==, 5);
  }
}

static void
test_party_out_of_range (Fixture       *f,
                         gconstpointer  data)
{
  gint64 event = add_event (f, -1);
  gint64 a = add_person (f, "Ana García");
  const int sizes[] = { 0, -1, 101 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MqRsvp) rsvp = mq_rsvp_ledger_set (f->ledger, event, a, MQ_RSVP_STATUS_GOING, sizes[i],
                                                   "manual", "ana", NULL, MQ_RSVP_SET_NONE, &error);

      g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
      g_assert_null (rsvp);
    }

  g_assert_cmpint (set (f, event, a, MQ_RSVP_STATUS_GOING, 100), ==, MQ_RSVP_STATUS_GOING);
}

static void
test_manual_policy (Fixture       *f,
                    gconstpointer  data)
{
  gint64 event = add_event_with_policy (f, 1, "manual");
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  g_autoptr(GError) error = NULL;

  set (f, event, a, MQ_RSVP_STATUS_GOING, 1);
  g_assert_cmpint (set (f, event, b, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_WAITLISTED);
  set (f, event, a, MQ_RSVP_STATUS_CANCELLED, 1);
  g_assert_cmpint (status_of (f, event, b), ==, MQ_RSVP_STATUS_WAITLISTED);

  g_assert_cmpint (mq_rsvp_ledger_promote (f->ledger, event, "ana", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, event, b), ==, MQ_RSVP_STATUS_WAITLISTED);

  /* The organizer lets people in by asking for "going" again. */
  g_assert_cmpint (set (f, event, b, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_GOING);
}

static void
test_promote_after_capacity_raise (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 event = add_event (f, 1);
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  gint64 c = add_person (f, "Chidi Okafor");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  set (f, event, a, MQ_RSVP_STATUS_GOING, 1);
  set (f, event, b, MQ_RSVP_STATUS_GOING, 2);
  set (f, event, c, MQ_RSVP_STATUS_GOING, 1);

  g_assert_cmpint (mq_rsvp_ledger_promote (f->ledger, event, "ana", &error), ==, 0);
  g_assert_no_error (error);

  stmt = mq_store_prepare (f->store, "UPDATE events SET capacity = 4 WHERE id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, event);
  g_assert_true (mq_store_step_done (f->store, stmt, NULL));

  g_assert_cmpint (mq_rsvp_ledger_promote (f->ledger, event, "ana", &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, event, b), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (status_of (f, event, c), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (seats_taken (f, event), ==, 4);
}

static void
test_promote_joins_transaction (Fixture       *f,
                                gconstpointer  data)
{
  gint64 event = add_event (f, 0);
  gint64 a = add_person (f, "Ana García");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  set (f, event, a, MQ_RSVP_STATUS_GOING, 1);

  {
    g_auto(MqTransaction) tx = { 0 };

    g_assert_true (mq_transaction_begin (&tx, f->store, &error));
    stmt = mq_store_prepare (f->store, "UPDATE events SET capacity = 1 WHERE id = ?1", &error);
    sqlite3_bind_int64 (stmt, 1, event);
    g_assert_true (mq_store_step_done (f->store, stmt, &error));
    g_assert_cmpint (mq_rsvp_ledger_promote (f->ledger, event, "ana", &error), ==, 1);
    g_assert_no_error (error);
    g_assert_cmpint (status_of (f, event, a), ==, MQ_RSVP_STATUS_GOING);
    /* Not committed: rolled back on scope exit. */
  }

  g_assert_cmpint (status_of (f, event, a), ==, MQ_RSVP_STATUS_WAITLISTED);
}

static void
test_unknown_ids (Fixture       *f,
                  gconstpointer  data)
{
  gint64 event = add_event (f, 3);
  gint64 a = add_person (f, "Ana García");
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GPtrArray) list = NULL;

  rsvp = mq_rsvp_ledger_set (f->ledger, 42, a, MQ_RSVP_STATUS_GOING, 1, "manual", "ana", NULL,
                             MQ_RSVP_SET_NONE, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "42"));
  g_assert_null (rsvp);
  g_clear_error (&error);

  rsvp = mq_rsvp_ledger_set (f->ledger, event, 4711, MQ_RSVP_STATUS_GOING, 1, "manual", "ana", NULL,
                             MQ_RSVP_SET_NONE, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4711"));
  g_assert_null (rsvp);
  g_clear_error (&error);

  rsvp = mq_rsvp_ledger_get (f->ledger, 99, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);

  list = mq_rsvp_ledger_history (f->ledger, 99, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_null (list);
  g_clear_error (&error);

  list = mq_rsvp_ledger_list (f->ledger, 42, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_null (list);
  g_clear_error (&error);

  g_assert_cmpint (mq_rsvp_ledger_seats_taken (f->ledger, 42, &error), ==, -1);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (mq_rsvp_ledger_promote (f->ledger, 42, "ana", &error), ==, -1);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rsvp = mq_rsvp_ledger_find (f->ledger, event, a, &error);
  g_assert_no_error (error);
  g_assert_null (rsvp);

  g_assert_cmpuint (f->changes, ==, 0);
}

static void
test_ticket_codes (Fixture       *f,
                   gconstpointer  data)
{
  gint64 event = add_event (f, -1);
  gint64 other = add_event (f, -1);
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  g_autoptr(MqRsvp) ra = set_full (f, event, a, MQ_RSVP_STATUS_GOING, 1, NULL, MQ_RSVP_SET_NONE);
  g_autoptr(MqRsvp) rb = set_full (f, event, b, MQ_RSVP_STATUS_GOING, 1, NULL, MQ_RSVP_SET_NONE);
  g_autoptr(MqRsvp) again = NULL;
  g_autoptr(MqRsvp) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;

  g_assert_true (mq_ticket_code_is_valid (mq_rsvp_get_ticket_code (ra)));
  g_assert_true (mq_ticket_code_is_valid (mq_rsvp_get_ticket_code (rb)));
  g_assert_cmpstr (mq_rsvp_get_ticket_code (ra), !=, mq_rsvp_get_ticket_code (rb));

  /* A change keeps the printed ticket valid. */
  again = set_full (f, event, a, MQ_RSVP_STATUS_MAYBE, 1, NULL, MQ_RSVP_SET_NONE);
  g_assert_cmpstr (mq_rsvp_get_ticket_code (again), ==, mq_rsvp_get_ticket_code (ra));

  typed = g_ascii_strdown (mq_rsvp_get_ticket_code (rb), -1);
  found = mq_rsvp_ledger_find_by_code (f->ledger, event, typed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (mq_rsvp_get_id (found), ==, mq_rsvp_get_id (rb));
  g_clear_object (&found);

  found = mq_rsvp_ledger_find_by_code (f->ledger, other, mq_rsvp_get_ticket_code (rb), &error);
  g_assert_no_error (error);
  g_assert_null (found);

  found = mq_rsvp_ledger_find_by_code (f->ledger, event, "not a code", &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  gint64 event = add_event (f, 2);
  const char *names[] = {
    "Zoë Adams", "Ærø Ahl", "Åsa Berg", "Emil Nolde", "Chidi Okafor", "Dana Scully", "Bjørn Olsen",
  };
  const MqRsvpStatus statuses[] = {
    MQ_RSVP_STATUS_CANCELLED, MQ_RSVP_STATUS_GOING, MQ_RSVP_STATUS_MAYBE, MQ_RSVP_STATUS_GOING,
    MQ_RSVP_STATUS_DECLINED, MQ_RSVP_STATUS_GOING, MQ_RSVP_STATUS_GOING,
  };
  const char *expected[] = {
    "going Ærø Ahl 0", "going Emil Nolde 0",
    "maybe Åsa Berg 0",
    "waitlisted Dana Scully 1", "waitlisted Bjørn Olsen 2",
    "declined Chidi Okafor 0",
    "cancelled Zoë Adams 0",
  };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    set (f, event, add_person (f, names[i]), statuses[i], 1);

  list = mq_rsvp_ledger_list (f->ledger, event, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < list->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (list, i);
      g_autofree char *line = g_strdup_printf ("%s %s %d",
                                               mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)),
                                               mq_rsvp_get_name (rsvp),
                                               mq_rsvp_get_waitlist_position (rsvp));

      g_assert_cmpstr (line, ==, expected[i]);
      g_assert_cmpint (mq_rsvp_get_event_id (rsvp), ==, event);
      g_assert_null (mq_rsvp_get_checked_in_at (rsvp));
      g_assert_cmpint (mq_rsvp_get_checked_in_people (rsvp), ==, 0);
    }
}

static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  gint64 event = add_event (f, 0);
  gint64 a = add_person (f, "Ana García");
  g_autoptr(MqRsvp) rsvp = set_full (f, event, a, MQ_RSVP_STATUS_GOING, 3, NULL, MQ_RSVP_SET_NONE);
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  MqRsvpStatus status;
  int position, party;
  gint64 person_id;

  g_object_get (rsvp,
                "name", &name,
                "status", &status,
                "party-size", &party,
                "waitlist-position", &position,
                "person-id", &person_id,
                "ticket-code", &code,
                NULL);
  g_assert_cmpstr (name, ==, "Ana García");
  g_assert_cmpint (status, ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (party, ==, 3);
  g_assert_cmpint (position, ==, 1);
  g_assert_cmpint (person_id, ==, a);
  g_assert_cmpstr (code, ==, mq_rsvp_get_ticket_code (rsvp));
}

static void
test_status_strings (void)
{
  const char *names[] = { "going", "maybe", "waitlisted", "declined", "cancelled" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      MqRsvpStatus status;

      g_assert_cmpstr (mq_rsvp_status_to_string ((MqRsvpStatus) i), ==, names[i]);
      g_assert_true (mq_rsvp_status_from_string (names[i], &status));
      g_assert_cmpint (status, ==, i);
    }

  g_assert_false (mq_rsvp_status_from_string ("Going", NULL));
  g_assert_false (mq_rsvp_status_from_string ("perhaps", NULL));
  g_assert_false (mq_rsvp_status_from_string (NULL, NULL));
}

/* The example of the CLI contract: capacity 3. */
static void
test_cli_example (Fixture       *f,
                  gconstpointer  data)
{
  gint64 event = add_event (f, 3);
  gint64 a = add_person (f, "Ana García");
  gint64 b = add_person (f, "Bjørn Olsen");
  gint64 c = add_person (f, "Chidi Okafor");
  gint64 d = add_person (f, "Søren Kierkegaard");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (set (f, event, a, MQ_RSVP_STATUS_GOING, 2), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (set (f, event, b, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (set (f, event, c, MQ_RSVP_STATUS_GOING, 2), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (set (f, event, d, MQ_RSVP_STATUS_GOING, 1), ==, MQ_RSVP_STATUS_WAITLISTED);

  set_now (f, "2026-11-20T18:05:00Z");
  g_assert_cmpint (set (f, event, b, MQ_RSVP_STATUS_CANCELLED, 1), ==, MQ_RSVP_STATUS_CANCELLED);

  list = mq_rsvp_ledger_list (f->ledger, event, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (mq_rsvp_get_name (g_ptr_array_index (list, 0)), ==, "Ana García");
  g_assert_cmpint (mq_rsvp_get_status (g_ptr_array_index (list, 0)), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpstr (mq_rsvp_get_name (g_ptr_array_index (list, 1)), ==, "Søren Kierkegaard");
  g_assert_cmpint (mq_rsvp_get_status (g_ptr_array_index (list, 1)), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpstr (mq_rsvp_get_name (g_ptr_array_index (list, 2)), ==, "Chidi Okafor");
  g_assert_cmpint (mq_rsvp_get_status (g_ptr_array_index (list, 2)), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (mq_rsvp_get_waitlist_position (g_ptr_array_index (list, 2)), ==, 1);
  g_assert_cmpint (mq_rsvp_get_party_size (g_ptr_array_index (list, 2)), ==, 2);
  g_assert_cmpstr (mq_rsvp_get_name (g_ptr_array_index (list, 3)), ==, "Bjørn Olsen");
  g_assert_cmpint (mq_rsvp_get_status (g_ptr_array_index (list, 3)), ==, MQ_RSVP_STATUS_CANCELLED);
  g_assert_cmpint (seats_taken (f, event), ==, 3);

  assert_history (f, event, d, (const char * const[]) {
    "2026-11-20T18:00:00Z -(0)→waitlisted(1) ana -",
    "2026-11-20T18:05:00Z waitlisted(1)→going(1) waitlist seats freed by ana",
    NULL,
  });
  assert_history (f, event, b, (const char * const[]) {
    "2026-11-20T18:00:00Z -(0)→going(1) ana -",
    "2026-11-20T18:05:00Z going(1)→cancelled(1) ana -",
    NULL,
  });
  assert_history (f, event, c, (const char * const[]) {
    "2026-11-20T18:00:00Z -(0)→waitlisted(2) ana -",
    NULL,
  });
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/ledger/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("capacity/exactly-full", test_capacity_exactly_full);
  ADD ("capacity/unlimited", test_capacity_unlimited);
  ADD ("capacity/zero", test_capacity_zero);
  ADD ("capacity/party-does-not-fit", test_capacity_party_does_not_fit);
  ADD ("waitlist/fifo", test_waitlist_fifo);
  ADD ("waitlist/cascading-promotions", test_waitlist_cascade);
  ADD ("waitlist/party-skipped-when-too-big", test_waitlist_party_skipped_when_too_big);
  ADD ("waitlist/manual-policy", test_manual_policy);
  ADD ("promote/after-capacity-raise", test_promote_after_capacity_raise);
  ADD ("promote/joins-transaction", test_promote_joins_transaction);
  ADD ("override/with-reason", test_override_with_reason);
  ADD ("override/without-reason", test_override_without_reason);
  ADD ("history/exact-lines", test_history_exact);
  ADD ("party/change", test_party_change);
  ADD ("party/out-of-range", test_party_out_of_range);
  ADD ("unknown-ids", test_unknown_ids);
  ADD ("ticket-codes", test_ticket_codes);
  ADD ("list/order", test_list_order);
  ADD ("rsvp/properties", test_properties);
  ADD ("cli-example", test_cli_example);
  g_test_add_func ("/core/ledger/status-strings", test_status_strings);

#undef ADD

  return g_test_run ();
}
