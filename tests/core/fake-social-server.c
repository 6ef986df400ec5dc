/* fake-social-server.c: scripted Mastodon and Bluesky servers for tests
 *
 * Where the documentation leaves behaviour open, the choice is marked
 * "assumed" so it can be checked against a real server by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fake-social-server.h"

/* Answers and requests. */

static void
fake_answer (SoupServerMessage *msg,
             guint              status,
             const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
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

static void
fake_drop (SoupServerMessage *msg)
{
  GIOStream *stream = soup_server_message_steal_connection (msg);

  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

static const char *
fake_bearer (SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  return auth != NULL && g_str_has_prefix (auth, "Bearer ") ? auth + 7 : NULL;
}

static gboolean
fake_bearer_is (SoupServerMessage *msg,
                const char        *token)
{
  return token != NULL && g_strcmp0 (fake_bearer (msg), token) == 0;
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

/* The parameters of a form or JSON body (both are documented for
 * /api/v1/apps; /oauth/token takes a form). Only string values.
 */
static GHashTable *
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

/* Mastodon puts its rate-limit headers on every answer (an ISO 8601 reset). */
static void
mastodon_rate_headers (SoupServerMessage *msg,
                       int                remaining)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) reset = g_date_time_add_minutes (now, 5);
  g_autofree char *reset_text = g_date_time_format (reset, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autofree char *remaining_text = g_strdup_printf ("%d", remaining);

  soup_message_headers_replace (headers, "X-RateLimit-Limit", "300");
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", remaining_text);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset_text);
}

static gboolean
mastodon_authorized (FakeSocial        *fake,
                     SoupServerMessage *msg)
{
  const char *token = fake_bearer (msg);

  mastodon_rate_headers (msg, 299);
  if (token != NULL && g_hash_table_contains (fake->tokens, token))
    return TRUE;
  fake_answer (msg, 401, "{\"error\":\"The access token is invalid\"}");
  return FALSE;
}

/* Mastodon: statuses and media. */

static JsonNode *
media_attachment_json (FakeSocial *fake,
                       const char *id)
{
  FakeMedia *media = g_hash_table_lookup (fake->media, id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *url = g_strdup_printf ("%s/system/media/%s.png", fake->url, id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "image");
  json_builder_set_member_name (builder, "url");
  if (media->polls_left == 0)
    json_builder_add_string_value (builder, url);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "preview_url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, media->description);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The media a status may carry: Mastodon silently skips ids that are not
 * this account's unattached media, and refuses media still processing.
 */
static gboolean
status_media (FakeSocial        *fake,
              SoupServerMessage *msg,
              JsonObject        *request,
              JsonBuilder       *builder)
{
  JsonArray *ids = json_object_has_member (request, "media_ids") &&
                   JSON_NODE_HOLDS_ARRAY (json_object_get_member (request, "media_ids"))
                   ? json_object_get_array_member (request, "media_ids") : NULL;

  json_builder_set_member_name (builder, "media_attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      const char *id = json_array_get_string_element (ids, i);
      FakeMedia *media = id ? g_hash_table_lookup (fake->media, id) : NULL;

      if (media == NULL)
        continue;
      if (media->polls_left > 0)
        {
          json_builder_end_array (builder);
          fake_answer (msg, 422, "{\"error\":\"Cannot attach files that have not finished processing. "
                                 "Try again in a moment!\"}");
          return FALSE;
        }
      json_builder_add_value (builder, media_attachment_json (fake, id));
    }
  json_builder_end_array (builder);
  return TRUE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  return object != NULL ? json_object_get_string_member_with_default (object, name, NULL) : NULL;
}

static void
fake_mastodon_scheduled (FakeSocial        *fake,
                         SoupServerMessage *msg,
                         JsonObject        *request,
                         const char        *key,
                         guint              fault)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (string_member (request, "scheduled_at"), NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *id;

  if (at == NULL || g_date_time_difference (at, now) < 5 * G_TIME_SPAN_MINUTE)
    {
      fake_answer (msg, 422, "{\"error\":\"Validation failed: Scheduled at The scheduled date must be in the future\"}");
      return;
    }

  /* A repeat of the key answers the first scheduled status. */
  if ((id = g_hash_table_lookup (fake->scheduled_keys, key)) == NULL)
    {
      g_autofree char *new_id = g_strdup_printf ("%u", 3221 + g_hash_table_size (fake->scheduled));
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, new_id);
      json_builder_set_member_name (builder, "scheduled_at");
      json_builder_add_string_value (builder, string_member (request, "scheduled_at"));
      json_builder_set_member_name (builder, "params");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, string_member (request, "status"));
      json_builder_set_member_name (builder, "visibility");
      json_builder_add_string_value (builder, string_member (request, "visibility"));
      json_builder_set_member_name (builder, "scheduled_at");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "idempotency");
      json_builder_add_string_value (builder, key);
      json_builder_end_object (builder);
      if (!status_media (fake, msg, request, builder))
        return;
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      g_hash_table_insert (fake->scheduled, g_strdup (new_id), json_to_string (node, FALSE));
      g_hash_table_insert (fake->scheduled_keys, g_strdup (key), g_strdup (new_id));
      id = g_hash_table_lookup (fake->scheduled_keys, key);
    }
  if (fault == FAKE_DROP)
    fake_drop (msg);
  else if (fault == FAKE_500)
    fake_answer (msg, 500, "{\"error\":\"Internal error\"}");
  else
    fake_answer (msg, 200, g_hash_table_lookup (fake->scheduled, id));
}

static void
fake_mastodon_statuses (SoupServer        *server,
                        SoupServerMessage *msg,
                        const char        *path,
                        GHashTable        *query,
                        gpointer           user_data)
{
  FakeSocial *fake = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  const char *key = soup_message_headers_get_one (request_headers, "Idempotency-Key");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *request;
  const char *id, *text;
  guint fault;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  g_ptr_array_add (fake->keys_seen, g_strdup (key));
  fault = GPOINTER_TO_UINT (g_queue_pop_head (&fake->faults));
  request = fake_request_object (msg, parser);
  text = string_member (request, "status");
  if (!mastodon_authorized (fake, msg))
    ;
  else if (fault == FAKE_429)
    {
      mastodon_rate_headers (msg, 0);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "120");
      fake_answer (msg, 429, "{\"error\":\"Too many requests\"}");
    }
  else if (fault == FAKE_502)
    fake_answer (msg, 502, "{\"error\":\"Bad gateway\"}");
  else if (request == NULL || key == NULL)
    fake_answer (msg, 400, "{\"error\":\"A JSON body and an Idempotency-Key were expected\"}");
  else if ((int) g_utf8_strlen (text ? text : "", -1) > fake->instance_max_characters)
    {
      g_autofree char *body = g_strdup_printf ("{\"error\":\"Validation failed: Text character limit of %d exceeded\"}",
                                               fake->instance_max_characters);
      fake_answer (msg, 422, body);
    }
  else if (string_member (request, "scheduled_at") != NULL)
    fake_mastodon_scheduled (fake, msg, request, key, fault);
  else
    {
      g_autofree char *url = NULL;
      gboolean created = FALSE;

      if ((id = g_hash_table_lookup (fake->statuses, key)) == NULL)
        {
          id = g_strdup_printf ("%u", 109 + g_hash_table_size (fake->statuses));
          created = TRUE;
        }
      url = g_strdup_printf ("https://films.example/@club/%s", id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "visibility");
      json_builder_add_string_value (builder, string_member (request, "visibility"));
      if (!status_media (fake, msg, request, builder))
        {
          if (created)
            g_free ((char *) id);
        }
      else
        {
          g_autoptr(JsonNode) status = NULL;

          json_builder_end_object (builder);
          status = json_builder_get_root (builder);
          if (created)
            {
              SoupMessageBody *body = soup_server_message_get_request_body (msg);

              g_hash_table_insert (fake->statuses, g_strdup (key), (char *) id);
              g_hash_table_insert (fake->status_requests, g_strdup (id), g_strndup (body->data, body->length));
            }
          if (fault == FAKE_500)
            fake_answer (msg, 500, "{\"error\":\"Internal error\"}");
          else if (fault == FAKE_DROP)
            fake_drop (msg);
          else
            {
              if (fault == FAKE_SLOW)
                g_usleep (fake->slow_seconds * G_USEC_PER_SEC);
              fake_answer_node (msg, 200, status);
            }
        }
    }
  g_mutex_unlock (&fake->lock);
}

