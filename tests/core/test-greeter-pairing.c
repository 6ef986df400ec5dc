/* test-greeter-pairing.c: newcomers paired with greeters, fairly and stably
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "door-fixture.h"
#include "mq-greeter-pairing.h"
#include "mq-volunteer-roster.h"

#define TONIGHT "2026-03-10T19:00:00Z"

typedef struct
{
  DoorFixture        door;
  MqVolunteerRoster *roster;
  MqGreeterPairing  *pairing;
  gint64             event_id;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  door_fixture_setup (&f->door, data);
  f->roster = mq_volunteer_roster_new (f->door.store);
  f->pairing = mq_greeter_pairing_new (f->door.store);
  f->event_id = door_fixture_add_event (&f->door, "Tonight", TONIGHT, -1);
  door_fixture_set_now (&f->door, "2026-03-10T12:00:00Z");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->pairing);
  g_clear_object (&f->roster);
  door_fixture_teardown (&f->door, data);
}

static gint64
add_greeter (Fixture    *f,
             const char *name,
             const char *languages,
             const char *tag)
{
  gint64 id = door_fixture_add_person_full (&f->door, name, NULL, languages, tag);
  g_autoptr(GError) error = NULL;

  g_assert_true (mq_volunteer_roster_add (f->roster, f->event_id, id, MQ_VOLUNTEER_ROLE_GREETER, &error));
  g_assert_no_error (error);

  return id;
}

static gint64
add_newcomer (Fixture    *f,
              const char *name,
              const char *languages,
              const char *tag)
{
  gint64 id = door_fixture_add_person_full (&f->door, name, NULL, languages, tag);
  g_autoptr(MqRsvp) rsvp = door_fixture_going (&f->door, f->event_id, id, 1);

  return id;
}

static GPtrArray *
assign (Fixture *f,
        guint    expected_new)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *pairs;
  guint n_new = G_MAXUINT;

  pairs = mq_greeter_pairing_assign (f->pairing, f->event_id, &n_new, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pairs);
  g_assert_cmpuint (n_new, ==, expected_new);

  return pairs;
}

/* The greeter of @newcomer_id in @pairs, 0 when unpaired. */
static gint64
greeter_of (GPtrArray *pairs,
            gint64     newcomer_id)
{
  for (guint i = 0; i < pairs->len; i++)
    {
      MqGreeterAssignment *pair = g_ptr_array_index (pairs, i);

      if (mq_greeter_assignment_get_newcomer_id (pair) == newcomer_id)
        return mq_greeter_assignment_get_greeter_id (pair);
    }

  return 0;
}

static guint
load_of (GPtrArray *pairs,
         gint64     greeter_id)
{
  guint n = 0;

  for (guint i = 0; i < pairs->len; i++)
    n += mq_greeter_assignment_get_greeter_id (g_ptr_array_index (pairs, i)) == greeter_id;

  return n;
}

static void
test_balance (Fixture       *f,
              gconstpointer  data)
{
  gint64 kai = add_greeter (f, "Kai", NULL, NULL);
  gint64 sam = add_greeter (f, "Sam", NULL, NULL);
  gint64 a = add_newcomer (f, "Amaru Quispe", NULL, NULL);
  gint64 b = add_newcomer (f, "Bea Santos", NULL, NULL);
  gint64 c = add_newcomer (f, "Chidi Obi", NULL, NULL);
  gint64 d = add_newcomer (f, "Dana Levi", NULL, NULL);
  gint64 e = add_newcomer (f, "Émile Roy", NULL, NULL);
  g_autoptr(GPtrArray) pairs = assign (f, 5);
  MqGreeterAssignment *first;

  g_assert_cmpuint (pairs->len, ==, 5);
  /* Alphabetical newcomers dealt in turn to the least loaded greeter. */
  g_assert_cmpint (greeter_of (pairs, a), ==, kai);
  g_assert_cmpint (greeter_of (pairs, b), ==, sam);
  g_assert_cmpint (greeter_of (pairs, c), ==, kai);
  g_assert_cmpint (greeter_of (pairs, d), ==, sam);
  g_assert_cmpint (greeter_of (pairs, e), ==, kai);
  g_assert_cmpuint (load_of (pairs, kai), ==, 3);
  g_assert_cmpuint (load_of (pairs, sam), ==, 2);

  first = g_ptr_array_index (pairs, 0);
  g_assert_cmpstr (mq_greeter_assignment_get_newcomer_name (first), ==, "Amaru Quispe");
  g_assert_cmpstr (mq_greeter_assignment_get_greeter_name (first), ==, "Kai");
  g_assert_cmpint (mq_greeter_assignment_get_status (first), ==, MQ_GREETER_ASSIGNMENT_ASSIGNED);
  g_assert_cmpint (mq_greeter_assignment_get_event_id (first), ==, f->event_id);
  g_assert_null (mq_greeter_assignment_get_met_at (first));
}

