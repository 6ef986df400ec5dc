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
#include "mq-import-mapping.h"
#include "mq-import-window.h"
#include "mq-window.h"


static gint64
add_person (MqStore    *store,
            const char *name)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  id = mq_person_directory_add (directory, person, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
create_event (MqStore *store)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2026, 11, 20, 19, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, "Import Night");
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Berlin");
  mq_event_set_capacity (event, 40);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
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

static void
test_import_meetup_body (Fixture       *fixture,
                         gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures", "import",
                                                                    "meetup.csv", NULL));
  g_autofree char *rsvps = NULL;
  MqImportWindow *window;
  MqEventPage *page;
  GtkListView *rsvp_list;
  gint64 event_id;

  event_id = create_event (store);
  add_person (store, "Ana Lima");
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

  /* The dry run writes nothing and names the likely duplicate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.dry-run", NULL));
  wait_for_stage (window, "review");
  g_assert_cmpuint (n_rows (template_child (window, MQ_TYPE_IMPORT_WINDOW, "duplicates_list")), ==, 1);
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
  rsvp = mq_rsvp_ledger_set (ledger, event_id, add_person (store, "=Eve, \"the\" Guest"), MQ_RSVP_STATUS_GOING, 2,
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
  g_test_add ("/gui/export/door-list-semicolons", Fixture, NULL,
              fixture_set_up, test_export_door_list, fixture_tear_down);

  return g_test_run ();
}
