/* test-outbox-sender.c: the sender end to end against scripted servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fake-social-server.h"
#include "mq-bluesky-client.h"
#include "mq-error.h"
#include "mq-mastodon-client.h"
#include "mq-outbox-sender.h"

typedef struct
{
  FakeSocial    *fake;
  char          *path;
  MqStore       *store;
  MqOutbox      *outbox;
  MqSecretStore *secrets;
  gint64         mastodon;
  gint64         bluesky;
  gint64         announcement;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *dir = g_get_user_data_dir ();

  g_mkdir_with_parents (dir, 0700);
  f->path = g_build_filename (dir, "marquee.db", NULL);
  f->fake = fake_social_start ();
  f->store = mq_store_open (f->path, &error);
  g_assert_no_error (error);
  f->outbox = mq_outbox_new (f->store);
  f->secrets = mq_secret_store_memory_new ();
  f->mastodon = mq_outbox_add_account (f->outbox, MQ_SOCIAL_NETWORK_MASTODON, f->fake->url, "@club", &error);
  f->bluesky = mq_outbox_add_account (f->outbox, MQ_SOCIAL_NETWORK_BLUESKY, f->fake->url, "club.test", &error);
  g_assert_no_error (error);
  mq_secret_store_store (f->secrets, f->mastodon, MQ_SECRET_ACCESS_TOKEN, NULL, FAKE_MASTODON_TOKEN, NULL, &error);
  mq_secret_store_store (f->secrets, f->bluesky, MQ_SECRET_APP_PASSWORD, NULL, FAKE_APP_PASSWORD, NULL, &error);
  f->announcement = mq_outbox_add_announcement (f->outbox, 0, "x", NULL, NULL, "fr", NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->outbox);
  g_clear_object (&f->store);
  g_clear_object (&f->secrets);
  fake_social_stop (f->fake);
  g_free (f->path);
}

static void
set_later (Fixture *f,
           int      hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, hours);

  mq_store_set_fixed_now (f->store, later);
}

/* Fixes the store's clock @minutes after @start. */
static void
set_minutes_after (Fixture   *f,
                   GDateTime *start,
                   int        minutes)
{
  g_autoptr(GDateTime) later = g_date_time_add_minutes (start, minutes);

  mq_store_set_fixed_now (f->store, later);
}

static guint
lookups (Fixture *f)
{
  guint n;

  g_mutex_lock (&f->fake->lock);
  n = f->fake->account_status_lists;
  g_mutex_unlock (&f->fake->lock);
  return n;
}

/* Within the hour Mastodon keeps the Idempotency-Key, the key alone keeps
 * the retry from posting twice: the account is not looked through.
 */
static void
test_500_then_success (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) waiting = NULL;
  g_autoptr(MqOutboxJob) done = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_now_utc ();
  g_autofree char *start_iso = g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ");
  gint64 id;

  mq_store_set_fixed_now (f->store, start);
  id = mq_outbox_enqueue (f->outbox, f->announcement, f->mastodon, "Ciné-club 🎬 #filmclub", FALSE, &error);
  g_assert_no_error (error);
  fake_social_fault (f->fake, FAKE_500);

  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  waiting = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (waiting->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_cmpint (waiting->attempts, ==, 1);
  g_assert_cmpstr (waiting->last_error, ==, "The server failed (Internal error)");
  g_assert_nonnull (waiting->next_try_at);
  /* A server failure may come after the post was made: not cancelled. */
  g_assert_true (waiting->maybe_posted);
  g_assert_cmpstr (waiting->maybe_posted_at, ==, start_iso);
  g_assert_false (mq_outbox_cancel (f->outbox, id, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  /* Not due yet: nothing is sent. */
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 0);

  set_minutes_after (f, start, 45);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_cmpuint (lookups (f), ==, 0);
  done = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpstr (done->remote_id, ==, "109");
  g_assert_cmpstr (done->remote_url, ==, "https://films.example/@club/109");
  g_assert_cmpint (done->attempts, ==, 2);

  g_assert_cmpuint (f->fake->keys_seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->fake->keys_seen, 0), ==, done->idempotency_key);
  g_assert_cmpstr (g_ptr_array_index (f->fake->keys_seen, 1), ==, done->idempotency_key);
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->status_requests), ==, 1);

  /* A second run posts nothing new. */
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 0);
  g_assert_cmpuint (f->fake->keys_seen->len, ==, 2);
}

