/* mq-bluesky-record.c: the app.bsky.feed.post record Marquee creates
 *
 * The server neither finds links and tags nor resolves mentions: the
 * record carries them as facets with UTF-8 byte offsets, built here, and
 * the image as an embed of a blob uploaded just before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-bluesky-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mq-announcement-template.h"
#include "mq-bluesky-client-private.h"
#include "mq-social-http.h"

/* com.atproto.repo.uploadBlob: the blob reference the embed names. An
 * image uploaded twice has the same CID, so a retry that uploads it again
 * makes nothing new; uploading right before createRecord also keeps the
 * server from deleting it as unreferenced meanwhile.
 */
static JsonNode *
upload_blob (MqBlueskyClient    *self,
             const MqPostImage  *image,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *blob;

  if (!mq_post_image_check_size (image, MQ_SOCIAL_NETWORK_BLUESKY, 0, error))
    return NULL;
  root = mq_bluesky_client_authed_xrpc (self, "POST", "com.atproto.repo.uploadBlob", NULL, NULL,
                      image->bytes, image->mime_type, cancellable, error);
  if (root == NULL)
    return NULL;
  blob = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "blob") : NULL;
  if (blob == NULL || !JSON_NODE_HOLDS_OBJECT (blob))
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("The server took the image but did not say how to refer to it"));
      return NULL;
    }
  return json_node_copy (blob);
}

static void
add_image_embed (JsonBuilder       *builder,
                 const MqPostImage *image,
                 const char        *alt,
                 JsonNode          *blob)
{
  json_builder_set_member_name (builder, "embed");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "app.bsky.embed.images");
  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "alt");
  json_builder_add_string_value (builder, alt);
  json_builder_set_member_name (builder, "image");
  json_builder_add_value (builder, json_node_copy (blob));
  if (image->width > 0 && image->height > 0)
    {
      json_builder_set_member_name (builder, "aspectRatio");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, image->width);
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, image->height);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
resolve_handle (MqBlueskyClient *self,
                const char      *handle,
                GCancellable    *cancellable)
{
  g_autofree char *escaped = g_uri_escape_string (handle, NULL, FALSE);
  g_autofree char *query = g_strconcat ("handle=", escaped, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = mq_bluesky_client_xrpc (self, "GET", "com.atproto.identity.resolveHandle", query, NULL, NULL, NULL, NULL, cancellable, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("@%s not resolved, no mention facet: %s", handle, error ? error->message : "no object");
      return NULL;
    }
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root), "did", NULL));
}

static void
add_facets (MqBlueskyClient *self,
            JsonBuilder     *builder,
            const char      *text,
            GCancellable    *cancellable)
{
  g_autoptr(GArray) facets = mq_announcement_find_facets (text);

  if (facets->len == 0)
    return;

  json_builder_set_member_name (builder, "facets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < facets->len; i++)
    {
      const MqFacet *facet = &g_array_index (facets, MqFacet, i);
      g_autofree char *did = NULL;

      /* A mention must name a DID; an unknown handle stays plain text. */
      if (facet->kind == MQ_FACET_MENTION && !(did = resolve_handle (self, facet->value, cancellable)))
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "byteStart");
      json_builder_add_int_value (builder, facet->byte_start);
      json_builder_set_member_name (builder, "byteEnd");
      json_builder_add_int_value (builder, facet->byte_end);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "features");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "$type");
      switch (facet->kind)
        {
        case MQ_FACET_LINK:
          json_builder_add_string_value (builder, "app.bsky.richtext.facet#link");
          json_builder_set_member_name (builder, "uri");
          json_builder_add_string_value (builder, facet->value);
          break;
        case MQ_FACET_TAG:
          json_builder_add_string_value (builder, "app.bsky.richtext.facet#tag");
          json_builder_set_member_name (builder, "tag");
          json_builder_add_string_value (builder, facet->value);
          break;
        case MQ_FACET_MENTION:
        default:
          json_builder_add_string_value (builder, "app.bsky.richtext.facet#mention");
          json_builder_set_member_name (builder, "did");
          json_builder_add_string_value (builder, did);
          break;
        }
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
mq_bluesky_record_build (MqBlueskyClient    *self,
                         const char         *text,
                         const char         *language,
                         const MqPostImage  *image,
                         const char         *alt,
                         const char         *record_key,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autoptr(JsonNode) blob = NULL;

  if (image != NULL && !(blob = upload_blob (self, image, cancellable, error)))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "repo");
  json_builder_add_string_value (builder, mq_bluesky_client_get_did (self));
  json_builder_set_member_name (builder, "collection");
  json_builder_add_string_value (builder, MQ_BLUESKY_POST_COLLECTION);
  json_builder_set_member_name (builder, "rkey");
  json_builder_add_string_value (builder, record_key);
  json_builder_set_member_name (builder, "record");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, MQ_BLUESKY_POST_COLLECTION);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, created_at);
  if (language != NULL && *language != '\0')
    {
      json_builder_set_member_name (builder, "langs");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, language);
      json_builder_end_array (builder);
    }
  add_facets (self, builder, text, cancellable);
  if (blob != NULL)
    add_image_embed (builder, image, alt, blob);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
