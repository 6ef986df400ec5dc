/* test-hashtag.c: the Who Is Talking window against scripted servers on 127.0.0.1
 *
 * The fake Mastodon and Bluesky servers of tests/core answer the tag
 * timeline and searchPosts; a third server, stopped before the test reads
 * it, stands for one that cannot be reached. Secrets live in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-fixture.h"

#include <adwaita.h>
#include <string.h>

#include "fake-social-server.h"
#include "mq-event-editor.h"
#include "mq-hashtag-window.h"
#include "mq-people-page.h"
#include "mq-person-page.h"
#include "mq-window.h"

/* GET /api/v1/timelines/tag/:hashtag: Ana (in the directory) and Lena (not). */
#define TAG_TIMELINE \
  "[{\"id\":\"2\",\"created_at\":\"%s\",\"url\":\"https://films.example/@ana/2\"," \
  "\"uri\":\"https://films.example/users/ana/statuses/2\"," \
  "\"content\":\"<p>Who&#39;s coming to <a href=\\\"https://films.example/tags/stalkerclub\\\" " \
  "class=\\\"mention hashtag\\\">#<span>stalkerclub</span></a> on Friday?</p>\"," \
  "\"account\":{\"id\":\"1\",\"username\":\"ana\",\"acct\":\"ana@films.example\",\"display_name\":\"Ana Q.\"}}," \
  "{\"id\":\"1\",\"created_at\":\"2026-11-30T09:00:00.000Z\",\"url\":\"https://cine.example/@lena/1\"," \
  "\"uri\":\"https://cine.example/users/lena/statuses/1\",\"content\":\"<p>Tarkovsky &amp; friends #stalkerclub</p>\"," \
  "\"account\":{\"id\":\"7\",\"username\":\"lena\",\"acct\":\"lena@cine.example\",\"display_name\":\"Lena Marsh\"}}]"

/* A newer post, for the second reading. */
#define TAG_TIMELINE_NEWER \
  "[{\"id\":\"3\",\"created_at\":\"2026-12-01T09:00:00.000Z\",\"url\":\"https://films.example/@sam/3\"," \
  "\"content\":\"<p>Count me in #stalkerclub</p>\"," \
  "\"account\":{\"id\":\"9\",\"username\":\"sam\",\"acct\":\"sam@films.example\",\"display_name\":\"\"}}]"

/* app.bsky.feed.searchPosts: Ben, not in the directory. */
#define SEARCH_POSTS \
  "{\"posts\":[{\"uri\":\"at://did:plc:ben/app.bsky.feed.post/3kabc\",\"cid\":\"bafyrei1\"," \
  "\"author\":{\"did\":\"did:plc:ben\",\"handle\":\"ben.bsky.social\",\"displayName\":\"Ben 🎬\"}," \
  "\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Ciné-club #stalkerclub ce soir\"," \
  "\"createdAt\":\"2026-12-02T08:15:00+01:00\"}}]}"

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_for (Condition condition,
          gpointer  data,
          guint     seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      spin (20);
    }
  return TRUE;
}

static gboolean
window_is_idle (gpointer data)
{
  return !mq_hashtag_window_get_busy (MQ_HASHTAG_WINDOW (data));
}

static gint64
create_event (MqStore    *store,
              const char *hashtag)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2030, 5, 10, 17, 30, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, "Stalker");
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Madrid");
  mq_event_set_venue (event, "Cine Doré");
  mq_event_set_hashtag (event, hashtag);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_person (MqStore    *store,
            const char *name,
            const char *mastodon)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  mq_person_set_mastodon (person, mastodon);
  id = mq_person_directory_add (directory, person, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_account (MqStore         *store,
             MqSecretStore   *secrets,
             MqSocialNetwork  network,
             const char      *server,
             const char      *handle)
{
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  g_autoptr(GError) error = NULL;
  gint64 id = mq_outbox_add_account (outbox, network, server, handle, &error);

  g_assert_no_error (error);
  if (network == MQ_SOCIAL_NETWORK_MASTODON)
    mq_secret_store_store (secrets, id, MQ_SECRET_ACCESS_TOKEN, NULL, FAKE_MASTODON_TOKEN, NULL, &error);
  else
    mq_secret_store_store (secrets, id, MQ_SECRET_APP_PASSWORD, NULL, FAKE_APP_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  return id;
}

/* "Who Is Talking" from the event's menu. */
static MqHashtagWindow *
open_from_event_page (Fixture *fixture,
                      gint64   event_id)
{
  MqHashtagWindow *window;

  mq_window_show_event (fixture->window, event_id);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.who-is-talking", NULL));
  window = find_toplevel (MQ_TYPE_HASHTAG_WINDOW);
  g_assert_nonnull (window);
  g_assert_cmpint (mq_hashtag_window_get_event_id (window), ==, event_id);
  return window;
}

static gint64
shown_person (Fixture *fixture)
{
  MqPeoplePage *people = template_child (fixture->window, MQ_TYPE_WINDOW, "people_page");

  g_assert_cmpstr (mq_window_get_page (fixture->window), ==, "people");
  return mq_person_page_get_person_id (template_child (people, MQ_TYPE_PEOPLE_PAGE, "person_page"));
}

static gboolean
widget_visible (gpointer     row,
                const char  *name)
{
  return gtk_widget_get_visible (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, name));
}

/* As a pointer click does: the button's action with its target. */
static void
click (gpointer    row,
       const char *name)
{
  g_signal_emit_by_name (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, name), "clicked");
  spin (50);
}