/* The app sent the job, the server created the post, and the app closed
 * before it heard back: the job is left in 'sending'.
 */
static void
test_closed_mid_send (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = NULL;
  g_autoptr(MqOutboxJob) toot = NULL;
  g_autoptr(MqOutboxJob) skeet = NULL;
  g_autoptr(MqOutboxJob) toot_done = NULL;
  g_autoptr(MqOutboxJob) skeet_done = NULL;
  g_autoptr(MqMastodonClient) mastodon = mq_mastodon_client_new (f->fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(MqPostResult) lost = NULL;
  g_autofree char *expected_uri = NULL;
  g_autofree char *expected_url = NULL;
  gint64 toot_id, skeet_id;

  toot_id = mq_outbox_enqueue (f->outbox, f->announcement, f->mastodon, "Stalker tonight #filmclub", FALSE, &error);
  skeet_id = mq_outbox_enqueue (f->outbox, f->announcement, f->bluesky, "Stalker tonight #filmclub", FALSE, &error);
  g_assert_no_error (error);

  toot = mq_outbox_claim_next (f->outbox, &error);
  skeet = mq_outbox_claim_next (f->outbox, &error);
  g_assert_cmpint (toot->id, ==, toot_id);
  g_assert_cmpint (skeet->id, ==, skeet_id);
  expected_uri = g_strconcat ("at://" FAKE_DID "/app.bsky.feed.post/", skeet->record_key, NULL);
  expected_url = g_strconcat ("https://bsky.app/profile/club.test/post/", skeet->record_key, NULL);
  lost = mq_mastodon_client_post_status (mastodon, toot->text, toot->visibility, toot->language,
                                         NULL, NULL, toot->idempotency_key, NULL, &error);
  g_assert_no_error (error);
  {
    /* The Bluesky record lands, its answer is lost with the connection. */
    g_autoptr(MqBlueskyClient) bluesky = mq_bluesky_client_new (f->fake->url, "club.test", FAKE_APP_PASSWORD);
    g_autoptr(MqPostResult) landed = NULL;

    landed = mq_bluesky_client_create_post (bluesky, skeet->text, NULL, NULL, NULL, skeet->record_key,
                                             NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->records), ==, 1);

  /* The app starts again on the same database. */
  g_clear_object (&f->outbox);
  g_clear_object (&f->store);
  f->store = mq_store_open (f->path, &error);
  g_assert_no_error (error);
  f->outbox = mq_outbox_new (f->store);
  sender = mq_outbox_sender_new (f->outbox, f->secrets);

  /* Back in the queue, and not to be cancelled: both posts are out there. */
  g_assert_cmpint (mq_outbox_recover (f->outbox, &error), ==, 2);
  g_assert_false (mq_outbox_cancel (f->outbox, toot_id, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "This post may already be on the server"));
  g_clear_error (&error);
  g_assert_false (mq_outbox_cancel (f->outbox, skeet_id, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 2);
  g_assert_no_error (error);
  toot_done = mq_outbox_get_job (f->outbox, toot_id, &error);
  skeet_done = mq_outbox_get_job (f->outbox, skeet_id, &error);
  g_assert_cmpint (toot_done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpstr (toot_done->remote_id, ==, lost->id);
  g_assert_cmpint (skeet_done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpstr (skeet_done->remote_id, ==, expected_uri);
  g_assert_cmpstr (skeet_done->remote_url, ==, expected_url);

  /* One post on each server, and every request carried the job's own key. */
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->records), ==, 1);
  g_assert_cmpuint (f->fake->keys_seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->fake->keys_seen, 1), ==, toot->idempotency_key);
  g_assert_cmpuint (f->fake->rkeys_seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->fake->rkeys_seen, 1), ==, skeet->record_key);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize needle_len = strlen (needle);

  if (g_file_test (wal, G_FILE_TEST_EXISTS) && file_contains (wal, needle))
    return TRUE;

  /* The file holds NUL bytes, so no str* search will do. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (contents + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

static void
test_session_saved_secrets_not_in_database (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(MqSecret) access = NULL;
  g_autoptr(MqSecret) refresh = NULL;

  mq_outbox_enqueue (f->outbox, f->announcement, f->bluesky, "Stalker tonight", FALSE, &error);
  mq_outbox_enqueue (f->outbox, f->announcement, f->mastodon, "Stalker tonight", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 2);
  g_assert_cmpuint (f->fake->logins, ==, 1);

  access = mq_secret_store_lookup (f->secrets, f->bluesky, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  refresh = mq_secret_store_lookup (f->secrets, f->bluesky, MQ_SECRET_REFRESH_TOKEN, NULL, &error);
  g_assert_cmpstr (access, ==, "access-1");
  g_assert_cmpstr (refresh, ==, "refresh-1");
  account = mq_outbox_get_account (f->outbox, f->bluesky, &error);
  g_assert_cmpstr (account->remote_id, ==, FAKE_DID);

  /* The next post uses the saved session: no second login. */
  mq_outbox_enqueue (f->outbox, mq_outbox_add_announcement (f->outbox, 0, "y", NULL, NULL, NULL, NULL, NULL, &error),
                     f->bluesky, "Solaris next week", FALSE, &error);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (f->fake->logins, ==, 1);

  g_clear_object (&sender);
  g_clear_object (&f->outbox);
  g_clear_object (&f->store);
  g_assert_false (file_contains (f->path, FAKE_APP_PASSWORD));
  g_assert_false (file_contains (f->path, FAKE_MASTODON_TOKEN));
  g_assert_false (file_contains (f->path, "access-1"));
  g_assert_false (file_contains (f->path, "refresh-1"));
  g_assert_true (file_contains (f->path, "Solaris next week"));
}

