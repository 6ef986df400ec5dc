/* take-screenshots.c: the screenshots in docs/screenshots, from the running app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: tests/gui/take-screenshots.sh runs it under Xvfb once per size
 * and colour scheme, as it runs take-announcement-screenshots and
 * take-hashtag-screenshots for the pages that need accounts and servers
 * (Announcements, the composer, Who Is Talking). It starts the real application on a fresh demo
 * database, walks to every page and window a user can open, and captures
 * each with ImageMagick's `import` (the main window from the screen, other
 * windows by their X window id).
 *
 *   take-screenshots OUTDIR SUFFIX light|dark [SHOT...]
 *
 * writes OUTDIR/SHOT-SUFFIX.png ("people-narrow-dark.png"); without SHOT
 * arguments it takes those the run (size and scheme) wants; named, they are
 * taken in any run. The window takes the size of the screen;
 * below 600 pixels the other windows do too, as on a phone.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "mq-application.h"
#include "mq-door-window.h"
#include "mq-event-editor.h"
#include "mq-events-page.h"
#include "mq-export-dialog.h"
#include "mq-merge-dialog.h"
#include "mq-people-page.h"
#include "mq-person-attendance.h"
#include "mq-preferences-window.h"
#include "mq-window.h"
#include "screenshot-capture.h"
#include "take-screenshots.h"

gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static void
close_other_windows (Driver *driver)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) driver->window && gtk_widget_get_visible (l->data))
      gtk_window_destroy (l->data);
  screenshot_spin (100);
}

gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
}

static MqEventsPage *
events_page (Driver *driver)
{
  return template_child (driver->window, MQ_TYPE_WINDOW, "events_page");
}

MqEventPage *
event_page (Driver *driver)
{
  return template_child (events_page (driver), MQ_TYPE_EVENTS_PAGE, "event_page");
}

static MqPeoplePage *
people_page (Driver *driver)
{
  return template_child (driver->window, MQ_TYPE_WINDOW, "people_page");
}

/* A window of its own fills the small screen, as on a phone. */
GtkWindow *
fit (Driver    *driver,
     GtkWindow *window)
{
  if (window != NULL && driver->narrow)
    gtk_window_set_default_size (window, driver->width, driver->height);
  return window;
}

static GtkWindow *
shot_events (Driver *driver)
{
  mq_window_show_event (driver->window, driver->event_id);
  if (driver->narrow)
    gtk_widget_activate_action (GTK_WIDGET (events_page (driver)), "events.back", NULL);
  return NULL;
}

static GtkWindow *
shot_event (Driver *driver)
{
  mq_window_show_event (driver->window, driver->event_id);
  return NULL;
}

static GtkWindow *
shot_past (Driver *driver)
{
  gtk_widget_activate_action (GTK_WIDGET (driver->window), "win.show-page", "s", "past");
  return NULL;
}

static GtkWindow *
shot_sidebar (Driver *driver)
{
  gtk_widget_activate_action (GTK_WIDGET (driver->window), "win.show-page", "s", "upcoming");
  gtk_widget_activate_action (GTK_WIDGET (driver->window), "win.show-sidebar", NULL);
  return NULL;
}

static GtkWindow *
shot_people (Driver *driver)
{
  mq_window_show_person (driver->window, driver->person_id);
  if (driver->narrow)
    gtk_widget_activate_action (GTK_WIDGET (people_page (driver)), "people.back", NULL);
  return NULL;
}

static GtkWindow *
shot_people_search (Driver *driver)
{
  mq_window_show_person (driver->window, driver->person_id);
  /* Typed into the entry, so the shot shows the query too. */
  gtk_editable_set_text (template_child (people_page (driver), MQ_TYPE_PEOPLE_PAGE, "search_entry"), "an");
  if (driver->narrow)
    gtk_widget_activate_action (GTK_WIDGET (people_page (driver)), "people.back", NULL);
  return NULL;
}

static GtkWindow *
shot_person (Driver *driver)
{
  mq_window_show_person (driver->window, driver->person_id);
  return NULL;
}

static GtkWindow *
shot_editor (Driver *driver)
{
  mq_window_show_event (driver->window, driver->event_id);
  screenshot_spin (100);
  gtk_widget_activate_action (GTK_WIDGET (event_page (driver)), "event.edit", NULL);
  return fit (driver, find_toplevel (MQ_TYPE_EVENT_EDITOR));
}

