/* test-check-in-log.c: who came in through the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "marquee-core.h"
#include "mq-store-private.h"

typedef struct
{
  MqStore      *store;
  MqRsvpLedger *ledger;
  MqCheckInLog *log;
  gint64        event_id;
  guint         changes;
} Fixture;

static void
on_check_ins_changed (MqStore    *store,
                      const char *what,
                      Fixture    *f)
{
  g_assert_cmpstr (what, ==, "check-ins");
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

/* Raw SQL: the catalog is not what this test is about. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->ledger = mq_rsvp_ledger_new (f->store);
  f->log = mq_check_in_log_new (f->store);
  set_now (f, "2026-12-01T18:30:00Z");

  stmt = mq_store_prepare (f->store,
                           "INSERT INTO events (title, starts_at, time_zone, capacity, created_at, updated_at)"
                           " VALUES ('Paris, Texas', '2026-12-01T19:00:00Z', 'Europe/Berlin', 10,"
                           " '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                           &error);
  g_assert_no_error (error);
  g_assert_true (mq_store_step_done (f->store, stmt, NULL));
  f->event_id = sqlite3_last_insert_rowid (mq_store_get_db (f->store));

  g_signal_connect (f->store, "changed::check-ins", G_CALLBACK (on_check_ins_changed), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->log);
  g_assert_finalize_object (f->ledger);
  g_assert_finalize_object (f->store);
}

/* Returns the RSVP id of a new person with that answer. */
static gint64
add_guest (Fixture      *f,
           const char   *name,
           MqRsvpStatus  status,
           int           party_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  sqlite3_stmt *stmt;

  stmt = mq_store_prepare (f->store,
                           "INSERT INTO people (name, created_at, updated_at)"
                           " VALUES (?1, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                           &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_true (mq_store_step_done (f->store, stmt, NULL));

  rsvp = mq_rsvp_ledger_set (f->ledger, f->event_id, sqlite3_last_insert_rowid (mq_store_get_db (f->store)),
                             status, party_size, "manual", "test", NULL, MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_rsvp_get_status (rsvp), ==, status);

  return mq_rsvp_get_id (rsvp);
}

static MqAdmitOutcome
admit (Fixture    *f,
       gint64      rsvp_id,
       int         people,
       const char *station,
       MqCheckIn **record)
{
  g_autoptr(GError) error = NULL;
  MqAdmitOutcome outcome;

  outcome = mq_check_in_log_admit (f->log, rsvp_id, people, station, "Kim", record, &error);
  g_assert_no_error (error);

  return outcome;
}

static int
people_in (Fixture *f,
           gint64   rsvp_id)
{
  g_autoptr(GError) error = NULL;
  int n = mq_check_in_log_people_in (f->log, rsvp_id, &error);

  g_assert_no_error (error);
  return n;
}

static guint
records (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mq_check_in_log_list (f->log, f->event_id, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
assert_time (GDateTime  *time,
             const char *iso)
{
  g_autofree char *text = g_date_time_format_iso8601 (time);

  g_assert_cmpstr (text, ==, iso);
}

static void
test_admit_whole_party (Fixture       *f,
                        gconstpointer  data)
{
  gint64 rsvp_id = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 3);
  g_autoptr(MqCheckIn) record = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;

  set_now (f, "2026-12-01T18:42:00Z");
  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 2", &record), ==, MQ_ADMIT_ADMITTED);
  g_assert_nonnull (record);
  g_assert_cmpint (mq_check_in_get_action (record), ==, MQ_CHECK_IN_ADMIT);
  g_assert_cmpint (mq_check_in_get_rsvp_id (record), ==, rsvp_id);
  g_assert_cmpint (mq_check_in_get_event_id (record), ==, f->event_id);
  g_assert_cmpint (mq_check_in_get_people (record), ==, 3);
  g_assert_cmpint (mq_check_in_get_undoes_id (record), ==, 0);
  g_assert_cmpstr (mq_check_in_get_station (record), ==, "Door 2");
  g_assert_cmpstr (mq_check_in_get_volunteer (record), ==, "Kim");
  g_assert_null (mq_check_in_get_reason (record));
  assert_time (mq_check_in_get_at (record), "2026-12-01T18:42:00Z");
  g_assert_cmpuint (f->changes, ==, 1);

  g_assert_cmpint (people_in (f, rsvp_id), ==, 3);
  g_assert_cmpint (mq_check_in_log_event_people_in (f->log, f->event_id, &error), ==, 3);
  g_assert_no_error (error);

  rsvp = mq_rsvp_ledger_get (f->ledger, rsvp_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_rsvp_get_checked_in_people (rsvp), ==, 3);
  assert_time (mq_rsvp_get_checked_in_at (rsvp), "2026-12-01T18:42:00Z");
}

static void
test_admit_twice (Fixture       *f,
                  gconstpointer  data)
{
  gint64 rsvp_id = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 1);
  g_autoptr(MqCheckIn) first = NULL;
  g_autoptr(MqCheckIn) again = NULL;
  g_autoptr(MqCheckIn) once_more = NULL;

  set_now (f, "2026-12-01T18:42:00Z");
  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 2", &first), ==, MQ_ADMIT_ADMITTED);

  set_now (f, "2026-12-01T19:05:00Z");
  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 1", &again), ==, MQ_ADMIT_ALREADY_IN);
  g_assert_nonnull (again);
  g_assert_cmpint (mq_check_in_get_id (again), ==, mq_check_in_get_id (first));
  g_assert_cmpstr (mq_check_in_get_station (again), ==, "Door 2");
  assert_time (mq_check_in_get_at (again), "2026-12-01T18:42:00Z");

  /* Asking for one more person of a party that is all in is the same answer. */
  g_assert_cmpint (admit (f, rsvp_id, 1, "Door 1", &once_more), ==, MQ_ADMIT_ALREADY_IN);
  g_assert_cmpint (mq_check_in_get_id (once_more), ==, mq_check_in_get_id (first));

  g_assert_cmpuint (records (f), ==, 1);
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpint (people_in (f, rsvp_id), ==, 1);
}

static void
test_admit_partial_party (Fixture       *f,
                          gconstpointer  data)
{
  gint64 rsvp_id = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 4);
  g_autoptr(MqCheckIn) first = NULL;
  g_autoptr(MqCheckIn) rest = NULL;
  g_autoptr(MqCheckIn) already = NULL;
  g_autoptr(MqCheckIn) none = NULL;
  g_autoptr(GError) error = NULL;

  set_now (f, "2026-12-01T18:40:00Z");
  g_assert_cmpint (admit (f, rsvp_id, 1, "Door 1", &first), ==, MQ_ADMIT_ADMITTED);
  g_assert_cmpint (mq_check_in_get_people (first), ==, 1);
  g_assert_cmpint (people_in (f, rsvp_id), ==, 1);

  /* Three still out: four is too many, and nothing is written. */
  g_assert_cmpint ((int) mq_check_in_log_admit (f->log, rsvp_id, 4, "Door 1", NULL, &none, &error), ==, -1);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_null (none);
  g_clear_error (&error);
  g_assert_cmpuint (records (f), ==, 1);

  set_now (f, "2026-12-01T18:50:00Z");
  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 2", &rest), ==, MQ_ADMIT_ADMITTED);
  g_assert_cmpint (mq_check_in_get_people (rest), ==, 3);
  g_assert_cmpint (people_in (f, rsvp_id), ==, 4);

  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 2", &already), ==, MQ_ADMIT_ALREADY_IN);
  g_assert_cmpint (mq_check_in_get_id (already), ==, mq_check_in_get_id (first));
  assert_time (mq_check_in_get_at (already), "2026-12-01T18:40:00Z");
}

