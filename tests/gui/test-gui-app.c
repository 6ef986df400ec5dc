/* test-gui-app.c: the desktop app driven through its actions and widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-fixture.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mq-add-guest-dialog.h"
#include "mq-application.h"
#include "mq-event-editor.h"
#include "mq-event-page.h"
#include "mq-event-row.h"
#include "mq-events-page.h"
#include "mq-merge-dialog.h"
#include "mq-event-stats.h"
#include "mq-people-page.h"
#include "mq-rsvp-row.h"
#include "mq-window.h"


static void
add_guest (Fixture    *fixture,
           const char *name,
           int         party_size)
{
  MqEventPage *page = get_event_page (fixture);
  MqAddGuestDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "event.add-guest", NULL));
  spin (50);
  dialog = find_toplevel (MQ_TYPE_ADD_GUEST_DIALOG);
  g_assert_nonnull (dialog);
  mq_add_guest_dialog_set_new_name (dialog, name, NULL);
  mq_add_guest_dialog_set_party_size (dialog, party_size);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "guest.add", NULL));
  spin (50);
  g_assert_null (find_toplevel (MQ_TYPE_ADD_GUEST_DIALOG));
}

/* "NAME:status:party" for every RSVP, in the ledger's order. */
static char *
describe_rsvps (MqStore *store,
                gint64   event_id)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(GPtrArray) rsvps = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  rsvps = mq_rsvp_ledger_list (ledger, event_id, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < rsvps->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (rsvps, i);

      g_string_append_printf (text, "%s%s:%s:%d", i > 0 ? " " : "", mq_rsvp_get_name (rsvp),
                              mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)),
                              mq_rsvp_get_party_size (rsvp));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
find_person (MqStore    *store,
             const char *name)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(GPtrArray) found = mq_person_directory_search (directory, name, 5, NULL);

  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, >=, 1);
  return mq_person_get_id (g_ptr_array_index (found, 0));
}

