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
#include "mq-preferences-window.h"
#include "mq-window.h"


/* What a USB scanner does: one key per character, then Enter. */
static void
scan (MqDoorWindow *door,
      const char   *text)
{
  GtkEditable *entry = template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry");

  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (entry))) ||
                 gtk_window_get_focus (GTK_WINDOW (door)) != NULL);
  /* A key typed over a selection replaces it. */
  gtk_editable_delete_selection (entry);
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
  ana = gui_test_add_going (store, event_id, gui_test_add_person (store, "Ana García"), 2);
  bjorn = gui_test_add_going (store, event_id, gui_test_add_person (store, "Björn Ek"), 1);
  bea_id = gui_test_add_person (store, "Bea Torres");

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

/* The entry's own key handler, as the keyboard reaches it (arrows, Shift+Enter). */
static void
press_key (MqDoorWindow    *door,
           guint            keyval,
           GdkModifierType  state)
{
  GtkWidget *entry = template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  g_assert_true (handled);
  spin (20);
}

static void
type_text (MqDoorWindow *door,
           const char   *text)
{
  GtkEditable *entry = template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry");

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = g_utf8_strlen (gtk_editable_get_text (entry), -1);

      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
    }
  spin (20);
}

static MqDoorWindow *
open_door (Fixture *fixture,
           gint64   event_id)
{
  MqDoorWindow *door;

  mq_window_show_event (fixture->window, event_id);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.open-door", NULL));
  spin (100);
  door = find_toplevel (MQ_TYPE_DOOR_WINDOW);
  g_assert_nonnull (door);
  return door;
}

static MqRsvp *
add_rsvp (MqStore      *store,
          gint64        event_id,
          const char   *name,
          MqRsvpStatus  status,
          int           party_size)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(GError) error = NULL;
  MqRsvp *rsvp;

  rsvp = mq_rsvp_ledger_set (ledger, event_id, gui_test_add_person (store, name), status, party_size,
                             "manual", "organizer", NULL, MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);
  return rsvp;
}

static MqRsvpStatus
status_of (MqStore *store,
           MqRsvp  *rsvp)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(MqRsvp) now = NULL;
  g_autoptr(GError) error = NULL;

  now = mq_rsvp_ledger_get (ledger, mq_rsvp_get_id (rsvp), &error);
  g_assert_no_error (error);
  return mq_rsvp_get_status (now);
}

/* Waitlisted, cancelled, declined: refused in words, then let in by an
 * organizer who gives a reason.
 */