static void
test_admit_not_admissible (Fixture       *f,
                           gconstpointer  data)
{
  const MqRsvpStatus statuses[] = {
    MQ_RSVP_STATUS_MAYBE, MQ_RSVP_STATUS_DECLINED, MQ_RSVP_STATUS_CANCELLED, MQ_RSVP_STATUS_WAITLISTED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *name = g_strdup_printf ("Guest %u", i);
      gint64 rsvp_id = add_guest (f, name, statuses[i], 1);
      g_autoptr(MqCheckIn) record = NULL;

      g_assert_cmpint (admit (f, rsvp_id, 0, "Door 1", &record), ==, MQ_ADMIT_NOT_ADMISSIBLE);
      g_assert_null (record);
    }

  g_assert_cmpuint (records (f), ==, 0);
  g_assert_cmpuint (f->changes, ==, 0);
}

static void
test_admit_bad_input (Fixture       *f,
                      gconstpointer  data)
{
  gint64 rsvp_id = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint ((int) mq_check_in_log_admit (f->log, 999, 0, "Door 1", NULL, NULL, &error), ==, -1);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);

  g_assert_cmpint ((int) mq_check_in_log_admit (f->log, rsvp_id, -1, "Door 1", NULL, NULL, &error), ==, -1);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (mq_check_in_log_people_in (f->log, 999, &error), ==, -1);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (records (f), ==, 0);
}