static void
test_event_waitlist_undo_body (Fixture       *fixture,
                          gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  MqEventEditor *editor;
  char *state;
  gint64 id;

  /* An empty database greets with a way to start. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-event", NULL));
  spin (50);
  editor = find_toplevel (MQ_TYPE_EVENT_EDITOR);
  g_assert_nonnull (editor);

  /* Saving without a title is refused, next to the field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin (20);
  g_assert_true (find_toplevel (MQ_TYPE_EVENT_EDITOR) == editor);
  g_assert_true (gtk_widget_has_css_class (template_child (editor, MQ_TYPE_EVENT_EDITOR, "title_row"), "error"));

  gtk_editable_set_text (template_child (editor, MQ_TYPE_EVENT_EDITOR, "title_row"), "Stalker (1979)");
  adw_expander_row_set_enable_expansion (template_child (editor, MQ_TYPE_EVENT_EDITOR, "capacity_row"), TRUE);
  gtk_spin_button_set_value (template_child (editor, MQ_TYPE_EVENT_EDITOR, "capacity_spin"), 3);
  gtk_spin_button_set_value (template_child (editor, MQ_TYPE_EVENT_EDITOR, "runtime_spin"), 161);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin (50);
  g_assert_null (find_toplevel (MQ_TYPE_EVENT_EDITOR));

  events = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  event = g_list_model_get_item (events, 0);
  g_assert_cmpstr (mq_event_get_title (event), ==, "Stalker (1979)");
  g_assert_cmpint (mq_event_get_capacity (event), ==, 3);
  g_assert_cmpint (mq_event_get_film_runtime (event), ==, 161);
  id = mq_event_get_id (event);
  g_assert_cmpint (mq_event_page_get_event_id (get_event_page (fixture)), ==, id);

  /* Capacity 3: a party of two and a single fill it; then the waitlist. */
  add_guest (fixture, "Zoë Adler", 2);
  add_guest (fixture, "Björn Ødegård", 1);
  add_guest (fixture, "Carmen Ruiz", 2);
  add_guest (fixture, "Dan Levi", 1);
  state = describe_rsvps (store, id);
  g_assert_cmpstr (state, ==, "Björn Ødegård:going:1 Zoë Adler:going:2 "
                              "Carmen Ruiz:waitlisted:2 Dan Levi:waitlisted:1");
  g_free (state);

  mq_event_page_set_filter (get_event_page (fixture), MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpuint (mq_event_page_get_n_shown (get_event_page (fixture)), ==, 2);
  mq_event_page_set_filter (get_event_page (fixture), -1);
  g_assert_cmpuint (mq_event_page_get_n_shown (get_event_page (fixture)), ==, 4);

  /* Björn cancels: one seat frees, the single behind the party moves up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.set-rsvp", "(xsi)",
                                             find_person (store, "bjorn"), "cancelled", 1));
  spin (20);
  state = describe_rsvps (store, id);
  g_assert_cmpstr (state, ==, "Dan Levi:going:1 Zoë Adler:going:2 "
                              "Carmen Ruiz:waitlisted:2 Björn Ødegård:cancelled:1");
  g_free (state);

  /* Ctrl+Z puts back both Björn and Dan, Dan at his place in the queue. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  spin (20);
  state = describe_rsvps (store, id);
  g_assert_cmpstr (state, ==, "Björn Ødegård:going:1 Zoë Adler:going:2 "
                              "Carmen Ruiz:waitlisted:2 Dan Levi:waitlisted:1");
  g_free (state);

  /* Once more: the last guest added is gone again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  spin (20);
  state = describe_rsvps (store, id);
  g_assert_cmpstr (state, ==, "Björn Ødegård:going:1 Zoë Adler:going:2 Carmen Ruiz:waitlisted:2");
  g_free (state);
}

static void
test_event_delete_undo_body (Fixture       *fixture,
                        gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2031, 5, 1, 18, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqEvent) still = NULL;
  gint64 id;

  mq_event_set_title (event, "Meetup");
  mq_event_set_kind (event, MQ_EVENT_KIND_MEETUP);
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Berlin");
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);

  mq_window_show_event (fixture->window, id);
  spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.delete", NULL));
  spin (20);
  /* Hidden, not yet gone: undo brings it back. */
  g_assert_cmpint (mq_event_page_get_event_id (get_event_page (fixture)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  spin (20);
  still = mq_event_catalog_get (catalog, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (still);

  /* Without undo, closing the window deletes it for good. */
  mq_window_show_event (fixture->window, id);
  spin (20);
  g_assert_cmpint (mq_event_page_get_event_id (get_event_page (fixture)), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.delete", NULL));
  spin (20);
  mq_edit_history_flush (mq_window_get_history (fixture->window));
  g_assert_null (mq_event_catalog_get (catalog, id, NULL));
}

static void
test_every_page_with_demo_body (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const pages[] = { "upcoming", "past", "people", "upcoming" };
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(GListModel) events = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_ALL, NULL);
  MqPeoplePage *people_page = template_child (fixture->window, MQ_TYPE_WINDOW, "people_page");
  MqMergeDialog *merge;
  gint64 someone;

  g_assert_nonnull (events);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", pages[i]);
      spin (50);
      g_assert_cmpstr (mq_window_get_page (fixture->window), ==, pages[i]);
    }

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (events, i);

      mq_window_show_event (fixture->window, mq_event_get_id (event));
      spin (30);
      for (int status = -1; status <= MQ_RSVP_STATUS_CANCELLED; status++)
        mq_event_page_set_filter (get_event_page (fixture), status);
      gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.edit", NULL);
      spin (30);
      g_assert_nonnull (find_toplevel (MQ_TYPE_EVENT_EDITOR));
      close_other_windows (fixture);
    }

  gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.add-guest", NULL);
  spin (30);
  mq_add_guest_dialog_set_query (find_toplevel (MQ_TYPE_ADD_GUEST_DIALOG), "an");
  spin (30);
  close_other_windows (fixture);

  mq_people_page_set_query (people_page, "zoe");
  spin (30);
  g_assert_cmpuint (g_list_model_get_n_items (mq_people_page_get_model (people_page)), >, 0);
  mq_people_page_set_query (people_page, NULL);
  someone = find_person (store, "a");
  mq_window_show_person (fixture->window, someone);
  spin (50);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-person", NULL);
  spin (30);
  mq_window_show_person (fixture->window, someone);
  spin (30);

  merge = mq_merge_dialog_new (GTK_WINDOW (fixture->window), store, someone);
  gtk_window_present (GTK_WINDOW (merge));
  spin (50);
  close_other_windows (fixture);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  spin (50);
  close_other_windows (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  spin (50);
  close_other_windows (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL);
  spin (50);
  close_other_windows (fixture);
}

/* The row under @widget that shows @title. */
static GtkLabel *
find_event_title (GtkWidget  *widget,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label;

      if (MQ_IS_EVENT_ROW (child))
        {
          label = template_child (child, MQ_TYPE_EVENT_ROW, "title_label");
          if (g_strcmp0 (gtk_label_get_text (label), title) == 0)
            return label;
        }
      else if ((label = find_event_title (child, title)) != NULL)
        return label;
    }
  return NULL;
}

#define LONG_TITLE "Film club night at the Community Cinema Forum"

static gint64
add_event_titled (MqStore    *store,
                  const char *title)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2031, 5, 1, 18, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, title);
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Berlin");
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

/* At 400 pixels a title of two short lines shows whole in the list. */
static void
test_event_row_long_title_body (Fixture       *fixture,
                                gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  MqEventsPage *events = template_child (fixture->window, MQ_TYPE_WINDOW, "events_page");
  PangoLayout *layout;
  PangoRectangle extents;
  GtkLabel *title;

  add_event_titled (store, LONG_TITLE);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 800);
  spin (400);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "upcoming");
  spin (300);
  g_assert_true (adw_leaflet_get_folded (template_child (events, MQ_TYPE_EVENTS_PAGE, "leaflet")));

  title = find_event_title (GTK_WIDGET (events), LONG_TITLE);
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
  layout = gtk_label_get_layout (title);
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 2);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  g_assert_cmpint (extents.height, <=, gtk_widget_get_height (GTK_WIDGET (title)));
}

