/* test-newcomer-rule.c: who counts as new at an event, and for how long
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "door-fixture.h"
#include "mq-newcomer-rule.h"
#include "mq-store-private.h"

/* The event everything is measured against, and one a year earlier. */
#define TONIGHT   "2026-03-10T19:00:00Z"
#define LAST_YEAR "2025-03-10T18:00:00Z"

static gboolean
is_newcomer (DoorFixture *f,
             gint64       event_id,
             gint64       person_id)
{
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (f->store);
  g_autoptr(GError) error = NULL;
  gboolean newcomer = -1;

  g_assert_true (mq_newcomer_rule_is_newcomer (rule, event_id, person_id, &newcomer, NULL, &error));
  g_assert_no_error (error);

  return newcomer;
}

static void
test_first_visit (DoorFixture   *f,
                  gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 ana = door_fixture_add_person (f, "Ana García");
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (f->store);
  g_autoptr(GDateTime) last_seen = NULL;
  g_autoptr(GError) error = NULL;
  gboolean newcomer = FALSE;

  g_assert_true (mq_newcomer_rule_is_newcomer (rule, tonight, ana, &newcomer, &last_seen, &error));
  g_assert_no_error (error);
  g_assert_true (newcomer);
  g_assert_null (last_seen);
}

static void
test_returning (DoorFixture   *f,
                gconstpointer  data)
{
  gint64 earlier = door_fixture_add_event (f, "Earlier", "2026-02-10T19:00:00Z", -1);
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 ana = door_fixture_add_person (f, "Ana García");
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (f->store);
  g_autoptr(GDateTime) last_seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL;
  gboolean newcomer = TRUE;

  door_fixture_attend (f, earlier, ana, "2026-02-10T18:45:00Z");

  g_assert_true (mq_newcomer_rule_is_newcomer (rule, tonight, ana, &newcomer, &last_seen, &error));
  g_assert_no_error (error);
  g_assert_false (newcomer);
  seen = g_date_time_format_iso8601 (last_seen);
  g_assert_cmpstr (seen, ==, "2026-02-10T18:45:00Z");
}

static void
test_rsvp_without_admit (DoorFixture   *f,
                         gconstpointer  data)
{
  gint64 earlier = door_fixture_add_event (f, "Earlier", "2026-02-10T19:00:00Z", -1);
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 ana = door_fixture_add_person (f, "Ana García");
  g_autoptr(MqRsvp) rsvp = door_fixture_going (f, earlier, ana, 1);

  /* Saying "going" is not coming. */
  g_assert_true (is_newcomer (f, tonight, ana));
}

static void
test_undone_admit (DoorFixture   *f,
                   gconstpointer  data)
{
  gint64 earlier = door_fixture_add_event (f, "Earlier", "2026-02-10T19:00:00Z", -1);
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 ana = door_fixture_add_person (f, "Ana García");
  gint64 rsvp_id = door_fixture_attend (f, earlier, ana, "2026-02-10T18:45:00Z");
  g_autoptr(MqCheckIn) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (is_newcomer (f, tonight, ana));

  undo = mq_check_in_log_undo (f->log, rsvp_id, "admitted the wrong Ana", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);

  g_assert_true (is_newcomer (f, tonight, ana));
}

static void
test_later_and_same_event (DoorFixture   *f,
                           gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 later = door_fixture_add_event (f, "Later", "2026-04-10T19:00:00Z", -1);
  gint64 ana = door_fixture_add_person (f, "Ana García");

  /* Tonight's own admit and next month's do not make tonight a return. */
  door_fixture_attend (f, tonight, ana, "2026-03-10T18:50:00Z");
  door_fixture_attend (f, later, ana, "2026-04-10T18:50:00Z");

  g_assert_true (is_newcomer (f, tonight, ana));
  g_assert_false (is_newcomer (f, later, ana));
}

/* Ana was admitted once, at an event a year before tonight, at @at. */
static gboolean
newcomer_after_admit_at (DoorFixture *f,
                         const char  *at)
{
  gint64 last_year = door_fixture_add_event (f, "Last year", LAST_YEAR, -1);
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 ana = door_fixture_add_person (f, "Ana García");

  door_fixture_attend (f, last_year, ana, at);
  return is_newcomer (f, tonight, ana);
}

static void
test_lapse_exactly (DoorFixture   *f,
                    gconstpointer  data)
{
  /* 365 days to the second is not yet older than the lapse. */
  g_assert_false (newcomer_after_admit_at (f, "2025-03-10T19:00:00Z"));
}

static void
test_lapse_second_outside (DoorFixture   *f,
                           gconstpointer  data)
{
  g_assert_true (newcomer_after_admit_at (f, "2025-03-10T18:59:59Z"));
}

static void
test_lapse_day_inside (DoorFixture   *f,
                       gconstpointer  data)
{
  g_assert_false (newcomer_after_admit_at (f, "2025-03-11T19:00:00Z"));
}

