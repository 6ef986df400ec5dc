/* test-post-image.c: image types, sizes and limits from the bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mq-error.h"
#include "mq-post-image.h"

static MqPostImage *
image_from (const guint8 *data,
            gsize         len,
            gsize         padded_to)
{
  guint8 *copy = g_malloc0 (MAX (len, padded_to));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MqPostImage *image;

  memcpy (copy, data, len);
  bytes = g_bytes_new_take (copy, MAX (len, padded_to));
  image = mq_post_image_new (bytes, &error);
  g_assert_no_error (error);
  return image;
}

static void
test_types_and_sizes (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x02, 0x80, 0, 0, 0x01, 0xe0, 8, 6, 0, 0, 0,
  };
  static const guint8 gif[] = { 'G', 'I', 'F', '8', '9', 'a', 0x2c, 0x01, 0xc8, 0x00, 0 };
  /* SOI, an APP0 segment to skip, then SOF2 (progressive): 1080 high, 1920 wide. */
  static const guint8 jpeg[] = {
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
    0xff, 0xc2, 0x00, 0x11, 0x08, 0x04, 0x38, 0x07, 0x80, 0x03,
  };
  static const guint8 webp_lossy[] = {
    'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ', 0, 0, 0, 0,
    0, 0, 0, 0x9d, 0x01, 0x2a, 0x90, 0x01, 0x2c, 0x01,
  };
  static const guint8 webp_lossless[] = {
    'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0, 0, 0, 0,
    0x2f, 0x8f, 0xc1, 0x4a, 0x00,
  };
  static const guint8 webp_extended[] = {
    'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X', 10, 0, 0, 0,
    0, 0, 0, 0, 0x7f, 0x07, 0x00, 0x37, 0x04, 0x00,
  };
  struct { const guint8 *data; gsize len; const char *type; guint width, height; } cases[] = {
    { png, sizeof png, "image/png", 640, 480 },
    { gif, sizeof gif, "image/gif", 300, 200 },
    { jpeg, sizeof jpeg, "image/jpeg", 1920, 1080 },
    { webp_lossy, sizeof webp_lossy, "image/webp", 400, 300 },
    { webp_lossless, sizeof webp_lossless, "image/webp", 400, 300 },
    { webp_extended, sizeof webp_extended, "image/webp", 1920, 1080 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MqPostImage) image = image_from (cases[i].data, cases[i].len, 64);

      g_assert_cmpstr (image->mime_type, ==, cases[i].type);
      g_assert_cmpuint (image->width, ==, cases[i].width);
      g_assert_cmpuint (image->height, ==, cases[i].height);
      g_assert_cmpuint (mq_post_image_get_size (image), ==, 64);
    }
}

static void
test_not_an_image (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("Honeyland, 19:30 <svg>", 22);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;

  g_assert_null (mq_post_image_new (text, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This file is not an image Marquee can post: use a PNG, JPEG, GIF or WebP image");
  g_clear_error (&error);
  g_assert_null (mq_post_image_new (empty, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mq_post_image_new_from_file ("/nonexistent/poster.png", &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_IO);
}

static void
test_limits (void)
{
  static const guint8 gif[] = { 'G', 'I', 'F', '8', '7', 'a', 1, 0, 1, 0 };
  g_autoptr(MqPostImage) at_limit = image_from (gif, sizeof gif, 1000000);
  g_autoptr(MqPostImage) big = image_from (gif, sizeof gif, 17000000);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mq_post_image_max_size (MQ_SOCIAL_NETWORK_BLUESKY, 50000000), ==, 1000000);
  g_assert_cmpint (mq_post_image_max_size (MQ_SOCIAL_NETWORK_MASTODON, 16777216), ==, 16777216);
  g_assert_cmpint (mq_post_image_max_size (MQ_SOCIAL_NETWORK_MASTODON, 0), ==, 0);

  g_assert_true (mq_post_image_check_size (at_limit, MQ_SOCIAL_NETWORK_BLUESKY, 0, &error));
  g_assert_no_error (error);
  /* A Mastodon server that has not said: the server decides. */
  g_assert_true (mq_post_image_check_size (big, MQ_SOCIAL_NETWORK_MASTODON, 0, &error));
  g_assert_false (mq_post_image_check_size (big, MQ_SOCIAL_NETWORK_MASTODON, 16777216, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  /* Within 5 % of the limit, the exact bytes say why it is over. */
  g_assert_cmpstr (error->message, ==, "The image is too large: 17.0\u00a0MB (17000000 bytes), the limit on this Mastodon server "
                                       "is 16.8\u00a0MB. Save it smaller (fewer pixels, or as JPEG) and try again");
  g_clear_error (&error);

  g_assert_true (mq_post_image_check_alt ("Poster ✓", &error));
  g_assert_false (mq_post_image_check_alt (" \t\u00a0", &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mq_post_image_check_alt (NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
}

static void
test_alt_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) alt = g_string_new (NULL);

  /* Emoji are four bytes and one character each. */
  for (int i = 0; i < 1500; i++)
    g_string_append (alt, "🎞");
  g_assert_true (mq_post_image_check_alt_length (alt->str, MQ_SOCIAL_NETWORK_MASTODON, &error));
  g_assert_no_error (error);

  g_string_append (alt, "x");
  g_assert_false (mq_post_image_check_alt_length (alt->str, MQ_SOCIAL_NETWORK_MASTODON, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1501 characters"));
  g_assert_nonnull (strstr (error->message, "at most 1500"));
  g_clear_error (&error);

  /* The lexicon gives Bluesky's alt no maximum. */
  g_assert_true (mq_post_image_check_alt_length (alt->str, MQ_SOCIAL_NETWORK_BLUESKY, &error));
  g_assert_no_error (error);
  g_assert_true (mq_post_image_check_alt_length (NULL, MQ_SOCIAL_NETWORK_MASTODON, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/post-image/types-and-pixel-sizes", test_types_and_sizes);
  g_test_add_func ("/core/post-image/not-an-image", test_not_an_image);
  g_test_add_func ("/core/post-image/limits-and-alt", test_limits);
  g_test_add_func ("/core/post-image/mastodon-alt-length", test_alt_length);

  return g_test_run ();
}
