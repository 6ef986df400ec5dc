/* test-walk-in.c: not on the list, in within seconds, without duplicates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "door-fixture.h"
#include "mq-walk-in.h"

#define TONIGHT "2026-03-10T19:00:00Z"

static void
test_candidates (DoorFixture   *f,
                 gconstpointer  data)
{
  gint64 bjorn = door_fixture_add_person_full (f, "Björn Ødegård", "bjorn@example.org", NULL, NULL);
  gint64 bjorn_h = door_fixture_add_person (f, "Björn Ødegård-Hansen");
  gint64 other = door_fixture_add_person_full (f, "Sam Lee", "sam@example.org", NULL, NULL);
  g_autoptr(MqWalkIn) walk_in = mq_walk_in_new (f->store);
  g_autoptr(GPtrArray) by_name = NULL;
  g_autoptr(GPtrArray) by_email = NULL;
  g_autoptr(GPtrArray) nobody = NULL;
  g_autoptr(GError) error = NULL;
  MqWalkInCandidate *c;

  door_fixture_add_person (f, "Bjarne Olsen");

  /* Typed without accents and in lower case. */
  by_name = mq_walk_in_find_candidates (walk_in, "bjorn odegard", NULL, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_name->len, ==, 2);
  c = g_ptr_array_index (by_name, 0);
  g_assert_cmpint (mq_person_get_id (c->person), ==, bjorn);
  g_assert_cmpint (c->match, ==, MQ_WALK_IN_SAME_NAME);
  c = g_ptr_array_index (by_name, 1);
  g_assert_cmpint (mq_person_get_id (c->person), ==, bjorn_h);
  g_assert_cmpint (c->match, ==, MQ_WALK_IN_NAME_PREFIX);

  /* A different name with a known email: the email wins, first. */
  by_email = mq_walk_in_find_candidates (walk_in, "Sammy Lee", "SAM@example.org ", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_email->len, ==, 1);
  c = g_ptr_array_index (by_email, 0);
  g_assert_cmpint (mq_person_get_id (c->person), ==, other);
  g_assert_cmpint (c->match, ==, MQ_WALK_IN_SAME_EMAIL);

  nobody = mq_walk_in_find_candidates (walk_in, "Zoë Martin", NULL, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nobody->len, ==, 0);
}

static void
test_new_person (DoorFixture   *f,
                 gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, 10);
  g_autoptr(MqWalkIn) walk_in = mq_walk_in_new (f->store);
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(MqCheckIn) record = NULL;
  g_autoptr(MqPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  MqWalkInRequest request = {
    .name = "Zoë Martin",
    .email = "zoe@example.org",
    .handle = "@zoe@films.social",
    .station = "Door 2",
    .volunteer = "Kai",
  };
  MqAdmitOutcome outcome = -1;

  door_fixture_set_now (f, "2026-03-10T18:55:00Z");
  rsvp = mq_walk_in_admit (walk_in, tonight, &request, &outcome, &record, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rsvp);
  g_assert_cmpint (outcome, ==, MQ_ADMIT_ADMITTED);
  g_assert_cmpint (mq_rsvp_get_status (rsvp), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpstr (mq_rsvp_get_source (rsvp), ==, "walk-in");
  g_assert_cmpint (mq_rsvp_get_party_size (rsvp), ==, 1);
  g_assert_cmpint (mq_rsvp_get_checked_in_people (rsvp), ==, 1);
  g_assert_cmpstr (mq_check_in_get_station (record), ==, "Door 2");

  person = mq_person_directory_get (f->directory, mq_rsvp_get_person_id (rsvp), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mq_person_get_name (person), ==, "Zoë Martin");
  g_assert_cmpstr (mq_person_get_email (person), ==, "zoe@example.org");
  g_assert_cmpstr (mq_person_get_mastodon (person), ==, "@zoe@films.social");
}

static void
test_thats_them (DoorFixture   *f,
                 gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  gint64 ana = door_fixture_add_person_full (f, "Ana García", "ana@example.org", NULL, NULL);
  g_autoptr(MqWalkIn) walk_in = mq_walk_in_new (f->store);
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(MqRsvp) again = NULL;
  g_autoptr(MqCheckIn) record = NULL;
  g_autoptr(GError) error = NULL;
  MqWalkInRequest request = { .person_id = ana, .party_size = 2 };
  MqAdmitOutcome outcome;
  guint count_before = mq_person_directory_count (f->directory);

  rsvp = mq_walk_in_admit (walk_in, tonight, &request, &outcome, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, MQ_ADMIT_ADMITTED);
  g_assert_cmpint (mq_rsvp_get_person_id (rsvp), ==, ana);
  g_assert_cmpint (mq_rsvp_get_party_size (rsvp), ==, 2);
  g_assert_cmpint (mq_rsvp_get_checked_in_people (rsvp), ==, 2);
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, count_before);

  /* The second time, the door says when they came in. */
  again = mq_walk_in_admit (walk_in, tonight, &request, &outcome, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, MQ_ADMIT_ALREADY_IN);
  g_assert_nonnull (record);
  g_assert_cmpint (mq_rsvp_get_id (again), ==, mq_rsvp_get_id (rsvp));
}

