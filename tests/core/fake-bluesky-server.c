/* fake-bluesky-server.c: the XRPC methods of a PDS, scripted
 *
 * Shapes and errors from the atproto lexicons and what the reference PDS
 * was observed to answer (shared/research/social.md): sessions with 400
 * ExpiredToken, createRecord with a 500 for a used key, getRecord,
 * uploadBlob, resolveHandle, searchPosts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fake-social-server-private.h"

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
  if (g_strcmp0 (fake_string_member (embed, "$type"), "app.bsky.embed.images") != 0 ||
      !json_object_has_member (embed, "images"))
    return FALSE;
  images = json_object_get_array_member (embed, "images");
  for (guint i = 0; i < json_array_get_length (images); i++)
    {
      image = json_array_get_object_element (images, i);
      if (fake_string_member (image, "alt") == NULL || !json_object_has_member (image, "image"))
        return FALSE;
      blob = json_object_get_object_member (image, "image");
      ref = blob != NULL ? json_object_get_member (blob, "ref") : NULL;
      if (ref == NULL || !JSON_NODE_HOLDS_OBJECT (ref) ||
          fake_string_member (json_node_get_object (ref), "$link") == NULL ||
          !g_hash_table_contains (fake->blobs, fake_string_member (json_node_get_object (ref), "$link")))
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
  const char *rkey = fake_string_member (request, "rkey");
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
      if (g_strcmp0 (fake_string_member (request, "identifier"), "club.test") != 0 ||
          g_strcmp0 (fake_string_member (request, "password"), FAKE_APP_PASSWORD) != 0)
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

void
fake_bluesky_add_handlers (FakeSocial *fake)
{
  soup_server_add_handler (fake->server, "/xrpc", fake_bluesky_xrpc, fake, NULL);
}