static void
test_refused_for_good (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) job = NULL;
  gint64 id;

  mq_secret_store_store (f->secrets, f->mastodon, MQ_SECRET_ACCESS_TOKEN, NULL, "revoked", NULL, &error);
  id = mq_outbox_enqueue (f->outbox, f->announcement, f->mastodon, "Stalker tonight", FALSE, &error);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  job = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (job->state, ==, MQ_OUTBOX_STATE_FAILED);
  g_assert_cmpint (job->attempts, ==, 1);
  g_assert_cmpstr (job->last_error, ==,
                   "The server refused the login (The access token is invalid): log in to this account again");
}

static void
test_rate_limited_waits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) job = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 id, wait;

  id = mq_outbox_enqueue (f->outbox, f->announcement, f->bluesky, "Stalker tonight", FALSE, &error);
  fake_social_fault (f->fake, FAKE_429);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  job = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (job->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_true (g_str_has_prefix (job->last_error, "Rate limited until "));
  /* A rate limit means the post was not made: it can still be cancelled. */
  g_assert_false (job->maybe_posted);
  next = g_date_time_new_from_iso8601 (job->next_try_at, NULL);
  wait = g_date_time_difference (next, now) / G_TIME_SPAN_SECOND;
  /* RateLimit-Reset says 300 s, more than the first backoff. */
  g_assert_cmpint (wait, >=, 298);
  g_assert_cmpint (wait, <=, 302);
}

/* A job whose answer was lost goes to the server even when Marquee thinks
 * the server will refuse it: only the server knows whether the post is
 * there. Its refusal of the same Idempotency-Key says it is not, and the
 * job can be cancelled then.
 */
static void
test_maybe_posted_until_refused (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) lost = NULL;
  g_autoptr(MqOutboxJob) refused = NULL;
  gint64 id;

  id = mq_outbox_enqueue (f->outbox, f->announcement, f->mastodon, "Stalker tonight at the Cine Doré", FALSE, &error);
  g_assert_no_error (error);
  /* A gateway's 502: the status was not made, but Marquee cannot know. */
  fake_social_fault (f->fake, FAKE_502);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  lost = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_true (lost->maybe_posted);

  /* The server's limit turns out to be 10 characters. */
  g_mutex_lock (&f->fake->lock);
  f->fake->instance_max_characters = 10;
  g_mutex_unlock (&f->fake->lock);
  g_assert_true (mq_outbox_set_account_limits (f->outbox, f->mastodon, 10, 0, &error));
  set_later (f, 2);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  refused = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (refused->state, ==, MQ_OUTBOX_STATE_FAILED);
  /* The server's words, not Marquee's own length check. */
  g_assert_nonnull (strstr (refused->last_error, "Text character limit of 10 exceeded"));
  g_assert_cmpuint (f->fake->keys_seen->len, ==, 2);
  g_assert_false (refused->maybe_posted);
  g_assert_true (mq_outbox_cancel (f->outbox, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 0);
}