/* A full house (capacity 10) and a guest on the waitlist: the organizer
 * lets them in anyway, and both the RSVP and the admit keep the reason.
 */
static void
test_admit_override (Fixture       *f,
                     gconstpointer  data)
{
  gint64 full = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 10);
  gint64 cancelled = add_guest (f, "Bea Torres", MQ_RSVP_STATUS_CANCELLED, 1);
  const char *blank[] = { NULL, "", "  " };
  g_autoptr(MqRsvp) waiting = NULL;
  g_autoptr(MqRsvp) after = NULL;
  g_autoptr(MqCheckIn) record = NULL;
  g_autoptr(MqCheckIn) again = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  MqRsvpTransition *last;
  gint64 person_id;
  sqlite3_stmt *stmt;

  stmt = mq_store_prepare (f->store,
                           "INSERT INTO people (name, created_at, updated_at)"
                           " VALUES ('Cem Yilmaz', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                           &error);
  g_assert_no_error (error);
  g_assert_true (mq_store_step_done (f->store, stmt, NULL));
  person_id = sqlite3_last_insert_rowid (mq_store_get_db (f->store));
  waiting = mq_rsvp_ledger_set (f->ledger, f->event_id, person_id, MQ_RSVP_STATUS_GOING, 2,
                                "manual", "test", NULL, MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_rsvp_get_status (waiting), ==, MQ_RSVP_STATUS_WAITLISTED);

  /* Without a reason nothing is written. */
  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_assert_cmpint ((int) mq_check_in_log_admit_override (f->log, mq_rsvp_get_id (waiting), 0, "Door 1",
                                                             "Kim", blank[i], &record, &error), ==, -1);
      g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
      g_assert_null (record);
      g_clear_error (&error);
    }
  g_assert_cmpuint (records (f), ==, 0);

  /* One of the party of two now, over capacity. */
  set_now (f, "2026-12-01T18:45:00Z");
  g_assert_cmpint (mq_check_in_log_admit_override (f->log, mq_rsvp_get_id (waiting), 1, "Door 1", "Kim",
                                                   " on the crew list ", &record, &error),
                   ==, MQ_ADMIT_ADMITTED);
  g_assert_no_error (error);
  g_assert_cmpint (mq_check_in_get_people (record), ==, 1);
  g_assert_cmpstr (mq_check_in_get_reason (record), ==, "on the crew list");
  g_assert_cmpstr (mq_check_in_get_station (record), ==, "Door 1");
  g_assert_cmpint (people_in (f, mq_rsvp_get_id (waiting)), ==, 1);

  after = mq_rsvp_ledger_get (f->ledger, mq_rsvp_get_id (waiting), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_rsvp_get_status (after), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (mq_rsvp_get_party_size (after), ==, 2);
  g_assert_cmpstr (mq_rsvp_get_override_reason (after), ==, "on the crew list");
  g_assert_cmpint (mq_rsvp_ledger_seats_taken (f->ledger, f->event_id, NULL), ==, 12);
  history = mq_rsvp_ledger_history (f->ledger, mq_rsvp_get_id (waiting), &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpint (mq_rsvp_transition_get_from_status (last), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (mq_rsvp_transition_get_to_status (last), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpstr (mq_rsvp_transition_get_actor (last), ==, "Kim");
  g_assert_cmpstr (mq_rsvp_transition_get_reason (last), ==, "on the crew list");

  /* The other one comes later: a plain admit now that the RSVP is going. */
  g_assert_cmpint (admit (f, mq_rsvp_get_id (waiting), 0, "Door 2", &again), ==, MQ_ADMIT_ADMITTED);
  g_assert_cmpint (mq_check_in_get_people (again), ==, 1);
  g_assert_null (mq_check_in_get_reason (again));

  /* A cancelled guest, the whole party; a going one is just admitted. */
  g_clear_object (&record);
  g_assert_cmpint (mq_check_in_log_admit_override (f->log, cancelled, 0, "Door 1", NULL, "changed her mind",
                                                   &record, &error), ==, MQ_ADMIT_ADMITTED);
  g_assert_no_error (error);
  g_assert_cmpint (people_in (f, cancelled), ==, 1);
  g_clear_object (&record);
  g_assert_cmpint (mq_check_in_log_admit_override (f->log, full, 0, "Door 1", NULL, "VIP", &record, &error),
                   ==, MQ_ADMIT_ADMITTED);
  g_assert_cmpint (mq_check_in_get_people (record), ==, 10);

  g_assert_cmpint (mq_check_in_log_event_people_in (f->log, f->event_id, &error), ==, 13);
  g_assert_cmpuint (records (f), ==, 4);
  g_assert_cmpuint (f->changes, ==, 4);
}

static void
test_undo_needs_reason (Fixture       *f,
                        gconstpointer  data)
{
  gint64 rsvp_id = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 1);
  const char *reasons[] = { NULL, "", "  \t" };

  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 1", NULL), ==, MQ_ADMIT_ADMITTED);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MqCheckIn) undo = mq_check_in_log_undo (f->log, rsvp_id, reasons[i], "Kim", &error);

      g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
      g_assert_null (undo);
    }

  g_assert_cmpuint (records (f), ==, 1);
  g_assert_cmpint (people_in (f, rsvp_id), ==, 1);
}

static void
test_undo_latest_admit (Fixture       *f,
                        gconstpointer  data)
{
  gint64 rsvp_id = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 3);
  g_autoptr(MqCheckIn) one = NULL;
  g_autoptr(MqCheckIn) two = NULL;
  g_autoptr(MqCheckIn) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (admit (f, rsvp_id, 1, "Door 1", &one), ==, MQ_ADMIT_ADMITTED);
  g_assert_cmpint (admit (f, rsvp_id, 2, "Door 2", &two), ==, MQ_ADMIT_ADMITTED);

  set_now (f, "2026-12-01T18:55:00Z");
  undo = mq_check_in_log_undo (f->log, rsvp_id, " scanned the wrong ticket ", "Lou", &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (mq_check_in_get_action (undo), ==, MQ_CHECK_IN_UNDO);
  g_assert_cmpint (mq_check_in_get_undoes_id (undo), ==, mq_check_in_get_id (two));
  g_assert_cmpint (mq_check_in_get_people (undo), ==, 2);
  g_assert_cmpstr (mq_check_in_get_reason (undo), ==, "scanned the wrong ticket");
  g_assert_cmpstr (mq_check_in_get_volunteer (undo), ==, "Lou");
  assert_time (mq_check_in_get_at (undo), "2026-12-01T18:55:00Z");
  g_assert_cmpint (people_in (f, rsvp_id), ==, 1);
  g_clear_object (&undo);

  undo = mq_check_in_log_undo (f->log, rsvp_id, "left early", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_check_in_get_undoes_id (undo), ==, mq_check_in_get_id (one));
  g_assert_cmpint (people_in (f, rsvp_id), ==, 0);
  g_clear_object (&undo);

  undo = mq_check_in_log_undo (f->log, rsvp_id, "again", NULL, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_null (undo);
  g_clear_error (&error);

  undo = mq_check_in_log_undo (f->log, 999, "nobody", NULL, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_null (undo);

  g_assert_cmpuint (records (f), ==, 4);
  g_assert_cmpuint (f->changes, ==, 4);
}

static void
test_readmit_after_undo (Fixture       *f,
                         gconstpointer  data)
{
  gint64 rsvp_id = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 1);
  g_autoptr(MqCheckIn) first = NULL;
  g_autoptr(MqCheckIn) second = NULL;
  g_autoptr(MqCheckIn) already = NULL;
  g_autoptr(MqCheckIn) undo = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;

  set_now (f, "2026-12-01T18:40:00Z");
  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 1", &first), ==, MQ_ADMIT_ADMITTED);
  undo = mq_check_in_log_undo (f->log, rsvp_id, "wrong person", NULL, &error);
  g_assert_no_error (error);

  rsvp = mq_rsvp_ledger_get (f->ledger, rsvp_id, &error);
  g_assert_null (mq_rsvp_get_checked_in_at (rsvp));
  g_assert_cmpint (mq_rsvp_get_checked_in_people (rsvp), ==, 0);
  g_clear_object (&rsvp);

  set_now (f, "2026-12-01T19:10:00Z");
  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 2", &second), ==, MQ_ADMIT_ADMITTED);
  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 1", &already), ==, MQ_ADMIT_ALREADY_IN);
  g_assert_cmpint (mq_check_in_get_id (already), ==, mq_check_in_get_id (second));
  g_assert_cmpstr (mq_check_in_get_station (already), ==, "Door 2");

  rsvp = mq_rsvp_ledger_get (f->ledger, rsvp_id, &error);
  g_assert_no_error (error);
  assert_time (mq_rsvp_get_checked_in_at (rsvp), "2026-12-01T19:10:00Z");
  g_assert_cmpint (mq_rsvp_get_checked_in_people (rsvp), ==, 1);
}

static void
test_list_and_event_count (Fixture       *f,
                           gconstpointer  data)
{
  gint64 a = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 2);
  gint64 b = add_guest (f, "Bjørn Olsen", MQ_RSVP_STATUS_GOING, 1);
  g_autoptr(MqCheckIn) undo = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  admit (f, a, 0, "Door 1", NULL);
  admit (f, b, 0, "Door 1", NULL);
  undo = mq_check_in_log_undo (f->log, b, "duplicate scan", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (mq_check_in_log_event_people_in (f->log, f->event_id, &error), ==, 2);
  g_assert_no_error (error);

  list = mq_check_in_log_list (f->log, f->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (mq_check_in_get_rsvp_id (g_ptr_array_index (list, 0)), ==, a);
  g_assert_cmpint (mq_check_in_get_rsvp_id (g_ptr_array_index (list, 1)), ==, b);
  g_assert_cmpint (mq_check_in_get_action (g_ptr_array_index (list, 2)), ==, MQ_CHECK_IN_UNDO);
  g_assert_cmpint (mq_check_in_get_id (g_ptr_array_index (list, 2)), ==, mq_check_in_get_id (undo));
}

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  gint64 rsvp_id = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 2);
  const char *updates[] = {
    "UPDATE check_ins SET station = 'Back door'",
    "UPDATE check_ins SET people = 1",
    "UPDATE check_ins SET action = 'undo'",
    "UPDATE rsvp_history SET actor = 'someone else'",
    "UPDATE rsvp_history SET to_status = 'declined'",
  };
  g_autoptr(MqCheckIn) record = NULL;

  g_assert_cmpint (admit (f, rsvp_id, 0, "Door 1", &record), ==, MQ_ADMIT_ADMITTED);

  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      g_autoptr(GError) error = NULL;
      sqlite3_stmt *stmt = mq_store_prepare (f->store, updates[i], &error);

      g_assert_no_error (error);
      g_assert_false (mq_store_step_done (f->store, stmt, &error));
      g_assert_error (error, MQ_ERROR, MQ_ERROR_CONSTRAINT);
      g_assert_nonnull (strstr (error->message, "append-only"));
    }

  g_assert_cmpint (people_in (f, rsvp_id), ==, 2);
}

