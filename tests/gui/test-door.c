/* test-door.c: door mode driven as a volunteer with a USB scanner would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-fixture.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mq-application.h"
#include "mq-check-in-log.h"
#include "mq-door-walk-in-dialog.h"
#include "mq-door-window.h"
#include "mq-event-page.h"
#include "mq-events-page.h"
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

static MqRsvp *
add_going (MqStore *store,
           gint64   event_id,
           gint64   person_id,
           int      party_size)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(GError) error = NULL;
  MqRsvp *rsvp;

  rsvp = mq_rsvp_ledger_set (ledger, event_id, person_id, MQ_RSVP_STATUS_GOING, party_size,
                             "manual", "organizer", NULL, MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);
  return rsvp;
}

/* What a USB scanner does: one key per character, then Enter. */
static void
scan (MqDoorWindow *door,
      const char   *text)
{
  GtkEditable *entry = template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry");

  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (entry))) ||
                 gtk_window_get_focus (GTK_WINDOW (door)) != NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = g_utf8_strlen (gtk_editable_get_text (entry), -1);

      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (entry, position);
    }
  g_signal_emit_by_name (entry, "activate");
  spin (20);
}

static const char *
label_text (MqDoorWindow *door,
            const char   *name)
{
  GtkWidget *label = template_child (door, MQ_TYPE_DOOR_WINDOW, name);

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static gint64
create_event (MqStore *store)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2030, 5, 10, 17, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, "Door Test Night");
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Madrid");
  mq_event_set_capacity (event, 10);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_door_scan_body (Fixture       *fixture,
                     gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqCheckInLog) log = mq_check_in_log_new (store);
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2030, 5, 10, 17, 42, 0);
  g_autoptr(MqRsvp) ana = NULL;
  g_autoptr(MqRsvp) bjorn = NULL;
  g_autoptr(MqRsvp) bea = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  MqDoorWalkInDialog *walk_in;
  AdwMessageDialog *undo;
  MqDoorWindow *door;
  GtkListBox *candidates;
  gint64 event_id, bea_id;

  mq_store_set_fixed_now (store, now);
  g_settings_set_string (settings, "door-station", "Door 2");
  event_id = create_event (store);
  ana = add_going (store, event_id, add_person (store, "Ana García"), 2);
  bjorn = add_going (store, event_id, add_person (store, "Björn Ek"), 1);
  bea_id = add_person (store, "Bea Torres");

  mq_window_show_event (fixture->window, event_id);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.open-door", NULL));
  spin (100);
  door = find_toplevel (MQ_TYPE_DOOR_WINDOW);
  g_assert_nonnull (door);
  g_assert_cmpint (mq_door_window_get_event_id (door), ==, event_id);
  g_assert_cmpstr (mq_door_window_get_station (door), ==, "Door 2");
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "0 / 3");

  /* The ticket code and Enter: the whole party is in. */
  scan (door, mq_rsvp_get_ticket_code (ana));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Admitted");
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Ana García + 1");
  g_assert_cmpstr (label_text (door, "outcome_detail"), ==, "First time here — no greeter assigned yet");
  g_assert_cmpstr (gtk_editable_get_text (template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry")), ==, "");
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (ana), &error), ==, 2);
  g_assert_no_error (error);
  records = mq_check_in_log_list (log, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (mq_check_in_get_station (g_ptr_array_index (records, 0)), ==, "Door 2");
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "2 / 3");

  /* The same ticket again: when and where, at the venue's clock. */
  scan (door, mq_rsvp_get_ticket_code (ana));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Already in since 19:42 at Door 2");
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Ana García");
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (ana), &error), ==, 2);

  /* A typo'd name with one match admits on Enter. */
  scan (door, "Bjron");
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Admitted");
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Björn Ek");
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (bjorn), &error), ==, 1);

  /* Ctrl+Z takes it back, with a reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (door), "door.undo", NULL));
  spin (50);
  undo = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (undo);
  g_assert_false (adw_message_dialog_get_response_enabled (undo, "undo"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (undo), "reason-entry"), "wrong guest");
  g_assert_true (adw_message_dialog_get_response_enabled (undo, "undo"));
  adw_message_dialog_response (undo, "undo");
  gtk_window_destroy (GTK_WINDOW (undo));
  spin (50);
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Admit taken back");
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (bjorn), &error), ==, 0);
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "2 / 3");

  /* Not on the list, then a walk-in who is in the directory already. */
  scan (door, "Bea");
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Not on the list");
  g_assert_true (gtk_widget_get_visible (template_child (door, MQ_TYPE_DOOR_WINDOW, "outcome_walk_in")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (door), "door.walk-in", NULL));
  spin (50);
  walk_in = find_toplevel (MQ_TYPE_DOOR_WALK_IN_DIALOG);
  g_assert_nonnull (walk_in);
  g_assert_cmpstr (gtk_editable_get_text (template_child (walk_in, MQ_TYPE_DOOR_WALK_IN_DIALOG, "name_row")), ==, "Bea");
  g_assert_cmpuint (mq_door_walk_in_dialog_get_n_candidates (walk_in), ==, 1);
  candidates = template_child (walk_in, MQ_TYPE_DOOR_WALK_IN_DIALOG, "candidates_list");
  g_signal_emit_by_name (candidates, "row-activated", gtk_list_box_get_row_at_index (candidates, 0));
  spin (50);
  g_assert_null (find_toplevel (MQ_TYPE_DOOR_WALK_IN_DIALOG));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Admitted");
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Bea Torres");

  bea = mq_rsvp_ledger_find (ledger, event_id, bea_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bea);
  g_assert_cmpstr (mq_rsvp_get_source (bea), ==, "walk-in");
  g_assert_cmpint (mq_rsvp_get_status (bea), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (bea), &error), ==, 1);
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "3 / 4");

  g_settings_reset (settings, "door-station");
}

static void
test_door_scan (Fixture       *fixture,
                gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_door_scan_body, data);
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS, as in test-gui-app: GTK needs the
   * system's MIME database for SVG icons; settings live in memory.
   */
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/door/scan-admit-again-undo-walk-in", Fixture, NULL,
              fixture_set_up, test_door_scan, fixture_tear_down);

  return g_test_run ();
}