static char *
write_png (gsize size)
{
  static const guint8 header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x02, 0x80, 0, 0, 0x01, 0xe0, 8, 2, 0, 0, 0,
  };
  g_autofree guint8 *data = g_malloc0 (size);
  char *path = g_build_filename (g_get_user_data_dir (), "poster.png", NULL);
  g_autoptr(GError) error = NULL;

  memcpy (data, header, sizeof header);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
  return path;
}

static gint64
image_announcement (Fixture    *f,
                    gsize       size,
                    const char *scheduled_at)
{
  g_autofree char *path = write_png (size);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = mq_outbox_add_announcement (f->outbox, 0, "x", path, "Poster: a beekeeper on a cliff ✓", "en", NULL,
                                   scheduled_at, &error);
  g_assert_no_error (error);
  return id;
}

/* The image is uploaded once per job: a retry asks about the media id it
 * kept instead of uploading again.
 */
static void
test_mastodon_image_uploaded_once (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) waiting = NULL;
  g_autoptr(MqOutboxJob) done = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *media_ids;
  FakeMedia *media;
  gint64 id;

  id = mq_outbox_enqueue (f->outbox, image_announcement (f, 4000, NULL), f->mastodon, "Honeyland tonight",
                          FALSE, &error);
  g_assert_no_error (error);
  f->fake->media_processing_polls = 2;
  fake_social_fault (f->fake, FAKE_500);

  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  waiting = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (waiting->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_nonnull (waiting->media_remote_id);
  g_assert_cmpuint (f->fake->media_uploads, ==, 1);
  media = g_hash_table_lookup (f->fake->media, waiting->media_remote_id);
  g_assert_cmpstr (media->description, ==, "Poster: a beekeeper on a cliff ✓");
  g_assert_cmpuint (media->size, ==, 4000);

  set_later (f, 2);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  done = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpuint (f->fake->media_uploads, ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, g_hash_table_lookup (f->fake->status_requests, done->remote_id),
                                             -1, NULL));
  media_ids = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "media_ids");
  g_assert_cmpuint (json_array_get_length (media_ids), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (media_ids, 0), ==, waiting->media_remote_id);
}

/* Unattached media are deleted by the server after a while. */
static void
test_mastodon_image_gone_uploaded_again (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) waiting = NULL;
  g_autoptr(MqOutboxJob) done = NULL;
  gint64 id;

  id = mq_outbox_enqueue (f->outbox, image_announcement (f, 4000, NULL), f->mastodon, "Honeyland tonight",
                          FALSE, &error);
  fake_social_fault (f->fake, FAKE_502);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  waiting = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_true (g_hash_table_remove (f->fake->media, waiting->media_remote_id));

  set_later (f, 30);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  done = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpuint (f->fake->media_uploads, ==, 2);
  g_assert_cmpstr (done->media_remote_id, !=, waiting->media_remote_id);
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 1);
}

static void
test_bluesky_image (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) done = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *image;
  gint64 id;

  id = mq_outbox_enqueue (f->outbox, image_announcement (f, 1000000, NULL), f->bluesky, "Honeyland tonight",
                          FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  done = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpuint (f->fake->blob_uploads, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, f->fake->last_record, -1, NULL));
  image = json_array_get_object_element (
    json_object_get_array_member (
      json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "embed"), "images"), 0);
  g_assert_cmpstr (json_object_get_string_member (image, "alt"), ==, "Poster: a beekeeper on a cliff ✓");
}

static void
test_image_too_large_fails_for_good (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) job = NULL;
  gint64 id;

  id = mq_outbox_enqueue (f->outbox, image_announcement (f, 4000, NULL), f->mastodon, "Honeyland tonight",
                          FALSE, &error);
  /* The server said a smaller limit after the job was queued. */
  g_assert_true (mq_outbox_set_account_limits (f->outbox, f->mastodon, 0, 3000, &error));
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  job = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (job->state, ==, MQ_OUTBOX_STATE_FAILED);
  g_assert_true (g_str_has_prefix (job->last_error, "The image is too large: 4.0\u00a0kB, the limit on this "
                                                    "Mastodon server is 3.0\u00a0kB."));
  g_assert_cmpuint (f->fake->media_uploads, ==, 0);
  g_assert_cmpuint (f->fake->requests, ==, 0);
}