static void
test_record_properties (Fixture       *f,
                        gconstpointer  data)
{
  gint64 rsvp_id = add_guest (f, "Ana García", MQ_RSVP_STATUS_GOING, 2);
  g_autoptr(MqCheckIn) record = NULL;
  g_autofree char *station = NULL;
  MqCheckInAction action;
  int people;

  admit (f, rsvp_id, 0, "Door 3", &record);
  g_object_get (record, "station", &station, "action", &action, "people", &people, NULL);
  g_assert_cmpstr (station, ==, "Door 3");
  g_assert_cmpint (action, ==, MQ_CHECK_IN_ADMIT);
  g_assert_cmpint (people, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/check-in-log/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("admit/whole-party", test_admit_whole_party);
  ADD ("admit/twice-is-already-in", test_admit_twice);
  ADD ("admit/partial-party", test_admit_partial_party);
  ADD ("admit/not-admissible", test_admit_not_admissible);
  ADD ("admit/bad-input", test_admit_bad_input);
  ADD ("admit/override", test_admit_override);
  ADD ("undo/needs-reason", test_undo_needs_reason);
  ADD ("undo/latest-admit", test_undo_latest_admit);
  ADD ("undo/re-admit", test_readmit_after_undo);
  ADD ("list-and-event-count", test_list_and_event_count);
  ADD ("append-only", test_append_only);
  ADD ("record/properties", test_record_properties);

#undef ADD

  return g_test_run ();
}
