/* test-greeters.c: the greeter view, driven as an organizer and a greeter would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-fixture.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mq-application.h"
#include "mq-check-in-log.h"
#include "mq-event-page.h"
#include "mq-events-page.h"
#include "mq-greeter-page.h"
#include "mq-greeter-pairing.h"
#include "mq-volunteer-dialog.h"
#include "mq-volunteer-roster.h"
#include "mq-window.h"

static gint64
create_event_titled (MqStore    *store,
                     const char *title)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2030, 5, 10, 17, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, title);
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Madrid");
  mq_event_set_capacity (event, 10);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
create_event (MqStore *store)
{
  return create_event_titled (store, "Greeter Test Night");
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static MqGreeterPage *
find_greeter_page (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_WINDOW (l->data) && MQ_IS_GREETER_PAGE (adw_window_get_content (l->data)))
      return MQ_GREETER_PAGE (adw_window_get_content (l->data));

  return NULL;
}

/* The event's page, then its greeter view through the page's action. */
static MqGreeterPage *
open_greeter_page (Fixture *fixture,
                   gint64   event_id)
{
  MqGreeterPage *page;

  mq_window_show_event (fixture->window, event_id);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.open-greeters", NULL));
  spin (100);
  page = find_greeter_page ();
  g_assert_nonnull (page);
  return page;
}

static AdwActionRow *
newcomer_row (MqGreeterPage *page,
              int            index)
{
  GtkListBox *list = template_child (page, MQ_TYPE_GREETER_PAGE, "newcomer_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return ADW_ACTION_ROW (row);
}

static void
test_greeters_body (Fixture       *fixture,
                    gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqGreeterPairing) pairing = mq_greeter_pairing_new (store);
  g_autoptr(MqVolunteerRoster) roster = mq_volunteer_roster_new (store);
  g_autoptr(MqCheckInLog) log = mq_check_in_log_new (store);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2030, 5, 10, 17, 42, 0);
  g_autoptr(MqRsvp) ana = NULL;
  g_autoptr(MqRsvp) bea = NULL;
  g_autoptr(MqGreeterAssignment) pair = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) introductions = NULL;
  g_autoptr(GError) error = NULL;
  MqIntroduction *introduction;
  AdwMessageDialog *dialog;
  MqGreeterPage *page;
  GtkStack *stack;
  GtkWidget *met_button;
  gint64 event_id, sam_id;

  mq_store_set_fixed_now (store, now);
  event_id = create_event (store);
  sam_id = gui_test_add_person (store, "Sam Okafor");
  ana = gui_test_add_going (store, event_id, gui_test_add_person (store, "Ana García"), 1);
  bea = gui_test_add_going (store, event_id, gui_test_add_person (store, "Bea Torres"), 1);
  mq_volunteer_roster_add (roster, event_id, sam_id, MQ_VOLUNTEER_ROLE_GREETER, &error);
  g_assert_no_error (error);

  page = open_greeter_page (fixture, event_id);
  g_assert_cmpint (mq_greeter_page_get_event_id (page), ==, event_id);
  g_assert_cmpint (mq_greeter_page_get_greeter_id (page), ==, sam_id);
  g_assert_cmpuint (mq_greeter_page_get_n_newcomers (page), ==, 0);
  stack = template_child (page, MQ_TYPE_GREETER_PAGE, "newcomer_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-newcomers");

  /* Assigning pairs both first-timers with the only greeter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "greeters.assign", NULL));
  spin (50);
  pairs = mq_greeter_pairing_list (pairing, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 2);
  g_assert_cmpint (mq_greeter_assignment_get_greeter_id (g_ptr_array_index (pairs, 0)), ==, sam_id);
  g_assert_cmpint (mq_greeter_assignment_get_greeter_id (g_ptr_array_index (pairs, 1)), ==, sam_id);
  g_assert_cmpuint (mq_greeter_page_get_n_newcomers (page), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "newcomers");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (newcomer_row (page, 0))), ==, "Ana García");
  g_assert_cmpstr (adw_action_row_get_subtitle (newcomer_row (page, 0)), ==, "Not here yet");

  /* Ana comes through the door: the view follows without being asked. */
  g_assert_cmpint (mq_check_in_log_admit (log, mq_rsvp_get_id (ana), 0, "Door 1", NULL, NULL, &error),
                   ==, MQ_ADMIT_ADMITTED);
  g_assert_no_error (error);
  spin (50);
  g_assert_cmpstr (adw_action_row_get_subtitle (newcomer_row (page, 0)), ==, "Arrived 19:42");
  g_assert_cmpstr (adw_action_row_get_subtitle (newcomer_row (page, 1)), ==, "Not here yet");

  /* The greeter found her. */
  met_button = find_descendant (GTK_WIDGET (newcomer_row (page, 0)), "met-button");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (met_button));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (met_button)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (met_button), TRUE);
  spin (50);
  pair = mq_greeter_pairing_find (pairing, event_id, mq_rsvp_get_person_id (ana), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_greeter_assignment_get_status (pair), ==, MQ_GREETER_ASSIGNMENT_MET);
  met_button = find_descendant (GTK_WIDGET (newcomer_row (page, 0)), "met-button");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (met_button)));
  g_assert_cmpstr (adw_action_row_get_subtitle (newcomer_row (page, 0)), ==, "Arrived 19:42 · met");

  /* And introduced her to Bea, the only other guest. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "greeters.introduce", "x",
                                             mq_rsvp_get_person_id (ana)));
  spin (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Introduce Ana García to…");
  g_assert_cmpuint (gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (dialog), "person-dropdown")), ==, 0);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "note-entry"), "both love Varda");
  adw_message_dialog_response (dialog, "introduce");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  introductions = mq_greeter_pairing_list_introductions (pairing, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (introductions->len, ==, 1);
  introduction = g_ptr_array_index (introductions, 0);
  g_assert_cmpint (mq_introduction_get_person_a (introduction), ==, mq_rsvp_get_person_id (ana));
  g_assert_cmpint (mq_introduction_get_person_b (introduction), ==, mq_rsvp_get_person_id (bea));
  g_assert_cmpint (mq_introduction_get_by_person (introduction), ==, sam_id);
  g_assert_cmpstr (mq_introduction_get_note (introduction), ==, "both love Varda");

  /* Greeter taken off the roster: the view says how to get one. */
  mq_volunteer_roster_remove (roster, event_id, sam_id, MQ_VOLUNTEER_ROLE_GREETER, &error);
  g_assert_no_error (error);
  spin (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, MQ_TYPE_GREETER_PAGE, "stack")),
                   ==, "no-greeters");
}