static char *
iso_in_minutes (int minutes)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_minutes (now, minutes);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* Mastodon keeps a post scheduled an hour ahead; Bluesky's waits here. */
static void
test_scheduled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autofree char *at = iso_in_minutes (60);
  g_autoptr(MqOutboxJob) toot = NULL;
  g_autoptr(MqOutboxJob) skeet = NULL;
  gint64 announcement, toot_id, skeet_id;

  announcement = image_announcement (f, 4000, at);
  toot_id = mq_outbox_enqueue (f->outbox, announcement, f->mastodon, "Honeyland in an hour", FALSE, &error);
  skeet_id = mq_outbox_enqueue (f->outbox, announcement, f->bluesky, "Honeyland in an hour", FALSE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  toot = mq_outbox_get_job (f->outbox, toot_id, &error);
  g_assert_cmpint (toot->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_true (toot->remote_scheduled);
  g_assert_cmpstr (toot->remote_id, ==, "3221");
  g_assert_cmpuint (g_hash_table_size (f->fake->scheduled), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 0);
  g_assert_cmpuint (f->fake->media_uploads, ==, 1);

  skeet = mq_outbox_get_job (f->outbox, skeet_id, &error);
  g_assert_cmpint (skeet->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_cmpint (skeet->attempts, ==, 0);
  g_assert_cmpuint (g_hash_table_size (f->fake->records), ==, 0);
}

/* The server scheduled it but the answer was lost, and the retry comes
 * when the time is too close to schedule: the scheduled status is found
 * by its key instead of posting a second one.
 */
static void
test_scheduled_lost_answer (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autofree char *at = iso_in_minutes (60);
  g_autoptr(MqOutboxJob) job = NULL;
  g_autoptr(GDateTime) then = g_date_time_new_from_iso8601 (at, NULL);
  gint64 announcement, id;

  announcement = mq_outbox_add_announcement (f->outbox, 0, "x", NULL, NULL, NULL, NULL, at, &error);
  id = mq_outbox_enqueue (f->outbox, announcement, f->mastodon, "Honeyland in an hour", FALSE, &error);
  fake_social_fault (f->fake, FAKE_DROP);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->scheduled), ==, 1);

  mq_store_set_fixed_now (f->store, then);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  job = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (job->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_true (job->remote_scheduled);
  g_assert_cmpstr (job->remote_id, ==, "3221");
  g_assert_cmpuint (g_hash_table_size (f->fake->scheduled), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 0);
}

/* A Mastodon job of @text whose first try, at @start, meets @fault. */
static gint64
first_try_fails (Fixture        *f,
                 MqOutboxSender *sender,
                 GDateTime      *start,
                 const char     *text,
                 guint           fault)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_store_set_fixed_now (f->store, start);
  id = mq_outbox_enqueue (f->outbox, f->announcement, f->mastodon, text, FALSE, &error);
  g_assert_no_error (error);
  fake_social_fault (f->fake, fault);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  return id;
}

/* Mastodon keeps an Idempotency-Key for up to an hour. The first try made
 * the status and its answer was lost; the retry comes 61 minutes later,
 * when the server has forgotten the key and would post it again: the
 * sender finds it among the account's statuses by its source text
 * instead, past a page of newer ones.
 */
