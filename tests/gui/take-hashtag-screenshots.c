/* take-hashtag-screenshots.c: docs/screenshots/who-is-talking*.png
 *
 * Not a test: run by hand under Xvfb, once per size and colour scheme, e.g.
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" \
 *     take-hashtag-screenshots docs/screenshots "" light
 *   xvfb-run -a -s "-screen 0 400x800x24" \
 *     take-hashtag-screenshots docs/screenshots narrow dark
 *
 * It starts the real app on a fresh demo database and the scripted Mastodon
 * and Bluesky servers of tests/core on 127.0.0.1, whose posts come from two
 * people of the demo directory and two strangers; a third account's server
 * (films.invalid) cannot be reached. It opens Who Is Talking from the next
 * event's menu and captures it with ImageMagick's `import`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "fake-social-server.h"
#include "mq-application.h"
#include "mq-hashtag-window.h"
#include "mq-window.h"
#include "screenshot-capture.h"

typedef struct
{
  MqWindow      *window;
  MqStore       *store;
  MqSecretStore *secrets;
  FakeSocial    *fake;
  const char    *outdir;
  const char    *suffix;
  int            width;
  int            height;
  int            status;
} Driver;

static void
capture (Driver     *driver,
         const char *name)
{
  screenshot_spin (600);
  if (!screenshot_capture (driver->outdir, name, driver->suffix, NULL))
    driver->status = 1;
}

/* The next upcoming event, with a hashtag. */
static gint64
next_event (Driver  *driver,
            char   **hashtag)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (driver->store);
  g_autoptr(GListModel) events = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_UPCOMING, NULL);
  g_autoptr(MqEvent) event = NULL;

  g_assert (events != NULL && g_list_model_get_n_items (events) > 0);
  event = g_list_model_get_item (events, 0);
  if (mq_event_get_hashtag (event) == NULL)
    {
      mq_event_set_hashtag (event, "#fridayfilms");
      g_assert (mq_event_catalog_update (catalog, event, NULL));
    }
  *hashtag = g_strdup (mq_event_get_hashtag (event) + (mq_event_get_hashtag (event)[0] == '#'));
  return mq_event_get_id (event);
}

/* Someone in the demo directory with a handle on @network. */
static MqPerson *
find_person (Driver          *driver,
             MqSocialNetwork  network,
             guint            skip)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (driver->store);
  g_autoptr(GPtrArray) people = mq_person_directory_list (directory, 0, 400, NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      MqPerson *person = g_ptr_array_index (people, i);
      const char *handle = network == MQ_SOCIAL_NETWORK_MASTODON ? mq_person_get_mastodon (person)
                                                                 : mq_person_get_bluesky (person);

      if (handle != NULL && skip-- == 0)
        return g_object_ref (person);
    }
  g_assert_not_reached ();
}

static char *
ago (int minutes)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_minutes (now, -minutes);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%S.000Z");
}

