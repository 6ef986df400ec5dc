/* test-announcements.c: accounts, the composer and the outbox, driven as an organizer would
 *
 * The app talks to a fake Bluesky server on 127.0.0.1 (tests/core's
 * fake-social-server), keeps secrets in memory and sends through its own
 * outbox runner, as it does for a user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-fixture.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fake-social-server.h"
#include "mq-account-dialog.h"
#include "mq-announcements-page.h"
#include "mq-application.h"
#include "mq-composer-image.h"
#include "mq-composer-window.h"
#include "mq-error.h"
#include "mq-schedule-popover.h"
#include "mq-window.h"

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; the sender works in a thread
 * and the fake server in another, so a fixed wait would be either slow or
 * flaky.
 */
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

static gint64
create_event (MqStore *store)
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
  mq_event_set_hashtag (event, "stalkerclub");
  mq_event_set_capacity (event, 80);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

static MqAnnouncementsPage *
get_page (Fixture *fixture)
{
  return template_child (fixture->window, MQ_TYPE_WINDOW, "announcements_page");
}

static gboolean
dialog_is_idle (gpointer data)
{
  return !mq_account_dialog_get_busy (MQ_ACCOUNT_DIALOG (data));
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fill_bluesky_form (MqAccountDialog *dialog,
                   const char      *server,
                   const char      *password)
{
  gtk_editable_set_text (template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "bluesky_server_row"), server);
  gtk_editable_set_text (template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "bluesky_handle_row"), "@club.test");
  gtk_editable_set_text (template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "bluesky_password_row"), password);
}

/* Through the Add Account dialog: a wrong password is explained and
 * nothing is kept; the right one connects the account.
 */
static gint64
add_bluesky_account (Fixture    *fixture,
                     FakeSocial *fake,
                     MqSecretStoreMemory *secrets)
{
  MqAnnouncementsPage *page = get_page (fixture);
  g_autoptr(MqOutbox) outbox = mq_outbox_new (mq_application_get_store (fixture->app));
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  MqAccountDialog *dialog;
  GtkLabel *error_label;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "announcements.add-account", NULL));
  spin (50);
  dialog = find_toplevel (MQ_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "bluesky_server_row")),
                   ==, "https://bsky.social");

  fill_bluesky_form (dialog, fake->url, "wrong-pass-word-1234");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.log-in-bluesky", NULL));
  g_assert_true (mq_account_dialog_get_busy (dialog));
  g_assert_true (wait_for (dialog_is_idle, dialog, 20));
  error_label = template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "bluesky_error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "app password was not accepted"));
  g_assert_cmpuint (mq_secret_store_memory_count (secrets), ==, 0);
  g_assert_cmpuint (mq_announcements_page_get_n_accounts (page), ==, 0);

  fill_bluesky_form (dialog, fake->url, FAKE_APP_PASSWORD);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.log-in-bluesky", NULL));
  g_assert_true (wait_for (pointer_is_null, &dialog, 20));
  spin (50);

  g_assert_cmpuint (mq_announcements_page_get_n_accounts (page), ==, 1);
  /* The app password, the access token and the refresh token. */
  g_assert_cmpuint (mq_secret_store_memory_count (secrets), ==, 3);
  accounts = mq_outbox_list_accounts (outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (((MqSocialAccount *) g_ptr_array_index (accounts, 0))->handle, ==, "club.test");
  g_assert_cmpstr (((MqSocialAccount *) g_ptr_array_index (accounts, 0))->remote_id, ==, FAKE_DID);
  return ((MqSocialAccount *) g_ptr_array_index (accounts, 0))->id;
}

static void
assert_counter (MqComposerPreview *preview,
                const char        *counter,
                const char        *problem)
{
  spin (20);
  g_assert_cmpstr (mq_composer_preview_get_counter (preview), ==, counter);
  g_assert_cmpstr (mq_composer_preview_get_problem (preview), ==, problem);
}

