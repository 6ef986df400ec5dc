/* mq-post-image.c: an image to post with an announcement
 *
 * The type and size come from the file's own header, not its name: both
 * networks want a correct MIME type, and Bluesky wants the aspect ratio so
 * clients can lay the post out before the image loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-post-image"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-post-image.h"

static guint
be16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint
le24 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16);
}

/* The first SOFn segment holds the frame size; the segments before it are
 * skipped by their lengths.
 */
static gboolean
jpeg_size (const guint8 *data,
           gsize         len,
           guint        *width,
           guint        *height)
{
  gsize pos = 2;

  while (pos + 4 <= len)
    {
      guint marker, seg_len;

      if (data[pos] != 0xFF)
        return FALSE;
      marker = data[pos + 1];
      if (marker == 0xFF)
        {
          pos++;
          continue;
        }
      /* Markers without a length. */
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
        {
          pos += 2;
          continue;
        }
      seg_len = be16 (data + pos + 2);
      if (seg_len < 2)
        return FALSE;
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
        {
          if (pos + 9 > len)
            return FALSE;
          *height = be16 (data + pos + 5);
          *width = be16 (data + pos + 7);
          return TRUE;
        }
      pos += 2 + seg_len;
    }
  return FALSE;
}

static void
webp_size (const guint8 *data,
           gsize         len,
           guint        *width,
           guint        *height)
{
  if (len >= 30 && memcmp (data + 12, "VP8 ", 4) == 0)
    {
      *width = le16 (data + 26) & 0x3FFF;
      *height = le16 (data + 28) & 0x3FFF;
    }
  else if (len >= 25 && memcmp (data + 12, "VP8L", 4) == 0 && data[20] == 0x2F)
    {
      const guint8 *b = data + 21;

      *width = 1 + (b[0] | ((b[1] & 0x3F) << 8));
      *height = 1 + ((b[1] >> 6) | (b[2] << 2) | ((b[3] & 0x0F) << 10));
    }
  else if (len >= 30 && memcmp (data + 12, "VP8X", 4) == 0)
    {
      *width = 1 + le24 (data + 24);
      *height = 1 + le24 (data + 27);
    }
}

static const char *
sniff (const guint8 *data,
       gsize         len,
       guint        *width,
       guint        *height)
{
  *width = *height = 0;

  if (len >= 24 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    {
      if (memcmp (data + 12, "IHDR", 4) == 0)
        {
          *width = be32 (data + 16);
          *height = be32 (data + 20);
        }
      return "image/png";
    }
  if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    {
      if (!jpeg_size (data, len, width, height))
        *width = *height = 0;
      return "image/jpeg";
    }
  if (len >= 10 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    {
      *width = le16 (data + 6);
      *height = le16 (data + 8);
      return "image/gif";
    }
  if (len >= 16 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    {
      webp_size (data, len, width, height);
      return "image/webp";
    }
  return NULL;
}

MqPostImage *
mq_post_image_new (GBytes  *bytes,
                   GError **error)
{
  MqPostImage *image;
  const char *mime_type;
  const guint8 *data;
  guint width, height;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if ((mime_type = sniff (data, len, &width, &height)) == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("This file is not an image Marquee can post: use a PNG, JPEG, GIF or WebP image"));
      return NULL;
    }

  image = g_new0 (MqPostImage, 1);
  image->bytes = g_bytes_ref (bytes);
  image->mime_type = g_strdup (mime_type);
  image->width = width;
  image->height = height;
  return image;
}

MqPostImage *
mq_post_image_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > MQ_POST_IMAGE_MAX_FILE_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("The image “%s” is too large (%s): make it smaller and try again"), name, size);
      return NULL;
    }
  if (info == NULL || !(bytes = g_file_load_bytes (file, NULL, NULL, &local_error)))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_IO, _("The image “%s” could not be read: %s"),
                   name, local_error->message);
      return NULL;
    }
  return mq_post_image_new (bytes, error);
}

MqPostImage *
mq_post_image_copy (const MqPostImage *image)
{
  MqPostImage *copy;

  g_return_val_if_fail (image != NULL, NULL);

  copy = g_new0 (MqPostImage, 1);
  copy->bytes = g_bytes_ref (image->bytes);
  copy->mime_type = g_strdup (image->mime_type);
  copy->width = image->width;
  copy->height = image->height;
  return copy;
}

void
mq_post_image_free (MqPostImage *image)
{
  if (image == NULL)
    return;
  g_bytes_unref (image->bytes);
  g_free (image->mime_type);
  g_free (image);
}

gsize
mq_post_image_get_size (const MqPostImage *image)
{
  g_return_val_if_fail (image != NULL, 0);
  return g_bytes_get_size (image->bytes);
}

gint64
mq_post_image_max_size (MqSocialNetwork network,
                        gint64          server_limit)
{
  if (network == MQ_SOCIAL_NETWORK_BLUESKY)
    return MQ_BLUESKY_MAX_IMAGE_BYTES;
  return MAX (server_limit, 0);
}

/* "1 MB" for a round limit rather than GLib's "1.0 MB"; and the exact
 * bytes when the rounded sizes would read the same as the limit.
 */
static char *
format_limit (gint64 bytes)
{
  if (bytes % 1000000 == 0)
    return g_strdup_printf ("%" PRId64 "\u00a0MB", bytes / 1000000);
  return g_format_size (bytes);
}

gboolean
mq_post_image_check_size (const MqPostImage  *image,
                          MqSocialNetwork     network,
                          gint64              server_limit,
                          GError            **error)
{
  gint64 max = mq_post_image_max_size (network, server_limit);
  gint64 size;
  g_autofree char *size_text = NULL;
  g_autofree char *max_text = NULL;

  g_return_val_if_fail (image != NULL, FALSE);

  size = mq_post_image_get_size (image);
  if (max <= 0 || size <= max)
    return TRUE;

  size_text = size < max + max / 20 ? g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT)
                                    : g_format_size (size);
  max_text = format_limit (max);
  if (network == MQ_SOCIAL_NETWORK_BLUESKY)
    g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                 _("The image is too large: %s, the limit on Bluesky is %s. "
                   "Save it smaller (fewer pixels, or as JPEG) and try again"), size_text, max_text);
  else
    g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                 _("The image is too large: %s, the limit on this Mastodon server is %s. "
                   "Save it smaller (fewer pixels, or as JPEG) and try again"), size_text, max_text);
  return FALSE;
}

gboolean
mq_post_image_check_alt (const char  *alt,
                         GError     **error)
{
  for (const char *p = alt; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
               _("The image needs a description (alt text) for people who cannot see it"));
  return FALSE;
}

gboolean
mq_post_image_check_alt_length (const char       *alt,
                                MqSocialNetwork   network,
                                GError          **error)
{
  glong length;

  if (alt == NULL || network != MQ_SOCIAL_NETWORK_MASTODON)
    return TRUE;

  /* Characters, as Mastodon's length validation counts them: "é" is one
   * however many bytes it takes.
   */
  length = g_utf8_strlen (alt, -1);
  if (length <= MQ_MASTODON_MAX_ALT_CHARACTERS)
    return TRUE;

  g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "The image description (alt text) is %ld character long; Mastodon takes at most %d: shorten it",
                            "The image description (alt text) is %ld characters long; Mastodon takes at most %d: shorten it",
                            length),
               length, MQ_MASTODON_MAX_ALT_CHARACTERS);
  return FALSE;
}
