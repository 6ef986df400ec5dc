/* test-badge-sheet.c: badges whose QR codes scan back to their tickets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "door-fixture.h"
#include "mq-badge-sheet.h"
#include "mq-greeter-pairing.h"
#include "mq-volunteer-roster.h"
#include "printout-tools.h"

typedef struct
{
  const char *name;
  const char *pronouns;
  const char *mastodon;
  int         party_size;
} Guest;

static const Guest guests[] = {
  { "Ana García", "she/her", "@ana@films.social", 1 },
  { "Björn Ødegård", "he/him", NULL, 2 },
  { "Chen Wei 陈伟", NULL, "@chen@mastodon.example", 1 },
  { "Dara Okafor", "they/them", NULL, 1 },
  { "Émile Roy", NULL, NULL, 1 },
  { "Fatima Al-Sayed", "she/her", "@fatima@kino.example", 3 },
  { "Giorgos Papadopoulos-Konstantinidis", NULL, NULL, 1 },
  { "Hana Kobayashi", NULL, NULL, 1 },
  { "Ivan Petrov", "he/him", NULL, 1 },
  { "Zoë Martin", NULL, NULL, 1 },
};

/* Fills an event with the guests above; Ana has been before, Sam greets.
 * Returns the event id and the sorted ticket codes in @codes.
 */
static gint64
fill_event (DoorFixture  *f,
            GPtrArray   **codes)
{
  gint64 earlier = door_fixture_add_event (f, "Earlier", "2026-02-10T19:00:00Z", -1);
  gint64 tonight = door_fixture_add_event (f, "Stalker (1979) — 35mm", "2026-03-10T19:00:00Z", -1);
  g_autoptr(MqVolunteerRoster) roster = mq_volunteer_roster_new (f->store);
  g_autoptr(MqGreeterPairing) pairing = mq_greeter_pairing_new (f->store);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sam = door_fixture_add_person (f, "Sam Greeter");

  *codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (guests); i++)
    {
      g_autoptr(MqPerson) person = mq_person_new ();
      g_autoptr(MqRsvp) rsvp = NULL;
      gint64 id;

      mq_person_set_name (person, guests[i].name);
      mq_person_set_pronouns (person, guests[i].pronouns);
      mq_person_set_mastodon (person, guests[i].mastodon);
      id = mq_person_directory_add (f->directory, person, &error);
      g_assert_no_error (error);

      if (i == 0)
        door_fixture_attend (f, earlier, id, "2026-02-10T18:50:00Z");

      rsvp = door_fixture_going (f, tonight, id, guests[i].party_size);
      g_ptr_array_add (*codes, g_strdup (mq_rsvp_get_ticket_code (rsvp)));
    }
  g_ptr_array_sort (*codes, printout_compare_strings);

  g_assert_true (mq_volunteer_roster_add (roster, tonight, sam, MQ_VOLUNTEER_ROLE_GREETER, &error));
  g_assert_no_error (error);
  pairs = mq_greeter_pairing_assign (pairing, tonight, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, G_N_ELEMENTS (guests) - 1);

  return tonight;
}

static void
assert_same_codes (GPtrArray *expected,
                   GPtrArray *decoded)
{
  g_assert_cmpuint (decoded->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (decoded, i), ==, g_ptr_array_index (expected, i));
}

static void
test_a4_sheet (DoorFixture   *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  g_autoptr(MqBadgeSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 tonight;
  double width, height;

  if (!printout_have_tools ())
    return;

  tonight = fill_event (f, &codes);
  sheet = mq_badge_sheet_new (f->store, tonight, MQ_BADGE_LAYOUT_A4_SHEET,
                              MQ_BADGE_NEWCOMER_RIBBON | MQ_BADGE_GREETER_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mq_badge_sheet_get_n_badges (sheet), ==, 10);
  g_assert_cmpuint (mq_badge_sheet_get_n_pages (sheet), ==, 2);
  mq_badge_sheet_get_page_size (sheet, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "badges.pdf", NULL);
  g_assert_true (mq_badge_sheet_write (sheet, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (printout_page_count (path), ==, 2);

  /* Every badge's code scans back to its own ticket, and nothing else. */
  decoded = printout_decode_qr (path, 200);
  assert_same_codes (codes, decoded);

  text = printout_text (path);
  g_assert_nonnull (strstr (text, "she/her"));
  g_assert_nonnull (strstr (text, "@fatima@kino.example"));
  g_assert_nonnull (strstr (text, "First time here · greeter: Sam Greeter"));
  g_assert_nonnull (strstr (text, "Zoë"));
}

static void
test_label (DoorFixture   *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  g_autoptr(MqBadgeSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 tonight;

  if (!printout_have_tools ())
    return;

  tonight = fill_event (f, &codes);
  sheet = mq_badge_sheet_new (f->store, tonight, MQ_BADGE_LAYOUT_LABEL, MQ_BADGE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mq_badge_sheet_get_n_pages (sheet), ==, 10);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "labels.pdf", NULL);
  g_assert_true (mq_badge_sheet_write (sheet, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (printout_page_count (path), ==, 10);

  decoded = printout_decode_qr (path, 200);
  assert_same_codes (codes, decoded);

  /* Without the flag, no ribbon. */
  text = printout_text (path);
  g_assert_null (strstr (text, "First time here"));
}

static void
test_unknown_event (DoorFixture   *f,
                    gconstpointer  data)
{
  g_autoptr(MqBadgeSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  sheet = mq_badge_sheet_new (f->store, 42, MQ_BADGE_LAYOUT_A4_SHEET, MQ_BADGE_NONE, &error);
  g_assert_null (sheet);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/badge-sheet/a4/every-qr-decodes", DoorFixture, NULL,
              door_fixture_setup, test_a4_sheet, door_fixture_teardown);
  g_test_add ("/core/badge-sheet/label/every-qr-decodes", DoorFixture, NULL,
              door_fixture_setup, test_label, door_fixture_teardown);
  g_test_add ("/core/badge-sheet/unknown-event", DoorFixture, NULL,
              door_fixture_setup, test_unknown_event, door_fixture_teardown);

  return g_test_run ();
}
