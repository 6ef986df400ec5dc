/* fake-social-server.c: scripted Mastodon and Bluesky servers for tests
 *
 * What both fakes share: answering, reading requests, the server's thread.
 * The Mastodon API is in fake-mastodon-server.c, XRPC in fake-bluesky-server.c.
 * Where the documentation leaves behaviour open, the choice is marked
 * "assumed" so it can be checked against a real server by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fake-social-server-private.h"

/* Answers and requests. */

void
fake_answer (SoupServerMessage *msg,
             guint              status,
             const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

void
fake_answer_node (SoupServerMessage *msg,
                  guint              status,
                  JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;

  json_generator_set_root (generator, node);
  json = json_generator_to_data (generator, NULL);
  fake_answer (msg, status, json);
}

void
fake_drop (SoupServerMessage *msg)
{
  GIOStream *stream = soup_server_message_steal_connection (msg);

  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

const char *
fake_bearer (SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  return auth != NULL && g_str_has_prefix (auth, "Bearer ") ? auth + 7 : NULL;
}

gboolean
fake_bearer_is (SoupServerMessage *msg,
                const char        *token)
{
  return token != NULL && g_strcmp0 (fake_bearer (msg), token) == 0;
}

JsonObject *
fake_request_object (SoupServerMessage *msg,
                     JsonParser        *parser)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length == 0 || !json_parser_load_from_data (parser, body->data, body->length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_get_object (json_parser_get_root (parser));
}

/* The parameters of a form or JSON body (both are documented for
 * /api/v1/apps; /oauth/token takes a form). Only string values.
 */
GHashTable *
fake_request_params (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  GHashTable *params;

  if (g_strcmp0 (type, "application/x-www-form-urlencoded") == 0)
    {
      g_autofree char *text = g_strndup (body->data, body->length);
      return soup_form_decode (text);
    }

  params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_strcmp0 (type, "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object = fake_request_object (msg, parser);
      g_autoptr(GList) members = object ? json_object_get_members (object) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (object, l->data);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_hash_table_insert (params, g_strdup (l->data), g_strdup (json_node_get_string (node)));
        }
    }
  return params;
}

const char *
fake_string_member (JsonObject *object,
                    const char *name)
{
  return object != NULL ? json_object_get_string_member_with_default (object, name, NULL) : NULL;
}

/* The server's thread. */

/* A self-signed certificate for 127.0.0.1 (valid until 2125) that no
 * system trusts: what a misconfigured or intercepted server looks like.
 */
static const char untrusted_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBjzCCATagAwIBAgIUf0yw0gRVHUp2g7yTiOAsTjjEyTMwCgYIKoZIzj0EAwIw\n"
  "FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNzA0MzExM1oYDzIxMjYxMTAz\n"
  "MDQzMTEzWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO\n"
  "PQMBBwNCAATZWz3DdovxqFXnleV1mL+rXwvD+1hZAwABxVNQAuJSBVizb9gb4DqY\n"
  "+P9RdrCjRZfAqDTnCYV2dXOEoizX1mvko2QwYjAdBgNVHQ4EFgQUs90YD1565O1G\n"
  "ZbAtgc7J4w1zH3kwHwYDVR0jBBgwFoAUs90YD1565O1GZbAtgc7J4w1zH3kwDwYD\n"
  "VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0cAMEQC\n"
  "IDtRYFzSR0py51WGdFe5tqYrNDLfvhDCiqTcJFJW07DWAiBnh1fO8pN242FUhhZr\n"
  "6sIvzBqNfaHQW23yHk5F55qvBQ==\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgyJ9Oa8bGevYCKhtm\n"
  "MfZlcIzU9fyyYUwQw7tOc+VnSSOhRANCAATZWz3DdovxqFXnleV1mL+rXwvD+1hZ\n"
  "AwABxVNQAuJSBVizb9gb4DqY+P9RdrCjRZfAqDTnCYV2dXOEoizX1mvk\n"
  "-----END PRIVATE KEY-----\n";

static gpointer
fake_social_thread (gpointer data)
{
  FakeSocial *fake = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (fake->context);
  fake->server = soup_server_new (NULL, NULL);
  fake_mastodon_add_handlers (fake);
  fake_bluesky_add_handlers (fake);
  if (fake->tls)
    {
      g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_pem (untrusted_pem, -1, &error);

      g_assert_no_error (error);
      soup_server_set_tls_certificate (fake->server, certificate);
    }
  soup_server_listen_local (fake->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY | (fake->tls ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
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
fake_social_start_full (gboolean tls)
{
  FakeSocial *fake = g_new0 (FakeSocial, 1);
  gboolean ready = FALSE;

  fake->tls = tls;
  g_mutex_init (&fake->lock);
  g_queue_init (&fake->faults);
  fake->slow_seconds = 3;
  fake->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->status_requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->status_answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->status_created_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->keys_seen = g_ptr_array_new_with_free_func (g_free);
  fake->scheduled_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->scheduled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fake_media_free);
  fake->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (fake->tokens, g_strdup (FAKE_MASTODON_TOKEN));
  fake->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->instance_max_characters = 500;
  fake->instance_image_size_limit = 16777216;
  fake->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->rkeys_seen = g_ptr_array_new_with_free_func (g_free);
  fake->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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

FakeSocial *
fake_social_start (void)
{
  return fake_social_start_full (FALSE);
}

FakeSocial *
fake_social_start_untrusted_tls (void)
{
  return fake_social_start_full (TRUE);
}

void
fake_social_fault (FakeSocial *fake,
                   guint       fault)
{
  g_mutex_lock (&fake->lock);
  g_queue_push_tail (&fake->faults, GUINT_TO_POINTER (fault));
  g_mutex_unlock (&fake->lock);
}

void
fake_social_expire_keys (FakeSocial *fake)
{
  g_mutex_lock (&fake->lock);
  g_hash_table_remove_all (fake->statuses);
  g_hash_table_remove_all (fake->scheduled_keys);
  g_mutex_unlock (&fake->lock);
}

char *
fake_social_authorize (FakeSocial *fake,
                       const char *url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *html = NULL;
  const char *value, *end;

  g_assert_nonnull (msg);
  body = soup_session_send_and_read (session, msg, NULL, NULL);
  if (body == NULL || soup_message_get_status (msg) != 200)
    return NULL;
  html = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  if ((value = strstr (html, "class=\"oauth-code\"")) == NULL ||
      (value = strstr (value, "value=\"")) == NULL ||
      (end = strchr (value + 7, '"')) == NULL)
    return NULL;
  return g_strndup (value + 7, end - value - 7);
}

static gboolean
fake_social_quit (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
fake_social_stop (FakeSocial *fake)
{
  g_main_context_invoke (fake->context, fake_social_quit, fake->loop);
  g_thread_join (fake->thread);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_queue_clear (&fake->faults);
  g_hash_table_unref (fake->statuses);
  g_hash_table_unref (fake->status_requests);
  g_hash_table_unref (fake->status_answers);
  g_hash_table_unref (fake->status_created_at);
  g_ptr_array_unref (fake->keys_seen);
  g_hash_table_unref (fake->scheduled_keys);
  g_hash_table_unref (fake->scheduled);
  g_hash_table_unref (fake->media);
  g_hash_table_unref (fake->tokens);
  g_hash_table_unref (fake->codes);
  g_free (fake->app_scopes);
  g_free (fake->authorize_query);
  g_free (fake->tag_timeline);
  g_free (fake->tag_asked);
  g_hash_table_unref (fake->records);
  g_ptr_array_unref (fake->rkeys_seen);
  g_hash_table_unref (fake->blobs);
  g_free (fake->last_blob_type);
  g_free (fake->search_posts);
  g_free (fake->search_asked);
  g_free (fake->access);
  g_free (fake->refresh);
  g_free (fake->last_record);
  g_free (fake->url);
  g_mutex_clear (&fake->lock);
  g_free (fake);
}