static void
test_language_and_tag (Fixture       *f,
                       gconstpointer  data)
{
  gint64 kai = add_greeter (f, "Kai", "Deutsch, Español", NULL);
  gint64 sam = add_greeter (f, "Sam", "English", "students");
  gint64 ren = add_greeter (f, "Ren", "日本語", "students");
  gint64 lucia = add_newcomer (f, "Lucía Pérez", "español ", NULL);
  gint64 john = add_newcomer (f, "John Smith", "ENGLISH", NULL);
  gint64 mia = add_newcomer (f, "Mia Rossi", "Italiano", "Students");
  gint64 yuki = add_newcomer (f, "Yuki Sato", "日本語, English", "students");
  g_autoptr(GPtrArray) pairs = assign (f, 4);

  g_assert_cmpint (greeter_of (pairs, lucia), ==, kai);
  g_assert_cmpint (greeter_of (pairs, john), ==, sam);
  /* Mia shares only a tag: with Sam and Ren; Ren is free. */
  g_assert_cmpint (greeter_of (pairs, mia), ==, ren);
  /* Yuki shares language and tag with Ren, but a language with Sam too:
   * fewest choices first, and then the language. */
  g_assert_true (greeter_of (pairs, yuki) == ren || greeter_of (pairs, yuki) == sam);
  g_assert_cmpuint (load_of (pairs, kai) + load_of (pairs, sam) + load_of (pairs, ren), ==, 4);
  g_assert_cmpuint (load_of (pairs, sam), <=, 2);
  g_assert_cmpuint (load_of (pairs, ren), <=, 2);
}

static void
test_balance_beats_language (Fixture       *f,
                             gconstpointer  data)
{
  gint64 kai = add_greeter (f, "Kai", "Español", NULL);
  gint64 sam = add_greeter (f, "Sam", NULL, NULL);
  gint64 a = add_newcomer (f, "Ana", "Español", NULL);
  gint64 b = add_newcomer (f, "Beto", "Español", NULL);
  gint64 c = add_newcomer (f, "Carla", "Español", NULL);
  g_autoptr(GPtrArray) pairs = assign (f, 3);

  /* Kai takes an even share (two of three, rounded up), not everyone. */
  g_assert_cmpint (greeter_of (pairs, a), ==, kai);
  g_assert_cmpint (greeter_of (pairs, b), ==, kai);
  g_assert_cmpint (greeter_of (pairs, c), ==, sam);
}

static void
test_stable_rerun (Fixture       *f,
                   gconstpointer  data)
{
  gint64 kai = add_greeter (f, "Kai", NULL, NULL);
  gint64 sam = add_greeter (f, "Sam", NULL, NULL);
  gint64 a = add_newcomer (f, "Amaru", NULL, NULL);
  gint64 b = add_newcomer (f, "Bea", NULL, NULL);
  gint64 c = add_newcomer (f, "Chidi", NULL, NULL);
  g_autoptr(GPtrArray) first = assign (f, 3);
  g_autoptr(GPtrArray) again = assign (f, 0);
  g_autoptr(GPtrArray) third = NULL;
  gint64 aaron;

  g_assert_cmpuint (again->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      MqGreeterAssignment *x = g_ptr_array_index (first, i);
      MqGreeterAssignment *y = g_ptr_array_index (again, i);

      g_assert_cmpint (mq_greeter_assignment_get_id (x), ==, mq_greeter_assignment_get_id (y));
      g_assert_cmpint (mq_greeter_assignment_get_greeter_id (x), ==, mq_greeter_assignment_get_greeter_id (y));
    }

  /* A newcomer RSVPing later ("Aaron" sorts first) leaves the others alone. */
  aaron = add_newcomer (f, "Aaron", NULL, NULL);
  third = assign (f, 1);
  g_assert_cmpuint (third->len, ==, 4);
  g_assert_cmpint (greeter_of (third, a), ==, kai);
  g_assert_cmpint (greeter_of (third, b), ==, sam);
  g_assert_cmpint (greeter_of (third, c), ==, kai);
  g_assert_cmpint (greeter_of (third, aaron), ==, sam);
}

