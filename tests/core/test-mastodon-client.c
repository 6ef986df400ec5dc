/* test-mastodon-client.c: the Mastodon client against a scripted SoupServer
 *
 * The server runs on its own thread and GMainContext, so the client's
 * blocking calls (what marquee-cli and the sender use) can be tested as
 * they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "fake-social-server.h"
#include "mq-mastodon-client.h"
#include "mq-outbox.h"
#include "mq-social-http.h"

#define KEY "key-0123456789abcdef"

/* A real 3x2 PNG: the header is what Marquee reads its type and size from. */
static MqPostImage *
small_png (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0, 0x12, 0x16, 0xf1, 0x4d, 0, 0, 0, 0,
    'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GError) error = NULL;
  MqPostImage *image = mq_post_image_new (bytes, &error);

  g_assert_no_error (error);
  return image;
}

static void
test_retry_after_500_same_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (":memory:", &error);
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(MqOutboxJob) job = NULL;
  g_autoptr(MqOutboxJob) again = NULL;
  g_autoptr(MqOutboxJob) done = NULL;
  g_autoptr(MqPostResult) post = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);
  gint64 account, announcement, id;

  account = mq_outbox_add_account (outbox, MQ_SOCIAL_NETWORK_MASTODON, fake->url, "@club", &error);
  announcement = mq_outbox_add_announcement (outbox, 0, "x", NULL, NULL, "fr", NULL, NULL, &error);
  id = mq_outbox_enqueue (outbox, announcement, account, "Ciné-club 🎬 #filmclub", FALSE, &error);
  g_assert_no_error (error);
  fake_social_fault (fake, FAKE_500);

  job = mq_outbox_claim_next (outbox, &error);
  post = mq_mastodon_client_post_status (client, job->text, job->visibility, job->language, NULL, NULL,
                                         job->idempotency_key, NULL, &error);
  g_assert_null (post);
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_SERVER);
  g_assert_true (mq_social_error_is_transient (error));
  g_assert_cmpstr (error->message, ==, "The server failed (Internal error)");
  g_assert_true (mq_outbox_mark_retry (outbox, id, error->message, NULL, NULL));
  g_clear_error (&error);

  mq_store_set_fixed_now (store, later);
  again = mq_outbox_claim_next (outbox, &error);
  g_assert_nonnull (again);
  post = mq_mastodon_client_post_status (client, again->text, again->visibility, again->language, NULL, NULL,
                                         again->idempotency_key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->id, ==, "109");
  g_assert_null (post->scheduled_at);
  g_assert_true (mq_outbox_mark_posted (outbox, id, post->id, post->url, &error));
  done = mq_outbox_get_job (outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpstr (done->remote_url, ==, "https://films.example/@club/109");

  /* Two requests, one key, one status on the server. */
  g_assert_cmpuint (fake->keys_seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fake->keys_seen, 0), ==, job->idempotency_key);
  g_assert_cmpstr (g_ptr_array_index (fake->keys_seen, 1), ==, job->idempotency_key);
  g_assert_cmpuint (g_hash_table_size (fake->statuses), ==, 1);

  g_clear_object (&client);
  fake_social_stop (fake);
}

/* Mastodon looks up the Idempotency-Key before it checks the body: a repeat
 * of a key it keeps gets the earlier status, even when the body would now be
 * refused. A new key still meets the checks.
 */
