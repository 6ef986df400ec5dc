/* test-people.c: the People page, its rows, and undoing person edits and merges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-fixture.h"

#include <adwaita.h>

#include "mq-merge-dialog.h"
#include "mq-people-page.h"
#include "mq-person-page.h"
#include "mq-person-row.h"
#include "mq-store-private.h"
#include "mq-volunteer-roster.h"
#include "mq-window.h"

static MqPerson *
person_named (const char *name,
              const char *email)
{
  MqPerson *person = mq_person_new ();

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  return person;
}

static void
test_row_initials (void)
{
  static const struct { const char *name; const char *initials; } cases[] = {
    { "Ana de Sousa", "AS" },
    { "  zoë   adeyemi ", "ZA" },
    { "Björn", "B" },
    { "王小明", "王" },
    { "Ødegård, Åse", "ØÅ" },
  };
  GtkWidget *row = g_object_ref_sink (mq_person_row_new ());

  g_assert_cmpstr (mq_person_row_get_initials (MQ_PERSON_ROW (row)), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MqPerson) person = person_named (cases[i].name, NULL);

      mq_person_row_set_person (MQ_PERSON_ROW (row), person);
      g_assert_true (mq_person_row_get_person (MQ_PERSON_ROW (row)) == person);
      g_assert_cmpstr (mq_person_row_get_initials (MQ_PERSON_ROW (row)), ==, cases[i].initials);
    }

  mq_person_row_set_person (MQ_PERSON_ROW (row), NULL);
  g_assert_null (mq_person_row_get_person (MQ_PERSON_ROW (row)));
  g_assert_cmpstr (mq_person_row_get_initials (MQ_PERSON_ROW (row)), ==, "");
  g_object_unref (row);
}

static void
collect_rows (GtkWidget  *widget,
              GPtrArray  *rows)
{
  if (MQ_IS_PERSON_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static gboolean
model_has (GListModel *model,
           MqPerson   *person)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MqPerson) at = g_list_model_get_item (model, i);

      if (mq_person_get_id (at) == mq_person_get_id (person))
        return g_str_equal (mq_person_get_name (at), mq_person_get_name (person));
    }

  return FALSE;
}

/* How many rows show someone; each of them must be in @model. */
static guint
count_bound_rows (MqPeoplePage *page,
                  GListModel   *model)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint bound = 0;

  collect_rows (GTK_WIDGET (page), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      MqPerson *person = mq_person_row_get_person (g_ptr_array_index (rows, i));

      if (person != NULL)
        {
          g_assert_true (model_has (model, person));
          bound++;
        }
    }

  return bound;
}

/* The rows show the model's people, also after a search. */
static void
test_list_rows_body (Fixture       *fixture,
                     gconstpointer  data)
{
  MqPeoplePage *page = template_child (fixture->window, MQ_TYPE_WINDOW, "people_page");
  GListModel *model;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "people");
  spin (200);
  model = mq_people_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 100);
  g_assert_cmpuint (count_bound_rows (page, model), >, 10);

  mq_people_page_set_query (page, "zoe");
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 20);
  g_assert_cmpuint (count_bound_rows (page, model), ==, g_list_model_get_n_items (model));
  mq_people_page_set_query (page, NULL);
}

static void
test_list_rows (Fixture       *fixture,
                gconstpointer  data)
{
  run_in_app (fixture, TRUE, test_list_rows_body, data);
}

static MqPersonPage *
get_person_page (Fixture *fixture)
{
  MqPeoplePage *people = template_child (fixture->window, MQ_TYPE_WINDOW, "people_page");

  return template_child (people, MQ_TYPE_PEOPLE_PAGE, "person_page");
}

static void
type_into (Fixture    *fixture,
           const char *row,
           const char *text)
{
  gtk_editable_set_text (template_child (get_person_page (fixture), MQ_TYPE_PERSON_PAGE, row), text);
}

static const char *
typed (Fixture    *fixture,
       const char *row)
{
  return gtk_editable_get_text (template_child (get_person_page (fixture), MQ_TYPE_PERSON_PAGE, row));
}

