/* take-announcement-screenshots.c: docs/screenshots/announcements*.png
 *
 * Not a test: run by hand under Xvfb, once per size and colour scheme, e.g.
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" \
 *     take-announcement-screenshots docs/screenshots "" light
 *   xvfb-run -a -s "-screen 0 400x800x24" \
 *     take-announcement-screenshots docs/screenshots narrow dark
 *
 * It starts the real app on a fresh demo database, connects two accounts
 * (rows only: nothing is posted, no secret exists), fills the outbox with
 * posts in every state through the outbox API, and captures the
 * Announcements page and the composer with ImageMagick's `import`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mq-announcements-page.h"
#include "mq-application.h"
#include "mq-composer-image.h"
#include "mq-composer-window.h"
#include "mq-window.h"
#include "screenshot-capture.h"

typedef struct
{
  MqWindow   *window;
  MqStore    *store;
  const char *outdir;
  const char *suffix;
  char       *poster;
  int         width;
  int         height;
  int         status;
} Driver;

static void
capture (Driver     *driver,
         const char *name)
{
  screenshot_spin (600);
  if (!screenshot_capture (driver->outdir, name, driver->suffix, NULL))
    driver->status = 1;
}

/* The next upcoming events of the demo season. */
static gint64
upcoming_event (Driver *driver,
                guint   index)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (driver->store);
  g_autoptr(GListModel) events = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_UPCOMING, NULL);
  g_autoptr(MqEvent) event = NULL;

  g_assert (events != NULL && g_list_model_get_n_items (events) > index);
  event = g_list_model_get_item (events, index);
  return mq_event_get_id (event);
}

static gint64
queue (MqOutbox   *outbox,
       gint64      event_id,
       gint64      account_id,
       const char *text,
       const char *scheduled_at)
{
  g_autoptr(GError) error = NULL;
  gint64 announcement_id, job_id;

  announcement_id = mq_outbox_add_announcement (outbox, event_id, text, NULL, NULL, "en", NULL, scheduled_at, &error);
  g_assert_no_error (error);
  job_id = mq_outbox_enqueue (outbox, announcement_id, account_id, text, FALSE, &error);
  g_assert_no_error (error);
  return job_id;
}

/* Moves the job just queued to 'sending', as the sender would. */
static void
claim (MqOutbox *outbox,
       gint64    job_id)
{
  g_autoptr(MqOutboxJob) job = mq_outbox_claim_next (outbox, NULL);

  g_assert (job != NULL && job->id == job_id);
}

/* Returns the failed job, whose row the shot shows open. */
static gint64
fill_outbox (Driver *driver)
{
  g_autoptr(MqOutbox) outbox = mq_outbox_new (driver->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) friday = g_date_time_add_days (now, 3);
  g_autoptr(GDateTime) retry = g_date_time_add_minutes (now, 25);
  g_autofree char *friday_iso = g_date_time_format (friday, "%Y-%m-%dT18:00:00Z");
  g_autoptr(GError) error = NULL;
  gint64 bluesky, mastodon, next, after, job, failed;

  bluesky = mq_outbox_add_account (outbox, MQ_SOCIAL_NETWORK_BLUESKY, "https://bsky.social",
                                   "filmclub.bsky.social", &error);
  g_assert_no_error (error);
  mastodon = mq_outbox_add_account (outbox, MQ_SOCIAL_NETWORK_MASTODON, "https://films.social",
                                    "@filmclub", &error);
  g_assert_no_error (error);
  mq_outbox_update_account (outbox, mastodon, "1090", "Riverside Film Club", 1000, &error);
  g_assert_no_error (error);

  next = upcoming_event (driver, 0);
  after = upcoming_event (driver, 1);

  job = queue (outbox, next, bluesky, "This Friday we screen a classic. Doors 19:00, free for members.", NULL);
  claim (outbox, job);
  mq_outbox_mark_posted (outbox, job, "at://did:plc:filmclub/app.bsky.feed.post/3lbq2k7xgds2c",
                         "https://bsky.app/profile/filmclub.bsky.social/post/3lbq2k7xgds2c", &error);
  g_assert_no_error (error);
  job = queue (outbox, next, mastodon, "This Friday we screen a classic. Doors 19:00, free for members.", NULL);
  claim (outbox, job);
  mq_outbox_mark_retry (outbox, job, "Rate limited until 14:25 (Too many requests)",
                        retry, &error);
  g_assert_no_error (error);

  failed = job = queue (outbox, after, mastodon, "Seats are going fast for our next screening.", NULL);
  claim (outbox, job);
  mq_outbox_mark_failed (outbox, job, "The server refused the login (The access token was revoked): log in "
                         "to this account again", &error);
  g_assert_no_error (error);
  /* Bluesky posts wait in the local outbox until their time. */
  queue (outbox, after, bluesky, "Seats are going fast for our next screening.", friday_iso);
  return failed;
}

