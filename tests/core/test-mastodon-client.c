/* test-mastodon-client.c: the Mastodon client against a scripted SoupServer
 *
 * The server runs on its own thread and GMainContext, so the client's
 * blocking calls (what marquee-cli uses) can be tested as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "mq-mastodon-client.h"
#include "mq-outbox.h"
#include "mq-social-http.h"

typedef struct
{
  GMutex        lock;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;
  /* Scripted faults, consumed one per request: HTTP status, 0 = answer normally. */
  GQueue        faults;
  GPtrArray    *keys_seen;      /* Idempotency-Key of every POST */
  GHashTable   *statuses;       /* key → status id: what the server created */
} FakeMastodon;

static void
handle_statuses (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  FakeMastodon *fake = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  const char *key = soup_message_headers_get_one (request, "Idempotency-Key");
  const char *auth = soup_message_headers_get_one (request, "Authorization");
  guint fault;
  const char *id;
  g_autofree char *body = NULL;

  g_mutex_lock (&fake->lock);
  g_ptr_array_add (fake->keys_seen, g_strdup (key));
  fault = GPOINTER_TO_UINT (g_queue_pop_head (&fake->faults));
  if (g_strcmp0 (auth, "Bearer secret-token") != 0 || fault == 401)
    {
      soup_server_message_set_status (msg, 401, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"error\":\"The access token is invalid\"}", strlen ("{\"error\":\"The access token is invalid\"}"));
    }
  else if (fault == 429)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "120");
      soup_server_message_set_status (msg, 429, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"error\":\"Too many requests\"}", strlen ("{\"error\":\"Too many requests\"}"));
    }
  else
    {
      /* The post is created even when the answer is then a 500: the worst
       * case, where only the Idempotency-Key prevents a duplicate.
       */
      if ((id = g_hash_table_lookup (fake->statuses, key)) == NULL)
        {
          id = g_strdup_printf ("%u", 109 + g_hash_table_size (fake->statuses));
          g_hash_table_insert (fake->statuses, g_strdup (key), (char *) id);
        }
      if (fault == 500)
        {
          soup_server_message_set_status (msg, 500, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"error\":\"Internal error\"}", strlen ("{\"error\":\"Internal error\"}"));
        }
      else
        {
          body = g_strdup_printf ("{\"id\":\"%s\",\"url\":\"https://films.example/@club/%s\"}", id, id);
          soup_server_message_set_status (msg, 200, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
        }
    }
  g_mutex_unlock (&fake->lock);
}

static void
handle_instance (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  static const char body[] = "{\"domain\":\"films.example\",\"configuration\":{\"statuses\":"
                             "{\"max_characters\":5000,\"characters_reserved_per_url\":23}}}";

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static gpointer
server_thread (gpointer data)
{
  FakeMastodon *fake = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (fake->context);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, "/api/v1/statuses", handle_statuses, fake, NULL);
  soup_server_add_handler (fake->server, "/api/v2/instance", handle_instance, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake->server);
  g_mutex_lock (&fake->lock);
  fake->url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  g_mutex_unlock (&fake->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (fake->url, "/"))
    fake->url[strlen (fake->url) - 1] = '\0';

  g_main_loop_run (fake->loop);

  g_clear_object (&fake->server);
  g_main_context_pop_thread_default (fake->context);
  return NULL;
}

static FakeMastodon *
fake_mastodon_start (void)
{
  FakeMastodon *fake = g_new0 (FakeMastodon, 1);
  gboolean ready = FALSE;

  g_mutex_init (&fake->lock);
  g_queue_init (&fake->faults);
  fake->keys_seen = g_ptr_array_new_with_free_func (g_free);
  fake->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);
  fake->thread = g_thread_new ("fake-mastodon", server_thread, fake);
  while (!ready)
    {
      g_mutex_lock (&fake->lock);
      ready = fake->url != NULL;
      g_mutex_unlock (&fake->lock);
      g_usleep (1000);
    }
  return fake;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
fake_mastodon_stop (FakeMastodon *fake)
{
  g_main_context_invoke (fake->context, quit_loop, fake->loop);
  g_thread_join (fake->thread);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_queue_clear (&fake->faults);
  g_ptr_array_unref (fake->keys_seen);
  g_hash_table_unref (fake->statuses);
  g_free (fake->url);
  g_mutex_clear (&fake->lock);
  g_free (fake);
}