static void
fake_mastodon_media_upload (SoupServer        *server,
                            SoupServerMessage *msg,
                            const char        *path,
                            GHashTable        *query,
                            gpointer           user_data)
{
  FakeSocial *fake = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  SoupMultipart *multipart = NULL;
  FakeMedia *media = NULL;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  if (!mastodon_authorized (fake, msg))
    goto out;
  multipart = soup_multipart_new_from_message (soup_server_message_get_request_headers (msg), bytes);
  if (multipart == NULL)
    {
      fake_answer (msg, 422, "{\"error\":\"Validation failed: File can't be blank\"}");
      goto out;
    }

  media = g_new0 (FakeMedia, 1);
  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *headers;
      GBytes *part;
      g_autofree char *disposition = NULL;
      g_autoptr(GHashTable) params = NULL;
      const char *name;

      soup_multipart_get_part (multipart, i, &headers, &part);
      if (!soup_message_headers_get_content_disposition (headers, &disposition, &params))
        continue;
      name = g_hash_table_lookup (params, "name");
      if (g_strcmp0 (name, "file") == 0)
        {
          media->filename = g_strdup (g_hash_table_lookup (params, "filename"));
          media->mime_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
          media->size = g_bytes_get_size (part);
        }
      else if (g_strcmp0 (name, "description") == 0)
        media->description = g_strndup (g_bytes_get_data (part, NULL), g_bytes_get_size (part));
    }

  if (media->mime_type == NULL || media->size == 0 || media->filename == NULL)
    fake_answer (msg, 422, "{\"error\":\"Validation failed: File can't be blank\"}");
  else if (!g_str_has_prefix (media->mime_type, "image/"))
    fake_answer (msg, 422, "{\"error\":\"Validation failed: File content type is invalid\"}");
  else if (fake->instance_image_size_limit > 0 && (gint64) media->size > fake->instance_image_size_limit)
    fake_answer (msg, 422, "{\"error\":\"Validation failed: File file size must be less than 16 MB\"}");
  else
    {
      g_autofree char *id = g_strdup_printf ("11%u", fake->media_uploads++);
      g_autoptr(JsonNode) node = NULL;

      media->polls_left = fake->media_processing_polls;
      g_hash_table_insert (fake->media, g_strdup (id), g_steal_pointer (&media));
      node = media_attachment_json (fake, id);
      /* 200 when processed at once, 202 with "url": null while processing. */
      fake_answer_node (msg, fake->media_processing_polls > 0 ? 202 : 200, node);
    }