static MqPerson *
read_person (MqStore *store,
             gint64   id)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);

  return mq_person_directory_get (directory, id, NULL);
}

static char *
tags_of (MqPerson *person)
{
  return g_strjoinv (",", (char **) mq_person_get_tags (person));
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  spin (50);
}

/* A person added and edited on the page, both taken back with Ctrl+Z's
 * action; the page shows what was put back.
 */
static void
test_person_edit_undo_body (Fixture       *fixture,
                            gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  MqPeoplePage *people = template_child (fixture->window, MQ_TYPE_WINDOW, "people_page");
  MqPersonPage *page = get_person_page (fixture);
  g_autoptr(MqPerson) person = NULL;
  g_autofree char *tags = NULL;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-person", NULL));
  spin (50);
  type_into (fixture, "name_row", "Ada Okafor");
  type_into (fixture, "email_row", "ada@example.org");
  type_into (fixture, "tags_row", "greeter, door");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.save", NULL));
  spin (50);
  id = mq_person_page_get_person_id (page);
  g_assert_cmpint (id, >, 0);

  type_into (fixture, "name_row", "Ada Okafor-Brandt");
  type_into (fixture, "email_row", "ada@brandt.example");
  type_into (fixture, "tags_row", "projectionist");
  gtk_switch_set_active (template_child (page, MQ_TYPE_PERSON_PAGE, "photo_switch"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.save", NULL));
  spin (50);
  person = read_person (store, id);
  g_assert_cmpstr (mq_person_get_email (person), ==, "ada@brandt.example");
  g_assert_true (mq_person_get_consent_photo (person));
  g_clear_object (&person);

  /* The edit goes, on the page too. */
  undo (fixture);
  person = read_person (store, id);
  g_assert_nonnull (person);
  g_assert_cmpstr (mq_person_get_name (person), ==, "Ada Okafor");
  g_assert_cmpstr (mq_person_get_email (person), ==, "ada@example.org");
  tags = tags_of (person);
  g_assert_cmpstr (tags, ==, "door,greeter");
  g_assert_false (mq_person_get_consent_photo (person));
  g_clear_object (&person);
  g_assert_cmpstr (typed (fixture, "name_row"), ==, "Ada Okafor");
  g_assert_cmpstr (typed (fixture, "email_row"), ==, "ada@example.org");
  g_assert_false (gtk_switch_get_active (template_child (page, MQ_TYPE_PERSON_PAGE, "photo_switch")));

  /* Then the addition: the person is gone and the page says nobody is selected. */
  undo (fixture);
  g_assert_null (read_person (store, id));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (people, MQ_TYPE_PEOPLE_PAGE, "detail_stack")),
                   ==, "none");

  /* Nothing left to undo, and nothing breaks. */
  g_assert_false (mq_edit_history_get_can_undo (mq_window_get_history (fixture->window)));
}

static void
test_person_edit_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_person_edit_undo_body, data);
}

static gint64
add_person (MqStore    *store,
            const char *name,
            const char *email,
            const char *mastodon,
            const char *bluesky)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  const char * const tags[] = { "regular", NULL };
  gint64 id;

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  mq_person_set_mastodon (person, mastodon);
  mq_person_set_bluesky (person, bluesky);
  mq_person_set_tags (person, tags);
  id = mq_person_directory_add (directory, person, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_event (MqStore    *store,
           const char *title,
           int         capacity)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2031, 5, 1, 18, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, title);
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Berlin");
  mq_event_set_capacity (event, capacity > 0 ? capacity : -1);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
answer (MqStore      *store,
        gint64        event_id,
        gint64        person_id,
        MqRsvpStatus  status)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;

  rsvp = mq_rsvp_ledger_set (ledger, event_id, person_id, status, 1, "manual", "test", NULL,
                             MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);

  return mq_rsvp_get_id (rsvp);
}