static void
test_known_email_refused (DoorFixture   *f,
                          gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  g_autoptr(MqWalkIn) walk_in = mq_walk_in_new (f->store);
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  MqWalkInRequest request = { .name = "A. García", .email = "Ana@Example.org" };
  MqAdmitOutcome outcome;
  guint count_before;

  door_fixture_add_person_full (f, "Ana García", "ana@example.org", NULL, NULL);
  count_before = mq_person_directory_count (f->directory);

  rsvp = mq_walk_in_admit (walk_in, tonight, &request, &outcome, NULL, &error);
  g_assert_null (rsvp);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_CONSTRAINT);
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, count_before);
}

static void
test_capacity (DoorFixture   *f,
               gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, 2);
  gint64 ana = door_fixture_add_person (f, "Ana García");
  g_autoptr(MqRsvp) going = door_fixture_going (f, tonight, ana, 2);
  g_autoptr(MqWalkIn) walk_in = mq_walk_in_new (f->store);
  g_autoptr(MqRsvp) refused = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(MqRsvp) empty_reason = NULL;
  g_autoptr(GError) error = NULL;
  MqWalkInRequest request = { .name = "Zoë Martin" };
  MqAdmitOutcome outcome;
  guint count_before = mq_person_directory_count (f->directory);

  /* Full: nothing is written, not even the new person. */
  refused = mq_walk_in_admit (walk_in, tonight, &request, &outcome, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_CAPACITY);
  g_clear_error (&error);
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, count_before);
  g_assert_cmpint (mq_rsvp_ledger_seats_taken (f->ledger, tonight, NULL), ==, 2);

  request.override_reason = "  ";
  empty_reason = mq_walk_in_admit (walk_in, tonight, &request, &outcome, NULL, &error);
  g_assert_null (empty_reason);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  /* An organizer's override, with its reason kept. */
  request.override_reason = "director's guest";
  rsvp = mq_walk_in_admit (walk_in, tonight, &request, &outcome, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, MQ_ADMIT_ADMITTED);
  g_assert_cmpint (mq_rsvp_get_status (rsvp), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpstr (mq_rsvp_get_override_reason (rsvp), ==, "director's guest");
  g_assert_cmpint (mq_rsvp_ledger_seats_taken (f->ledger, tonight, NULL), ==, 3);
}

static void
test_invalid (DoorFixture   *f,
              gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Tonight", TONIGHT, -1);
  g_autoptr(MqWalkIn) walk_in = mq_walk_in_new (f->store);
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  MqWalkInRequest nameless = { .email = "x@example.org" };
  MqWalkInRequest unknown = { .person_id = 999 };
  MqWalkInRequest fine = { .name = "Zoë" };
  MqAdmitOutcome outcome;

  rsvp = mq_walk_in_admit (walk_in, tonight, &nameless, &outcome, NULL, &error);
  g_assert_null (rsvp);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  rsvp = mq_walk_in_admit (walk_in, tonight, &unknown, &outcome, NULL, &error);
  g_assert_null (rsvp);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rsvp = mq_walk_in_admit (walk_in, tonight + 100, &fine, &outcome, NULL, &error);
  g_assert_null (rsvp);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/walk-in/" path, DoorFixture, NULL, door_fixture_setup, func, door_fixture_teardown)

  ADD ("candidates/name-email-prefix", test_candidates);
  ADD ("new-person-admitted", test_new_person);
  ADD ("thats-them", test_thats_them);
  ADD ("known-email-refused", test_known_email_refused);
  ADD ("capacity/refused-then-override", test_capacity);
  ADD ("invalid", test_invalid);

#undef ADD

  return g_test_run ();
}
