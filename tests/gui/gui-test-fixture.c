/* gui-test-fixture.c: the real application around a GUI test case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-fixture.h"
#include "mq-events-page.h"
#include "mq-person-directory.h"
#include "mq-rsvp-ledger.h"

static guint n_problems;

/* Every GTK, Adwaita or app warning or critical fails the test; only the
 * a11y bus message of a machine without one is the environment's business.
 */
static GLogWriterOutput
count_problems (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      const char *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE"))
          message = fields[i].value;

      if (message == NULL || strstr (message, "session bus") == NULL)
        {
          n_problems++;
          g_printerr ("Problem logged: %s\n", message != NULL ? message : "(no message)");
        }
    }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("marquee-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "gui-test.db", NULL);
}

static gboolean
run_body (gpointer user_data)
{
  Fixture *fixture = user_data;

  spin (200);
  fixture->body (fixture, fixture->data);

  close_other_windows (fixture);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin (50);
  g_assert_null (fixture->window);

  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Fixture        *fixture)
{
  if (MQ_IS_WINDOW (window) && fixture->window == NULL)
    {
      fixture->window = MQ_WINDOW (window);
      g_idle_add (run_body, fixture);
    }
}

/* Runs @body inside the real application, started as a user would. */
void
run_in_app (Fixture        *fixture,
            gboolean        demo,
            TestBody        body,
            gconstpointer   data)
{
  const char *argv[] = { "marquee", "--db", fixture->path, demo ? "--demo" : NULL, NULL };

  fixture->body = body;
  fixture->data = data;
  fixture->app = mq_application_new ();
  g_signal_connect (fixture->app, "window-added", G_CALLBACK (on_window_added), fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), demo ? 4 : 3, (char **) argv), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&fixture->app));
}

void
close_other_windows (Fixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) fixture->window)
      gtk_window_destroy (l->data);
  spin (50);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_database (fixture->path);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_assert_cmpuint (n_problems, ==, 0);
}

gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

GtkLabel *
find_label_text (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((label = find_label_text (child, text)) != NULL)
        return label;
    }
  return NULL;
}

void
assert_label_whole (GtkLabel  *label,
                    GtkWidget *within)
{
  PangoLayout *layout;
  PangoRectangle extents;
  graphene_rect_t bounds;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  layout = gtk_label_get_layout (label);
  g_assert_false (pango_layout_is_ellipsized (layout));
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  g_assert_cmpint (extents.width, <=, gtk_widget_get_width (GTK_WIDGET (label)));
  g_assert_cmpint (extents.height, <=, gtk_widget_get_height (GTK_WIDGET (label)));

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), within, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (within));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (within));
}

MqEventPage *
get_event_page (Fixture *fixture)
{
  MqEventsPage *events_page = template_child (fixture->window, MQ_TYPE_WINDOW, "events_page");

  return template_child (events_page, MQ_TYPE_EVENTS_PAGE, "event_page");
}

void
gui_test_show_at_width (Fixture *fixture,
                        int      width)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 800);
  spin (400);
}

void
gui_test_init (int    *argc,
               char ***argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's MIME database
   * (XDG_DATA_DIRS) to load SVG icons; settings live in memory and each
   * case gets its own database in a temporary folder.
   */
  g_test_init (argc, argv, NULL);
  g_log_set_writer_func (count_problems, NULL, NULL);
  gtk_init ();
  adw_init ();
}

gint64
gui_test_add_person (MqStore    *store,
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

MqRsvp *
gui_test_add_going (MqStore *store,
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