/* A PNG of @size x @size pixels; noise does not compress, so a large one
 * stays large.
 */
static char *
write_png (const char *dir,
           const char *name,
           int         size,
           gboolean    noise)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  GRand *rand = g_rand_new_with_seed (7);

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      pixels[y * stride + x] = noise ? g_rand_int (rand) | 0xff000000 : 0xff1c71d8;
  cairo_surface_mark_dirty (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_rand_free (rand);
  return path;
}

static gboolean
image_is_read (gpointer data)
{
  return !mq_composer_image_get_busy (MQ_COMPOSER_IMAGE (data));
}

static gboolean
row_is_posted (gpointer data)
{
  MqOutboxRow **row = data;

  return *row != NULL && mq_outbox_row_get_state (*row) == MQ_OUTBOX_STATE_POSTED;
}

static GBytes *
read_database (const char *path)
{
  GByteArray *all = g_byte_array_new ();
  static const char * const suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (file, &contents, &length, NULL))
        g_byte_array_append (all, (const guint8 *) contents, length);
    }
  return g_byte_array_free_to_bytes (all);
}

/* The database is binary: no string function stops at its first NUL. */
static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (needle);

  for (gsize i = 0; length > 0 && i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
can_post (MqComposerWindow *composer)
{
  return gtk_widget_get_sensitive (template_child (composer, MQ_TYPE_COMPOSER_WINDOW, "post_button"));
}

static void
test_bluesky_body (Fixture       *fixture,
                   gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqSecretStore) secrets = mq_secret_store_memory_new ();
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GBytes) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *large_png = NULL;
  g_autofree char *small_png = NULL;
  MqComposerImage *image;
  FakeSocial *fake = fake_social_start ();
  MqComposerWindow *composer;
  MqComposerPreview *preview;
  MqOutboxRow *row = NULL;
  GString *text;
  gint64 event_id, account_id;
  const MqOutboxJob *job;

  mq_application_set_secret_store (fixture->app, secrets);
  event_id = create_event (store);

  mq_window_show_page (fixture->window, "announcements");
  spin (50);
  g_assert_false (gtk_widget_is_sensitive (template_child (get_page (fixture), MQ_TYPE_ANNOUNCEMENTS_PAGE,
                                                           "compose_button")));
  account_id = add_bluesky_account (fixture, fake, MQ_SECRET_STORE_MEMORY (secrets));

  /* "Announce…" on the event's page opens the composer for that event. */
  mq_window_show_event (fixture->window, event_id);
  spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_event_page (fixture)), "event.announce", NULL));
  spin (100);
  composer = find_toplevel (MQ_TYPE_COMPOSER_WINDOW);
  g_assert_nonnull (composer);
  g_assert_cmpint (mq_composer_window_get_event_id (composer), ==, event_id);
  preview = mq_composer_window_get_preview (composer, account_id);
  g_assert_nonnull (preview);

  /* Graphemes, as Bluesky counts: an emoji with a skin tone, a family
   * joined by ZWJs, a flag, a decomposed "é" and two CJK characters are one
   * each.
   */
  mq_composer_window_set_text (composer, "👍🏽 👩‍👩‍👧‍👦 🇪🇸 e\xcc\x81 東京");
  assert_counter (preview, "10 / 300", NULL);
  g_assert_true (can_post (composer));

  /* 301 CJK characters: one too many, said in words, and no posting. */
  text = g_string_new (NULL);
  for (int i = 0; i < 301; i++)
    g_string_append (text, "映");
  long_text = g_string_free (text, FALSE);
  mq_composer_window_set_text (composer, long_text);
  assert_counter (preview, "301 / 300", "1 character too long");
  g_assert_false (can_post (composer));

  /* A misspelt placeholder never reaches a post. */
  mq_composer_window_set_text (composer, "{titel} tonight");
  spin (20);
  g_assert_nonnull (mq_composer_preview_get_problem (preview));
  g_assert_false (mq_composer_preview_get_fits (preview));
  g_assert_false (can_post (composer));

  mq_composer_window_set_text (composer, "{title} at {venue} 🎬 東京 {hashtag}");
  assert_counter (preview, "38 / 300", NULL);
  g_assert_true (can_post (composer));

  /* A poster over Bluesky's 1,000,000 bytes is refused before any upload. */
  image = template_child (composer, MQ_TYPE_COMPOSER_WINDOW, "image_group");
  large_png = write_png (fixture->dir, "large.png", 700, TRUE);
  mq_composer_image_set_path (image, large_png);
  g_assert_true (wait_for (image_is_read, image, 10));
  spin (20);
  g_assert_nonnull (strstr (mq_composer_preview_get_problem (preview), "too large"));
  g_assert_false (can_post (composer));

  /* A small one needs its description first. */
  small_png = write_png (fixture->dir, "poster.png", 64, FALSE);
  mq_composer_image_set_path (image, small_png);
  g_assert_true (wait_for (image_is_read, image, 10));
  spin (20);
  g_assert_nonnull (mq_composer_preview_get_problem (preview));
  g_assert_false (can_post (composer));
  mq_composer_image_set_alt (image, "A man lying in a flooded field, seen from above");
  spin (20);
  g_assert_null (mq_composer_preview_get_problem (preview));
  g_assert_true (can_post (composer));
  g_object_add_weak_pointer (G_OBJECT (composer), (gpointer *) &composer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.post-now", NULL));
  spin (50);
  g_assert_null (composer);
  g_assert_cmpstr (mq_window_get_page (fixture->window), ==, "announcements");

  jobs = mq_outbox_list_jobs (outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 1);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpstr (job->text, ==, "Stalker at Cine Doré 🎬 東京 #stalkerclub");
  g_assert_cmpint (job->event_id, ==, event_id);

  /* The app's own sender posts it; the row follows. */
  row = mq_announcements_page_find_job_row (get_page (fixture), job->id);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  g_assert_true (wait_for (row_is_posted, &row, 30));
  g_assert_true (g_str_has_prefix (mq_outbox_row_get_url (row), "https://bsky.app/profile/club.test/post/"));
  g_object_remove_weak_pointer (G_OBJECT (row), (gpointer *) &row);

  g_mutex_lock (&fake->lock);
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 1);
  g_assert_nonnull (strstr (fake->last_record, "Stalker at Cine Doré 🎬 東京 #stalkerclub"));
  g_assert_nonnull (strstr (fake->last_record, "\"alt\":\"A man lying in a flooded field, seen from above\""));
  g_assert_cmpuint (fake->blob_uploads, ==, 1);
  access = g_strdup (fake->access);
  refresh = g_strdup (fake->refresh);
  g_mutex_unlock (&fake->lock);

  /* Secrets stay in the secret store: not a byte of them in the database. */
  database = read_database (mq_store_get_path (store));
  g_assert_cmpuint (g_bytes_get_size (database), >, 0);
  g_assert_true (bytes_contain (database, "Stalker at Cine Dor"));
  g_assert_false (bytes_contain (database, FAKE_APP_PASSWORD));
  g_assert_false (bytes_contain (database, access));
  g_assert_false (bytes_contain (database, refresh));

  fake_social_stop (fake);
  g_assert_cmpint (g_remove (large_png), ==, 0);
  g_assert_cmpint (g_remove (small_png), ==, 0);
}