static void
test_repeat_key_before_checks (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(MqPostResult) first = NULL;
  g_autoptr(MqPostResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  first = mq_mastodon_client_post_status (client, "Stalker", NULL, NULL, NULL, NULL, KEY, NULL, &error);
  g_assert_no_error (error);

  g_mutex_lock (&fake->lock);
  fake->instance_max_characters = 10;
  g_mutex_unlock (&fake->lock);
  again = mq_mastodon_client_post_status (client, "Stalker tonight at the Cine Doré", NULL, NULL, NULL, NULL,
                                          KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, first->id);
  g_assert_cmpstr (again->url, ==, first->url);
  g_assert_cmpuint (g_hash_table_size (fake->statuses), ==, 1);
  /* The earlier status itself, not one made up from the new body. */
  g_assert_true (json_parser_load_from_data (parser, g_hash_table_lookup (fake->status_answers, first->id),
                                             -1, NULL));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "content"),
                   ==, "Stalker");

  g_assert_null (mq_mastodon_client_post_status (client, "Stalker tonight at the Cine Doré", NULL, NULL, NULL,
                                                 NULL, "key-new-0000000000", NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "Text character limit of 10 exceeded"));
  g_clear_error (&error);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_rate_limited (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *until = NULL;
  g_autofree char *expected = NULL;
  GDateTime *retry_at;

  fake_social_fault (fake, FAKE_429);
  g_assert_null (mq_mastodon_client_post_status (client, "hi", NULL, NULL, NULL, NULL, KEY, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_RATE_LIMITED);
  retry_at = mq_mastodon_client_get_retry_at (client);
  g_assert_nonnull (retry_at);
  g_assert_cmpint (g_date_time_difference (retry_at, now) / G_TIME_SPAN_SECOND, >=, 119);
  g_assert_cmpint (g_date_time_difference (retry_at, now) / G_TIME_SPAN_SECOND, <=, 125);
  /* Said as a user reads a clock: "until 14:05". */
  until = mq_social_http_format_until (retry_at);
  g_assert_cmpuint (strlen (until), ==, 5);
  expected = g_strdup_printf ("Rate limited until %s (Too many requests)", until);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (g_hash_table_size (fake->statuses), ==, 0);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_token_revoked (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, "revoked");
  g_autoptr(GError) error = NULL;

  g_assert_null (mq_mastodon_client_post_status (client, "hi", NULL, NULL, NULL, NULL, KEY, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH);
  g_assert_false (mq_social_error_is_transient (error));
  g_assert_cmpstr (error->message, ==,
                   "The server refused the login (The access token is invalid): "
                   "log in to this account again");

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_instance (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, NULL);
  g_autoptr(GError) error = NULL;
  MqMastodonInstance instance;

  fake->instance_max_characters = 5000;
  fake->instance_image_size_limit = 8000000;
  g_assert_true (mq_mastodon_client_get_instance (client, &instance, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (instance.max_characters, ==, 5000);
  g_assert_cmpint (instance.characters_reserved_per_url, ==, 23);
  g_assert_cmpint (instance.max_media_attachments, ==, 4);
  g_assert_cmpint (instance.description_limit, ==, 1500);
  g_assert_cmpint (instance.image_size_limit, ==, 8000000);
  g_assert_cmpint (mq_mastodon_client_get_max_characters (client, NULL, &error), ==, 5000);

  /* A server before 4.0 has no /api/v2/instance. */
  fake->instance_missing = TRUE;
  g_assert_false (mq_mastodon_client_get_instance (client, &instance, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_NOT_FOUND);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_unreachable (void)
{
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new ("http://127.0.0.1:9", FAKE_MASTODON_TOKEN);
  g_autoptr(GError) error = NULL;

  g_assert_null (mq_mastodon_client_post_status (client, "hi", NULL, NULL, NULL, NULL, KEY, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE);
  g_assert_true (g_str_has_prefix (error->message, "http://127.0.0.1:9 could not be reached"));
  g_assert_true (mq_social_error_is_transient (error));
}

/* A certificate the system does not trust: not retried, said what to check.
 * LeakSanitizer cannot walk the dynamic thread-local storage GnuTLS (a GIO
 * module, loaded with dlopen) sets up and crashes at exit, so this case
 * runs in a child process without the leak check.
 */
static void
test_tls_failure (void)
{
  g_autofree char *asan = g_strdup (g_getenv ("ASAN_OPTIONS"));
  g_autofree char *without_leaks = g_strconcat (asan ? asan : "", asan ? ":" : "", "detect_leaks=0", NULL);

  g_setenv ("ASAN_OPTIONS", without_leaks, TRUE);
  g_test_trap_subprocess ("/core/mastodon/post/tls-failure/subprocess", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (asan != NULL)
    g_setenv ("ASAN_OPTIONS", asan, TRUE);
  else
    g_unsetenv ("ASAN_OPTIONS");
  g_test_trap_assert_passed ();
}

static void
test_tls_failure_subprocess (void)
{
  FakeSocial *fake = fake_social_start_untrusted_tls ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("The secure connection to %s failed (", fake->url);

  g_assert_null (mq_mastodon_client_post_status (client, "hi", NULL, NULL, NULL, NULL, KEY, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_TLS);
  g_assert_false (mq_social_error_is_transient (error));
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_true (g_str_has_suffix (error->message, "check the server address and the system's date and certificates"));
  g_assert_cmpuint (g_hash_table_size (fake->statuses), ==, 0);

  g_clear_object (&client);
  fake_social_stop (fake);
}

/* The server created the status but answered after the client gave up:
 * the retry with the same key gets the same status.
 */
static void
test_slow_answer_past_timeout (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = NULL;
  g_autoptr(MqPostResult) post = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("MARQUEE_HTTP_TIMEOUT", "1", TRUE);
  client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_unsetenv ("MARQUEE_HTTP_TIMEOUT");
  fake->slow_seconds = 2;
  fake_social_fault (fake, FAKE_SLOW);

  g_assert_null (mq_mastodon_client_post_status (client, "hi", NULL, NULL, NULL, NULL, KEY, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE);
  g_assert_true (mq_social_error_is_transient (error));
  g_clear_error (&error);

  /* The fake answers one request at a time: let it finish the slow one. */
  g_usleep (1500 * 1000);
  post = mq_mastodon_client_post_status (client, "hi", NULL, NULL, NULL, NULL, KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->id, ==, "109");
  g_assert_cmpuint (g_hash_table_size (fake->statuses), ==, 1);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_media_ready_at_once (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(MqPostImage) image = small_png ();
  g_autoptr(MqPostResult) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *media_id = NULL;
  const char *ids[] = { NULL, NULL };
  FakeMedia *media;
  JsonObject *request;
  gboolean ready = FALSE;

  media_id = mq_mastodon_client_upload_media (client, image, "Poster: a beekeeper on a cliff", &ready,
                                              NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ready);
  media = g_hash_table_lookup (fake->media, media_id);
  g_assert_nonnull (media);
  g_assert_cmpstr (media->description, ==, "Poster: a beekeeper on a cliff");
  g_assert_cmpstr (media->mime_type, ==, "image/png");
  g_assert_cmpstr (media->filename, ==, "poster.png");
  g_assert_cmpuint (media->size, ==, g_bytes_get_size (image->bytes));

  ids[0] = media_id;
  post = mq_mastodon_client_post_status (client, "Honeyland tonight", "unlisted", "en", ids, NULL, KEY,
                                         NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_hash_table_lookup (fake->status_requests, post->id),
                                             -1, NULL));
  request = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "Honeyland tonight");
  g_assert_cmpstr (json_object_get_string_member (request, "visibility"), ==, "unlisted");
  g_assert_cmpstr (json_object_get_string_member (request, "language"), ==, "en");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (request, "media_ids")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (request, "media_ids"), 0),
                   ==, media_id);
  g_assert_cmpuint (fake->media_polls, ==, 0);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_media_still_processing (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(MqPostImage) image = small_png ();
  g_autoptr(GError) error = NULL;
  g_autofree char *media_id = NULL;
  const char *ids[] = { NULL, NULL };
  gboolean ready = TRUE;
  gint64 start;

  /* 202 with "url": null, then 206 twice. */
  fake->media_processing_polls = 2;
  media_id = mq_mastodon_client_upload_media (client, image, "Poster", &ready, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ready);

  /* Posting now would be refused, as Mastodon does. */
  ids[0] = media_id;
  g_assert_null (mq_mastodon_client_post_status (client, "Tonight", NULL, NULL, ids, NULL, KEY, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_REJECTED);
  g_clear_error (&error);

  start = g_get_monotonic_time ();
  g_assert_true (mq_mastodon_client_wait_for_media (client, media_id, NULL, &error));
  g_assert_no_error (error);
  /* 206, 206, 200: two waits, 0.5 s then 1 s. */
  g_assert_cmpuint (fake->media_polls, ==, 3);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 1400 * 1000);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_media_wait_bounded (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(MqPostImage) image = small_png ();
  g_autoptr(GError) error = NULL;
  g_autofree char *media_id = NULL;
  gboolean ready = TRUE;

  fake->media_processing_polls = 1000;
  mq_mastodon_client_set_media_timeout (client, 1);
  media_id = mq_mastodon_client_upload_media (client, image, "Poster", &ready, NULL, &error);
  g_assert_false (mq_mastodon_client_wait_for_media (client, media_id, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_SERVER);
  g_assert_true (mq_social_error_is_transient (error));
  g_assert_cmpstr (error->message, ==,
                   "The server is still processing the image after 1 second: Marquee will try again later");
  g_assert_cmpuint (fake->media_polls, <=, 3);
  g_clear_error (&error);

  /* Unattached media the server has deleted. */
  g_assert_false (mq_mastodon_client_wait_for_media (client, "999", NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_NOT_FOUND);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_scheduled (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 30);
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 2);
  g_autofree char *later_iso = g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *soon_iso = g_date_time_format (soon, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(MqPostResult) first = NULL;
  g_autoptr(MqPostResult) again = NULL;
  g_autoptr(MqPostResult) near = NULL;
  g_autoptr(MqPostResult) found = NULL;
  g_autoptr(MqPostResult) none = NULL;
  g_autoptr(GError) error = NULL;

  first = mq_mastodon_client_post_status (client, "Tonight", NULL, NULL, NULL, later_iso, KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->id, ==, "3221");
  g_assert_cmpstr (first->scheduled_at, ==, later_iso);
  g_assert_null (first->url);
  g_assert_cmpuint (g_hash_table_size (fake->statuses), ==, 0);

  again = mq_mastodon_client_post_status (client, "Tonight", NULL, NULL, NULL, later_iso, KEY, NULL, &error);
  g_assert_cmpstr (again->id, ==, first->id);
  g_assert_cmpuint (g_hash_table_size (fake->scheduled), ==, 1);
  /* The key is looked up first: a repeat whose time is now too near still
   * gets the scheduled status back (see test_repeat_key_before_checks).
   */
  near = mq_mastodon_client_post_status (client, "Tonight", NULL, NULL, NULL, soon_iso, KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (near->id, ==, first->id);
  g_assert_cmpstr (near->scheduled_at, ==, later_iso);
  g_assert_cmpuint (g_hash_table_size (fake->scheduled), ==, 1);

  found = mq_mastodon_client_find_scheduled (client, KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id, ==, "3221");
  none = mq_mastodon_client_find_scheduled (client, "another-key-0000", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* Less than 5 minutes ahead: the server's own words. */
  g_assert_null (mq_mastodon_client_post_status (client, "Tonight", NULL, NULL, NULL, soon_iso,
                                                 "key-soon-000000000", NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==, "The server refused the post: Validation failed: Scheduled at "
                                       "The scheduled date must be in the future");

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_tag_timeline (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, FAKE_MASTODON_TOKEN);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  fake->tag_timeline = g_strdup ("[{\"id\":\"1\",\"content\":\"<p>hi</p>\"}]");
  root = mq_mastodon_client_get_tag_timeline (client, "#ciné", 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  g_assert_cmpstr (fake->tag_asked, ==, "ciné");

  g_clear_object (&client);
  fake_social_stop (fake);
}

int
main (int   argc,
      char *argv[])
{
  /* No GNOME proxy settings in the test environment; none are needed for 127.0.0.1. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/mastodon/post/500-then-success-same-key", test_retry_after_500_same_key);
  g_test_add_func ("/core/mastodon/post/repeat-key-before-checks", test_repeat_key_before_checks);
  g_test_add_func ("/core/mastodon/post/429-retry-after", test_rate_limited);
  g_test_add_func ("/core/mastodon/post/401-token-revoked", test_token_revoked);
  g_test_add_func ("/core/mastodon/post/unreachable", test_unreachable);
  g_test_add_func ("/core/mastodon/post/tls-failure", test_tls_failure);
  g_test_add_func ("/core/mastodon/post/tls-failure/subprocess", test_tls_failure_subprocess);
  g_test_add_func ("/core/mastodon/post/slow-answer-past-timeout", test_slow_answer_past_timeout);
  g_test_add_func ("/core/mastodon/post/scheduled", test_scheduled);
  g_test_add_func ("/core/mastodon/media/ready-at-once", test_media_ready_at_once);
  g_test_add_func ("/core/mastodon/media/202-then-206-polled", test_media_still_processing);
  g_test_add_func ("/core/mastodon/media/wait-bounded-and-gone", test_media_wait_bounded);
  g_test_add_func ("/core/mastodon/instance/configuration", test_instance);
  g_test_add_func ("/core/mastodon/timeline/tag", test_tag_timeline);

  return g_test_run ();
}
