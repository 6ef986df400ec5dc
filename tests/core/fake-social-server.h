/* fake-social-server.h: scripted Mastodon and Bluesky servers for tests
 *
 * A SoupServer on 127.0.0.1 runs on its own thread and GMainContext, so the
 * clients' blocking calls can be tested as they are. Each POST consumes one
 * scripted fault; the fake keeps what it created so a test can assert that a
 * post exists exactly once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

enum
{
  FAKE_OK      = 0,
  /* Create the post, then close the connection without answering. */
  FAKE_DROP    = 1,
  FAKE_429     = 429,
  /* Create the post, then answer 500. */
  FAKE_500     = 500,
  FAKE_502     = 502,
};

typedef struct
{
  GMutex        lock;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;
  GQueue        faults;
  guint         requests;
  /* Mastodon: Idempotency-Key → status id. */
  GHashTable   *statuses;
  GPtrArray    *keys_seen;
  /* Bluesky: rkey → record JSON; sessions. */
  GHashTable   *records;
  GPtrArray    *rkeys_seen;
  char         *access;
  char         *refresh;
  guint         sessions;
  guint         logins;
  guint         refreshes;
  char         *last_record;
} FakeSocial;

#define FAKE_DID "did:plc:marqueeclub0000000000000"
#define FAKE_APP_PASSWORD "abcd-efgh-ijkl-mnop"
#define FAKE_MASTODON_TOKEN "secret-token"

static void
fake_answer (SoupServerMessage *msg,
             guint              status,
             const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
fake_drop (SoupServerMessage *msg)
{
  GIOStream *stream = soup_server_message_steal_connection (msg);

  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

static void
fake_mastodon_statuses (SoupServer        *server,
                        SoupServerMessage *msg,
                        const char        *path,
                        GHashTable        *query,
                        gpointer           user_data)
{
  FakeSocial *fake = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  const char *key = soup_message_headers_get_one (request, "Idempotency-Key");
  const char *auth = soup_message_headers_get_one (request, "Authorization");
  g_autofree char *body = NULL;
  const char *id;
  guint fault;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  g_ptr_array_add (fake->keys_seen, g_strdup (key));
  fault = GPOINTER_TO_UINT (g_queue_pop_head (&fake->faults));
  if (g_strcmp0 (auth, "Bearer " FAKE_MASTODON_TOKEN) != 0)
    fake_answer (msg, 401, "{\"error\":\"The access token is invalid\"}");
  else if (fault == FAKE_429)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "120");
      fake_answer (msg, 429, "{\"error\":\"Too many requests\"}");
    }
  else if (fault == FAKE_502)
    fake_answer (msg, 502, "{\"error\":\"Bad gateway\"}");
  else
    {
      if ((id = g_hash_table_lookup (fake->statuses, key)) == NULL)
        {
          id = g_strdup_printf ("%u", 109 + g_hash_table_size (fake->statuses));
          g_hash_table_insert (fake->statuses, g_strdup (key), (char *) id);
        }
      if (fault == FAKE_500)
        fake_answer (msg, 500, "{\"error\":\"Internal error\"}");
      else if (fault == FAKE_DROP)
        fake_drop (msg);
      else
        {
          body = g_strdup_printf ("{\"id\":\"%s\",\"url\":\"https://films.example/@club/%s\"}", id, id);
          fake_answer (msg, 200, body);
        }
    }
  g_mutex_unlock (&fake->lock);
}

static void
fake_new_session (FakeSocial *fake)
{
  fake->sessions++;
  g_free (fake->access);
  g_free (fake->refresh);
  fake->access = g_strdup_printf ("access-%u", fake->sessions);
  fake->refresh = g_strdup_printf ("refresh-%u", fake->sessions);
}

static void
fake_answer_session (FakeSocial        *fake,
                     SoupServerMessage *msg)
{
  g_autofree char *body = g_strdup_printf ("{\"accessJwt\":\"%s\",\"refreshJwt\":\"%s\","
                                           "\"handle\":\"club.test\",\"did\":\"" FAKE_DID "\"}",
                                           fake->access, fake->refresh);
  fake_answer (msg, 200, body);
}

static JsonObject *
fake_request_object (SoupServerMessage *msg,
                     JsonParser        *parser)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length == 0 || !json_parser_load_from_data (parser, body->data, body->length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
fake_bearer_is (SoupServerMessage *msg,
                const char        *token)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  return token != NULL && auth != NULL && g_str_has_prefix (auth, "Bearer ") && strcmp (auth + 7, token) == 0;
}