static gboolean
has_role (MqVolunteerRoster *roster,
          gint64             event_id,
          gint64             person_id,
          MqVolunteerRole    role)
{
  g_autoptr(GPtrArray) volunteers = NULL;
  g_autoptr(GError) error = NULL;

  volunteers = mq_volunteer_roster_list_role (roster, event_id, role, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < volunteers->len; i++)
    if (((MqVolunteer *) g_ptr_array_index (volunteers, i))->person_id == person_id)
      return TRUE;

  return FALSE;
}

static void
search_people (MqVolunteerDialog *dialog,
               const char        *text)
{
  gtk_editable_set_text (template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "search_entry"), text);
  /* GtkSearchEntry waits a moment before it reports a change. */
  spin (400);
}

/* An organizer with no greeters yet adds them from the app, and a door
 * volunteer, then pairs the newcomers.
 */
static void
test_add_volunteers_body (Fixture       *fixture,
                          gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqGreeterPairing) pairing = mq_greeter_pairing_new (store);
  g_autoptr(MqVolunteerRoster) roster = mq_volunteer_roster_new (store);
  g_autoptr(MqRsvp) ana = NULL;
  g_autoptr(MqRsvp) bea = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  MqVolunteerDialog *dialog;
  MqGreeterPage *page;
  GtkListBox *people;
  GtkListBox *roster_list;
  gint64 event_id, sam_id, lou_id;

  event_id = create_event (store);
  sam_id = gui_test_add_person (store, "Sam Okafor");
  lou_id = gui_test_add_person (store, "Lou Martin");
  ana = gui_test_add_going (store, event_id, gui_test_add_person (store, "Ana García"), 1);
  bea = gui_test_add_going (store, event_id, gui_test_add_person (store, "Bea Martínez"), 1);

  page = open_greeter_page (fixture, event_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, MQ_TYPE_GREETER_PAGE, "stack")),
                   ==, "no-greeters");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "greeters.add-volunteer", NULL));
  spin (100);
  dialog = find_toplevel (MQ_TYPE_VOLUNTEER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "roster_stack")),
                   ==, "empty");
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "role_row")), ==, 0);

  /* One match and Enter: Sam greets. */
  search_people (dialog, "okaf");
  g_assert_cmpuint (mq_volunteer_dialog_get_n_found (dialog), ==, 1);
  g_signal_emit_by_name (template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "search_entry"), "activate");
  spin (100);
  g_assert_true (has_role (roster, event_id, sam_id, MQ_VOLUNTEER_ROLE_GREETER));
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "search_entry")), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, MQ_TYPE_GREETER_PAGE, "stack")),
                   ==, "greeter");
  g_assert_cmpint (mq_greeter_page_get_greeter_id (page), ==, sam_id);

  /* Several match: Enter does nothing; the volunteer picks Lou for the door. */
  search_people (dialog, "mart");
  g_assert_cmpuint (mq_volunteer_dialog_get_n_found (dialog), ==, 2);
  g_signal_emit_by_name (template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "search_entry"), "activate");
  spin (50);
  g_assert_false (has_role (roster, event_id, lou_id, MQ_VOLUNTEER_ROLE_DOOR));
  adw_combo_row_set_selected (template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "role_row"), 1);
  search_people (dialog, "Lou");
  people = template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "people_list");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (people, 0))),
                   ==, "Lou Martin");
  g_signal_emit_by_name (people, "row-activated", gtk_list_box_get_row_at_index (people, 0));
  spin (100);
  g_assert_true (has_role (roster, event_id, lou_id, MQ_VOLUNTEER_ROLE_DOOR));
  g_assert_false (has_role (roster, event_id, lou_id, MQ_VOLUNTEER_ROLE_GREETER));

  /* The roster in the dialog: Lou at the door, Sam greeting. */
  roster_list = template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "roster_list");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (roster_list, 0))),
                   ==, "Lou Martin");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (roster_list, 0))),
                   ==, "Door");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (roster_list, 1))),
                   ==, "Greeter");
  g_assert_null (gtk_list_box_get_row_at_index (roster_list, 2));

  /* Taken off again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "volunteers.remove", "(xs)", lou_id, "door"));
  spin (50);
  g_assert_false (has_role (roster, event_id, lou_id, MQ_VOLUNTEER_ROLE_DOOR));
  g_assert_null (gtk_list_box_get_row_at_index (roster_list, 1));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);

  /* Pair Newcomers: both first-timers get Sam. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "greeters.assign", NULL));
  spin (50);
  pairs = mq_greeter_pairing_list (pairing, event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 2);
  g_assert_cmpint (mq_greeter_assignment_get_newcomer_id (g_ptr_array_index (pairs, 0)), ==, mq_rsvp_get_person_id (ana));
  g_assert_cmpint (mq_greeter_assignment_get_newcomer_id (g_ptr_array_index (pairs, 1)), ==, mq_rsvp_get_person_id (bea));
  g_assert_cmpint (mq_greeter_assignment_get_greeter_id (g_ptr_array_index (pairs, 1)), ==, sam_id);
  g_assert_cmpuint (mq_greeter_page_get_n_newcomers (page), ==, 2);
}

static void
test_add_volunteers (Fixture       *fixture,
                     gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_add_volunteers_body, data);
}

static void
test_greeters (Fixture       *fixture,
               gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_greeters_body, data);
}

#define LONG_TITLE "Film club night at the Community Cinema Forum"

/* At 400 pixels the header between Pair and Volunteers has no room for a
 * long event title: it shows whole on a line below the header instead.
 */
