/* test-narrow.c: the window at 400 pixels, driven with the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real key presses through xdotool (XTest) into the window under Xvfb: the
 * point is what the list views do with arrow keys, which GTK 4 offers no
 * way to fake from inside the process.
 */

#include "config.h"

#include "gui-test-fixture.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "mq-events-page.h"
#include "mq-people-page.h"
#include "mq-person-page.h"
#include "mq-window.h"

static void
xdotool (const char *arguments)
{
  g_autofree char *command = g_strconcat ("xdotool ", arguments, NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* Gives the window the keyboard, as clicking into it would. */
static void
focus_window (Fixture *fixture)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  g_autofree char *arguments = NULL;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  arguments = g_strdup_printf ("windowfocus --sync %lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  xdotool (arguments);
  spin (100);
}

static void
press (const char *keys)
{
  g_autofree char *arguments = g_strdup_printf ("key --delay 80 %s", keys);

  xdotool (arguments);
  spin (300);
}

static void
resize (Fixture *fixture,
        int      width)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 800);
  spin (400);
}

static const char *
shown_pane (gpointer    page,
            GType       type)
{
  return adw_leaflet_get_visible_child_name (template_child (page, type, "leaflet"));
}

static guint
selected (gpointer page,
          GType    type)
{
  GtkListView *list = template_child (page, type, "list_view");

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)));
}

static void
test_arrow_keys_body (Fixture       *fixture,
                      gconstpointer  data)
{
  MqEventsPage *events = template_child (fixture->window, MQ_TYPE_WINDOW, "events_page");
  MqPeoplePage *people = template_child (fixture->window, MQ_TYPE_WINDOW, "people_page");
  MqPersonPage *person_page = template_child (people, MQ_TYPE_PEOPLE_PAGE, "person_page");
  GtkListView *list = template_child (events, MQ_TYPE_EVENTS_PAGE, "list_view");
  guint before, after;
  gint64 opened;

  resize (fixture, 400);
  g_assert_true (adw_leaflet_get_folded (template_child (events, MQ_TYPE_EVENTS_PAGE, "leaflet")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "upcoming");
  spin (100);
  g_assert_cmpstr (shown_pane (events, MQ_TYPE_EVENTS_PAGE), ==, "list");
  g_assert_true (gtk_list_view_get_single_click_activate (list));

  /* Down, down, down: the selection moves, nothing opens. */
  focus_window (fixture);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (list)));
  spin (100);
  before = selected (events, MQ_TYPE_EVENTS_PAGE);
  press ("Down Down Down");
  after = selected (events, MQ_TYPE_EVENTS_PAGE);
  g_assert_cmpuint (after, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (after, !=, before);
  g_assert_cmpint (mq_events_page_get_event_id (events), ==, 0);
  g_assert_cmpstr (shown_pane (events, MQ_TYPE_EVENTS_PAGE), ==, "list");

  /* Enter opens the selected event. */
  press ("Return");
  {
    g_autoptr(MqEvent) event = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), after);

    opened = mq_event_get_id (event);
  }
  g_assert_cmpint (mq_events_page_get_event_id (events), ==, opened);
  g_assert_cmpstr (shown_pane (events, MQ_TYPE_EVENTS_PAGE), ==, "detail");

  /* Back in the list, moving on leaves that event where it was. */
  gtk_widget_activate_action (GTK_WIDGET (events), "events.back", NULL);
  spin (300);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (list)));
  press ("Up");
  g_assert_cmpuint (selected (events, MQ_TYPE_EVENTS_PAGE), ==, after - 1);
  g_assert_cmpint (mq_events_page_get_event_id (events), ==, opened);
  g_assert_cmpstr (shown_pane (events, MQ_TYPE_EVENTS_PAGE), ==, "list");

  /* Wide again, the event beside the list follows the selection. */
  resize (fixture, 1280);
  g_assert_false (adw_leaflet_get_folded (template_child (events, MQ_TYPE_EVENTS_PAGE, "leaflet")));
  g_assert_false (gtk_list_view_get_single_click_activate (list));
  {
    g_autoptr(MqEvent) event = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)),
                                                     selected (events, MQ_TYPE_EVENTS_PAGE));

    g_assert_cmpint (mq_events_page_get_event_id (events), ==, mq_event_get_id (event));
  }

  /* The People list behaves the same. */
  resize (fixture, 400);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "people");
  spin (200);
  list = template_child (people, MQ_TYPE_PEOPLE_PAGE, "list_view");
  g_assert_cmpstr (shown_pane (people, MQ_TYPE_PEOPLE_PAGE), ==, "list");
  focus_window (fixture);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (list)));
  press ("Down Down");
  after = selected (people, MQ_TYPE_PEOPLE_PAGE);
  g_assert_cmpuint (after, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (mq_person_page_get_person_id (person_page), ==, 0);
  g_assert_cmpstr (shown_pane (people, MQ_TYPE_PEOPLE_PAGE), ==, "list");
  press ("Return");
  {
    g_autoptr(MqPerson) person = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), after);

    g_assert_cmpint (mq_person_page_get_person_id (person_page), ==, mq_person_get_id (person));
  }
  g_assert_cmpstr (shown_pane (people, MQ_TYPE_PEOPLE_PAGE), ==, "detail");
}

static void
test_arrow_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *program = g_find_program_in_path ("xdotool");

  if (program == NULL)
    {
      g_test_skip ("xdotool is not installed (make deps installs it)");
      return;
    }

  run_in_app (fixture, TRUE, test_arrow_keys_body, data);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/narrow/arrow-keys-move-without-opening", Fixture, NULL,
              fixture_set_up, test_arrow_keys, fixture_tear_down);

  return g_test_run ();
}