out:
  if (media != NULL)
    {
      g_free (media->description);
      g_free (media->mime_type);
      g_free (media->filename);
      g_free (media);
    }
  g_clear_pointer (&multipart, soup_multipart_free);
  g_mutex_unlock (&fake->lock);
}

static void
fake_mastodon_media (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  FakeSocial *fake = user_data;
  const char *id = path + strlen ("/api/v1/media/");
  FakeMedia *media;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  fake->media_polls++;
  if (mastodon_authorized (fake, msg))
    {
      if ((media = g_hash_table_lookup (fake->media, id)) == NULL)
        fake_answer (msg, 404, "{\"error\":\"Record not found\"}");
      else
        {
          g_autoptr(JsonNode) node = NULL;
          gboolean processing = media->polls_left > 0;

          if (processing)
            media->polls_left--;
          node = media_attachment_json (fake, id);
          /* 206 Partial Content while processing (the url is still null). */
          fake_answer_node (msg, processing ? 206 : 200, node);
        }
    }
  g_mutex_unlock (&fake->lock);
}

static void
fake_mastodon_scheduled_list (SoupServer        *server,
                              SoupServerMessage *msg,
                              const char        *path,
                              GHashTable        *query,
                              gpointer           user_data)
{
  FakeSocial *fake = user_data;
  g_autoptr(GString) body = g_string_new ("[");
  GHashTableIter iter;
  const char *json;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  if (mastodon_authorized (fake, msg))
    {
      g_hash_table_iter_init (&iter, fake->scheduled);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &json))
        g_string_append_printf (body, "%s%s", body->len > 1 ? "," : "", json);
      g_string_append (body, "]");
      fake_answer (msg, 200, body->str);
    }
  g_mutex_unlock (&fake->lock);
}