static void
test_lapse_day_outside (DoorFixture   *f,
                        gconstpointer  data)
{
  gint64 older = door_fixture_add_event (f, "Older", "2025-03-09T18:00:00Z", -1);
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 ana = door_fixture_add_person (f, "Ana García");
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (f->store);
  g_autoptr(GError) error = NULL;

  door_fixture_attend (f, older, ana, "2025-03-09T19:00:00Z");
  g_assert_true (is_newcomer (f, tonight, ana));

  /* No lapse: once seen, never new again. */
  g_assert_true (mq_newcomer_rule_set_lapse_days (rule, 0, &error));
  g_assert_no_error (error);
  g_assert_false (is_newcomer (f, tonight, ana));
}

static void
test_lapse_custom (DoorFixture   *f,
                   gconstpointer  data)
{
  gint64 earlier = door_fixture_add_event (f, "Earlier", "2026-02-07T19:00:00Z", -1);
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 ana = door_fixture_add_person (f, "Ana García");
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (f->store);
  g_autoptr(GError) error = NULL;

  /* 31 days before tonight. */
  door_fixture_attend (f, earlier, ana, "2026-02-07T19:00:00Z");
  g_assert_false (is_newcomer (f, tonight, ana));

  g_assert_true (mq_newcomer_rule_set_lapse_days (rule, 30, &error));
  g_assert_no_error (error);
  g_assert_true (is_newcomer (f, tonight, ana));

  g_assert_true (mq_newcomer_rule_set_lapse_days (rule, 31, &error));
  g_assert_no_error (error);
  g_assert_false (is_newcomer (f, tonight, ana));
}

static void
test_lapse_setting (DoorFixture   *f,
                    gconstpointer  data)
{
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (f->store);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (mq_newcomer_rule_get_lapse_days (rule, &error), ==, 365);
  g_assert_no_error (error);

  g_assert_true (mq_newcomer_rule_set_lapse_days (rule, 90, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mq_newcomer_rule_get_lapse_days (rule, &error), ==, 90);

  stmt = mq_store_prepare (f->store, "SELECT value FROM settings WHERE key = 'newcomer-lapse-days'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (mq_column_text (stmt, 0), ==, "90");
  sqlite3_reset (stmt);

  g_assert_false (mq_newcomer_rule_set_lapse_days (rule, -1, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (mq_newcomer_rule_get_lapse_days (rule, &error), ==, 90);
}

static void
test_list_newcomers (DoorFixture   *f,
                     gconstpointer  data)
{
  gint64 earlier = door_fixture_add_event (f, "Earlier", "2026-02-10T19:00:00Z", -1);
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 zoe = door_fixture_add_person (f, "Zoë Martin");
  gint64 bjorn = door_fixture_add_person (f, "Björn Ødegård");
  gint64 chen = door_fixture_add_person (f, "Chen Wei");
  gint64 dara = door_fixture_add_person (f, "Dara Okafor");
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (f->store);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvp) r1 = NULL;
  g_autoptr(MqRsvp) r2 = NULL;
  g_autoptr(MqRsvp) r3 = NULL;
  g_autoptr(MqRsvp) r4 = NULL;

  door_fixture_attend (f, earlier, chen, "2026-02-10T18:40:00Z");
  r1 = door_fixture_going (f, tonight, zoe, 1);
  r2 = door_fixture_going (f, tonight, bjorn, 2);
  r3 = door_fixture_going (f, tonight, chen, 1);
  /* Only "going" RSVPs are expected at the door. */
  r4 = mq_rsvp_ledger_set (f->ledger, tonight, dara, MQ_RSVP_STATUS_MAYBE, 1, "manual",
                           "test", NULL, MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);

  ids = mq_newcomer_rule_list_newcomers (rule, tonight, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, bjorn);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, zoe);
}

static void
test_unknown_ids (DoorFixture   *f,
                  gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 ana = door_fixture_add_person (f, "Ana García");
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (f->store);
  g_autoptr(GError) error = NULL;
  GArray *ids;
  gboolean newcomer;

  g_assert_false (mq_newcomer_rule_is_newcomer (rule, tonight + 100, ana, &newcomer, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (mq_newcomer_rule_is_newcomer (rule, tonight, ana + 100, &newcomer, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ids = mq_newcomer_rule_list_newcomers (rule, tonight + 100, &error);
  g_assert_null (ids);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/newcomer-rule/" path, DoorFixture, NULL, door_fixture_setup, func, door_fixture_teardown)

  ADD ("first-visit", test_first_visit);
  ADD ("returning", test_returning);
  ADD ("rsvp-without-admit", test_rsvp_without_admit);
  ADD ("undone-admit-does-not-count", test_undone_admit);
  ADD ("later-and-same-event-do-not-count", test_later_and_same_event);
  ADD ("lapse/exactly-at-lapse", test_lapse_exactly);
  ADD ("lapse/a-second-outside", test_lapse_second_outside);
  ADD ("lapse/a-day-inside", test_lapse_day_inside);
  ADD ("lapse/a-day-outside-and-no-lapse", test_lapse_day_outside);
  ADD ("lapse/custom-days", test_lapse_custom);
  ADD ("lapse/stored-in-settings", test_lapse_setting);
  ADD ("list/going-newcomers-by-name", test_list_newcomers);
  ADD ("unknown-ids", test_unknown_ids);

#undef ADD

  return g_test_run ();
}