static void
test_long_title_narrow_body (Fixture       *fixture,
                             gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqVolunteerRoster) roster = mq_volunteer_roster_new (store);
  g_autoptr(GError) error = NULL;
  MqGreeterPage *page;
  GtkWindow *window;
  GtkWidget *title;
  gint64 event_id = create_event_titled (store, LONG_TITLE);

  mq_volunteer_roster_add (roster, event_id, gui_test_add_person (store, "Sam Okafor"),
                           MQ_VOLUNTEER_ROLE_GREETER, &error);
  g_assert_no_error (error);

  page = open_greeter_page (fixture, event_id);
  window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page)));
  title = template_child (page, MQ_TYPE_GREETER_PAGE, "window_title");

  gtk_window_set_default_size (window, 400, 800);
  spin (400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, 400);
  g_assert_false (gtk_widget_get_mapped (title));
  assert_label_whole (find_label_text (GTK_WIDGET (page), LONG_TITLE), GTK_WIDGET (page));

  /* Wide, the header holds it, and the line below goes. */
  gtk_window_set_default_size (window, 1280, 800);
  spin (400);
  g_assert_true (gtk_widget_get_mapped (title));
  assert_label_whole (find_label_text (title, LONG_TITLE), GTK_WIDGET (page));
  g_assert_false (gtk_widget_get_mapped (template_child (page, MQ_TYPE_GREETER_PAGE, "event_label")));
}

static void
test_long_title_narrow (Fixture       *fixture,
                        gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_long_title_narrow_body, data);
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS, as in test-door: GTK needs the
   * system's MIME database for SVG icons; settings live in memory.
   */
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/greeters/assign-arrive-met-introduce", Fixture, NULL,
              fixture_set_up, test_greeters, fixture_tear_down);

  g_test_add ("/gui/greeters/add-volunteers-and-pair", Fixture, NULL,
              fixture_set_up, test_add_volunteers, fixture_tear_down);
  g_test_add ("/gui/greeters/long-event-title-at-400px", Fixture, NULL,
              fixture_set_up, test_long_title_narrow, fixture_tear_down);

  return g_test_run ();
}