/* Mastodon: app registration, OAuth and the instance. */

static void
fake_mastodon_apps (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  FakeSocial *fake = user_data;
  g_autoptr(GHashTable) params = fake_request_params (msg);
  const char *name = g_hash_table_lookup (params, "client_name");
  const char *redirect = g_hash_table_lookup (params, "redirect_uris");
  const char *scopes = g_hash_table_lookup (params, "scopes");

  g_mutex_lock (&fake->lock);
  fake->requests++;
  if (name == NULL || *name == '\0')
    fake_answer (msg, 422, "{\"error\":\"Validation failed: Application name can't be blank\"}");
  else if (redirect == NULL || !g_uri_is_valid (redirect, G_URI_FLAGS_NONE, NULL))
    fake_answer (msg, 422, "{\"error\":\"Validation failed: Redirect URI must be an absolute URI.\"}");
  else
    {
      g_autofree char *body = NULL;
      g_autofree char *client_id = g_strdup_printf ("client-%u", ++fake->apps_registered);
      g_auto(GStrv) scope_list = g_strsplit (scopes ? scopes : "read", " ", -1);
      g_autoptr(GString) scope_json = g_string_new ("[");

      for (guint i = 0; scope_list[i] != NULL; i++)
        g_string_append_printf (scope_json, "%s\"%s\"", i ? "," : "", scope_list[i]);
      g_string_append (scope_json, "]");
      g_free (fake->app_scopes);
      fake->app_scopes = g_strdup (scopes ? scopes : "read");
      body = g_strdup_printf ("{\"id\":\"563419\",\"name\":\"%s\",\"website\":null,\"scopes\":%s,"
                              "\"redirect_uri\":\"%s\",\"redirect_uris\":[\"%s\"],"
                              "\"client_id\":\"%s\",\"client_secret\":\"" FAKE_MASTODON_CLIENT_SECRET "\","
                              "\"client_secret_expires_at\":0}",
                              name, scope_json->str, redirect, redirect, client_id);
      fake_answer (msg, 200, body);
    }
  g_mutex_unlock (&fake->lock);
}

static gboolean
scopes_allowed (const char *asked,
                const char *registered)
{
  g_auto(GStrv) want = g_strsplit (asked ? asked : "read", " ", -1);
  g_auto(GStrv) have = g_strsplit (registered ? registered : "", " ", -1);

  for (guint i = 0; want[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) have, want[i]))
      return FALSE;
  return TRUE;
}