static void
test_door_override_body (Fixture       *fixture,
                         gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqCheckInLog) log = mq_check_in_log_new (store);
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2030, 5, 10, 17, 42, 0);
  g_autoptr(MqRsvp) full = NULL;
  g_autoptr(MqRsvp) cem = NULL;
  g_autoptr(MqRsvp) dee = NULL;
  g_autoptr(MqRsvp) eli = NULL;
  g_autoptr(MqRsvp) after = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  MqDoorWindow *door;
  gint64 event_id;

  mq_store_set_fixed_now (store, now);
  event_id = create_event (store);
  full = add_rsvp (store, event_id, "Ana García", MQ_RSVP_STATUS_GOING, 10);
  cem = add_rsvp (store, event_id, "Cem Yilmaz", MQ_RSVP_STATUS_GOING, 1);
  dee = add_rsvp (store, event_id, "Dee Okoro", MQ_RSVP_STATUS_CANCELLED, 1);
  eli = add_rsvp (store, event_id, "Eli Park", MQ_RSVP_STATUS_DECLINED, 1);
  g_assert_cmpint (mq_rsvp_get_status (cem), ==, MQ_RSVP_STATUS_WAITLISTED);

  door = open_door (fixture, event_id);
  g_assert_false (gtk_widget_get_visible (template_child (door, MQ_TYPE_DOOR_WINDOW, "outcome_override")));

  /* The event is full: Cem waits for a seat, and the door says so. */
  scan (door, mq_rsvp_get_ticket_code (cem));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Waitlisted");
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Cem Yilmaz");
  g_assert_cmpstr (label_text (door, "outcome_detail"), ==,
                   "Not admitted: they are waiting for a seat. An organizer can let them in.");
  g_assert_true (gtk_widget_has_css_class (template_child (door, MQ_TYPE_DOOR_WINDOW, "outcome_box"), "refused"));
  g_assert_true (gtk_widget_get_visible (template_child (door, MQ_TYPE_DOOR_WINDOW, "outcome_override")));
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (cem), &error), ==, 0);

  /* Admit anyway: not without a reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (door), "door.admit-anyway", NULL));
  spin (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Admit Anyway?");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "admit"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "reason-entry"), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "admit"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "reason-entry"), "on the crew list");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "admit"));
  adw_message_dialog_response (dialog, "admit");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);

  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Admitted");
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Cem Yilmaz");
  g_assert_cmpstr (label_text (door, "outcome_detail"), ==,
                   "First time here — no greeter assigned yet\nOrganizer override: on the crew list");
  g_assert_false (gtk_widget_get_visible (template_child (door, MQ_TYPE_DOOR_WINDOW, "outcome_override")));
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (cem), &error), ==, 1);
  after = mq_rsvp_ledger_get (ledger, mq_rsvp_get_id (cem), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_rsvp_get_status (after), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpstr (mq_rsvp_get_override_reason (after), ==, "on the crew list");
  records = mq_check_in_log_list (log, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (mq_check_in_get_reason (g_ptr_array_index (records, 0)), ==, "on the crew list");
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "1 / 11");

  /* Cancelled, by name: cancelling the dialog lets nobody in. */
  scan (door, "Dee");
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Cancelled");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (door), "door.admit-anyway", NULL));
  spin (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_cmpint (status_of (store, dee), ==, MQ_RSVP_STATUS_CANCELLED);
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (dee), &error), ==, 0);

  /* Declined; the override is only for the guest just refused. */
  scan (door, "Eli");
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Declined");
  g_assert_cmpstr (label_text (door, "outcome_detail"), ==,
                   "Not admitted: they said they would not come. An organizer can let them in.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (door), "door.admit-anyway", NULL));
  spin (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "reason-entry"), "came with the director");
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (dialog), "reason-entry"), "activate");
  spin (50);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Admitted");
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Eli Park");
  g_assert_cmpint (status_of (store, eli), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (eli), &error), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (template_child (door, MQ_TYPE_DOOR_WINDOW, "outcome_override")));
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "2 / 12");
  g_assert_cmpstr (label_text (door, "inside_label"), ==, "2");
  g_assert_cmpstr (label_text (door, "inside_caption"), ==, "inside now");

  /* With the party of ten, two overrides put the room over its capacity of 10. */
  scan (door, mq_rsvp_get_ticket_code (full));
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Ana García + 9");
  g_assert_cmpstr (label_text (door, "inside_label"), ==, "12");
  g_assert_cmpstr (label_text (door, "inside_caption"), ==, "inside now, 2 over capacity");
  g_assert_true (gtk_widget_has_css_class (template_child (door, MQ_TYPE_DOOR_WINDOW, "inside_card"), "over-capacity"));
  g_assert_cmpstr (label_text (door, "capacity_label"), ==, "10");
  g_assert_cmpstr (label_text (door, "capacity_caption"), ==, "capacity, 0 seats left");
}