static void
test_event_row_long_title (Fixture       *fixture,
                           gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_event_row_long_title_body, data);
}

/* The header between the buttons has no room for a long title at 400
 * pixels, nor beside the list at about 1000: the page shows it whole as
 * its heading there. A short title stays in the header alone.
 */
static void
test_event_page_long_title_body (Fixture       *fixture,
                                 gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  MqEventsPage *events = template_child (fixture->window, MQ_TYPE_WINDOW, "events_page");
  AdwLeaflet *leaflet = template_child (events, MQ_TYPE_EVENTS_PAGE, "leaflet");
  MqEventPage *page = get_event_page (fixture);
  GtkWidget *title = template_child (page, MQ_TYPE_EVENT_PAGE, "window_title");
  GtkWidget *heading = template_child (page, MQ_TYPE_EVENT_PAGE, "title_label");
  gint64 long_id = add_event_titled (store, LONG_TITLE);
  gint64 short_id = add_event_titled (store, "Quiz Night");

  gui_test_show_at_width (fixture, 400);
  mq_window_show_event (fixture->window, long_id);
  spin (400);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (mq_event_page_get_event_id (page), ==, long_id);
  g_assert_false (gtk_widget_get_mapped (title));
  assert_label_whole (find_label_text (GTK_WIDGET (page), LONG_TITLE), GTK_WIDGET (page));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (heading))), >, 1);
  /* The header keeps the kind of event, whole. */
  assert_label_whole (template_child (page, MQ_TYPE_EVENT_PAGE, "kind_label"), GTK_WIDGET (page));

  gui_test_show_at_width (fixture, 1000);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  assert_label_whole (find_label_text (GTK_WIDGET (page), LONG_TITLE), GTK_WIDGET (page));

  gui_test_show_at_width (fixture, 1280);
  assert_label_whole (find_label_text (GTK_WIDGET (page), LONG_TITLE), GTK_WIDGET (page));

  /* A short title fits the header, wide as before: no heading. */
  mq_window_show_event (fixture->window, short_id);
  spin (400);
  g_assert_true (gtk_widget_get_mapped (title));
  g_assert_false (gtk_widget_get_mapped (heading));
  assert_label_whole (find_label_text (title, "Quiz Night"), GTK_WIDGET (page));
}

