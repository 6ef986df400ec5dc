/* fake-mastodon-server.c: the Mastodon client API, scripted
 *
 * Shapes and status codes from docs.joinmastodon.org (see
 * shared/research/social.md): statuses with Idempotency-Key, media
 * 200/202/206/404, scheduled statuses, app registration, OAuth with PKCE,
 * the instance, tag timelines, rate-limit headers on every answer. The
 * account's own statuses are in fake-mastodon-account.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fake-social-server-private.h"

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

gboolean
fake_mastodon_authorized (FakeSocial        *fake,
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

/* The answer to a status POST the fake took, the first time or a repeat:
 * @fault decides how it arrives.
 */
static void
answer_status (FakeSocial        *fake,
               SoupServerMessage *msg,
               const char        *json,
               guint              fault)
{
  if (fault == FAKE_DROP)
    fake_drop (msg);
  else if (fault == FAKE_500)
    fake_answer (msg, 500, "{\"error\":\"Internal error\"}");
  else
    {
      if (fault == FAKE_SLOW)
        g_usleep (fake->slow_seconds * G_USEC_PER_SEC);
      fake_answer (msg, 200, json);
    }
}

static void
fake_mastodon_scheduled (FakeSocial        *fake,
                         SoupServerMessage *msg,
                         JsonObject        *request,
                         const char        *key,
                         guint              fault)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (fake_string_member (request, "scheduled_at"), NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) node = NULL;
  char *answer;

  if (at == NULL || g_date_time_difference (at, now) < 5 * G_TIME_SPAN_MINUTE)
    {
      fake_answer (msg, 422, "{\"error\":\"Validation failed: Scheduled at The scheduled date must be in the future\"}");
      return;
    }

  id = g_strdup_printf ("%u", 3221 + g_hash_table_size (fake->scheduled));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "scheduled_at");
  json_builder_add_string_value (builder, fake_string_member (request, "scheduled_at"));
  json_builder_set_member_name (builder, "params");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, fake_string_member (request, "status"));
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, fake_string_member (request, "visibility"));
  json_builder_set_member_name (builder, "scheduled_at");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "idempotency");
  json_builder_add_string_value (builder, key);
  json_builder_end_object (builder);
  if (!status_media (fake, msg, request, builder))
    return;
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  answer = json_to_string (node, FALSE);
  g_hash_table_insert (fake->scheduled, g_strdup (id), answer);
  g_hash_table_insert (fake->scheduled_keys, g_strdup (key), g_strdup (id));
  answer_status (fake, msg, answer, fault);
}

static void
fake_mastodon_published (FakeSocial        *fake,
                         SoupServerMessage *msg,
                         JsonObject        *request,
                         const char        *key,
                         guint              fault)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_strdup_printf ("%u", 109 + g_hash_table_size (fake->status_requests));
  g_autofree char *url = g_strdup_printf ("https://films.example/@club/%s", id);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) status = NULL;
  char *answer;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, fake_string_member (request, "status"));
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, fake_string_member (request, "visibility"));
  if (!status_media (fake, msg, request, builder))
    return;
  json_builder_end_object (builder);
  status = json_builder_get_root (builder);
  answer = json_to_string (status, FALSE);
  g_hash_table_insert (fake->statuses, g_strdup (key), g_strdup (id));
  g_hash_table_insert (fake->status_requests, g_strdup (id), g_strndup (body->data, body->length));
  g_hash_table_insert (fake->status_created_at, g_strdup (id),
                       g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ"));
  g_hash_table_insert (fake->status_answers, g_strdup (id), answer);
  answer_status (fake, msg, answer, fault);
}

/* What the key made before, while the server keeps the key: a Status, or
 * a ScheduledStatus. NULL for a key not seen (or expired).
 */
static const char *
earlier_answer (FakeSocial *fake,
                const char *key)
{
  const char *id;

  if ((id = g_hash_table_lookup (fake->statuses, key)) != NULL)
    return g_hash_table_lookup (fake->status_answers, id);
  if ((id = g_hash_table_lookup (fake->scheduled_keys, key)) != NULL)
    return g_hash_table_lookup (fake->scheduled, id);
  return NULL;
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
  JsonObject *request;
  const char *text, *earlier = NULL;
  guint fault;

  g_mutex_lock (&fake->lock);
  fake->requests++;
  g_ptr_array_add (fake->keys_seen, g_strdup (key));
  fault = GPOINTER_TO_UINT (g_queue_pop_head (&fake->faults));
  request = fake_request_object (msg, parser);
  text = fake_string_member (request, "status");
  if (!fake_mastodon_authorized (fake, msg))
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
  /* Mastodon looks the key up before it reads anything else of the body
   * (PostStatusService#call): a repeat gets the earlier status back, even
   * when its text is now too long, its media not ready or its time past.
   */
  else if ((earlier = earlier_answer (fake, key)) != NULL)
    answer_status (fake, msg, earlier, fault);
  else if ((int) g_utf8_strlen (text ? text : "", -1) > fake->instance_max_characters)
    {
      g_autofree char *body = g_strdup_printf ("{\"error\":\"Validation failed: Text character limit of %d exceeded\"}",
                                               fake->instance_max_characters);
      fake_answer (msg, 422, body);
    }
  else if (fake_string_member (request, "scheduled_at") != NULL)
    fake_mastodon_scheduled (fake, msg, request, key, fault);
  else
    fake_mastodon_published (fake, msg, request, key, fault);
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
  if (!fake_mastodon_authorized (fake, msg))
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
  if (fake_mastodon_authorized (fake, msg))
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
  if (fake_mastodon_authorized (fake, msg))
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
  if (fake_mastodon_authorized (fake, msg))
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

void
fake_media_free (FakeMedia *media)
{
  g_free (media->description);
  g_free (media->mime_type);
  g_free (media->filename);
  g_free (media);
}

void
fake_mastodon_add_handlers (FakeSocial *fake)
{
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
  fake_mastodon_add_account_handlers (fake);
}
