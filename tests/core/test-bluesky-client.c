/* test-bluesky-client.c: the Bluesky client against a scripted XRPC server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fake-social-server.h"
#include "mq-bluesky-client.h"
#include "mq-error.h"
#include "mq-social-http.h"

#define RKEY "3n3ar6c3ryk2g"
#define ALT "Affiche : une apicultrice sur une falaise 🐝 — 蜂蜜"

/* A PNG header saying 1200x1800, padded to @size bytes. */
static MqPostImage *
png_of_size (gsize size)
{
  static const guint8 header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x04, 0xb0, 0, 0, 0x07, 0x08, 8, 2, 0, 0, 0,
  };
  guint8 *data = g_malloc0 (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MqPostImage *image;

  memcpy (data, header, sizeof header);
  bytes = g_bytes_new_take (data, size);
  image = mq_post_image_new (bytes, &error);
  g_assert_no_error (error);
  return image;
}

static void
test_post_with_image (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", FAKE_APP_PASSWORD);
  g_autoptr(MqPostImage) image = png_of_size (1000000);
  g_autoptr(MqPostResult) first = NULL;
  g_autoptr(MqPostResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *embed, *entry, *blob, *ratio;

  /* Exactly at the limit, and the answer lost after the record landed. */
  fake_social_fault (fake, FAKE_DROP);
  first = mq_bluesky_client_create_post (client, "Honeyland tonight #filmclub", "fr", image, ALT, RKEY,
                                         NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake->blob_uploads, ==, 1);
  g_assert_cmpstr (fake->last_blob_type, ==, "image/png");

  g_assert_true (json_parser_load_from_data (parser, fake->last_record, -1, NULL));
  embed = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "embed");
  g_assert_cmpstr (json_object_get_string_member (embed, "$type"), ==, "app.bsky.embed.images");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (embed, "images")), ==, 1);
  entry = json_array_get_object_element (json_object_get_array_member (embed, "images"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "alt"), ==, ALT);
  blob = json_object_get_object_member (entry, "image");
  g_assert_cmpstr (json_object_get_string_member (blob, "$type"), ==, "blob");
  g_assert_cmpstr (json_object_get_string_member (blob, "mimeType"), ==, "image/png");
  g_assert_cmpint (json_object_get_int_member (blob, "size"), ==, 1000000);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_object_get_object_member (blob, "ref"),
                                                                  "$link"), "bafkrei"));
  ratio = json_object_get_object_member (entry, "aspectRatio");
  g_assert_cmpint (json_object_get_int_member (ratio, "width"), ==, 1200);
  g_assert_cmpint (json_object_get_int_member (ratio, "height"), ==, 1800);

  /* The retry uploads the same bytes again (the same blob) and finds the
   * record: still one post.
   */
  again = mq_bluesky_client_create_post (client, "Honeyland tonight #filmclub", "fr", image, ALT, RKEY,
                                         NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, first->id);
  g_assert_cmpuint (fake->blob_uploads, ==, 2);
  g_assert_cmpuint (g_hash_table_size (fake->blobs), ==, 1);
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 1);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_image_refused_before_upload (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", FAKE_APP_PASSWORD);
  g_autoptr(MqPostImage) large = png_of_size (1000001);
  g_autoptr(MqPostImage) huge = png_of_size (1400000);
  g_autoptr(GError) error = NULL;

  /* The reference PDS would take these; production refuses them. */
  g_assert_null (mq_bluesky_client_create_post (client, "Tonight", NULL, large, ALT, RKEY, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  /* GLib's sizes, with its no-break space; LC_ALL=C.UTF-8 groups no digits. */
  g_assert_cmpstr (error->message, ==, "The image is too large: 1.0\u00a0MB (1000001 bytes), the limit on Bluesky "
                                       "is 1\u00a0MB. Save it smaller (fewer pixels, or as JPEG) and try again");
  g_clear_error (&error);
  g_assert_null (mq_bluesky_client_create_post (client, "Tonight", NULL, huge, ALT, RKEY, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message,
                                   "The image is too large: 1.4\u00a0MB, the limit on Bluesky is 1\u00a0MB."));
  g_clear_error (&error);

  /* Alt text is required. */
  g_assert_null (mq_bluesky_client_create_post (client, "Tonight", NULL, large, "  ", RKEY, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpuint (fake->blob_uploads, ==, 0);
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 0);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_post_with_facets (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "@club.test", FAKE_APP_PASSWORD);
  g_autoptr(MqPostResult) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *facets = NULL;
  JsonObject *record;

  post = mq_bluesky_client_create_post (client,
                                        "Ciné-club: Stalker 🎬 #filmclub https://example.org/e/42 with @ana.test @nobody.test",
                                        "fr", NULL, NULL, RKEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->id, ==, "at://" FAKE_DID "/app.bsky.feed.post/" RKEY);
  g_assert_cmpstr (post->url, ==, "https://bsky.app/profile/club.test/post/" RKEY);
  g_assert_cmpuint (fake->logins, ==, 1);
  g_assert_cmpstr (mq_bluesky_client_get_did (client), ==, FAKE_DID);
  g_assert_cmpstr (mq_bluesky_client_get_access_jwt (client), ==, "access-1");

  g_assert_true (json_parser_load_from_data (parser, fake->last_record, -1, NULL));
  record = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (record, "$type"), ==, "app.bsky.feed.post");
  g_assert_cmpstr (json_object_get_string_member (record, "text"), ==,
                   "Ciné-club: Stalker 🎬 #filmclub https://example.org/e/42 with @ana.test @nobody.test");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (record, "langs"), 0), ==, "fr");
  json_generator_set_root (generator, json_object_get_member (record, "facets"));
  facets = json_generator_to_data (generator, NULL);
  /* Byte offsets as the reference PDS was observed to keep them; the
   * unknown handle has no DID and so no facet.
   */
  g_assert_cmpstr (facets, ==,
                   "[{\"index\":{\"byteStart\":25,\"byteEnd\":34},\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\"filmclub\"}]},"
                   "{\"index\":{\"byteStart\":35,\"byteEnd\":59},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"https://example.org/e/42\"}]},"
                   "{\"index\":{\"byteStart\":65,\"byteEnd\":74},\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\",\"did\":\"did:plc:ana\"}]}]");

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_lost_answer_then_retry (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", FAKE_APP_PASSWORD);
  g_autoptr(MqPostResult) first = NULL;
  g_autoptr(MqPostResult) again = NULL;
  g_autoptr(GError) error = NULL;

  /* The record is written, then the connection drops before the answer:
   * asking for the key finds it.
   */
  fake_social_fault (fake, FAKE_DROP);
  first = mq_bluesky_client_create_post (client, "Stalker tonight", NULL, NULL, NULL, RKEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->id, ==, "at://" FAKE_DID "/app.bsky.feed.post/" RKEY);
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 1);

  /* The app closed before saving that: the retry with the same key gets
   * the PDS's 500 for a used key and counts as posted.
   */
  again = mq_bluesky_client_create_post (client, "Stalker tonight", NULL, NULL, NULL, RKEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, first->id);
  g_assert_cmpstr (again->url, ==, "https://bsky.app/profile/club.test/post/" RKEY);
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 1);
  g_assert_cmpuint (fake->rkeys_seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fake->rkeys_seen, 1), ==, RKEY);
  g_assert_cmpuint (fake->logins, ==, 1);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_server_error_not_posted (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", FAKE_APP_PASSWORD);
  g_autoptr(GError) error = NULL;

  fake_social_fault (fake, FAKE_502);
  g_assert_null (mq_bluesky_client_create_post (client, "Stalker tonight", NULL, NULL, NULL, RKEY, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_SERVER);
  g_assert_cmpstr (error->message, ==,
                   "The server failed (UpstreamFailure: Upstream service unreachable)");
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 0);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_expired_access_refreshes (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", NULL);
  g_autoptr(MqPostResult) post = NULL;
  g_autoptr(GError) error = NULL;

  fake->refresh = g_strdup ("refresh-0");
  mq_bluesky_client_set_session (client, FAKE_DID, "access-expired", "refresh-0");
  post = mq_bluesky_client_create_post (client, "Stalker tonight", NULL, NULL, NULL, RKEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (post);
  g_assert_cmpuint (fake->refreshes, ==, 1);
  g_assert_cmpuint (fake->logins, ==, 0);
  g_assert_cmpstr (mq_bluesky_client_get_access_jwt (client), ==, "access-1");
  g_assert_cmpstr (mq_bluesky_client_get_refresh_jwt (client), ==, "refresh-1");
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 1);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_dead_refresh_logs_in (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", FAKE_APP_PASSWORD);
  g_autoptr(MqPostResult) post = NULL;
  g_autoptr(GError) error = NULL;

  mq_bluesky_client_set_session (client, FAKE_DID, "access-expired", "refresh-expired");
  post = mq_bluesky_client_create_post (client, "Stalker tonight", NULL, NULL, NULL, RKEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (post);
  g_assert_cmpuint (fake->refreshes, ==, 1);
  g_assert_cmpuint (fake->logins, ==, 1);
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 1);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_dead_session_without_password (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", NULL);
  g_autoptr(GError) error = NULL;

  mq_bluesky_client_set_session (client, FAKE_DID, "access-expired", "refresh-expired");
  g_assert_null (mq_bluesky_client_create_post (client, "Stalker tonight", NULL, NULL, NULL, RKEY, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH);
  g_assert_false (mq_social_error_is_transient (error));
  g_assert_cmpstr (error->message, ==,
                   "The server refused the login (ExpiredToken: Token has expired): log in to this account again");
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 0);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_wrong_app_password (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", "wrong-pass-word-here");
  g_autoptr(GError) error = NULL;

  g_assert_false (mq_bluesky_client_login (client, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH);
  g_assert_cmpstr (error->message, ==,
                   "The server refused the login (AuthenticationRequired: Invalid identifier or password): "
                   "log in to this account again");

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
test_rate_limited (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", FAKE_APP_PASSWORD);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  GDateTime *retry_at;
  gint64 wait;

  fake_social_fault (fake, FAKE_429);
  g_assert_null (mq_bluesky_client_create_post (client, "Stalker tonight", NULL, NULL, NULL, RKEY, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_RATE_LIMITED);
  retry_at = mq_bluesky_client_get_retry_at (client);
  {
    g_autofree char *until = mq_social_http_format_until (retry_at);
    g_autofree char *expected = g_strdup_printf ("Rate limited until %s (RateLimitExceeded: Rate Limit Exceeded)",
                                                 until);
    g_assert_cmpstr (error->message, ==, expected);
  }
  g_assert_nonnull (retry_at);
  wait = g_date_time_difference (retry_at, now) / G_TIME_SPAN_SECOND;
  g_assert_cmpint (wait, >=, 298);
  g_assert_cmpint (wait, <=, 302);
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 0);

  g_clear_object (&client);
  fake_social_stop (fake);
}

static void
post_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MqPostResult **post = user_data;
  g_autoptr(GError) error = NULL;

  *post = mq_bluesky_client_create_post_finish (MQ_BLUESKY_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  FakeSocial *fake = fake_social_start ();
  g_autoptr(MqBlueskyClient) client = mq_bluesky_client_new (fake->url, "club.test", FAKE_APP_PASSWORD);
  g_autoptr(MqPostResult) post = NULL;

  mq_bluesky_client_create_post_async (client, "Stalker tonight", "en", NULL, NULL, RKEY, NULL, post_done, &post);
  while (post == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (post->id, ==, "at://" FAKE_DID "/app.bsky.feed.post/" RKEY);
  g_assert_cmpuint (g_hash_table_size (fake->records), ==, 1);

  g_clear_object (&client);
  fake_social_stop (fake);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/bluesky/post/facets-byte-offsets", test_post_with_facets);
  g_test_add_func ("/core/bluesky/post/lost-answer-then-retry-one-record", test_lost_answer_then_retry);
  g_test_add_func ("/core/bluesky/post/502-not-posted", test_server_error_not_posted);
  g_test_add_func ("/core/bluesky/post/429-ratelimit-reset", test_rate_limited);
  g_test_add_func ("/core/bluesky/post/async", test_async);
  g_test_add_func ("/core/bluesky/image/embed-alt-aspect-ratio-once", test_post_with_image);
  g_test_add_func ("/core/bluesky/image/too-large-or-no-alt-refused", test_image_refused_before_upload);
  g_test_add_func ("/core/bluesky/session/expired-access-refreshes", test_expired_access_refreshes);
  g_test_add_func ("/core/bluesky/session/dead-refresh-logs-in", test_dead_refresh_logs_in);
  g_test_add_func ("/core/bluesky/session/dead-without-password", test_dead_session_without_password);
  g_test_add_func ("/core/bluesky/session/wrong-app-password", test_wrong_app_password);

  return g_test_run ();
}