/* Every row a merge touches, as text; the RSVP history up to @history_id. */
static char *
dump_tables (MqStore *store,
             gint64   history_id)
{
  g_autofree char *history = g_strdup_printf ("SELECT * FROM rsvp_history WHERE id <= %" G_GINT64_FORMAT
                                              " ORDER BY id", history_id);
  const char * const queries[] = {
    "SELECT * FROM people ORDER BY id",
    "SELECT * FROM person_tags ORDER BY person_id, tag",
    "SELECT id, event_id, person_id, status, party_size, ticket_code, waitlist_seq, waitlisted_at"
    " FROM rsvps ORDER BY id",
    history,
    "SELECT * FROM check_ins ORDER BY id",
    "SELECT * FROM volunteers ORDER BY event_id, person_id, role",
    "SELECT * FROM person_merges ORDER BY id",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = mq_store_prepare (store, queries[i], NULL);

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *value = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (text, "%s%s", c > 0 ? "|" : "", value != NULL ? value : "NULL");
            }
          g_string_append_c (text, '\n');
        }
      sqlite3_reset (stmt);
      g_string_append (text, "--\n");
    }

  return g_string_free (text, FALSE);
}

static gint64
max_history_id (MqStore *store)
{
  sqlite3_stmt *stmt = mq_store_prepare (store, "SELECT max (id) FROM rsvp_history", NULL);
  gint64 id;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static MqRsvpStatus
status_of (MqStore *store,
           gint64   event_id,
           gint64   person_id)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(MqRsvp) rsvp = mq_rsvp_ledger_find (ledger, event_id, person_id, NULL);

  g_assert_nonnull (rsvp);
  return mq_rsvp_get_status (rsvp);
}

/* Two records of Ana merged in the dialog, one field taken from the other
 * record, then undone: both records, their RSVPs, check-in, roles and
 * handles are back as they were, and the guest the merge let in off the
 * waitlist waits again.
 */