/* The first label under @widget whose name is @name. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LABEL (child);
      if ((label = find_label (child, name)) != NULL)
        return label;
    }
  return NULL;
}

static void
test_posts_body (Fixture       *fixture,
                 gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqSecretStore) secrets = mq_secret_store_memory_new ();
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(MqPerson) lena = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) two_hours_ago = g_date_time_add_minutes (now, -125);
  g_autoptr(GDateTime) hour_later = g_date_time_add_hours (now, 1);
  g_autoptr(GDateTime) days_later = g_date_time_add_days (now, 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *recent = NULL;
  g_autofree char *dead_url = NULL;
  FakeSocial *fake = fake_social_start ();
  FakeSocial *dead = fake_social_start ();
  MqHashtagWindow *window;
  MqHashtagPostRow *row;
  GtkListBox *problems;
  GtkLabel *message;
  gint64 event_id, ana_id;

  /* Ana's post is two hours old: the row says so. */
  recent = g_date_time_format (two_hours_ago, "%Y-%m-%dT%H:%M:%S.000Z");
  g_mutex_lock (&fake->lock);
  fake->tag_timeline = g_strdup_printf (TAG_TIMELINE, recent);
  fake->search_posts = g_strdup (SEARCH_POSTS);
  g_mutex_unlock (&fake->lock);
  /* Nothing listens there any more. */
  dead_url = g_strdup (dead->url);
  fake_social_stop (dead);

  mq_application_set_secret_store (fixture->app, secrets);
  event_id = create_event (store, "#stalkerclub");
  ana_id = add_person (store, "Ana Quiroga", "@ana@films.example");
  add_account (store, secrets, MQ_SOCIAL_NETWORK_MASTODON, fake->url, "@club");
  add_account (store, secrets, MQ_SOCIAL_NETWORK_BLUESKY, fake->url, "club.test");
  add_account (store, secrets, MQ_SOCIAL_NETWORK_MASTODON, dead_url, "@club");

  window = open_from_event_page (fixture, event_id);
  g_assert_true (mq_hashtag_window_get_busy (window));
  g_assert_cmpstr (mq_hashtag_window_get_state (window), ==, "loading");
  g_assert_true (wait_for (window_is_idle, window, 30));

  g_assert_cmpstr (fake->tag_asked, ==, "stalkerclub");
  g_assert_cmpstr (fake->search_asked, ==, "#stalkerclub");
  g_assert_cmpstr (mq_hashtag_window_get_state (window), ==, "posts");
  g_assert_cmpuint (mq_hashtag_window_get_n_posts (window), ==, 3);

  /* The dead server is named with what to do; the others' posts show. */
  problems = template_child (window, MQ_TYPE_HASHTAG_WINDOW, "problem_list");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problems)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (problems, 0));
  g_assert_null (gtk_list_box_get_row_at_index (problems, 1));
  message = find_label (GTK_WIDGET (problems), "problem-message");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (gtk_label_get_text (message), "could not be reached"));
  g_assert_false (gtk_widget_get_visible (template_child (window, MQ_TYPE_HASHTAG_WINDOW, "no_posts_page")));

  /* Ana is in the directory: marked, with her name there. */
  row = mq_hashtag_window_find_row (window, "@ana@films.example");
  g_assert_nonnull (row);
  g_assert_cmpint (mq_hashtag_post_row_get_person_id (row), ==, ana_id);
  g_assert_true (widget_visible (row, "person_button"));
  g_assert_false (widget_visible (row, "add_button"));
  g_assert_cmpstr (gtk_label_get_text (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "person_label")),
                   ==, "In your directory: Ana Quiroga");
  g_assert_cmpstr (gtk_label_get_text (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "name_label")), ==, "Ana Q.");
  g_assert_cmpstr (gtk_label_get_text (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "handle_label")),
                   ==, "@ana@films.example · Mastodon");
  g_assert_cmpstr (gtk_label_get_text (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "text_label")),
                   ==, "Who's coming to #stalkerclub on Friday?");
  g_assert_true (gtk_label_get_selectable (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "text_label")));
  g_assert_cmpstr (gtk_label_get_text (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "time_label")), ==, "2 h ago");
  g_assert_true (widget_visible (row, "open_button"));

  /* An hour on, the minute timer's count says so without reading the servers. */
  g_assert_true (mq_hashtag_window_get_ages_ticking (window));
  mq_hashtag_window_update_ages (window, hour_later);
  g_assert_cmpstr (gtk_label_get_text (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "time_label")), ==, "3 h ago");
  mq_hashtag_window_update_ages (window, days_later);
  g_assert_cmpstr (gtk_label_get_text (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "time_label")), ==, "2 days ago");
  g_assert_false (mq_hashtag_window_get_busy (window));

  /* Hidden, no timer; shown again, it counts from the clock at once. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_assert_false (mq_hashtag_window_get_ages_ticking (window));
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  g_assert_true (mq_hashtag_window_get_ages_ticking (window));
  g_assert_cmpstr (gtk_label_get_text (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "time_label")), ==, "2 h ago");

  /* Her tag opens her page in the main window. */
  click (row, "person_button");
  g_assert_cmpint (shown_person (fixture), ==, ana_id);

  /* Ben on Bluesky is not. */
  row = mq_hashtag_window_find_row (window, "ben.bsky.social");
  g_assert_nonnull (row);
  g_assert_cmpint (mq_hashtag_post_row_get_person_id (row), ==, 0);
  g_assert_false (widget_visible (row, "person_button"));
  g_assert_true (widget_visible (row, "add_button"));

  /* Neither is Lena; Add to Directory makes her, with her handle, and opens her page. */
  row = mq_hashtag_window_find_row (window, "@lena@cine.example");
  g_assert_nonnull (row);
  g_assert_cmpint (mq_hashtag_post_row_get_person_id (row), ==, 0);
  g_assert_true (widget_visible (row, "add_button"));
  click (row, "add_button");
  lena = mq_person_directory_find_by_handle (directory, "@lena@cine.example", &error);
  g_assert_no_error (error);
  g_assert_nonnull (lena);
  g_assert_cmpstr (mq_person_get_name (lena), ==, "Lena Marsh");
  g_assert_cmpstr (mq_person_get_mastodon (lena), ==, "@lena@cine.example");
  g_assert_cmpstr (mq_person_get_notes (lena), ==, "Posted with #stalkerclub on Mastodon");
  g_assert_cmpint (mq_hashtag_post_row_get_person_id (row), ==, mq_person_get_id (lena));
  g_assert_true (widget_visible (row, "person_button"));
  g_assert_false (widget_visible (row, "add_button"));
  g_assert_cmpint (shown_person (fixture), ==, mq_person_get_id (lena));
  g_assert_cmpuint (mq_person_directory_count (directory), ==, 2);

  /* Undo in the main window takes her out again, and the row offers to add her. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  spin (50);
  g_assert_cmpuint (mq_person_directory_count (directory), ==, 1);
  g_assert_cmpint (mq_hashtag_post_row_get_person_id (row), ==, 0);
  g_assert_true (widget_visible (row, "add_button"));
  click (row, "add_button");
  g_clear_object (&lena);
  lena = mq_person_directory_find_by_handle (directory, "@lena@cine.example", &error);
  g_assert_no_error (error);
  g_assert_nonnull (lena);
  g_assert_cmpint (mq_hashtag_post_row_get_person_id (row), ==, mq_person_get_id (lena));

  /* Stop drops the answer: the list stays as it was. */
  g_mutex_lock (&fake->lock);
  g_free (fake->tag_timeline);
  fake->tag_timeline = g_strdup (TAG_TIMELINE_NEWER);
  g_mutex_unlock (&fake->lock);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "hashtag.refresh", NULL));
  g_assert_true (mq_hashtag_window_get_busy (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "hashtag.stop", NULL));
  g_assert_false (mq_hashtag_window_get_busy (window));
  spin (500);
  g_assert_cmpstr (mq_hashtag_window_get_state (window), ==, "posts");
  g_assert_cmpuint (mq_hashtag_window_get_n_posts (window), ==, 3);

  /* Refresh reads again; Sam has no display name, so the handle is his name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "hashtag.refresh", NULL));
  g_assert_true (wait_for (window_is_idle, window, 30));
  g_assert_cmpuint (mq_hashtag_window_get_n_posts (window), ==, 2);
  row = mq_hashtag_window_find_row (window, "@sam@films.example");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_label_get_text (template_child (row, MQ_TYPE_HASHTAG_POST_ROW, "name_label")),
                   ==, "@sam@films.example");
  g_assert_null (mq_hashtag_window_find_row (window, "@ana@films.example"));

  /* A person edited elsewhere is matched without reading the servers again. */
  add_person (store, "Sam Ortiz", "@sam@films.example");
  spin (50);
  g_assert_cmpint (mq_hashtag_post_row_get_person_id (row), >, 0);
  g_assert_false (mq_hashtag_window_get_busy (window));

  /* Closed, the timer goes with it. */
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (mq_hashtag_window_get_ages_ticking (window));
  g_object_unref (window);

  fake_social_stop (fake);
}

