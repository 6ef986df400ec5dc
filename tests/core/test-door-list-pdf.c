/* test-door-list-pdf.c: the paper list is alphabetical, paged and complete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "door-fixture.h"
#include "mq-door-list-pdf.h"
#include "printout-tools.h"

static char *
write_list (DoorFixture *f,
            gint64       event_id,
            guint        expected_guests)
{
  g_autoptr(MqDoorListPdf) list = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  list = mq_door_list_pdf_new (f->store, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mq_door_list_pdf_get_n_guests (list), ==, expected_guests);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "door-list.pdf", NULL);
  g_assert_true (mq_door_list_pdf_write (list, path, &error));
  g_assert_no_error (error);

  return path;
}

static void
test_alphabetical (DoorFixture   *f,
                   gconstpointer  data)
{
  const char *names[] = { "Zoë Martin", "Émile Roy", "Ana García", "Björn Ødegård", "Chen Wei" };
  const char *sorted[] = { "Ana García", "Björn Ødegård", "Chen Wei", "Émile Roy", "Zoë Martin" };
  gint64 earlier = door_fixture_add_event (f, "Earlier", "2026-02-10T19:00:00Z", -1);
  gint64 tonight = door_fixture_add_event (f, "Stalker (1979)", "2026-03-10T19:00:00Z", -1);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *last = NULL;

  if (!printout_have_tools ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 id = door_fixture_add_person (f, names[i]);
      g_autoptr(MqRsvp) rsvp = NULL;

      if (g_str_equal (names[i], "Chen Wei"))
        door_fixture_attend (f, earlier, id, "2026-02-10T18:40:00Z");
      rsvp = door_fixture_going (f, tonight, id, g_str_equal (names[i], "Ana García") ? 3 : 1);
    }

  path = write_list (f, tonight, 5);
  g_assert_cmpint (printout_page_count (path), ==, 1);
  text = printout_text (path);

  /* The header, on the page: title, local date, page number, people. */
  g_assert_nonnull (strstr (text, "Stalker (1979)"));
  g_assert_nonnull (strstr (text, "Tuesday 10 March 2026, 20:00"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_nonnull (strstr (text, "7 people expected"));
  g_assert_nonnull (strstr (text, "party of 3"));
  g_assert_nonnull (strstr (text, "+1 with Ana García"));
  g_assert_nonnull (strstr (text, "+2 with Ana García"));
  g_assert_nonnull (strstr (text, "★ New"));

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      const char *at = strstr (text, sorted[i]);

      g_assert_nonnull (at);
      g_assert_true (last == NULL || at > last);
      last = at;
    }

  /* Four newcomers (Chen has been before): four marks. */
  {
    guint marks = 0;

    for (const char *p = strstr (text, "★ New"); p != NULL; p = strstr (p + 1, "★ New"))
      marks++;
    g_assert_cmpuint (marks, ==, 4);
  }
}

static void
test_pages (DoorFixture   *f,
            gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Big night", "2026-03-10T19:00:00Z", -1);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!printout_have_tools ())
    return;

  /* 25 single guests fill an A4 page; the 26th starts the second. */
  for (guint i = 0; i < 26; i++)
    {
      g_autofree char *name = g_strdup_printf ("Guest %02u", i + 1);
      gint64 id = door_fixture_add_person (f, name);
      g_autoptr(MqRsvp) rsvp = door_fixture_going (f, tonight, id, 1);
    }

  path = write_list (f, tonight, 26);
  g_assert_cmpint (printout_page_count (path), ==, 2);
  text = printout_text (path);
  g_assert_nonnull (strstr (text, "Page 1 of 2"));
  g_assert_nonnull (strstr (text, "Page 2 of 2"));
  /* Pages are separated by form feeds: Guest 26 is alone on the second. */
  g_assert_nonnull (strstr (strchr (text, '\f'), "Guest 26"));
  g_assert_null (strstr (strchr (text, '\f'), "Guest 25"));
}

static void
test_empty_and_unknown (DoorFixture   *f,
                        gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Quiet night", "2026-03-10T19:00:00Z", -1);
  g_autoptr(MqDoorListPdf) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!printout_have_tools ())
    return;

  path = write_list (f, tonight, 0);
  g_assert_cmpint (printout_page_count (path), ==, 1);
  text = printout_text (path);
  g_assert_nonnull (strstr (text, "Nobody is going yet."));

  list = mq_door_list_pdf_new (f->store, tonight + 100, &error);
  g_assert_null (list);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/door-list-pdf/alphabetical-with-marks", DoorFixture, NULL,
              door_fixture_setup, test_alphabetical, door_fixture_teardown);
  g_test_add ("/core/door-list-pdf/pages", DoorFixture, NULL,
              door_fixture_setup, test_pages, door_fixture_teardown);
  g_test_add ("/core/door-list-pdf/empty-and-unknown", DoorFixture, NULL,
              door_fixture_setup, test_empty_and_unknown, door_fixture_teardown);

  return g_test_run ();
}