static void
script_posts (Driver     *driver,
              const char *tag)
{
  g_autoptr(MqPerson) regular = find_person (driver, MQ_SOCIAL_NETWORK_MASTODON, 2);
  g_autoptr(MqPerson) friend = find_person (driver, MQ_SOCIAL_NETWORK_BLUESKY, 1);
  g_autofree char *t1 = ago (12), *t2 = ago (130), *t3 = ago (320), *t4 = ago (26 * 60);
  /* "@user@host" without its first "@" is the acct Mastodon sends. */
  const char *acct = mq_person_get_mastodon (regular) + 1;

  g_mutex_lock (&driver->fake->lock);
  driver->fake->tag_timeline = g_strdup_printf (
    "[{\"id\":\"3\",\"created_at\":\"%s\",\"url\":\"https://films.social/@x/3\","
    "\"content\":\"<p>Who else is coming on Friday? I have wanted to see this one on a big screen "
    "for years. <a href=\\\"https://films.social/tags/%s\\\">#<span>%s</span></a></p>\","
    "\"account\":{\"id\":\"1\",\"acct\":\"%s\",\"display_name\":\"%s\"}},"
    "{\"id\":\"2\",\"created_at\":\"%s\",\"url\":\"https://kino.social/@jonas/2\","
    "\"content\":\"<p>The Q&amp;A after the last screening was great. Looking forward to this one.</p>"
    "<p>#%s</p>\",\"account\":{\"id\":\"7\",\"acct\":\"jonas@kino.social\",\"display_name\":\"Jonas Weber\"}}]",
    t1, tag, tag, acct, mq_person_get_name (regular), t3, tag);
  driver->fake->search_posts = g_strdup_printf (
    "{\"posts\":[{\"uri\":\"at://did:plc:marta/app.bsky.feed.post/3kab1\",\"cid\":\"bafyrei1\","
    "\"author\":{\"did\":\"did:plc:marta\",\"handle\":\"marta-lindqvist.bsky.social\",\"displayName\":\"Marta Lindqvist\"},"
    "\"record\":{\"text\":\"Just got my ticket for #%s! Anyone up for dinner before the doors open?\","
    "\"createdAt\":\"%s\"}},"
    "{\"uri\":\"at://did:plc:friend/app.bsky.feed.post/3kab2\",\"cid\":\"bafyrei2\","
    "\"author\":{\"did\":\"did:plc:friend\",\"handle\":\"%s\",\"displayName\":\"%s\"},"
    "\"record\":{\"text\":\"Bringing two friends who have never been to the club. See you there! #%s\","
    "\"createdAt\":\"%s\"}}]}",
    tag, t2, mq_person_get_bluesky (friend), mq_person_get_name (friend), tag, t4);
  g_mutex_unlock (&driver->fake->lock);
}

static void
add_account (Driver          *driver,
             MqSocialNetwork  network,
             const char      *server,
             const char      *handle)
{
  g_autoptr(MqOutbox) outbox = mq_outbox_new (driver->store);
  gint64 id = mq_outbox_add_account (outbox, network, server, handle, NULL);

  g_assert (id > 0);
  mq_secret_store_store (driver->secrets, id,
                         network == MQ_SOCIAL_NETWORK_MASTODON ? MQ_SECRET_ACCESS_TOKEN : MQ_SECRET_APP_PASSWORD,
                         NULL, network == MQ_SOCIAL_NETWORK_MASTODON ? FAKE_MASTODON_TOKEN : FAKE_APP_PASSWORD,
                         NULL, NULL);
}

static gboolean
run (gpointer data)
{
  Driver *driver = data;
  g_autofree char *tag = NULL;
  MqHashtagWindow *window = NULL;
  gint64 event_id, until;

  screenshot_spin (500);
  event_id = next_event (driver, &tag);
  script_posts (driver, tag);
  add_account (driver, MQ_SOCIAL_NETWORK_MASTODON, driver->fake->url, "@filmclub");
  add_account (driver, MQ_SOCIAL_NETWORK_BLUESKY, driver->fake->url, "club.test");
  add_account (driver, MQ_SOCIAL_NETWORK_MASTODON, "https://films.invalid", "@filmclub");

  mq_window_show_event (driver->window, event_id);
  screenshot_spin (200);
  mq_hashtag_window_open (GTK_WIDGET (driver->window), mq_window_get_history (driver->window), event_id);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (MQ_IS_HASHTAG_WINDOW (l->data))
      window = l->data;
  g_assert (window != NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), driver->width, driver->height);

  until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (mq_hashtag_window_get_busy (window) && g_get_monotonic_time () < until)
    screenshot_spin (50);
  capture (driver, "who-is-talking");

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

  /* Translated as the app is: LANGUAGE=es and MARQUEE_LOCALEDIR=BUILDDIR/po. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MARQUEE_LOCALEDIR") ? g_getenv ("MARQUEE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Only 127.0.0.1 and a name that never resolves: no proxy to ask. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
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
  driver.fake = fake_social_start ();

  app = mq_application_new ();
  secrets = mq_secret_store_memory_new ();
  driver.secrets = secrets;
  mq_application_set_secret_store (app, secrets);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &driver);
  g_application_run (G_APPLICATION (app), 4, (char **) app_argv);

  fake_social_stop (driver.fake);
  for (const char * const *suffix = (const char *[]) { "", "-wal", "-shm", NULL }; *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (db, *suffix, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
  return driver.status;
}
