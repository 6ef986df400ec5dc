/* test-import.c: the import assistant and the export dialog, driven as an organizer would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-fixture.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mq-application.h"
#include "mq-csv-reader.h"
#include "mq-event-page.h"
#include "mq-events-page.h"
#include "mq-export-dialog.h"
#include "mq-import-duplicate-row.h"
#include "mq-import-duplicates.h"
#include "mq-import-mapping.h"
#include "mq-import-window.h"
#include "mq-merge-dialog.h"
#include "mq-person-attendance.h"
#include "mq-window.h"


static gint64
create_event_called (MqStore    *store,
                     const char *title,
                     int         month)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2026, month, 20, 19, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, title);
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Berlin");
  mq_event_set_capacity (event, 40);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
create_event (MqStore *store)
{
  return create_event_called (store, "Import Night", 11);
}

/* The assistant's threads report back through the main loop. */
static void
wait_for_stage (MqImportWindow *window,
                const char     *stage)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!g_str_equal (mq_import_window_get_stage (window), stage) && g_get_monotonic_time () < until)
    spin (20);
  g_assert_cmpstr (mq_import_window_get_stage (window), ==, stage);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "Name|status|party" per RSVP, ordered by name. */
static char *
describe_rsvps (MqStore *store,
                gint64   event_id)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(GPtrArray) rsvps = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  rsvps = mq_rsvp_ledger_list (ledger, event_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rsvps->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (rsvps, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%d", mq_rsvp_get_name (rsvp),
                                               mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)),
                                               mq_rsvp_get_party_size (rsvp)));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The list of pairs on the review ("review_duplicates") or summary page. */
static GtkListBox *
duplicate_list (MqImportWindow *window,
                const char     *group)
{
  return template_child (template_child (window, MQ_TYPE_IMPORT_WINDOW, group), MQ_TYPE_IMPORT_DUPLICATES, "list");
}

static MqImportDuplicateRow *
duplicate_row (MqImportWindow *window,
               const char     *group,
               int             index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (duplicate_list (window, group), index);

  g_assert_true (MQ_IS_IMPORT_DUPLICATE_ROW (row));
  return MQ_IMPORT_DUPLICATE_ROW (row);
}

static const char *
row_text (MqImportDuplicateRow *row,
          const char           *label)
{
  return gtk_label_get_label (template_child (row, MQ_TYPE_IMPORT_DUPLICATE_ROW, label));
}

static gboolean
row_shows (MqImportDuplicateRow *row,
           const char           *widget)
{
  return gtk_widget_get_visible (template_child (row, MQ_TYPE_IMPORT_DUPLICATE_ROW, widget));
}

static void
test_import_meetup_body (Fixture       *fixture,
                         gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures", "import",
                                                                    "meetup.csv", NULL));
  g_autofree char *rsvps = NULL;
  g_autofree char *basename = NULL;
  MqImportWindow *window;
  MqEventPage *page;
  GtkListView *rsvp_list;
  gint64 event_id;

  event_id = create_event (store);
  gui_test_add_person (store, "Ana Lima");
  mq_window_show_event (fixture->window, event_id);
  spin (50);
  page = get_event_page (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "event.import", NULL));
  spin (50);
  window = find_toplevel (MQ_TYPE_IMPORT_WINDOW);
  g_assert_nonnull (window);
  g_assert_cmpstr (mq_import_window_get_stage (window), ==, "file");

  /* What the file chooser would do. */
  mq_import_window_set_file (window, file);
  wait_for_stage (window, "mapping");
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (window, MQ_TYPE_IMPORT_WINDOW, "platform_row")),
                    ==, MQ_IMPORT_PLATFORM_MEETUP - 1);
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (window, MQ_TYPE_IMPORT_WINDOW, "encoding_row")),
                    ==, MQ_CSV_ENCODING_UTF8 - 1);
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (window, MQ_TYPE_IMPORT_WINDOW, "delimiter_row")),
                    ==, 0);
  g_assert_cmpuint (n_rows (template_child (window, MQ_TYPE_IMPORT_WINDOW, "columns_list")), ==, 9);
  /* Both titles name the file: the short one is what a narrow window shows. */
  basename = g_file_get_basename (file);
  g_assert_cmpstr (adw_window_title_get_subtitle (template_child (window, MQ_TYPE_IMPORT_WINDOW, "window_title")),
                   ==, basename);
  g_assert_cmpstr (gtk_label_get_label (template_child (window, MQ_TYPE_IMPORT_WINDOW, "short_subtitle")),
                   ==, basename);

  /* The dry run writes nothing and names the likely duplicate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.dry-run", NULL));
  wait_for_stage (window, "review");
  g_assert_cmpuint (n_rows (duplicate_list (window, "review_duplicates")), ==, 1);
  g_assert_cmpuint (mq_person_directory_count (directory), ==, 1);
  rsvps = describe_rsvps (store, event_id);
  g_assert_cmpstr (rsvps, ==, "");
  g_clear_pointer (&rsvps, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.start", NULL));
  wait_for_stage (window, "summary");
  spin (50);

  g_assert_cmpuint (mq_person_directory_count (directory), ==, 5);
  rsvps = describe_rsvps (store, event_id);
  g_assert_cmpstr (rsvps, ==,
                   "Ana Lima|waitlisted|1\n"
                   "Ravi Shankar|going|1\n"
                   "Tom Berg|declined|1\n"
                   "Zoë Müller|going|2");

  /* The event page heard of it through the app's own connection. */
  rsvp_list = template_child (page, MQ_TYPE_EVENT_PAGE, "rsvp_list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (rsvp_list))), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

static void
test_import_meetup (Fixture       *fixture,
                    gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_import_meetup_body, data);
}