static void
test_retry_after_500_same_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (":memory:", &error);
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  FakeMastodon *fake = fake_mastodon_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, "secret-token");
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
  g_queue_push_tail (&fake->faults, GUINT_TO_POINTER (500));

  job = mq_outbox_claim_next (outbox, &error);
  post = mq_mastodon_client_post_status (client, job->text, job->visibility, job->language,
                                         job->idempotency_key, NULL, &error);
  g_assert_null (post);
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_SERVER);
  g_assert_true (mq_social_error_is_transient (error));
  g_assert_cmpstr (error->message, ==, "The server failed (Internal error): Marquee will retry");
  g_assert_true (mq_outbox_mark_retry (outbox, id, error->message, NULL, NULL));
  g_clear_error (&error);

  mq_store_set_fixed_now (store, later);
  again = mq_outbox_claim_next (outbox, &error);
  g_assert_nonnull (again);
  post = mq_mastodon_client_post_status (client, again->text, again->visibility, again->language,
                                         again->idempotency_key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->id, ==, "109");
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
  fake_mastodon_stop (fake);
}

static void
test_rate_limited (void)
{
  FakeMastodon *fake = fake_mastodon_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, "secret-token");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *retry_at;

  g_queue_push_tail (&fake->faults, GUINT_TO_POINTER (429));
  g_assert_null (mq_mastodon_client_post_status (client, "hi", NULL, NULL, "key-0123456789abcdef", NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_RATE_LIMITED);
  g_assert_true (g_str_has_prefix (error->message, "Rate limited until 20"));
  retry_at = mq_mastodon_client_get_retry_at (client);
  g_assert_nonnull (retry_at);
  g_assert_cmpint (g_date_time_difference (retry_at, now) / G_TIME_SPAN_SECOND, >=, 119);
  g_assert_cmpint (g_date_time_difference (retry_at, now) / G_TIME_SPAN_SECOND, <=, 125);
  g_assert_cmpuint (g_hash_table_size (fake->statuses), ==, 0);

  g_clear_object (&client);
  fake_mastodon_stop (fake);
}

static void
test_token_revoked (void)
{
  FakeMastodon *fake = fake_mastodon_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, "revoked");
  g_autoptr(GError) error = NULL;

  g_assert_null (mq_mastodon_client_post_status (client, "hi", NULL, NULL, "key-0123456789abcdef", NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH);
  g_assert_false (mq_social_error_is_transient (error));
  g_assert_cmpstr (error->message, ==,
                   "The server refused the login (The access token is invalid): "
                   "log in to this account again");

  g_clear_object (&client);
  fake_mastodon_stop (fake);
}

static void
test_max_characters (void)
{
  FakeMastodon *fake = fake_mastodon_start ();
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new (fake->url, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mq_mastodon_client_get_max_characters (client, NULL, &error), ==, 5000);
  g_assert_no_error (error);

  g_clear_object (&client);
  fake_mastodon_stop (fake);
}

static void
test_unreachable (void)
{
  g_autoptr(MqMastodonClient) client = mq_mastodon_client_new ("http://127.0.0.1:9", "secret-token");
  g_autoptr(GError) error = NULL;

  g_assert_null (mq_mastodon_client_post_status (client, "hi", NULL, NULL, "key-0123456789abcdef", NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE);
  g_assert_true (g_str_has_prefix (error->message, "http://127.0.0.1:9 could not be reached"));
}

int
main (int   argc,
      char *argv[])
{
  /* No GNOME proxy settings in the test environment; none are needed for 127.0.0.1. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/mastodon/post/500-then-success-same-key", test_retry_after_500_same_key);
  g_test_add_func ("/core/mastodon/post/429-retry-after", test_rate_limited);
  g_test_add_func ("/core/mastodon/post/401-token-revoked", test_token_revoked);
  g_test_add_func ("/core/mastodon/post/unreachable", test_unreachable);
  g_test_add_func ("/core/mastodon/instance/max-characters", test_max_characters);

  return g_test_run ();
}