GtkWindow *
open_from_event (Driver     *driver,
                 const char *action,
                 GType       type)
{
  mq_window_show_event (driver->window, driver->event_id);
  screenshot_spin (100);
  gtk_widget_activate_action (GTK_WIDGET (event_page (driver)), action, NULL);
  screenshot_spin (300);
  return fit (driver, find_toplevel (type));
}

static GtkWindow *
shot_door (Driver *driver)
{
  return open_from_event (driver, "event.open-door", MQ_TYPE_DOOR_WINDOW);
}

static GtkWindow *
shot_door_search (Driver *driver)
{
  GtkWindow *door = shot_door (driver);

  /* Two letters, as a volunteer types them: several guests match. */
  if (door != NULL)
    gtk_editable_set_text (template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry"), "ma");
  return door;
}

static GtkWindow *
shot_export (Driver *driver)
{
  return open_from_event (driver, "event.export", MQ_TYPE_EXPORT_DIALOG);
}

static GtkWindow *
shot_preferences (Driver *driver)
{
  g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (driver->window))),
                                  "preferences", NULL);
  return fit (driver, find_toplevel (MQ_TYPE_PREFERENCES_WINDOW));
}

static GtkWindow *
shot_merge (Driver *driver)
{
  MqMergeDialog *dialog;

  if (driver->twin_id == 0)
    return NULL;

  mq_window_show_person (driver->window, driver->person_id);
  dialog = mq_merge_dialog_new (GTK_WINDOW (driver->window), driver->store, driver->person_id);
  gtk_window_present (GTK_WINDOW (dialog));
  screenshot_spin (200);
  mq_merge_dialog_set_other (dialog, driver->twin_id);
  return fit (driver, GTK_WINDOW (dialog));
}

/* Which of the four runs of take-screenshots.sh take a shot. */
enum
{
  WIDE = 1 << 0,
  NARROW = 1 << 1,
  WIDE_DARK = 1 << 2,
  NARROW_DARK = 1 << 3,
  EVERY_RUN = WIDE | NARROW | WIDE_DARK | NARROW_DARK,
};

typedef struct
{
  const char *name;
  ShotFunc    func;
  guint       runs;
} Shot;

static const Shot shots[] = {
  { "events", shot_events, NARROW | NARROW_DARK },
  { "event", shot_event, EVERY_RUN },
  { "past", shot_past, EVERY_RUN },
  { "sidebar", shot_sidebar, NARROW | NARROW_DARK },
  { "people", shot_people, EVERY_RUN },
  { "people-search", shot_people_search, EVERY_RUN },
  { "person", shot_person, NARROW | NARROW_DARK },
  { "editor", shot_editor, EVERY_RUN },
  { "greeter-view", shot_greeters, EVERY_RUN },
  { "door-mode", shot_door, EVERY_RUN },
  { "door-search", shot_door_search, EVERY_RUN },
  { "volunteers", shot_volunteers, EVERY_RUN },
  { "import-assistant", shot_import, EVERY_RUN },
  { "import-mapping", shot_import_mapping, EVERY_RUN },
  { "import-review", shot_import_review, EVERY_RUN },
  { "export", shot_export, EVERY_RUN },
  { "preferences", shot_preferences, EVERY_RUN },
  { "merge", shot_merge, EVERY_RUN },
  /* The README's and the guide's pictures of a working evening, light only;
   * the greeter view pairs and admits, so these come after the shots of the
   * demo as it was.
   */
  { "greeters", shot_greeters_paired, WIDE | NARROW },
  { "greeters-empty", shot_greeters_empty, NARROW },
  { "door-admitted", shot_door_admitted, WIDE },
  { "door-already-in", shot_door_already_in, WIDE },
  { "door-party", shot_door_party, WIDE },
  { "door-waitlisted", shot_door_waitlisted, WIDE },
  { "door-walk-in", shot_door_walk_in, WIDE },
  { "door", shot_door_waitlisted, NARROW },
  { "import-summary", shot_import_summary, EVERY_RUN },
};

static gboolean
wanted (Driver     *driver,
        const Shot *shot)
{
  guint run = driver->narrow ? (driver->dark ? NARROW_DARK : NARROW) : (driver->dark ? WIDE_DARK : WIDE);

  if (driver->only != NULL && driver->only[0] != NULL)
    return g_strv_contains ((const char * const *) driver->only, shot->name);
  return (shot->runs & run) != 0;
}

static void
capture (Driver     *driver,
         const char *name,
         GtkWindow  *window)
{
  if (!screenshot_capture (driver->outdir, name, driver->suffix, window))
    driver->status = 1;
}