static void
fake_mastodon_authorize (SoupServer        *server,
                         SoupServerMessage *msg,
                         const char        *path,
                         GHashTable        *query,
                         gpointer           user_data)
{
  FakeSocial *fake = user_data;
  const char *client_id = query ? g_hash_table_lookup (query, "client_id") : NULL;
  const char *challenge = query ? g_hash_table_lookup (query, "code_challenge") : NULL;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  if (query == NULL ||
      g_strcmp0 (g_hash_table_lookup (query, "response_type"), "code") != 0 ||
      client_id == NULL || !g_str_has_prefix (client_id, "client-") ||
      g_strcmp0 (g_hash_table_lookup (query, "redirect_uri"), "urn:ietf:wg:oauth:2.0:oob") != 0 ||
      !scopes_allowed (g_hash_table_lookup (query, "scope"), fake->app_scopes) ||
      challenge == NULL ||
      g_strcmp0 (g_hash_table_lookup (query, "code_challenge_method"), "S256") != 0)
    {
      soup_server_message_set_status (msg, 400, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<p>The request is invalid</p>", strlen ("<p>The request is invalid</p>"));
    }
  else
    {
      /* Assumed: the user approves at once; Mastodon shows the code for
       * the out-of-band redirect in a read-only input.
       */
      g_autofree char *code = g_strdup_printf ("code-%u", g_hash_table_size (fake->codes) + 1);
      g_autofree char *html = g_strdup_printf ("<html><body><p>Copy this authorization code and paste it "
                                               "to the application.</p><input class=\"oauth-code\" "
                                               "readonly type=\"text\" value=\"%s\"></body></html>", code);

      g_hash_table_insert (fake->codes, g_strdup (code), g_strdup_printf ("%s %s", client_id, challenge));
      g_free (fake->authorize_query);
      fake->authorize_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, html, strlen (html));
    }
  g_mutex_unlock (&fake->lock);
}

static char *
pkce_challenge (const char *verifier)
{
  guint8 digest[32];
  gsize len = sizeof digest;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *base64 = NULL;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &len);
  base64 = g_base64_encode (digest, len);
  g_strdelimit (base64, "+", '-');
  g_strdelimit (base64, "/", '_');
  if (strchr (base64, '=') != NULL)
    *strchr (base64, '=') = '\0';
  return g_steal_pointer (&base64);
}

static void
fake_mastodon_token (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  FakeSocial *fake = user_data;
  g_autoptr(GHashTable) params = fake_request_params (msg);
  const char *code = g_hash_table_lookup (params, "code");
  const char *verifier = g_hash_table_lookup (params, "code_verifier");
  g_autofree char *challenge = verifier ? pkce_challenge (verifier) : NULL;
  const char *issued;
  g_auto(GStrv) grant = NULL;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  fake->token_requests++;
  issued = code ? g_hash_table_lookup (fake->codes, code) : NULL;
  grant = issued ? g_strsplit (issued, " ", 2) : NULL;
  if (g_strcmp0 (g_hash_table_lookup (params, "client_secret"), FAKE_MASTODON_CLIENT_SECRET) != 0 ||
      (grant != NULL && g_strcmp0 (g_hash_table_lookup (params, "client_id"), grant[0]) != 0))
    fake_answer (msg, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed "
                           "due to unknown client, no client authentication included, or unsupported "
                           "authentication method.\"}");
  else if (g_strcmp0 (g_hash_table_lookup (params, "grant_type"), "authorization_code") != 0 ||
           grant == NULL ||
           g_strcmp0 (g_hash_table_lookup (params, "redirect_uri"), "urn:ietf:wg:oauth:2.0:oob") != 0 ||
           challenge == NULL || g_strcmp0 (challenge, grant[1]) != 0)
    fake_answer (msg, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization "
                           "grant is invalid, expired, revoked, does not match the redirection URI used in "
                           "the authorization request, or was issued to another client.\"}");
  else
    {
      g_autofree char *body = g_strdup_printf ("{\"access_token\":\"" FAKE_MASTODON_ISSUED_TOKEN "\","
                                               "\"token_type\":\"Bearer\",\"scope\":\"%s\","
                                               "\"created_at\":1732672800}", fake->app_scopes);

      /* A code is good for one token. */
      g_hash_table_remove (fake->codes, code);
      g_hash_table_add (fake->tokens, g_strdup (FAKE_MASTODON_ISSUED_TOKEN));
      fake_answer (msg, 200, body);
    }
  g_mutex_unlock (&fake->lock);
}