static void
test_posts (Fixture       *fixture,
            gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_posts_body, data);
}

static gboolean
state_is (gpointer data)
{
  MqHashtagWindow *window = ((gpointer *) data)[0];

  return window_is_idle (window) &&
         g_strcmp0 (mq_hashtag_window_get_state (window), ((gpointer *) data)[1]) == 0;
}

static void
wait_for_state (MqHashtagWindow *window,
                const char      *state)
{
  gpointer data[] = { window, (gpointer) state };

  if (!wait_for (state_is, data, 30))
    g_error ("The window shows “%s”, not “%s”", mq_hashtag_window_get_state (window), state);
}

/* What the window says when it has nothing to show, and how it gets out of it. */
static void
test_empty_states_body (Fixture       *fixture,
                        gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqSecretStore) secrets = mq_secret_store_memory_new ();
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  FakeSocial *fake = fake_social_start ();
  g_autofree char *dead_url = g_strdup (fake->url);
  MqHashtagWindow *window;
  AdwStatusPage *page;
  gint64 event_id;

  mq_application_set_secret_store (fixture->app, secrets);
  fake_social_stop (fake);
  event_id = create_event (store, NULL);

  /* No hashtag: Edit Event… opens the editor. */
  window = open_from_event_page (fixture, event_id);
  g_assert_cmpstr (mq_hashtag_window_get_state (window), ==, "no-hashtag");
  g_assert_false (mq_hashtag_window_get_busy (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "hashtag.edit-event", NULL));
  spin (50);
  g_assert_nonnull (find_toplevel (MQ_TYPE_EVENT_EDITOR));
  gtk_window_destroy (find_toplevel (MQ_TYPE_EVENT_EDITOR));

  /* The event gets one; there is no account to read it with. */
  event = mq_event_catalog_get (catalog, event_id, &error);
  g_assert_no_error (error);
  mq_event_set_hashtag (event, "stalkerclub");
  g_assert_true (mq_event_catalog_update (catalog, event, &error));
  g_assert_no_error (error);
  wait_for_state (window, "no-accounts");
  g_assert_cmpstr (adw_window_title_get_subtitle (template_child (window, MQ_TYPE_HASHTAG_WINDOW, "window_title")),
                   ==, "#stalkerclub · Stalker");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "hashtag.open-announcements", NULL));
  spin (50);
  g_assert_cmpstr (mq_window_get_page (fixture->window), ==, "announcements");

  /* An account whose server is down: said in the server's words. */
  add_account (store, secrets, MQ_SOCIAL_NETWORK_MASTODON, dead_url, "@club");
  wait_for_state (window, "error");
  page = template_child (window, MQ_TYPE_HASHTAG_WINDOW, "error_page");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "could not be reached"));

  /* A server that answers with nothing yet. */
  fake = fake_social_start ();
  add_account (store, secrets, MQ_SOCIAL_NETWORK_MASTODON, fake->url, "@club");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "hashtag.refresh", NULL));
  wait_for_state (window, "posts");
  g_assert_cmpuint (mq_hashtag_window_get_n_posts (window), ==, 0);
  g_assert_true (gtk_widget_get_visible (template_child (window, MQ_TYPE_HASHTAG_WINDOW, "no_posts_page")));
  g_assert_true (gtk_widget_get_visible (template_child (window, MQ_TYPE_HASHTAG_WINDOW, "problem_list")));
  fake_social_stop (fake);

  /* Opening it again raises the same window. */
  g_assert_true (open_from_event_page (fixture, event_id) == window);

  /* Accounts removed: back to the empty state. */
  {
    g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
    g_autoptr(GPtrArray) accounts = mq_outbox_list_accounts (outbox, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (accounts->len, ==, 2);
    for (guint i = 0; i < accounts->len; i++)
      g_assert_true (mq_outbox_remove_account (outbox, ((MqSocialAccount *) g_ptr_array_index (accounts, i))->id,
                                               &error));
    g_assert_no_error (error);
  }
  spin (50);
  g_assert_cmpstr (mq_hashtag_window_get_state (window), ==, "no-accounts");
}

static void
test_empty_states (Fixture       *fixture,
                   gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_empty_states_body, data);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/hashtag/posts-directory-add-and-a-server-down", Fixture, NULL,
              fixture_set_up, test_posts, fixture_tear_down);
  g_test_add ("/gui/hashtag/empty-states", Fixture, NULL,
              fixture_set_up, test_empty_states, fixture_tear_down);

  return g_test_run ();
}