static void
test_expired_key_found_on_account (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (f->fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(MqOutboxJob) waiting = NULL;
  g_autoptr(MqOutboxJob) done = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_now_utc ();
  g_autofree char *start_iso = g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ");
  guint same_key = 0;
  gint64 id;

  id = first_try_fails (f, sender, start, "Solaris & Stalker <tonight>", FAKE_DROP);
  g_assert_no_error (error);
  waiting = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (waiting->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_true (waiting->maybe_posted);
  g_assert_cmpstr (waiting->maybe_posted_at, ==, start_iso);
  g_assert_cmpuint (g_hash_table_size (f->fake->status_requests), ==, 1);

  /* The club posts more meanwhile: one with nearly the same text, and
   * enough to fill the first page of the account's statuses.
   */
  for (guint i = 0; i < 41; i++)
    {
      g_autofree char *text = i == 0 ? g_strdup ("Solaris & Stalker <tonight> ") : g_strdup_printf ("Note %u", i);
      g_autofree char *key = g_strdup_printf ("other-%u", i);
      g_autoptr(MqPostResult) other = mq_mastodon_client_post_status (client, text, NULL, NULL, NULL, NULL, key,
                                                                      NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (other);
    }

  fake_social_expire_keys (f->fake);
  set_minutes_after (f, start, 61);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  done = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpstr (done->remote_id, ==, "109");
  g_assert_cmpstr (done->remote_url, ==, "https://films.example/@club/109");

  /* The job's status exists once, and its key went out once. */
  g_assert_cmpuint (g_hash_table_size (f->fake->status_requests), ==, 42);
  for (guint i = 0; i < f->fake->keys_seen->len; i++)
    same_key += g_strcmp0 (g_ptr_array_index (f->fake->keys_seen, i), done->idempotency_key) == 0;
  g_assert_cmpuint (same_key, ==, 1);
  g_assert_cmpuint (lookups (f), ==, 2);
  g_assert_cmpuint (f->fake->source_requests, ==, 42);
}

/* The same, but the first try never made the status (a gateway's 502): the
 * retry finds nothing on the account and posts it, once.
 */
static void
test_expired_key_not_posted (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) done = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_now_utc ();
  gint64 id;

  id = first_try_fails (f, sender, start, "Stalker tonight", FAKE_502);
  g_assert_cmpuint (g_hash_table_size (f->fake->status_requests), ==, 0);

  fake_social_expire_keys (f->fake);
  set_minutes_after (f, start, 61);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  done = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpstr (done->remote_id, ==, "109");
  g_assert_cmpuint (lookups (f), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->status_requests), ==, 1);
  g_assert_cmpuint (f->fake->keys_seen->len, ==, 2);
}

/* Two announcements with the same words: the one posted meanwhile is not
 * taken for the one whose try failed, which is posted once, on its own.
 */
static void
test_expired_key_same_text_other_job (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) other_done = NULL;
  g_autoptr(MqOutboxJob) done = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_now_utc ();
  gint64 id, other_announcement, other_id;

  id = first_try_fails (f, sender, start, "Stalker tonight", FAKE_502);
  g_assert_cmpuint (g_hash_table_size (f->fake->status_requests), ==, 0);

  other_announcement = mq_outbox_add_announcement (f->outbox, 0, "x", NULL, NULL, "fr", NULL, NULL, &error);
  g_assert_no_error (error);
  other_id = mq_outbox_enqueue (f->outbox, other_announcement, f->mastodon, "Stalker tonight", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  other_done = mq_outbox_get_job (f->outbox, other_id, &error);
  g_assert_cmpint (other_done->state, ==, MQ_OUTBOX_STATE_POSTED);

  fake_social_expire_keys (f->fake);
  set_minutes_after (f, start, 61);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  done = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpstr (done->remote_id, !=, other_done->remote_id);
  g_assert_cmpuint (lookups (f), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->status_requests), ==, 2);
}

/* A lookup that fails is a try that failed: nothing is sent, the job
 * waits for its next try (or, refused, for a retry by hand) and stays
 * maybe_posted; the next lookup that works finds the post.
 */