static void
fake_mastodon_verify_credentials (SoupServer        *server,
                                  SoupServerMessage *msg,
                                  const char        *path,
                                  GHashTable        *query,
                                  gpointer           user_data)
{
  FakeSocial *fake = user_data;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  if (mastodon_authorized (fake, msg))
    {
      g_autofree char *body = g_strdup_printf ("{\"id\":\"" FAKE_MASTODON_ACCOUNT_ID "\",\"username\":\"club\","
                                               "\"acct\":\"club\",\"display_name\":\"Ciné-club Lumière\","
                                               "\"url\":\"%s/@club\"}", fake->url);
      fake_answer (msg, 200, body);
    }
  g_mutex_unlock (&fake->lock);
}

static void
fake_mastodon_instance (SoupServer        *server,
                        SoupServerMessage *msg,
                        const char        *path,
                        GHashTable        *query,
                        gpointer           user_data)
{
  FakeSocial *fake = user_data;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  if (fake->instance_missing)
    fake_answer (msg, 404, "{\"error\":\"Record not found\"}");
  else
    {
      g_autofree char *body = g_strdup_printf (
        "{\"domain\":\"films.example\",\"configuration\":{"
        "\"statuses\":{\"max_characters\":%d,\"max_media_attachments\":4,\"characters_reserved_per_url\":23},"
        "\"media_attachments\":{\"supported_mime_types\":[\"image/jpeg\",\"image/png\",\"image/gif\","
        "\"image/webp\"],\"image_size_limit\":%" G_GINT64_FORMAT ",\"description_limit\":1500}}}",
        fake->instance_max_characters, fake->instance_image_size_limit);
      fake_answer (msg, 200, body);
    }
  g_mutex_unlock (&fake->lock);
}

static void
fake_mastodon_tag (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  FakeSocial *fake = user_data;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  g_free (fake->tag_asked);
  fake->tag_asked = g_uri_unescape_string (path + strlen ("/api/v1/timelines/tag/"), NULL);
  mastodon_rate_headers (msg, 299);
  /* Public unless the instance turned the preview off (assumed on here). */
  fake_answer (msg, 200, fake->tag_timeline ? fake->tag_timeline : "[]");
  g_mutex_unlock (&fake->lock);
}

/* Bluesky. */

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

static void
fake_bluesky_upload_blob (FakeSocial        *fake,
                          SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);
  g_autofree char *sha = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *answer = NULL;

  if (!fake_bearer_is (msg, fake->access))
    {
      fake_answer (msg, 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
      return;
    }
  if (body->length == 0)
    {
      fake_answer (msg, 400, "{\"error\":\"InvalidRequest\",\"message\":\"request body is empty\"}");
      return;
    }
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) body->data, body->length);
  cid = g_strconcat ("bafkrei", sha + 40, NULL);
  fake->blob_uploads++;
  g_free (fake->last_blob_type);
  fake->last_blob_type = g_strdup (type);
  g_hash_table_insert (fake->blobs, g_strdup (cid), GSIZE_TO_POINTER (body->length));
  answer = g_strdup_printf ("{\"blob\":{\"$type\":\"blob\",\"ref\":{\"$link\":\"%s\"},"
                            "\"mimeType\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}}",
                            cid, type ? type : "application/octet-stream", (gsize) body->length);
  fake_answer (msg, 200, answer);
}

/* Every embedded image must name an uploaded blob and have its alt text. */
static gboolean
fake_embed_ok (FakeSocial *fake,
               JsonObject *record)
{
  JsonObject *embed, *image, *blob;
  JsonNode *ref;
  JsonArray *images;

  if (!json_object_has_member (record, "embed"))
    return TRUE;
  embed = json_object_get_object_member (record, "embed");
  if (g_strcmp0 (string_member (embed, "$type"), "app.bsky.embed.images") != 0 ||
      !json_object_has_member (embed, "images"))
    return FALSE;
  images = json_object_get_array_member (embed, "images");
  for (guint i = 0; i < json_array_get_length (images); i++)
    {
      image = json_array_get_object_element (images, i);
      if (string_member (image, "alt") == NULL || !json_object_has_member (image, "image"))
        return FALSE;
      blob = json_object_get_object_member (image, "image");
      ref = blob != NULL ? json_object_get_member (blob, "ref") : NULL;
      if (ref == NULL || !JSON_NODE_HOLDS_OBJECT (ref) ||
          string_member (json_node_get_object (ref), "$link") == NULL ||
          !g_hash_table_contains (fake->blobs, string_member (json_node_get_object (ref), "$link")))
        return FALSE;
    }
  return TRUE;
}