static void
test_bluesky (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_bluesky_body, data);
}

static gboolean
row_is_scheduled_on_server (gpointer data)
{
  MqStore *store = data;
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  g_autoptr(GPtrArray) jobs = mq_outbox_list_jobs (outbox, NULL);
  const MqOutboxJob *job = jobs != NULL && jobs->len > 0 ? g_ptr_array_index (jobs, jobs->len - 1) : NULL;

  return job != NULL && job->state == MQ_OUTBOX_STATE_POSTED && job->remote_scheduled;
}

/* Mastodon through the dialog: the server registers Marquee, the user
 * allows it in a browser (the fake plays that part) and pastes the code.
 */
static gint64
add_mastodon_account (Fixture             *fixture,
                      FakeSocial          *fake,
                      MqSecretStoreMemory *secrets,
                      gint64               bluesky_id)
{
  MqAnnouncementsPage *page = get_page (fixture);
  g_autoptr(MqOutbox) outbox = mq_outbox_new (mq_application_get_store (fixture->app));
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expected_prefix = g_strconcat (fake->url, "/oauth/authorize?", NULL);
  MqAccountDialog *dialog;
  GtkLabel *error_label;
  const char *url;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "announcements.add-account", NULL));
  spin (50);
  dialog = find_toplevel (MQ_TYPE_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  adw_view_stack_set_visible_child_name (template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "network_stack"), "mastodon");
  gtk_editable_set_text (template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "mastodon_server_row"), fake->url);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.mastodon-start", NULL));
  g_assert_true (wait_for (dialog_is_idle, dialog, 20));
  url = mq_account_dialog_get_authorize_url (dialog);
  g_assert_nonnull (url);
  g_assert_true (g_str_has_prefix (url, expected_prefix));
  g_assert_nonnull (strstr (url, "code_challenge_method=S256"));

  /* A mistyped code is explained; nothing is kept. */
  gtk_editable_set_text (template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "mastodon_code_row"), "not-the-code");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.mastodon-finish", NULL));
  g_assert_true (wait_for (dialog_is_idle, dialog, 20));
  error_label = template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "mastodon_error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (mq_secret_store_memory_count (secrets), ==, 3);
  g_assert_cmpuint (mq_announcements_page_get_n_accounts (page), ==, 1);

  /* The browser: the user allows Marquee and the server shows a code. */
  code = fake_social_authorize (fake, url);
  g_assert_nonnull (code);
  gtk_editable_set_text (template_child (dialog, MQ_TYPE_ACCOUNT_DIALOG, "mastodon_code_row"), code);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.mastodon-finish", NULL));
  g_assert_true (wait_for (pointer_is_null, &dialog, 20));
  spin (50);

  g_assert_cmpuint (mq_announcements_page_get_n_accounts (page), ==, 2);
  /* The client id, the client secret and the access token. */
  g_assert_cmpuint (mq_secret_store_memory_count (secrets), ==, 6);
  accounts = mq_outbox_list_accounts (outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpint (((MqSocialAccount *) g_ptr_array_index (accounts, 0))->id, ==, bluesky_id);
  account = mq_outbox_get_account (outbox, ((MqSocialAccount *) g_ptr_array_index (accounts, 1))->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (account->network, ==, MQ_SOCIAL_NETWORK_MASTODON);
  g_assert_cmpint (account->max_characters, ==, 1000);
  return account->id;
}

static gboolean
jobs_settled (gpointer data)
{
  MqStore *store = data;
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  g_autoptr(GPtrArray) jobs = mq_outbox_list_jobs (outbox, NULL);

  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      const MqOutboxJob *job = g_ptr_array_index (jobs, i);
      gboolean waits_here = job->state == MQ_OUTBOX_STATE_QUEUED && job->scheduled_at != NULL &&
                            job->attempts == 0;

      if (job->state != MQ_OUTBOX_STATE_POSTED && !waits_here)
        return FALSE;
    }
  return jobs != NULL;
}