static void
test_merge_undo_body (Fixture       *fixture,
                      gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqCheckInLog) door = mq_check_in_log_new (store);
  g_autoptr(MqVolunteerRoster) roster = mq_volunteer_roster_new (store);
  g_autoptr(MqPerson) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *after = NULL;
  MqMergeDialog *dialog;
  gint64 keep, drop, waiting, full, open, history_id;

  keep = add_person (store, "Ana García", "ana@example.org", NULL, NULL);
  drop = add_person (store, "Ana Garcia", "ana.garcia@example.net", "@ana@films.social", "ana.bsky.social");
  waiting = add_person (store, "Waiting Guest", NULL, NULL, NULL);
  full = add_event (store, "Honeyland", 2);
  open = add_event (store, "Aftersun", 0);
  answer (store, full, keep, MQ_RSVP_STATUS_GOING);
  answer (store, full, drop, MQ_RSVP_STATUS_GOING);
  answer (store, full, waiting, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (status_of (store, full, waiting), ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpint (mq_check_in_log_admit (door, answer (store, open, drop, MQ_RSVP_STATUS_GOING), 0,
                                          "Door 1", NULL, NULL, &error), ==, MQ_ADMIT_ADMITTED);
  g_assert_no_error (error);
  g_assert_true (mq_volunteer_roster_add (roster, open, drop, MQ_VOLUNTEER_ROLE_DOOR, &error));
  g_assert_no_error (error);

  history_id = max_history_id (store);
  before = dump_tables (store, history_id);

  /* As the organizer does it: the person page's Merge, pick the other record. */
  mq_window_show_person (fixture->window, keep);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_person_page (fixture)), "person.merge", NULL));
  spin (100);
  dialog = find_toplevel (MQ_TYPE_MERGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (mq_merge_dialog_set_other (dialog, drop));
  g_assert_true (mq_merge_dialog_take_other (dialog, "email"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.merge", NULL));
  spin (100);
  g_assert_null (find_toplevel (MQ_TYPE_MERGE_DIALOG));

  merged = dump_tables (store, history_id);
  g_assert_cmpstr (merged, !=, before);
  g_assert_null (read_person (store, drop));
  kept = read_person (store, keep);
  g_assert_cmpstr (mq_person_get_email (kept), ==, "ana.garcia@example.net");
  g_assert_cmpstr (mq_person_get_mastodon (kept), ==, "@ana@films.social");
  g_clear_object (&kept);
  g_assert_cmpint (status_of (store, full, waiting), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (status_of (store, open, keep), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpstr (typed (fixture, "email_row"), ==, "ana.garcia@example.net");

  undo (fixture);
  after = dump_tables (store, history_id);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (status_of (store, full, waiting), ==, MQ_RSVP_STATUS_WAITLISTED);
  /* The page shows Ana as she was before the merge. */
  g_assert_cmpint (mq_person_page_get_person_id (get_person_page (fixture)), ==, keep);
  g_assert_cmpstr (typed (fixture, "email_row"), ==, "ana@example.org");
  g_assert_cmpstr (typed (fixture, "mastodon_row"), ==, "");
}

static void
test_merge_undo (Fixture       *fixture,
                 gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_merge_undo_body, data);
}

#define LONG_NAME "Maria-Magdalena Papadopoulou-Fernández de la Vega"

/* The header between Back, Save and the menu has room for a few letters at
 * 400 pixels, and not for the whole name until well past the width where
 * the list comes back beside the page: there the name shows whole, wrapped,
 * as the page's heading instead; where it fits, in the header alone.
 */
static void
test_long_name_narrow_body (Fixture       *fixture,
                            gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  MqPeoplePage *people = template_child (fixture->window, MQ_TYPE_WINDOW, "people_page");
  AdwLeaflet *leaflet = template_child (people, MQ_TYPE_PEOPLE_PAGE, "leaflet");
  MqPersonPage *page = get_person_page (fixture);
  GtkLabel *heading = template_child (page, MQ_TYPE_PERSON_PAGE, "name_label");
  GtkWidget *title = template_child (page, MQ_TYPE_PERSON_PAGE, "window_title");
  PangoLayout *layout;
  gint64 id = gui_test_add_person (store, LONG_NAME);

  gui_test_show_at_width (fixture, 400);
  mq_window_show_person (fixture->window, id);
  spin (400);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (mq_person_page_get_person_id (page), ==, id);

  g_assert_false (gtk_widget_get_mapped (title));
  g_assert_cmpstr (gtk_label_get_text (heading), ==, LONG_NAME);
  assert_label_whole (heading, GTK_WIDGET (page));
  /* Wrapped within the window. */
  layout = gtk_label_get_layout (heading);
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (heading)), <, 400);

  /* Unfolded, the list beside the page leaves the header too little room
   * still: the heading stays, the header shows no cut name. */
  gui_test_show_at_width (fixture, 1000);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_mapped (title));
  assert_label_whole (heading, GTK_WIDGET (page));

  /* Wide, the header holds the whole name again and the heading goes. */
  gui_test_show_at_width (fixture, 1280);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (heading)));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, LONG_NAME);
  assert_label_whole (find_label_text (title, LONG_NAME), GTK_WIDGET (page));

  /* A short name fits the header at 1000 pixels, with no heading. */
  mq_window_show_person (fixture->window, gui_test_add_person (store, "Ana Lima"));
  gui_test_show_at_width (fixture, 1000);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (heading)));
  assert_label_whole (find_label_text (title, "Ana Lima"), GTK_WIDGET (page));

  /* Back to the long name there: the heading again. */
  mq_window_show_person (fixture->window, id);
  spin (400);
  g_assert_false (gtk_widget_get_mapped (title));
  assert_label_whole (heading, GTK_WIDGET (page));
}

static void
test_long_name_narrow (Fixture       *fixture,
                       gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_long_name_narrow_body, data);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/people/row-initials", test_row_initials);
  g_test_add ("/gui/people/list-rows", Fixture, NULL,
              fixture_set_up, test_list_rows, fixture_tear_down);
  g_test_add ("/gui/people/edit-undo", Fixture, NULL,
              fixture_set_up, test_person_edit_undo, fixture_tear_down);
  g_test_add ("/gui/people/merge-undo", Fixture, NULL,
              fixture_set_up, test_merge_undo, fixture_tear_down);
  g_test_add ("/gui/people/long-name-at-400-and-1000px", Fixture, NULL,
              fixture_set_up, test_long_name_narrow, fixture_tear_down);

  return g_test_run ();
}