static gint64
add_known_person (MqStore    *store,
                  const char *name,
                  const char *email,
                  const char *mastodon)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  mq_person_set_mastodon (person, mastodon);
  id = mq_person_directory_add (directory, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_import_duplicates_merge_body (Fixture       *fixture,
                                   gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(MqRsvp) earlier_rsvp = NULL;
  g_autoptr(MqPerson) ana = NULL;
  g_autoptr(MqPerson) gone = NULL;
  g_autoptr(GPtrArray) attended = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures", "import",
                                                                    "duplicates.csv", NULL));
  g_autofree char *rsvps = NULL;
  MqImportDuplicateRow *row;
  MqImportWindow *window;
  MqMergeDialog *dialog;
  gint64 event_id, earlier_id, ana_id, jonas_id, new_ana_id = 0;
  gint64 until;

  event_id = create_event (store);
  earlier_id = create_event_called (store, "Autumn Shorts", 10);
  /* Ana has been before, and is known by her Mastodon handle only. */
  ana_id = add_known_person (store, "Ana Lima", NULL, "@ana@films.example");
  jonas_id = add_known_person (store, "Jonas Weber", "j.weber@work.example", NULL);
  earlier_rsvp = mq_rsvp_ledger_set (ledger, earlier_id, ana_id, MQ_RSVP_STATUS_GOING, 1, "manual", "organizer",
                                     NULL, MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);

  mq_window_show_event (fixture->window, event_id);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.import", NULL));
  spin (50);
  window = find_toplevel (MQ_TYPE_IMPORT_WINDOW);
  g_assert_nonnull (window);
  mq_import_window_set_file (window, file);
  wait_for_stage (window, "mapping");

  /* The preview puts each row beside the person it resembles. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.dry-run", NULL));
  wait_for_stage (window, "review");
  g_assert_cmpuint (n_rows (duplicate_list (window, "review_duplicates")), ==, 2);
  row = duplicate_row (window, "review_duplicates", 0);
  g_assert_cmpstr (row_text (row, "incoming_caption"), ==, "Line 2 of the file");
  g_assert_cmpstr (row_text (row, "incoming_name"), ==, "Ana Lima");
  g_assert_cmpstr (row_text (row, "incoming_details"), ==, "ana.lima@example.org");
  g_assert_cmpstr (row_text (row, "existing_caption"), ==, "In the directory");
  g_assert_cmpstr (row_text (row, "existing_name"), ==, "Ana Lima");
  g_assert_cmpstr (row_text (row, "existing_details"), ==, "Mastodon @ana@films.example");
  g_assert_cmpstr (row_text (row, "existing_events"), ==, "RSVP’d to 1 event");
  /* Nothing to merge before anything is imported. */
  g_assert_false (row_shows (row, "actions_box"));
  row = duplicate_row (window, "review_duplicates", 1);
  g_assert_cmpstr (row_text (row, "incoming_details"), ==, "jonas@example.org");
  g_assert_cmpstr (row_text (row, "existing_details"), ==, "j.weber@work.example");
  g_assert_cmpstr (row_text (row, "existing_events"), ==, "No RSVPs yet");
  g_assert_cmpuint (mq_person_directory_count (directory), ==, 2);

  /* Imported, the namesakes are two people each: nothing merged by name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.start", NULL));
  wait_for_stage (window, "summary");
  spin (50);
  g_assert_cmpuint (mq_person_directory_count (directory), ==, 5);
  g_assert_cmpuint (n_rows (duplicate_list (window, "summary_duplicates")), ==, 2);

  /* Jonas at work is not this Jonas: keep both. */
  row = duplicate_row (window, "summary_duplicates", 1);
  g_assert_cmpstr (row_text (row, "incoming_name"), ==, "Jonas Weber");
  g_assert_true (row_shows (row, "actions_box"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "duplicate.keep-both", NULL));
  spin (50);
  g_assert_cmpuint (n_rows (duplicate_list (window, "summary_duplicates")), ==, 1);
  g_assert_cmpuint (mq_person_directory_count (directory), ==, 5);

  /* Ana is Ana: merge through the usual dialog, the new record into hers. */
  row = duplicate_row (window, "summary_duplicates", 0);
  g_assert_cmpstr (row_text (row, "existing_details"), ==, "Mastodon @ana@films.example");
  g_assert_true (row_shows (row, "actions_box"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "duplicate.merge", NULL));
  spin (100);
  dialog = find_toplevel (MQ_TYPE_MERGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (dialog, MQ_TYPE_MERGE_DIALOG, "stack")),
                   ==, "compare");
  {
    g_autoptr(GPtrArray) people = mq_person_directory_list (directory, 0, 10, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < people->len; i++)
      {
        MqPerson *person = g_ptr_array_index (people, i);

        if (g_str_equal (mq_person_get_name (person), "Ana Lima") && mq_person_get_id (person) != ana_id)
          new_ana_id = mq_person_get_id (person);
      }
  }
  g_assert_cmpint (new_ana_id, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.merge", NULL));
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (find_toplevel (MQ_TYPE_MERGE_DIALOG) != NULL && g_get_monotonic_time () < until)
    spin (20);
  g_assert_null (find_toplevel (MQ_TYPE_MERGE_DIALOG));

  /* The row says so, and shows the record that stayed. */
  g_assert_true (mq_import_duplicate_row_get_merged (row));
  g_assert_false (row_shows (row, "actions_box"));
  g_assert_true (row_shows (row, "state_label"));
  g_assert_cmpstr (row_text (row, "existing_details"), ==, "ana.lima@example.org\nMastodon @ana@films.example");
  g_assert_cmpstr (row_text (row, "existing_events"), ==, "RSVP’d to 2 events");

  /* One Ana, with both her contacts and both her RSVPs. */
  g_assert_cmpuint (mq_person_directory_count (directory), ==, 4);
  gone = mq_person_directory_get (directory, new_ana_id, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  ana = mq_person_directory_get (directory, ana_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mq_person_get_email (ana), ==, "ana.lima@example.org");
  g_assert_cmpstr (mq_person_get_mastodon (ana), ==, "@ana@films.example");
  attended = mq_person_attendance_list (store, ana_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attended->len, ==, 2);
  g_assert_cmpint (((MqAttendance *) g_ptr_array_index (attended, 0))->event_id, ==, event_id);
  g_assert_cmpint (((MqAttendance *) g_ptr_array_index (attended, 1))->event_id, ==, earlier_id);
  rsvps = describe_rsvps (store, event_id);
  g_assert_cmpstr (rsvps, ==,
                   "Ana Lima|going|1\n"
                   "Jonas Weber|maybe|1\n"
                   "Mira Chen|going|1");
  /* Jonas was kept as two people. */
  {
    g_autoptr(MqPerson) jonas = mq_person_directory_get (directory, jonas_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (mq_person_get_email (jonas), ==, "j.weber@work.example");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

static void
test_import_duplicates_merge (Fixture       *fixture,
                              gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_import_duplicates_merge_body, data);
}

/* A file full of one name must not build a row per line at once. */
static void
test_import_duplicates_paged_body (Fixture       *fixture,
                                   gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autofree char *path = g_build_filename (fixture->dir, "kims.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) csv = g_string_new ("Name,Email,Status\n");
  g_autoptr(GError) error = NULL;
  MqImportDuplicates *duplicates;
  GtkButton *more;
  MqImportWindow *window;
  gint64 event_id;

  for (guint i = 1; i <= 60; i++)
    g_string_append_printf (csv, "Kim Park,kim%u@example.org,going\n", i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);

  event_id = create_event (store);
  add_known_person (store, "Kim Park", "kim@old.example", NULL);
  mq_window_show_event (fixture->window, event_id);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.import", NULL));
  spin (50);
  window = find_toplevel (MQ_TYPE_IMPORT_WINDOW);
  g_assert_nonnull (window);
  mq_import_window_set_file (window, file);
  wait_for_stage (window, "mapping");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.dry-run", NULL));
  wait_for_stage (window, "review");

  duplicates = template_child (window, MQ_TYPE_IMPORT_WINDOW, "review_duplicates");
  more = template_child (duplicates, MQ_TYPE_IMPORT_DUPLICATES, "more_button");
  g_assert_cmpuint (n_rows (duplicate_list (window, "review_duplicates")), ==, 50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more)));
  g_assert_cmpstr (gtk_button_get_label (more), ==, "Show 10 More");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (duplicates), "duplicates.show-more", NULL));
  g_assert_cmpuint (n_rows (duplicate_list (window, "review_duplicates")), ==, 60);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more)));
  g_assert_cmpstr (row_text (duplicate_row (window, "review_duplicates", 59), "incoming_details"), ==,
                   "kim60@example.org");

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_import_duplicates_paged (Fixture       *fixture,
                              gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_import_duplicates_paged_body, data);
}