/* The last job was tried, and its answer was lost: it waits for its
 * next try, maybe on the server already.
 */
static gboolean
last_job_maybe_posted (gpointer data)
{
  MqStore *store = data;
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  g_autoptr(GPtrArray) jobs = mq_outbox_list_jobs (outbox, NULL);
  const MqOutboxJob *job = jobs != NULL && jobs->len > 0 ? g_ptr_array_index (jobs, jobs->len - 1) : NULL;

  return job != NULL && job->state == MQ_OUTBOX_STATE_QUEUED && job->maybe_posted;
}

static AdwMessageDialog *
find_visible_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Cancel on a row asks first: Keep leaves the post, Cancel Post removes
 * it and its row.
 */
static void
assert_cancel_asks_first (Fixture           *fixture,
                          MqStore           *store,
                          const MqOutboxJob *job)
{
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  g_autoptr(MqOutboxJob) kept = NULL;
  g_autoptr(MqOutboxJob) gone = NULL;
  g_autoptr(GError) error = NULL;
  MqOutboxRow *row = mq_announcements_page_find_job_row (get_page (fixture), job->id);
  GtkWidget *cancel_button = template_child (row, MQ_TYPE_OUTBOX_ROW, "cancel_button");
  AdwMessageDialog *dialog;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (100);
  g_signal_emit_by_name (cancel_button, "clicked");
  spin (50);
  dialog = find_visible_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cancel This Post?");
  /* The response alone, as a click gives it; closing is the button's part. */
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  kept = mq_outbox_get_job (outbox, job->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kept->state, ==, MQ_OUTBOX_STATE_QUEUED);

  g_signal_emit_by_name (cancel_button, "clicked");
  spin (50);
  dialog = find_visible_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel-post");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  gone = mq_outbox_get_job (outbox, job->id, &error);
  g_assert_null (gone);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_null (mq_announcements_page_find_job_row (get_page (fixture), job->id));
}