/* A poster for the composer: a gradient and the film's name. */
static char *
write_poster (const char *dir)
{
  char *path = g_build_filename (dir, "poster.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 360);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 600, 360);

  cairo_pattern_add_color_stop_rgb (gradient, 0, 0.11, 0.20, 0.35);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0.85, 0.45, 0.20);
  cairo_set_source (cr, gradient);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 56);
  cairo_move_to (cr, 40, 300);
  cairo_show_text (cr, "FRIDAY FILM NIGHT");
  cairo_surface_write_to_png (surface, path);
  cairo_pattern_destroy (gradient);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

static gboolean
image_is_read (MqComposerImage *image)
{
  return !mq_composer_image_get_busy (image);
}

static gboolean
run (gpointer data)
{
  Driver *driver = data;
  MqComposerWindow *composer;
  MqComposerImage *image;
  MqAnnouncementsPage *page;
  gint64 until, failed;

  screenshot_spin (500);
  failed = fill_outbox (driver);
  mq_window_show_page (driver->window, "announcements");
  screenshot_spin (200);
  page = MQ_ANNOUNCEMENTS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (driver->window), MQ_TYPE_WINDOW,
                                                               "announcements_page"));
  /* The failed post open: the server's words, Retry and Cancel Post. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (mq_announcements_page_find_job_row (page, failed)), TRUE);
  capture (driver, "announcements");

  mq_composer_window_open (GTK_WIDGET (driver->window), driver->store, 0);
  screenshot_spin (200);
  composer = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (MQ_IS_COMPOSER_WINDOW (l->data))
      composer = l->data;
  g_assert (composer != NULL);
  gtk_window_set_default_size (GTK_WINDOW (composer), driver->width, driver->height);
  mq_composer_window_set_text (composer, "{film} at {venue}, {date} at {time}.\n"
                                         "{seats_left} seats left. {hashtag}");
  image = MQ_COMPOSER_IMAGE (gtk_widget_get_template_child (GTK_WIDGET (composer), MQ_TYPE_COMPOSER_WINDOW,
                                                             "image_group"));
  mq_composer_image_set_path (image, driver->poster);
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!image_is_read (image) && g_get_monotonic_time () < until)
    screenshot_spin (20);
  mq_composer_image_set_alt (image, "Poster: “Friday Film Night” in white on an evening sky");
  screenshot_spin (200);
  /* Reading the image moved the focus (and the view) to its description. */
  for (GtkWidget *w = GTK_WIDGET (image); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w)), 0);
  capture (driver, "announcements-composer");

  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Driver         *driver)
{
  if (MQ_IS_WINDOW (window) && driver->window == NULL)
    {
      driver->window = MQ_WINDOW (window);
      driver->store = mq_application_get_store (MQ_APPLICATION (app));
      gtk_window_set_default_size (window, driver->width, driver->height);
      g_idle_add (run, driver);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MqApplication) app = NULL;
  g_autoptr(MqSecretStore) secrets = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  Driver driver = { 0 };
  GdkDisplay *display;
  GdkMonitor *monitor;
  GdkRectangle geometry;
  const char *app_argv[] = { "marquee", "--db", NULL, "--demo", NULL };

  if (argc != 4)
    {
      g_printerr ("Usage: %s OUTDIR SUFFIX light|dark\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      g_str_equal (argv[3], "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                    : ADW_COLOR_SCHEME_FORCE_LIGHT);
  display = gdk_display_get_default ();
  monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);

  dir = g_dir_make_tmp ("marquee-shots-XXXXXX", NULL);
  db = g_build_filename (dir, "demo.db", NULL);
  app_argv[2] = db;
  driver.outdir = argv[1];
  driver.suffix = argv[2];
  driver.width = geometry.width;
  driver.height = geometry.height;
  driver.poster = write_poster (dir);

  app = mq_application_new ();
  /* Nothing here may reach the keyring: the accounts have no secrets. */
  secrets = mq_secret_store_memory_new ();
  mq_application_set_secret_store (app, secrets);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &driver);
  g_application_run (G_APPLICATION (app), 4, (char **) app_argv);

  for (const char * const *suffix = (const char *[]) { "", "-wal", "-shm", NULL }; *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (db, *suffix, NULL);
      g_remove (file);
    }
  g_remove (driver.poster);
  g_free (driver.poster);
  g_rmdir (dir);
  return driver.status;
}