/* A party of three: one now (Shift+Enter), the other two later with the same ticket. */
static void
test_door_party_body (Fixture       *fixture,
                      gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqCheckInLog) log = mq_check_in_log_new (store);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2030, 5, 10, 17, 42, 0);
  g_autoptr(MqRsvp) eva = NULL;
  g_autoptr(MqRsvp) flo = NULL;
  g_autoptr(MqRsvp) gus = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkSpinButton *count;
  GtkListBox *results;
  GtkWidget *row_box;
  MqDoorWindow *door;
  g_autofree char *placeholder = NULL;
  gint64 event_id;

  mq_store_set_fixed_now (store, now);
  event_id = create_event (store);
  eva = add_rsvp (store, event_id, "Eva Lind", MQ_RSVP_STATUS_GOING, 3);
  flo = add_rsvp (store, event_id, "Flo Berg", MQ_RSVP_STATUS_GOING, 1);
  gus = add_rsvp (store, event_id, "Gus Moreau", MQ_RSVP_STATUS_GOING, 1);
  door = open_door (fixture, event_id);
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "0 / 5");
  g_assert_cmpstr (label_text (door, "inside_label"), ==, "0");

  type_text (door, "Eva");
  g_assert_cmpstr (label_text (door, "hint_label"), ==,
                   "Enter admits the party of 3; Shift+Enter if only some are here.");

  /* A phone-sized window puts the status under the name instead of cutting the name. */
  results = template_child (door, MQ_TYPE_DOOR_WINDOW, "results_list");
  row_box = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (results, 0));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (row_box)), ==, GTK_ORIENTATION_HORIZONTAL);
  gtk_window_set_default_size (GTK_WINDOW (door), 400, 800);
  spin (50);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (row_box)), ==, GTK_ORIENTATION_VERTICAL);
  /* The placeholder says less there, so that it is not cut in large type. */
  g_object_get (template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry"), "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Name or ticket");
  g_clear_pointer (&placeholder, g_free);
  gtk_window_set_default_size (GTK_WINDOW (door), 1100, 760);
  spin (50);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (row_box)), ==, GTK_ORIENTATION_HORIZONTAL);
  g_object_get (template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry"), "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Type a name or scan a ticket");
  press_key (door, GDK_KEY_Return, GDK_SHIFT_MASK);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "How Many Are Here?");
  count = g_object_get_data (G_OBJECT (dialog), "count-spin");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (count), ==, 3);
  gtk_spin_button_set_value (count, 1);
  adw_message_dialog_response (dialog, "admit");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Admitted");
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Eva Lind");
  g_assert_cmpstr (label_text (door, "outcome_detail"), ==,
                   "1 of 3 in · 2 to come later\nFirst time here — no greeter assigned yet");
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (eva), &error), ==, 1);
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "1 / 5");

  /* Someone else in between: a party of one never asks. */
  scan (door, mq_rsvp_get_ticket_code (flo));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Flo Berg");
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "2 / 5");

  /* Another laptop admits Gus, a newcomer: the counters follow on their own. */
  g_assert_cmpstr (label_text (door, "newcomers_label"), ==, "2 / 3");
  g_assert_cmpint (mq_check_in_log_admit (log, mq_rsvp_get_id (gus), 0, "Door 1", NULL, NULL, &error),
                   ==, MQ_ADMIT_ADMITTED);
  g_assert_no_error (error);
  spin (50);
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "3 / 5");
  g_assert_cmpstr (label_text (door, "inside_label"), ==, "3");
  g_assert_cmpstr (label_text (door, "newcomers_label"), ==, "3 / 3");
  g_assert_cmpstr (label_text (door, "capacity_caption"), ==, "capacity, 5 seats left");

  /* The same ticket again: "1 of 3 in, admit the rest?", and Enter says yes. */
  scan (door, mq_rsvp_get_ticket_code (eva));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "1 of 3 In");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Eva Lind's party is partly in: 2 people are still to come. Admit the rest?");
  count = g_object_get_data (G_OBJECT (dialog), "count-spin");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (count), ==, 2);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (count)), "activate");
  spin (50);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Admitted");
  g_assert_cmpstr (label_text (door, "outcome_name"), ==, "Eva Lind + 1");
  g_assert_cmpstr (label_text (door, "outcome_detail"), ==,
                   "The whole party of 3 is in\nFirst time here — no greeter assigned yet");
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (eva), &error), ==, 3);
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "5 / 5");

  /* Undo takes back the latest part only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (door), "door.undo", NULL));
  spin (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "reason-entry"), "only one came back");
  adw_message_dialog_response (dialog, "undo");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_cmpint (mq_check_in_log_people_in (log, mq_rsvp_get_id (eva), &error), ==, 1);
  g_assert_cmpstr (label_text (door, "admitted_label"), ==, "3 / 5");

  /* All in: the next scan says since when. */
  scan (door, mq_rsvp_get_ticket_code (flo));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Already in since 19:42 at Door");
}

