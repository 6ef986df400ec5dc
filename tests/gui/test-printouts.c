/* test-printouts.c: the event page's door list and badges, exported and printed
 *
 * Drives the code behind "Export … as PDF" (past the file chooser) and
 * "Print …" (a GtkPrintOperation exporting to a file instead of showing the
 * print dialog), then reads both PDFs back with poppler and zbar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-fixture.h"

#include "../core/printout-tools.h"

#include "mq-application.h"
#include "mq-event-page-printing.h"
#include "mq-window.h"

#define N_GUESTS 60

static gint64
create_event (MqStore *store)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2030, 5, 10, 17, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, "Printout Night");
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Madrid");
  mq_event_set_capacity (event, 200);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

/* Sixty guests, every fifth with a plus-one; returns their ticket codes, sorted. */
static GPtrArray *
add_guests (MqStore *store,
            gint64   event_id)
{
  static const char * const first[] = { "Ana", "Björn", "Chloé", "Dmitri", "Eva", "Farah" };
  static const char * const last[] = { "García", "Ek", "Moreau", "Ivanov", "Lind", "Haddad",
                                       "Okafor", "Sato", "Novak", "Torres" };
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_GUESTS; i++)
    {
      g_autoptr(MqPerson) person = mq_person_new ();
      g_autoptr(MqRsvp) rsvp = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("%s %s", first[i % G_N_ELEMENTS (first)],
                                               last[i / G_N_ELEMENTS (first)]);
      gint64 person_id;

      mq_person_set_name (person, name);
      person_id = mq_person_directory_add (directory, person, &error);
      g_assert_no_error (error);
      rsvp = mq_rsvp_ledger_set (ledger, event_id, person_id, MQ_RSVP_STATUS_GOING, i % 5 == 0 ? 2 : 1,
                                 "manual", "organizer", NULL, MQ_RSVP_SET_NONE, &error);
      g_assert_no_error (error);
      g_ptr_array_add (codes, g_strdup (mq_rsvp_get_ticket_code (rsvp)));
    }
  g_ptr_array_sort (codes, printout_compare_strings);

  return codes;
}

/* pdfinfo's "Page size:" line, e.g. "595.276 x 841.89 pts (A4)". */
static char *
page_size (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = printout_run (argv, 0);
  const char *line = strstr (info, "Page size:");
  const char *end;

  g_assert_nonnull (line);
  line += strlen ("Page size:");
  while (*line == ' ')
    line++;
  end = strchr (line, '\n');
  return g_strndup (line, end != NULL ? (gsize) (end - line) : strlen (line));
}

static char *
print_to_file (MqEventPage *page,
               MqPrintout   printout,
               const char  *path)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  operation = mq_event_page_create_print_operation (page, printout, &error);
  g_assert_no_error (error);
  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return printout_text (path);
}

static void
assert_is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 5);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
}

static void
test_printouts_body (Fixture       *fixture,
                     gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autofree char *dir = g_dir_make_tmp ("marquee-printouts-XXXXXX", NULL);
  g_autofree char *door_pdf = g_build_filename (dir, "door list.pdf", NULL);
  g_autofree char *door_print = g_build_filename (dir, "door list printed.pdf", NULL);
  g_autofree char *badges_pdf = g_build_filename (dir, "badges.pdf", NULL);
  g_autofree char *badges_print = g_build_filename (dir, "badges printed.pdf", NULL);
  g_autofree char *door_text = NULL;
  g_autofree char *door_printed_text = NULL;
  g_autofree char *badges_text = NULL;
  g_autofree char *badges_printed_text = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) decoded = NULL;
  g_autoptr(GPtrArray) decoded_printed = NULL;
  g_autoptr(GError) error = NULL;
  MqEventPage *page = get_event_page (fixture);
  gint64 event_id;
  int door_pages;

  if (!printout_have_tools ())
    return;

  /* Nothing shown yet: both paths say what to do instead of writing. */
  g_assert_false (mq_event_page_export_printout (page, MQ_PRINTOUT_DOOR_LIST, door_pdf, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (door_pdf, G_FILE_TEST_EXISTS));

  event_id = create_event (store);
  codes = add_guests (store, event_id);
  mq_window_show_event (fixture->window, event_id);
  spin (100);

  /* The door list: A4, more than one page for sixty guests, everyone on it. */
  g_assert_true (mq_event_page_export_printout (page, MQ_PRINTOUT_DOOR_LIST, door_pdf, &error));
  g_assert_no_error (error);
  assert_is_pdf (door_pdf);
  door_pages = printout_page_count (door_pdf);
  g_assert_cmpint (door_pages, >=, 2);
  size = page_size (door_pdf);
  g_assert_true (g_str_has_suffix (size, "(A4)"));
  door_text = printout_text (door_pdf);
  g_assert_nonnull (strstr (door_text, "Printout Night"));
  g_assert_nonnull (strstr (door_text, "Björn García"));
  g_assert_nonnull (strstr (door_text, "Farah Torres"));

  /* Printing draws the same pages with the same code. */
  door_printed_text = print_to_file (page, MQ_PRINTOUT_DOOR_LIST, door_print);
  assert_is_pdf (door_print);
  g_assert_cmpint (printout_page_count (door_print), ==, door_pages);
  g_clear_pointer (&size, g_free);
  size = page_size (door_print);
  g_assert_true (g_str_has_suffix (size, "(A4)"));
  g_assert_cmpstr (door_printed_text, ==, door_text);

  /* Badges: eight to an A4 sheet, every QR code a ticket of the event. */
  g_assert_true (mq_event_page_export_printout (page, MQ_PRINTOUT_BADGES, badges_pdf, &error));
  g_assert_no_error (error);
  assert_is_pdf (badges_pdf);
  g_assert_cmpint (printout_page_count (badges_pdf), ==, (N_GUESTS + 7) / 8);
  badges_text = printout_text (badges_pdf);
  decoded = printout_decode_qr (badges_pdf, 200);
  g_assert_cmpuint (decoded->len, ==, codes->len);
  for (guint i = 0; i < codes->len; i++)
    g_assert_cmpstr (g_ptr_array_index (decoded, i), ==, g_ptr_array_index (codes, i));

  badges_printed_text = print_to_file (page, MQ_PRINTOUT_BADGES, badges_print);
  g_assert_cmpint (printout_page_count (badges_print), ==, (N_GUESTS + 7) / 8);
  g_clear_pointer (&size, g_free);
  size = page_size (badges_print);
  g_assert_true (g_str_has_suffix (size, "(A4)"));
  g_assert_cmpstr (badges_printed_text, ==, badges_text);
  decoded_printed = printout_decode_qr (badges_print, 200);
  g_assert_cmpuint (decoded_printed->len, ==, codes->len);
  for (guint i = 0; i < codes->len; i++)
    g_assert_cmpstr (g_ptr_array_index (decoded_printed, i), ==, g_ptr_array_index (codes, i));

  g_remove (door_pdf);
  g_remove (door_print);
  g_remove (badges_pdf);
  g_remove (badges_print);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_printouts (Fixture       *fixture,
                gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_printouts_body, data);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/printouts/export-and-print-door-list-and-badges", Fixture, NULL,
              fixture_set_up, test_printouts, fixture_tear_down);

  return g_test_run ();
}