static void
test_released_greeter (Fixture       *f,
                       gconstpointer  data)
{
  gint64 kai = add_greeter (f, "Kai", NULL, NULL);
  gint64 sam = add_greeter (f, "Sam", NULL, NULL);
  gint64 a = add_newcomer (f, "Amaru", NULL, NULL);
  gint64 b = add_newcomer (f, "Bea", NULL, NULL);
  gint64 c = add_newcomer (f, "Chidi", NULL, NULL);
  g_autoptr(GPtrArray) first = assign (f, 3);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (greeter_of (first, a), ==, kai);
  g_assert_cmpint (greeter_of (first, c), ==, kai);

  /* Kai met Amaru before leaving: that pair is history and stays. */
  g_assert_true (mq_greeter_pairing_set_met (f->pairing, f->event_id, a, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (mq_volunteer_roster_remove (f->roster, f->event_id, kai, MQ_VOLUNTEER_ROLE_GREETER, &error));
  g_assert_no_error (error);

  pairs = mq_greeter_pairing_list (f->pairing, f->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 2);
  g_assert_cmpint (greeter_of (pairs, a), ==, kai);
  g_assert_cmpint (greeter_of (pairs, c), ==, 0);

  after = assign (f, 1);
  g_assert_cmpint (greeter_of (after, a), ==, kai);
  g_assert_cmpint (greeter_of (after, b), ==, sam);
  g_assert_cmpint (greeter_of (after, c), ==, sam);
}

static void
test_cancelled_newcomer_released (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 kai = add_greeter (f, "Kai", NULL, NULL);
  gint64 a = add_newcomer (f, "Amaru", NULL, NULL);
  gint64 b = add_newcomer (f, "Bea", NULL, NULL);
  g_autoptr(GPtrArray) first = assign (f, 2);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(MqRsvp) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  cancelled = mq_rsvp_ledger_set (f->door.ledger, f->event_id, b, MQ_RSVP_STATUS_CANCELLED, 1,
                                  "manual", "test", NULL, MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);

  after = assign (f, 0);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (greeter_of (after, a), ==, kai);
}

static void
test_volunteers_are_not_newcomers (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 kai = add_greeter (f, "Kai", NULL, NULL);
  gint64 dora = add_newcomer (f, "Dora", NULL, NULL);
  gint64 a = add_newcomer (f, "Amaru", NULL, NULL);
  g_autoptr(MqRsvp) kai_going = door_fixture_going (&f->door, f->event_id, kai, 1);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mq_volunteer_roster_add (f->roster, f->event_id, dora, MQ_VOLUNTEER_ROLE_DOOR, &error));
  g_assert_no_error (error);

  pairs = assign (f, 1);
  g_assert_cmpuint (pairs->len, ==, 1);
  g_assert_cmpint (greeter_of (pairs, a), ==, kai);
}

static void
test_no_greeters (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing to do is not an error. */
  none = assign (f, 0);
  g_assert_cmpuint (none->len, ==, 0);

  add_newcomer (f, "Amaru", NULL, NULL);
  pairs = mq_greeter_pairing_assign (f->pairing, f->event_id, NULL, &error);
  g_assert_null (pairs);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  pairs = mq_greeter_pairing_assign (f->pairing, f->event_id + 100, NULL, &error);
  g_assert_null (pairs);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

static void
count_change (MqStore    *store,
              const char *what,
              guint      *count)
{
  (*count)++;
}

static void
test_one_notification (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  guint count = 0;
  gulong handler;

  add_greeter (f, "Kai", NULL, NULL);
  add_newcomer (f, "Amaru", NULL, NULL);
  add_newcomer (f, "Bea", NULL, NULL);

  handler = g_signal_connect (f->door.store, "changed::greeters", G_CALLBACK (count_change), &count);
  first = assign (f, 2);
  g_assert_cmpuint (count, ==, 1);
  again = assign (f, 0);
  g_assert_cmpuint (count, ==, 1);
  g_signal_handler_disconnect (f->door.store, handler);
}

static void
test_my_newcomers (Fixture       *f,
                   gconstpointer  data)
{
  gint64 kai = add_greeter (f, "Kai", NULL, NULL);
  gint64 sam = add_greeter (f, "Sam", NULL, NULL);
  gint64 a = add_newcomer (f, "Amaru", NULL, NULL);
  gint64 b = add_newcomer (f, "Bea", NULL, NULL);
  gint64 c = add_newcomer (f, "Chidi", NULL, NULL);
  g_autoptr(GPtrArray) pairs = assign (f, 3);
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) sams = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(MqCheckIn) record = NULL;
  g_autoptr(MqGreeterAssignment) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *arrived = NULL;
  MqGreeterNewcomer *first, *second;

  rsvp = mq_rsvp_ledger_find (f->door.ledger, f->event_id, c, &error);
  g_assert_no_error (error);
  door_fixture_set_now (&f->door, "2026-03-10T18:42:00Z");
  g_assert_cmpint (mq_check_in_log_admit (f->door.log, mq_rsvp_get_id (rsvp), 0, "Door 1", NULL, &record, &error),
                   ==, MQ_ADMIT_ADMITTED);
  g_assert_no_error (error);

  mine = mq_greeter_pairing_list_for_greeter (f->pairing, f->event_id, kai, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  first = g_ptr_array_index (mine, 0);
  second = g_ptr_array_index (mine, 1);
  g_assert_cmpint (mq_greeter_assignment_get_newcomer_id (first->assignment), ==, a);
  g_assert_null (first->arrived_at);
  g_assert_cmpint (mq_greeter_assignment_get_newcomer_id (second->assignment), ==, c);
  g_assert_nonnull (second->arrived_at);
  arrived = g_date_time_format_iso8601 (second->arrived_at);
  g_assert_cmpstr (arrived, ==, "2026-03-10T18:42:00Z");

  sams = mq_greeter_pairing_list_for_greeter (f->pairing, f->event_id, sam, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sams->len, ==, 1);
  g_assert_cmpint (mq_greeter_assignment_get_newcomer_id (((MqGreeterNewcomer *) g_ptr_array_index (sams, 0))->assignment), ==, b);

  /* What the door shows on admit: the newcomer's greeter. */
  found = mq_greeter_pairing_find (f->pairing, f->event_id, c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mq_greeter_assignment_get_greeter_name (found), ==, "Kai");
  g_assert_null (mq_greeter_pairing_find (f->pairing, f->event_id, kai, &error));
  g_assert_no_error (error);
}

static void
test_met (Fixture       *f,
          gconstpointer  data)
{
  gint64 a;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(MqGreeterAssignment) met = NULL;
  g_autoptr(MqGreeterAssignment) unmet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *met_at = NULL;

  add_greeter (f, "Kai", NULL, NULL);
  a = add_newcomer (f, "Amaru", NULL, NULL);
  pairs = assign (f, 1);

  door_fixture_set_now (&f->door, "2026-03-10T19:05:00Z");
  g_assert_true (mq_greeter_pairing_set_met (f->pairing, f->event_id, a, TRUE, &error));
  g_assert_no_error (error);
  met = mq_greeter_pairing_find (f->pairing, f->event_id, a, &error);
  g_assert_cmpint (mq_greeter_assignment_get_status (met), ==, MQ_GREETER_ASSIGNMENT_MET);
  met_at = g_date_time_format_iso8601 (mq_greeter_assignment_get_met_at (met));
  g_assert_cmpstr (met_at, ==, "2026-03-10T19:05:00Z");

  g_assert_true (mq_greeter_pairing_set_met (f->pairing, f->event_id, a, FALSE, &error));
  unmet = mq_greeter_pairing_find (f->pairing, f->event_id, a, &error);
  g_assert_cmpint (mq_greeter_assignment_get_status (unmet), ==, MQ_GREETER_ASSIGNMENT_ASSIGNED);
  g_assert_null (mq_greeter_assignment_get_met_at (unmet));

  g_assert_false (mq_greeter_pairing_set_met (f->pairing, f->event_id, a + 100, TRUE, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

static void
test_introductions (Fixture       *f,
                    gconstpointer  data)
{
  gint64 kai = add_greeter (f, "Kai", NULL, NULL);
  gint64 a = add_newcomer (f, "Amaru", NULL, NULL);
  gint64 b = add_newcomer (f, "Bea", NULL, NULL);
  g_autoptr(MqIntroduction) intro = NULL;
  g_autoptr(MqIntroduction) refused = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *at = NULL;

  door_fixture_set_now (&f->door, "2026-03-10T19:30:00Z");
  intro = mq_greeter_pairing_introduce (f->pairing, f->event_id, a, b, kai, "both into Ozu", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_introduction_get_person_a (intro), ==, a);
  g_assert_cmpint (mq_introduction_get_person_b (intro), ==, b);
  g_assert_cmpint (mq_introduction_get_by_person (intro), ==, kai);
  g_assert_cmpstr (mq_introduction_get_note (intro), ==, "both into Ozu");
  at = g_date_time_format_iso8601 (mq_introduction_get_at (intro));
  g_assert_cmpstr (at, ==, "2026-03-10T19:30:00Z");

  refused = mq_greeter_pairing_introduce (f->pairing, f->event_id, a, a, kai, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);
  refused = mq_greeter_pairing_introduce (f->pairing, f->event_id, a, b + 100, kai, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  all = mq_greeter_pairing_list_introductions (f->pairing, f->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpint (mq_introduction_get_id (g_ptr_array_index (all, 0)), ==, mq_introduction_get_id (intro));
}

static void
test_roster (Fixture       *f,
             gconstpointer  data)
{
  gint64 kai = door_fixture_add_person (&f->door, "Kai");
  gint64 ana = door_fixture_add_person (&f->door, "Ana");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) greeters = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  MqVolunteer *v;
  MqVolunteerRole role;

  g_assert_true (mq_volunteer_roster_add (f->roster, f->event_id, kai, MQ_VOLUNTEER_ROLE_GREETER, &error));
  g_assert_true (mq_volunteer_roster_add (f->roster, f->event_id, kai, MQ_VOLUNTEER_ROLE_GREETER, &error));
  g_assert_true (mq_volunteer_roster_add (f->roster, f->event_id, kai, MQ_VOLUNTEER_ROLE_DOOR, &error));
  g_assert_true (mq_volunteer_roster_add (f->roster, f->event_id, ana, MQ_VOLUNTEER_ROLE_ORGANIZER, &error));
  g_assert_no_error (error);

  all = mq_volunteer_roster_list (f->roster, f->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  v = g_ptr_array_index (all, 0);
  g_assert_cmpint (v->person_id, ==, ana);
  g_assert_cmpint (v->role, ==, MQ_VOLUNTEER_ROLE_ORGANIZER);
  v = g_ptr_array_index (all, 1);
  g_assert_cmpstr (v->name, ==, "Kai");
  g_assert_cmpint (v->role, ==, MQ_VOLUNTEER_ROLE_DOOR);
  v = g_ptr_array_index (all, 2);
  g_assert_cmpint (v->role, ==, MQ_VOLUNTEER_ROLE_GREETER);

  greeters = mq_volunteer_roster_list_role (f->roster, f->event_id, MQ_VOLUNTEER_ROLE_GREETER, &error);
  g_assert_cmpuint (greeters->len, ==, 1);

  g_assert_false (mq_volunteer_roster_add (f->roster, f->event_id + 100, kai, MQ_VOLUNTEER_ROLE_DOOR, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mq_volunteer_roster_add (f->roster, f->event_id, kai + 100, MQ_VOLUNTEER_ROLE_DOOR, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mq_volunteer_roster_remove (f->roster, f->event_id, ana, MQ_VOLUNTEER_ROLE_DOOR, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = mq_volunteer_roster_list (f->roster, f->event_id + 100, &error);
  g_assert_null (none);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);

  g_assert_true (mq_volunteer_role_from_string ("greeter", &role));
  g_assert_cmpint (role, ==, MQ_VOLUNTEER_ROLE_GREETER);
  g_assert_false (mq_volunteer_role_from_string ("bouncer", &role));
  g_assert_cmpstr (mq_volunteer_role_to_string (MQ_VOLUNTEER_ROLE_ORGANIZER), ==, "organizer");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/greeter-pairing/" path, Fixture, NULL, setup, func, teardown)

  ADD ("balance", test_balance);
  ADD ("prefer/language-then-tag", test_language_and_tag);
  ADD ("prefer/balance-beats-language", test_balance_beats_language);
  ADD ("rerun/keeps-pairs", test_stable_rerun);
  ADD ("rerun/released-greeter", test_released_greeter);
  ADD ("rerun/cancelled-newcomer", test_cancelled_newcomer_released);
  ADD ("volunteers-are-not-newcomers", test_volunteers_are_not_newcomers);
  ADD ("no-greeters", test_no_greeters);
  ADD ("one-notification-per-run", test_one_notification);
  ADD ("my-newcomers/arrived", test_my_newcomers);
  ADD ("met", test_met);
  ADD ("introductions", test_introductions);
  ADD ("roster", test_roster);

#undef ADD

  return g_test_run ();
}