static void
fake_bluesky_xrpc (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  FakeSocial *fake = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *nsid = path + strlen ("/xrpc/");
  JsonObject *request;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  request = fake_request_object (msg, parser);
  if (strcmp (nsid, "com.atproto.server.createSession") == 0)
    {
      fake->logins++;
      if (request == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (request, "identifier", NULL), "club.test") != 0 ||
          g_strcmp0 (json_object_get_string_member_with_default (request, "password", NULL), FAKE_APP_PASSWORD) != 0)
        fake_answer (msg, 401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}");
      else
        {
          fake_new_session (fake);
          fake_answer_session (fake, msg);
        }
    }
  else if (strcmp (nsid, "com.atproto.server.refreshSession") == 0)
    {
      fake->refreshes++;
      if (!fake_bearer_is (msg, fake->refresh))
        fake_answer (msg, 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
      else
        {
          fake_new_session (fake);
          fake_answer_session (fake, msg);
        }
    }
  else if (strcmp (nsid, "com.atproto.repo.createRecord") == 0)
    {
      guint fault = GPOINTER_TO_UINT (g_queue_pop_head (&fake->faults));
      const char *rkey = request ? json_object_get_string_member_with_default (request, "rkey", NULL) : NULL;

      g_ptr_array_add (fake->rkeys_seen, g_strdup (rkey));
      if (!fake_bearer_is (msg, fake->access))
        fake_answer (msg, 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
      else if (fault == FAKE_429)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (now) + 300);
          SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

          soup_message_headers_replace (headers, "RateLimit-Limit", "5000");
          soup_message_headers_replace (headers, "RateLimit-Remaining", "0");
          soup_message_headers_replace (headers, "RateLimit-Reset", reset);
          fake_answer (msg, 429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}");
        }
      else if (fault == FAKE_502)
        fake_answer (msg, 502, "{\"error\":\"UpstreamFailure\",\"message\":\"Upstream service unreachable\"}");
      else if (rkey == NULL || g_hash_table_contains (fake->records, rkey))
        /* What the reference PDS answers for a key already used. */
        fake_answer (msg, 500, "{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}");
      else
        {
          g_autoptr(JsonGenerator) generator = json_generator_new ();
          g_autofree char *body = g_strdup_printf ("{\"uri\":\"at://" FAKE_DID "/app.bsky.feed.post/%s\","
                                                   "\"cid\":\"bafyreib2\",\"validationStatus\":\"valid\"}", rkey);

          json_generator_set_root (generator, json_object_get_member (request, "record"));
          g_free (fake->last_record);
          fake->last_record = json_generator_to_data (generator, NULL);
          g_hash_table_insert (fake->records, g_strdup (rkey), g_strdup (fake->last_record));
          if (fault == FAKE_DROP)
            fake_drop (msg);
          else if (fault == FAKE_500)
            fake_answer (msg, 500, "{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}");
          else
            fake_answer (msg, 200, body);
        }
    }
  else if (strcmp (nsid, "com.atproto.repo.getRecord") == 0)
    {
      const char *rkey = query ? g_hash_table_lookup (query, "rkey") : NULL;
      const char *record = rkey ? g_hash_table_lookup (fake->records, rkey) : NULL;

      if (record == NULL || g_strcmp0 (g_hash_table_lookup (query, "repo"), FAKE_DID) != 0)
        fake_answer (msg, 400, "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}");
      else
        {
          g_autofree char *body = g_strdup_printf ("{\"uri\":\"at://" FAKE_DID "/app.bsky.feed.post/%s\","
                                                   "\"cid\":\"bafyreib2\",\"value\":%s}", rkey, record);
          fake_answer (msg, 200, body);
        }
    }
  else if (strcmp (nsid, "com.atproto.identity.resolveHandle") == 0)
    {
      const char *handle = query ? g_hash_table_lookup (query, "handle") : NULL;

      if (g_strcmp0 (handle, "ana.test") == 0)
        fake_answer (msg, 200, "{\"did\":\"did:plc:ana\"}");
      else
        fake_answer (msg, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Unable to resolve handle\"}");
    }
  else
    fake_answer (msg, 404, "{\"error\":\"XRPCNotSupported\",\"message\":\"XRPCNotSupported\"}");
  g_mutex_unlock (&fake->lock);
}

static gpointer
fake_social_thread (gpointer data)
{
  FakeSocial *fake = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (fake->context);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, "/api/v1/statuses", fake_mastodon_statuses, fake, NULL);
  soup_server_add_handler (fake->server, "/xrpc", fake_bluesky_xrpc, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake->server);
  g_mutex_lock (&fake->lock);
  fake->url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (fake->url, "/"))
    fake->url[strlen (fake->url) - 1] = '\0';
  g_mutex_unlock (&fake->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (fake->loop);

  g_clear_object (&fake->server);
  g_main_context_pop_thread_default (fake->context);
  return NULL;
}

static FakeSocial *
fake_social_start (void)
{
  FakeSocial *fake = g_new0 (FakeSocial, 1);
  gboolean ready = FALSE;

  g_mutex_init (&fake->lock);
  g_queue_init (&fake->faults);
  fake->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->keys_seen = g_ptr_array_new_with_free_func (g_free);
  fake->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->rkeys_seen = g_ptr_array_new_with_free_func (g_free);
  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);
  fake->thread = g_thread_new ("fake-social", fake_social_thread, fake);
  while (!ready)
    {
      g_mutex_lock (&fake->lock);
      ready = fake->url != NULL;
      g_mutex_unlock (&fake->lock);
      g_usleep (1000);
    }
  return fake;
}

static void
fake_social_fault (FakeSocial *fake,
                   guint       fault)
{
  g_mutex_lock (&fake->lock);
  g_queue_push_tail (&fake->faults, GUINT_TO_POINTER (fault));
  g_mutex_unlock (&fake->lock);
}

static gboolean
fake_social_quit (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
fake_social_stop (FakeSocial *fake)
{
  g_main_context_invoke (fake->context, fake_social_quit, fake->loop);
  g_thread_join (fake->thread);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_queue_clear (&fake->faults);
  g_hash_table_unref (fake->statuses);
  g_ptr_array_unref (fake->keys_seen);
  g_hash_table_unref (fake->records);
  g_ptr_array_unref (fake->rkeys_seen);
  g_free (fake->access);
  g_free (fake->refresh);
  g_free (fake->last_record);
  g_free (fake->url);
  g_mutex_clear (&fake->lock);
  g_free (fake);
}