static void
test_expired_key_lookup_fails (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxSender) sender = mq_outbox_sender_new (f->outbox, f->secrets);
  g_autoptr(MqOutboxJob) waiting = NULL;
  g_autoptr(MqOutboxJob) refused = NULL;
  g_autoptr(MqOutboxJob) done = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_now_utc ();
  g_autofree char *start_iso = g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ");
  gint64 id;

  id = first_try_fails (f, sender, start, "Stalker tonight", FAKE_DROP);
  fake_social_expire_keys (f->fake);

  /* The server fails the list of statuses. */
  g_mutex_lock (&f->fake->lock);
  f->fake->account_statuses_fault = 502;
  g_mutex_unlock (&f->fake->lock);
  set_minutes_after (f, start, 61);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  g_assert_no_error (error);
  waiting = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (waiting->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_nonnull (waiting->next_try_at);
  g_assert_cmpint (waiting->attempts, ==, 2);
  g_assert_true (waiting->maybe_posted);
  g_assert_cmpstr (waiting->maybe_posted_at, ==, start_iso);
  g_assert_cmpuint (lookups (f), ==, 1);
  g_assert_cmpuint (f->fake->keys_seen->len, ==, 1);

  /* The token is refused: failed for good, and still not to be cancelled. */
  g_mutex_lock (&f->fake->lock);
  g_hash_table_remove (f->fake->tokens, FAKE_MASTODON_TOKEN);
  g_mutex_unlock (&f->fake->lock);
  set_minutes_after (f, start, 70);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  refused = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (refused->state, ==, MQ_OUTBOX_STATE_FAILED);
  g_assert_true (refused->maybe_posted);
  g_assert_false (mq_outbox_cancel (f->outbox, id, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (f->fake->keys_seen->len, ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->status_requests), ==, 1);

  /* Logged in again and retried by hand: the post is found, not sent. */
  g_mutex_lock (&f->fake->lock);
  g_hash_table_add (f->fake->tokens, g_strdup (FAKE_MASTODON_TOKEN));
  g_mutex_unlock (&f->fake->lock);
  g_assert_true (mq_outbox_retry (f->outbox, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mq_outbox_sender_run_once (sender, NULL, &error), ==, 1);
  done = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpstr (done->remote_id, ==, "109");
  g_assert_cmpuint (f->fake->keys_seen->len, ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->status_requests), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/outbox-sender/mastodon/500-then-success-once", Fixture, NULL,
              fixture_set_up, test_500_then_success, fixture_tear_down);
  g_test_add ("/core/outbox-sender/mastodon/expired-key-post-found-on-account", Fixture, NULL,
              fixture_set_up, test_expired_key_found_on_account, fixture_tear_down);
  g_test_add ("/core/outbox-sender/mastodon/expired-key-not-posted-sent-once", Fixture, NULL,
              fixture_set_up, test_expired_key_not_posted, fixture_tear_down);
  g_test_add ("/core/outbox-sender/mastodon/expired-key-same-text-other-job-posted-once", Fixture, NULL,
              fixture_set_up, test_expired_key_same_text_other_job, fixture_tear_down);
  g_test_add ("/core/outbox-sender/mastodon/expired-key-lookup-fails-nothing-sent", Fixture, NULL,
              fixture_set_up, test_expired_key_lookup_fails, fixture_tear_down);
  g_test_add ("/core/outbox-sender/closed-mid-send-recovered-same-keys", Fixture, NULL,
              fixture_set_up, test_closed_mid_send, fixture_tear_down);

  g_test_add ("/core/outbox-sender/mastodon/maybe-posted-until-server-refuses", Fixture, NULL,
              fixture_set_up, test_maybe_posted_until_refused, fixture_tear_down);
  g_test_add ("/core/outbox-sender/bluesky/session-saved-secrets-not-in-database", Fixture, NULL,
              fixture_set_up, test_session_saved_secrets_not_in_database, fixture_tear_down);
  g_test_add ("/core/outbox-sender/mastodon/401-fails-with-server-words", Fixture, NULL,
              fixture_set_up, test_refused_for_good, fixture_tear_down);
  g_test_add ("/core/outbox-sender/bluesky/429-waits-for-reset", Fixture, NULL,
              fixture_set_up, test_rate_limited_waits, fixture_tear_down);
  g_test_add ("/core/outbox-sender/mastodon/image-uploaded-once-per-job", Fixture, NULL,
              fixture_set_up, test_mastodon_image_uploaded_once, fixture_tear_down);
  g_test_add ("/core/outbox-sender/mastodon/image-gone-uploaded-again", Fixture, NULL,
              fixture_set_up, test_mastodon_image_gone_uploaded_again, fixture_tear_down);
  g_test_add ("/core/outbox-sender/bluesky/image-with-alt", Fixture, NULL,
              fixture_set_up, test_bluesky_image, fixture_tear_down);
  g_test_add ("/core/outbox-sender/image-too-large-fails-for-good", Fixture, NULL,
              fixture_set_up, test_image_too_large_fails_for_good, fixture_tear_down);
  g_test_add ("/core/outbox-sender/scheduled-mastodon-server-bluesky-local", Fixture, NULL,
              fixture_set_up, test_scheduled, fixture_tear_down);
  g_test_add ("/core/outbox-sender/mastodon/scheduled-lost-answer-found-by-key", Fixture, NULL,
              fixture_set_up, test_scheduled_lost_answer, fixture_tear_down);

  return g_test_run ();
}