/* Preferences set this laptop's station and the beep; the open door follows. */
static void
test_door_station_sound_body (Fixture       *fixture,
                              gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqCheckInLog) log = mq_check_in_log_new (store);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2030, 5, 10, 17, 42, 0);
  g_autoptr(MqRsvp) hana = NULL;
  g_autoptr(MqRsvp) ivo = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  MqPreferencesWindow *preferences;
  MqDoorWindow *door;
  gint64 event_id;

  mq_store_set_fixed_now (store, now);
  event_id = create_event (store);
  hana = add_rsvp (store, event_id, "Hana Sato", MQ_RSVP_STATUS_GOING, 1);
  ivo = add_rsvp (store, event_id, "Ivo Novak", MQ_RSVP_STATUS_WAITLISTED, 1);
  door = open_door (fixture, event_id);
  g_assert_false (g_settings_get_boolean (settings, "door-sound"));

  /* Off by default: nothing beeps. */
  scan (door, "Zed");
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Not on the list");
  g_assert_cmpuint (mq_door_window_get_n_beeps (door), ==, 0);

  /* Switched on in Preferences, with a new station name. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  spin (50);
  preferences = find_toplevel (MQ_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gtk_switch_set_active (template_child (preferences, MQ_TYPE_PREFERENCES_WINDOW, "sound_switch"), TRUE);
  gtk_editable_set_text (template_child (preferences, MQ_TYPE_PREFERENCES_WINDOW, "station_row"), "Side door");
  gtk_window_destroy (GTK_WINDOW (preferences));
  spin (50);
  g_assert_true (g_settings_get_boolean (settings, "door-sound"));
  g_assert_cmpstr (mq_door_window_get_station (door), ==, "Side door");
  g_assert_cmpstr (adw_window_title_get_subtitle (template_child (door, MQ_TYPE_DOOR_WINDOW, "window_title")),
                   ==, "Door mode · station “Side door”");

  /* Problems beep; an admit does not. */
  scan (door, "Zed");
  g_assert_cmpuint (mq_door_window_get_n_beeps (door), ==, 1);
  scan (door, mq_rsvp_get_ticket_code (ivo));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Waitlisted");
  g_assert_cmpuint (mq_door_window_get_n_beeps (door), ==, 2);
  scan (door, mq_rsvp_get_ticket_code (hana));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Admitted");
  g_assert_cmpuint (mq_door_window_get_n_beeps (door), ==, 2);
  scan (door, mq_rsvp_get_ticket_code (hana));
  g_assert_cmpstr (label_text (door, "outcome_title"), ==, "Already in since 19:42 at Side door");
  g_assert_cmpuint (mq_door_window_get_n_beeps (door), ==, 3);

  records = mq_check_in_log_list (log, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (mq_check_in_get_station (g_ptr_array_index (records, 0)), ==, "Side door");

  g_settings_reset (settings, "door-sound");
  g_settings_reset (settings, "door-station");
  spin (20);
  g_assert_cmpstr (mq_door_window_get_station (door), ==, "Door");
}

static void
test_door_station_sound (Fixture       *fixture,
                         gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_door_station_sound_body, data);
}

static void
test_door_override (Fixture       *fixture,
                    gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_door_override_body, data);
}

static void
test_door_party (Fixture       *fixture,
                 gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_door_party_body, data);
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

  g_test_add ("/gui/door/waitlisted-cancelled-declined-override", Fixture, NULL,
              fixture_set_up, test_door_override, fixture_tear_down);
  g_test_add ("/gui/door/party-in-parts", Fixture, NULL,
              fixture_set_up, test_door_party, fixture_tear_down);
  g_test_add ("/gui/door/station-and-sound-from-preferences", Fixture, NULL,
              fixture_set_up, test_door_station_sound, fixture_tear_down);

  return g_test_run ();
}
