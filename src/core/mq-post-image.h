/* mq-post-image.h: an image to post with an announcement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-announcement-template.h"

G_BEGIN_DECLS

/* app.bsky.embed.images: each image at most this many bytes. The reference
 * PDS accepts larger ones that production refuses, so Marquee checks itself.
 */
#define MQ_BLUESKY_MAX_IMAGE_BYTES 1000000
/* Mastodon refuses a media description longer than this many characters
 * (MediaAttachment::MAX_DESCRIPTION_LENGTH, counted in Unicode characters),
 * and only when the post is sent. Bluesky's lexicon gives
 * app.bsky.embed.images#image alt no maximum.
 */
#define MQ_MASTODON_MAX_ALT_CHARACTERS 1500
/* Files larger than this are not read at all: no server takes them. */
#define MQ_POST_IMAGE_MAX_FILE_BYTES (64 * 1000 * 1000)

typedef struct
{
  GBytes *bytes;
  /* "image/png", "image/jpeg", "image/gif" or "image/webp", from the bytes. */
  char   *mime_type;
  /* Pixels, from the file's header; 0 when the header does not say. */
  guint   width;
  guint   height;
} MqPostImage;

/* @bytes must be a PNG, JPEG, GIF or WebP image (what both networks take);
 * anything else is MQ_ERROR_INVALID.
 */
MqPostImage *mq_post_image_new            (GBytes             *bytes,
                                           GError            **error);
MqPostImage *mq_post_image_new_from_file  (const char         *path,
                                           GError            **error);
MqPostImage *mq_post_image_copy           (const MqPostImage  *image);
void         mq_post_image_free           (MqPostImage        *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqPostImage, mq_post_image_free)

gsize        mq_post_image_get_size       (const MqPostImage  *image);

/* The most bytes @network takes: Bluesky's 1,000,000; for Mastodon the
 * server's configuration.media_attachments.image_size_limit (@server_limit),
 * or 0 when it is not known (the server then decides).
 */
gint64       mq_post_image_max_size       (MqSocialNetwork     network,
                                           gint64              server_limit);
/* FALSE with MQ_ERROR_INVALID ("The image is too large: 1.4 MB, the limit
 * on Bluesky is 1 MB …") when @image is over mq_post_image_max_size().
 */
gboolean     mq_post_image_check_size     (const MqPostImage  *image,
                                           MqSocialNetwork     network,
                                           gint64              server_limit,
                                           GError            **error);
/* Alt text is required: FALSE with MQ_ERROR_INVALID when @alt is blank. */
gboolean     mq_post_image_check_alt      (const char         *alt,
                                           GError            **error);
/* FALSE with MQ_ERROR_INVALID (saying the limit and @alt's length) when
 * @alt is longer than @network takes: MQ_MASTODON_MAX_ALT_CHARACTERS on
 * Mastodon; Bluesky has no limit.
 */
gboolean     mq_post_image_check_alt_length (const char       *alt,
                                             MqSocialNetwork   network,
                                             GError          **error);

G_END_DECLS