/* What an organizer does first: both networks, one announcement with both
 * previews and their own counts, posted; then one scheduled.
 */
static void
test_both_networks_body (Fixture       *fixture,
                         gconstpointer  data)
{
  MqStore *store = mq_application_get_store (fixture->app);
  g_autoptr(MqSecretStore) secrets = mq_secret_store_memory_new ();
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) scheduled = NULL;
  g_autoptr(GBytes) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *long_text = NULL;
  g_autofree char *long_alt = NULL;
  g_autofree char *poster = NULL;
  FakeSocial *fake = fake_social_start ();
  MqComposerWindow *composer;
  MqComposerImage *image;
  MqComposerPreview *bluesky_preview, *mastodon_preview;
  gint64 bluesky_id, mastodon_id;

  g_mutex_lock (&fake->lock);
  fake->instance_max_characters = 1000;
  g_mutex_unlock (&fake->lock);
  mq_application_set_secret_store (fixture->app, secrets);
  create_event (store);
  mq_window_show_page (fixture->window, "announcements");
  spin (50);
  bluesky_id = add_bluesky_account (fixture, fake, MQ_SECRET_STORE_MEMORY (secrets));
  mastodon_id = add_mastodon_account (fixture, fake, MQ_SECRET_STORE_MEMORY (secrets), bluesky_id);

  /* New Announcement on the page picks the next event. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "announcements.compose", NULL));
  spin (100);
  composer = find_toplevel (MQ_TYPE_COMPOSER_WINDOW);
  g_assert_nonnull (composer);
  g_assert_cmpint (mq_composer_window_get_event_id (composer), >, 0);
  bluesky_preview = mq_composer_window_get_preview (composer, bluesky_id);
  mastodon_preview = mq_composer_window_get_preview (composer, mastodon_id);
  g_assert_nonnull (bluesky_preview);
  g_assert_nonnull (mastodon_preview);
  g_assert_true (gtk_widget_get_visible (template_child (composer, MQ_TYPE_COMPOSER_WINDOW, "visibility_row")));

  /* One text, two counts: Mastodon's server limit and 23 per link,
   * Bluesky's 300 graphemes with the link as written.
   */
  mq_composer_window_set_text (composer, "{title} https://films.example/screenings/2030/stalker-at-the-cine-dore 🎬");
  assert_counter (mastodon_preview, "33 / 1000", NULL);
  assert_counter (bluesky_preview, "72 / 300", NULL);
  long_text = g_strnfill (1001, 'a');
  mq_composer_window_set_text (composer, long_text);
  assert_counter (mastodon_preview, "1001 / 1000", "1 character too long");
  assert_counter (bluesky_preview, "1001 / 300", "701 characters too long");
  g_assert_false (can_post (composer));
  /* Unticked, Bluesky's preview goes; Mastodon's 1001 still stops the post. */
  mq_composer_window_set_account_active (composer, bluesky_id, FALSE);
  spin (20);
  g_assert_null (mq_composer_window_get_preview (composer, bluesky_id));
  g_assert_false (can_post (composer));
  mq_composer_window_set_account_active (composer, bluesky_id, TRUE);
  spin (20);
  bluesky_preview = mq_composer_window_get_preview (composer, bluesky_id);

  /* Mastodon refuses a description over 1,500 characters; Bluesky takes it. */
  mq_composer_window_set_text (composer, "{title} at {venue} {hashtag}");
  image = template_child (composer, MQ_TYPE_COMPOSER_WINDOW, "image_group");
  poster = write_png (fixture->dir, "poster.png", 64, FALSE);
  mq_composer_image_set_path (image, poster);
  g_assert_true (wait_for (image_is_read, image, 10));
  long_alt = g_strnfill (1501, 'a');
  mq_composer_image_set_alt (image, long_alt);
  spin (20);
  g_assert_nonnull (strstr (mq_composer_preview_get_problem (mastodon_preview), "1501 characters"));
  g_assert_null (mq_composer_preview_get_problem (bluesky_preview));
  g_assert_false (can_post (composer));
  long_alt[1500] = '\0';
  mq_composer_image_set_alt (image, long_alt);
  spin (20);
  g_assert_null (mq_composer_preview_get_problem (mastodon_preview));
  g_assert_true (can_post (composer));
  mq_composer_image_set_path (image, NULL);
  g_assert_true (wait_for (image_is_read, image, 10));
  spin (20);
  g_assert_cmpint (g_unlink (poster), ==, 0);

  adw_combo_row_set_selected (template_child (composer, MQ_TYPE_COMPOSER_WINDOW, "visibility_row"), 1);
  assert_counter (mastodon_preview, "33 / 1000", NULL);
  assert_counter (bluesky_preview, "33 / 300", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.post-now", NULL));
  g_assert_true (wait_for (jobs_settled, store, 30));

  jobs = mq_outbox_list_jobs (outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 2);
  for (guint i = 0; i < jobs->len; i++)
    {
      const MqOutboxJob *job = g_ptr_array_index (jobs, i);
      MqOutboxRow *row = mq_announcements_page_find_job_row (get_page (fixture), job->id);

      spin (50);
      g_assert_cmpint (mq_outbox_row_get_state (row), ==, MQ_OUTBOX_STATE_POSTED);
      g_assert_cmpstr (job->visibility, ==, "unlisted");
      if (job->account_id == mastodon_id)
        g_assert_cmpstr (mq_outbox_row_get_url (row), ==, "https://films.example/@club/109");
      else
        g_assert_true (g_str_has_prefix (mq_outbox_row_get_url (row), "https://bsky.app/profile/club.test/post/"));
    }

  /* Two days ahead: Mastodon keeps it and publishes it then; the Bluesky
   * post waits in the outbox for its time.
   */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "announcements.compose", NULL));
  spin (100);
  composer = find_toplevel (MQ_TYPE_COMPOSER_WINDOW);
  mq_composer_window_set_text (composer, "The day after tomorrow: {title}");
  mq_schedule_popover_set_time (template_child (composer, MQ_TYPE_COMPOSER_WINDOW, "schedule_popover"), later);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.schedule", NULL));
  g_assert_true (wait_for (row_is_scheduled_on_server, store, 30));
  g_assert_true (wait_for (jobs_settled, store, 30));

  scheduled = mq_outbox_list_jobs (outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scheduled->len, ==, 4);
  for (guint i = 2; i < scheduled->len; i++)
    {
      const MqOutboxJob *job = g_ptr_array_index (scheduled, i);
      MqOutboxRow *row = mq_announcements_page_find_job_row (get_page (fixture), job->id);
      GtkLabel *state = template_child (row, MQ_TYPE_OUTBOX_ROW, "state_label");

      spin (50);
      g_assert_nonnull (job->scheduled_at);
      g_assert_cmpstr (gtk_label_get_text (state), ==, "Scheduled");
      if (job->account_id == bluesky_id)
        g_assert_cmpint (job->state, ==, MQ_OUTBOX_STATE_QUEUED);
      else
        g_assert_true (job->state == MQ_OUTBOX_STATE_POSTED && job->remote_scheduled);
      /* Only what never reached the server can be taken back; nothing failed. */
      g_assert_false (gtk_widget_get_visible (template_child (row, MQ_TYPE_OUTBOX_ROW, "retry_button")));
      g_assert_true (gtk_widget_get_visible (template_child (row, MQ_TYPE_OUTBOX_ROW, "cancel_button")) ==
                     (job->state == MQ_OUTBOX_STATE_QUEUED));
    }
  assert_cancel_asks_first (fixture, store,
                            ((MqOutboxJob *) g_ptr_array_index (scheduled, 2))->account_id == bluesky_id
                              ? g_ptr_array_index (scheduled, 2) : g_ptr_array_index (scheduled, 3));

  /* A gateway error leaves Marquee not knowing whether the post was made:
   * the row offers no Cancel, and the core refuses one.
   */
  fake_social_fault (fake, FAKE_502);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "announcements.compose", NULL));
  spin (100);
  composer = find_toplevel (MQ_TYPE_COMPOSER_WINDOW);
  mq_composer_window_set_account_active (composer, bluesky_id, FALSE);
  mq_composer_window_set_text (composer, "Last seats: {title}");
  spin (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.post-now", NULL));
  g_assert_true (wait_for (last_job_maybe_posted, store, 30));
  spin (50);
  {
    g_autoptr(GPtrArray) all = mq_outbox_list_jobs (outbox, &error);
    const MqOutboxJob *lost = g_ptr_array_index (all, all->len - 1);
    MqOutboxRow *row = mq_announcements_page_find_job_row (get_page (fixture), lost->id);

    g_assert_cmpint (lost->account_id, ==, mastodon_id);
    g_assert_nonnull (row);
    g_assert_false (gtk_widget_get_visible (template_child (row, MQ_TYPE_OUTBOX_ROW, "cancel_button")));
    g_assert_false (mq_outbox_cancel (outbox, lost->id, &error));
    g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_mutex_lock (&fake->lock);
  g_assert_cmpuint (g_hash_table_size (fake->statuses), ==, 1);
  g_assert_cmpuint (g_hash_table_size (fake->scheduled), ==, 1);
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 1);
  g_mutex_unlock (&fake->lock);

  database = read_database (mq_store_get_path (store));
  g_assert_true (bytes_contain (database, "Stalker at Cine Dor"));
  g_assert_false (bytes_contain (database, FAKE_APP_PASSWORD));
  g_assert_false (bytes_contain (database, FAKE_MASTODON_ISSUED_TOKEN));
  g_assert_false (bytes_contain (database, FAKE_MASTODON_CLIENT_SECRET));

  fake_social_stop (fake);
}

static void
test_both_networks (Fixture       *fixture,
                    gconstpointer  data)
{
  run_in_app (fixture, FALSE, test_both_networks_body, data);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/announcements/bluesky-account-compose-post", Fixture, NULL,
              fixture_set_up, test_bluesky, fixture_tear_down);
  g_test_add ("/gui/announcements/both-networks-compose-post-schedule", Fixture, NULL,
              fixture_set_up, test_both_networks, fixture_tear_down);

  return g_test_run ();
}