static void
test_export_door_list_body (Fixture       *fixture,
                            gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "door.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  MqExportDialog *dialog;
  gint64 event_id;
  gint64 until;

  event_id = create_event (store);
  rsvp = mq_rsvp_ledger_set (ledger, event_id, gui_test_add_person (store, "=Eve, \"the\" Guest"), MQ_RSVP_STATUS_GOING, 2,
                             "manual", "organizer", NULL, MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);
  mq_window_show_event (fixture->window, event_id);
  spin (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.export", NULL));
  spin (50);
  dialog = find_toplevel (MQ_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_switch_set_active (template_child (dialog, MQ_TYPE_EXPORT_DIALOG, "semicolon_switch"), TRUE);

  mq_export_dialog_export_to (dialog, file);
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (find_toplevel (MQ_TYPE_EXPORT_DIALOG) != NULL && g_get_monotonic_time () < until)
    spin (20);
  g_assert_null (find_toplevel (MQ_TYPE_EXPORT_DIALOG));

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("Name;Party;Status;Ticket code;Checked in\r\n"
                              "\"'=Eve, \"\"the\"\" Guest\";2;going;%s;\r\n",
                              mq_rsvp_get_ticket_code (rsvp));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_export_door_list (Fixture       *fixture,
                       gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_export_door_list_body, data);
}

int
main (int   argc,
      char *argv[])
{
  /* As test-door: GTK needs the system's MIME database; settings live in memory. */
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/import/meetup-dry-run-then-import", Fixture, NULL,
              fixture_set_up, test_import_meetup, fixture_tear_down);
  g_test_add ("/gui/import/duplicates-reviewed-and-merged", Fixture, NULL,
              fixture_set_up, test_import_duplicates_merge, fixture_tear_down);
  g_test_add ("/gui/import/duplicates-a-page-at-a-time", Fixture, NULL,
              fixture_set_up, test_import_duplicates_paged, fixture_tear_down);
  g_test_add ("/gui/export/door-list-semicolons", Fixture, NULL,
              fixture_set_up, test_export_door_list, fixture_tear_down);

  return g_test_run ();
}