static void
test_event_page_long_title (Fixture       *fixture,
                            gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_event_page_long_title_body, data);
}

static guint
check_ticket_codes (GtkWidget *widget,
                    gboolean   wide)
{
  guint checked = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      MqRsvp *rsvp;

      if (!MQ_IS_RSVP_ROW (child))
        {
          checked += check_ticket_codes (child, wide);
          continue;
        }
      if (!gtk_widget_get_mapped (child))
        continue;

      rsvp = mq_rsvp_row_get_rsvp (MQ_RSVP_ROW (child));
      g_assert_nonnull (mq_rsvp_get_ticket_code (rsvp));
      {
        GtkLabel *code = find_label_text (child, mq_rsvp_get_ticket_code (rsvp));

        assert_label_whole (code, child);
        /* Wide, the code stays on the answer's line: the rows do not grow. */
        if (wide)
          {
            graphene_rect_t code_bounds, status_bounds;

            g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (code), child, &code_bounds));
            g_assert_true (gtk_widget_compute_bounds (template_child (child, MQ_TYPE_RSVP_ROW, "status_label"),
                                                      child, &status_bounds));
            g_assert_cmpfloat (code_bounds.origin.y, <, status_bounds.origin.y + status_bounds.size.height);
          }
      }
      checked++;
    }
  return checked;
}

/* The demo's guests have details ("a party of 2 · from meetup") that leave
 * no room for the ticket code beside them at 400 pixels: it shows whole
 * anyway, wrapped below them.
 */
static void
test_ticket_codes_narrow_body (Fixture       *fixture,
                               gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(GListModel) events = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_UPCOMING, NULL);
  MqEventsPage *events_page = template_child (fixture->window, MQ_TYPE_WINDOW, "events_page");
  GtkWidget *list = template_child (get_event_page (fixture), MQ_TYPE_EVENT_PAGE, "rsvp_list");
  gint64 id = 0;

  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events) && id == 0; i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (events, i);
      MqEventStats stats;

      if (mq_event_stats_compute (store, mq_event_get_id (event), &stats, NULL) && stats.going >= 20)
        id = mq_event_get_id (event);
    }
  g_assert_cmpint (id, >, 0);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 800);
  spin (400);
  mq_window_show_event (fixture->window, id);
  spin (400);
  g_assert_true (adw_leaflet_get_folded (template_child (events_page, MQ_TYPE_EVENTS_PAGE, "leaflet")));
  g_assert_cmpuint (check_ticket_codes (list, FALSE), >=, 5);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  spin (400);
  g_assert_false (adw_leaflet_get_folded (template_child (events_page, MQ_TYPE_EVENTS_PAGE, "leaflet")));
  g_assert_cmpuint (check_ticket_codes (list, TRUE), >=, 5);
}

static void
test_ticket_codes_narrow (Fixture       *fixture,
                          gconstpointer  data)
{
  run_in_app (fixture, TRUE, test_ticket_codes_narrow_body, data);
}

static void
test_event_waitlist_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_event_waitlist_undo_body, data);
}

static void
test_event_delete_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_event_delete_undo_body, data);
}

static void
test_every_page_with_demo (Fixture       *fixture,
                           gconstpointer  data)
{
  run_in_app (fixture, TRUE, test_every_page_with_demo_body, data);
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's MIME database
   * (XDG_DATA_DIRS) to load SVG icons; settings live in memory and each
   * case gets its own database in a temporary folder.
   */
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/event/create-waitlist-undo", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_event_waitlist_undo, fixture_tear_down);
  g_test_add ("/gui/event/delete-undo", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_event_delete_undo, fixture_tear_down);
  g_test_add ("/gui/event/long-title-at-400px", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_event_row_long_title, fixture_tear_down);
  g_test_add ("/gui/event/page-long-title-at-400-1000-1280px", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_event_page_long_title, fixture_tear_down);
  g_test_add ("/gui/event/ticket-codes-at-400px", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_ticket_codes_narrow, fixture_tear_down);
  g_test_add ("/gui/pages/demo-without-warnings", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_every_page_with_demo, fixture_tear_down);

  return g_test_run ();
}