/* The demo's upcoming event with the longest waitlist, and the person with
 * the most answers; a second record under a demo name for the merge.
 */
static void
pick_subjects (Driver *driver)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (driver->store);
  g_autoptr(GListModel) events = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_UPCOMING, NULL);
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (driver->store);
  g_autoptr(GPtrArray) people = mq_person_directory_list (directory, 0, 300, NULL);
  guint best = 0, most = 0;

  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (events, i);
      MqEventStats stats;

      if (mq_event_stats_compute (driver->store, mq_event_get_id (event), &stats, NULL) &&
          (driver->event_id == 0 || stats.waitlisted > best))
        {
          driver->event_id = mq_event_get_id (event);
          best = stats.waitlisted;
        }
    }

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      MqPerson *person = g_ptr_array_index (people, i);
      g_autoptr(GPtrArray) attended = mq_person_attendance_list (driver->store, mq_person_get_id (person), NULL);

      if (attended != NULL && attended->len > most && mq_person_get_email (person) != NULL)
        {
          driver->person_id = mq_person_get_id (person);
          most = attended->len;
        }
    }

  if (driver->person_id != 0)
    {
      g_autoptr(MqPerson) person = mq_person_directory_get (directory, driver->person_id, NULL);
      g_autoptr(MqPerson) twin = mq_person_new ();
      mq_person_set_name (twin, mq_person_get_name (person));
      mq_person_set_email (twin, "second.address@example.org");
      mq_person_set_phone (twin, "+49 30 5550 1234");
      mq_person_set_pronouns (twin, "she/her");
      driver->twin_id = mq_person_directory_add (directory, twin, NULL);
    }
}

static gboolean
run (gpointer user_data)
{
  Driver *driver = user_data;

  driver->store = mq_application_get_store (MQ_APPLICATION (gtk_window_get_application (GTK_WINDOW (driver->window))));
  pick_subjects (driver);
  screenshot_spin (1000);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      GtkWindow *window;

      if (!wanted (driver, &shots[i]))
        continue;

      window = shots[i].func (driver);
      screenshot_spin (1200);
      capture (driver, shots[i].name, window);
      close_other_windows (driver);
      gtk_editable_set_text (template_child (people_page (driver), MQ_TYPE_PEOPLE_PAGE, "search_entry"), "");
      gtk_widget_activate_action (GTK_WIDGET (driver->window), "win.show-page", "s", "upcoming");
      screenshot_spin (200);
    }

  gtk_window_destroy (GTK_WINDOW (driver->window));
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *added,
                 Driver         *driver)
{
  if (MQ_IS_WINDOW (added) && driver->window == NULL)
    {
      driver->window = MQ_WINDOW (added);
      gtk_window_set_default_size (added, driver->width, driver->height);
      g_idle_add (run, driver);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MqApplication) app = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  const char *app_argv[] = { "marquee", "--db", NULL, "--demo", NULL };
  Driver driver = { 0 };
  GdkRectangle geometry;
  GdkMonitor *monitor;
  int status;

  if (argc < 4 || (!g_str_equal (argv[3], "light") && !g_str_equal (argv[3], "dark")))
    {
      g_printerr ("usage: %s OUTDIR SUFFIX light|dark [SHOT...]\n", argv[0]);
      return 2;
    }

  /* As src/gui/main.c does, so that LANGUAGE=es takes the shots in Spanish. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MARQUEE_LOCALEDIR") != NULL ? g_getenv ("MARQUEE_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  /* What the app shows when the desktop prefers dark: it follows the system. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      g_str_equal (argv[3], "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                    : ADW_COLOR_SCHEME_FORCE_LIGHT);
  monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);

  driver.outdir = argv[1];
  driver.suffix = argv[2];
  driver.only = argv + 4;
  driver.width = geometry.width;
  driver.height = geometry.height;
  driver.narrow = geometry.width < 600;
  driver.dark = g_str_equal (argv[3], "dark");

  dir = g_dir_make_tmp ("marquee-screenshots-XXXXXX", NULL);
  db = g_build_filename (dir, "demo.db", NULL);
  app_argv[2] = db;
  app = mq_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &driver);
  status = g_application_run (G_APPLICATION (app), 4, (char **) app_argv);

  for (const char * const *suffix = (const char *[]) { "", "-wal", "-shm", NULL }; *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (db, *suffix, NULL);

      g_remove (file);
    }
  g_rmdir (dir);

  return status != 0 ? status : driver.status;
}
