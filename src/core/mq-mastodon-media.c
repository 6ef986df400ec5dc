/* mq-mastodon-media.c: images for Mastodon statuses
 *
 * POST /api/v2/media answers 200 when the server processed the file at
 * once and 202 when it is still working on it; GET /api/v1/media/:id then
 * answers 206 until it is done. A status may only carry processed media.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-mastodon-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-mastodon-client-private.h"
#include "mq-social-http.h"

char *
mq_mastodon_client_upload_media (MqMastodonClient   *self,
                                 const MqPostImage  *image,
                                 const char         *alt,
                                 gboolean           *ready,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  g_autofree char *url = NULL;
  g_autofree char *filename = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonNode) root = NULL;
  SoupMultipart *multipart;
  JsonObject *object;
  const char *server, *token;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), NULL);
  g_return_val_if_fail (image != NULL, NULL);
  g_return_val_if_fail (alt != NULL, NULL);

  server = mq_mastodon_client_get_server (self);
  token = mq_mastodon_client_get_access_token (self);
  url = g_strconcat (server, "/api/v2/media", NULL);
  if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_REJECTED,
                   _("“%s” is not a server address: edit the account"), server);
      return NULL;
    }

  /* The server wants a file name with the right extension as well as the type. */
  filename = g_strconcat ("poster.", strchr (image->mime_type, '/') + 1, NULL);
  multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  soup_multipart_append_form_file (multipart, "file", filename, image->mime_type, image->bytes);
  soup_multipart_append_form_string (multipart, "description", alt);
  msg = soup_message_new_from_multipart (url, multipart);
  soup_multipart_free (multipart);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      memset (auth, 0, strlen (auth));
    }

  if (!(root = mq_mastodon_client_call (self, msg, cancellable, error)) ||
      !(object = mq_mastodon_client_object_or_error (root, "id", error)))
    return NULL;

  /* 200 with a url: processed; 202 with "url": null: still processing. */
  if (ready != NULL)
    *ready = soup_message_get_status (msg) == 200 &&
             json_object_get_string_member_with_default (object, "url", NULL) != NULL;
  return g_strdup (json_object_get_string_member (object, "id"));
}

static gboolean
sleep_cancellable (guint          ms,
                   GCancellable  *cancellable,
                   GError       **error)
{
  for (guint slept = 0; slept < ms; slept += 50)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep (50 * 1000);
    }
  return TRUE;
}

gboolean
mq_mastodon_client_wait_for_media (MqMastodonClient  *self,
                                   const char        *media_id,
                                   GCancellable      *cancellable,
                                   GError           **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  gint64 deadline;
  guint delay_ms = 500;
  guint timeout;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), FALSE);
  g_return_val_if_fail (media_id != NULL, FALSE);

  escaped = g_uri_escape_string (media_id, NULL, FALSE);
  path = g_strconcat ("/api/v1/media/", escaped, NULL);
  timeout = mq_mastodon_client_get_media_timeout (self);
  deadline = g_get_monotonic_time () + (gint64) timeout * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;

      if (!(msg = mq_mastodon_client_new_message (self, "GET", path, error)) ||
          !(root = mq_mastodon_client_call (self, msg, cancellable, error)) ||
          !(object = mq_mastodon_client_object_or_error (root, "id", error)))
        return FALSE;
      /* 206 Partial Content: still processing. */
      if (soup_message_get_status (msg) == 200 &&
          json_object_get_string_member_with_default (object, "url", NULL) != NULL)
        return TRUE;

      if (g_get_monotonic_time () + (gint64) delay_ms * 1000 > deadline)
        {
          g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_SERVER,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The server is still processing the image after %u second: "
                                    "Marquee will try again later",
                                    "The server is still processing the image after %u seconds: "
                                    "Marquee will try again later", timeout),
                       timeout);
          return FALSE;
        }
      if (!sleep_cancellable (delay_ms, cancellable, error))
        return FALSE;
      delay_ms = MIN (delay_ms * 2, 8000);
    }
}