static void
fake_bluesky_create_record (FakeSocial        *fake,
                            SoupServerMessage *msg,
                            JsonObject        *request)
{
  guint fault = GPOINTER_TO_UINT (g_queue_pop_head (&fake->faults));
  const char *rkey = string_member (request, "rkey");
  JsonObject *record = request && json_object_has_member (request, "record")
                       ? json_object_get_object_member (request, "record") : NULL;

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
  else if (record == NULL || !fake_embed_ok (fake, record))
    fake_answer (msg, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Could not find blob\"}");
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
        {
          if (fault == FAKE_SLOW)
            g_usleep (fake->slow_seconds * G_USEC_PER_SEC);
          fake_answer (msg, 200, body);
        }
    }
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
      if (g_strcmp0 (string_member (request, "identifier"), "club.test") != 0 ||
          g_strcmp0 (string_member (request, "password"), FAKE_APP_PASSWORD) != 0)
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
  else if (strcmp (nsid, "com.atproto.repo.uploadBlob") == 0)
    fake_bluesky_upload_blob (fake, msg);
  else if (strcmp (nsid, "com.atproto.repo.createRecord") == 0)
    fake_bluesky_create_record (fake, msg, request);
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
  else if (strcmp (nsid, "app.bsky.feed.searchPosts") == 0)
    {
      /* The PDS proxies app.bsky.* to the AppView for a logged-in user. */
      if (!fake_bearer_is (msg, fake->access))
        fake_answer (msg, 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
      else
        {
          g_free (fake->search_asked);
          fake->search_asked = g_strdup (query ? g_hash_table_lookup (query, "q") : NULL);
          fake_answer (msg, 200, fake->search_posts ? fake->search_posts : "{\"posts\":[]}");
        }
    }
  else
    fake_answer (msg, 404, "{\"error\":\"XRPCNotSupported\",\"message\":\"XRPCNotSupported\"}");
  g_mutex_unlock (&fake->lock);
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
  soup_server_add_handler (fake->server, "/api/v1/statuses", fake_mastodon_statuses, fake, NULL);
  soup_server_add_handler (fake->server, "/api/v2/media", fake_mastodon_media_upload, fake, NULL);
  soup_server_add_handler (fake->server, "/api/v1/media/", fake_mastodon_media, fake, NULL);
  soup_server_add_handler (fake->server, "/api/v1/scheduled_statuses", fake_mastodon_scheduled_list, fake, NULL);
  soup_server_add_handler (fake->server, "/api/v1/apps", fake_mastodon_apps, fake, NULL);
  soup_server_add_handler (fake->server, "/oauth/authorize", fake_mastodon_authorize, fake, NULL);
  soup_server_add_handler (fake->server, "/oauth/token", fake_mastodon_token, fake, NULL);
  soup_server_add_handler (fake->server, "/api/v1/accounts/verify_credentials",
                           fake_mastodon_verify_credentials, fake, NULL);
  soup_server_add_handler (fake->server, "/api/v2/instance", fake_mastodon_instance, fake, NULL);
  soup_server_add_handler (fake->server, "/api/v1/timelines/tag/", fake_mastodon_tag, fake, NULL);
  soup_server_add_handler (fake->server, "/xrpc", fake_bluesky_xrpc, fake, NULL);
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

static void
fake_media_free (FakeMedia *media)
{
  g_free (media->description);
  g_free (media->mime_type);
  g_free (media->filename);
  g_free (media);
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
