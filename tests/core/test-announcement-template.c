/* test-announcement-template.c: rendering, counting and facets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-announcement-template.h"
#include "mq-error.h"

static void
test_grapheme_count (void)
{
  g_assert_cmpuint (mq_grapheme_count (""), ==, 0);
  g_assert_cmpuint (mq_grapheme_count ("Stalker"), ==, 7);
  /* Precomposed and decomposed accents count the same. */
  g_assert_cmpuint (mq_grapheme_count ("Ciné"), ==, 4);
  g_assert_cmpuint (mq_grapheme_count ("Cine\xcc\x81"), ==, 4);
  /* CJK: one cluster per ideograph; Hangul syllables and jamo. */
  g_assert_cmpuint (mq_grapheme_count ("東京物語"), ==, 4);
  g_assert_cmpuint (mq_grapheme_count ("한국어"), ==, 3);
  g_assert_cmpuint (mq_grapheme_count ("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8"), ==, 1);
  /* Emoji: modifier, variation selector, ZWJ family, flags. */
  g_assert_cmpuint (mq_grapheme_count ("🎬"), ==, 1);
  g_assert_cmpuint (mq_grapheme_count ("👍🏽"), ==, 1);
  g_assert_cmpuint (mq_grapheme_count ("❤️"), ==, 1);
  g_assert_cmpuint (mq_grapheme_count ("👨‍👩‍👧"), ==, 1);
  g_assert_cmpuint (mq_grapheme_count ("🏳️‍🌈"), ==, 1);
  g_assert_cmpuint (mq_grapheme_count ("🇫🇷🇩🇪"), ==, 2);
  g_assert_cmpuint (mq_grapheme_count ("🇫🇷🇩"), ==, 2);
  g_assert_cmpuint (mq_grapheme_count ("a\r\nb"), ==, 3);
  g_assert_cmpuint (mq_grapheme_count ("x👍🏽y"), ==, 3);
}

static void
test_length_mastodon_urls (void)
{
  const char *text = "See https://example.org/a/very/long/path/that/goes/on/and/on/forever.";

  /* "See " + 23 + "." */
  g_assert_cmpuint (mq_announcement_length (MQ_SOCIAL_NETWORK_MASTODON, text), ==, 28);
  g_assert_cmpuint (mq_announcement_length (MQ_SOCIAL_NETWORK_BLUESKY, text), ==, 69);
  /* A short URL still counts 23. */
  g_assert_cmpuint (mq_announcement_length (MQ_SOCIAL_NETWORK_MASTODON, "http://a.io"), ==, 23);
  /* Remote mentions count without their domain. */
  g_assert_cmpuint (mq_announcement_length (MQ_SOCIAL_NETWORK_MASTODON,
                                            "@alice@mastodon.social hi"), ==, 9);
  g_assert_cmpuint (mq_announcement_length (MQ_SOCIAL_NETWORK_MASTODON, "Ciné 🎬 東京"), ==, 9);
}

static void
test_length_limits (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (text, "👍🏽");
  g_assert_true (mq_announcement_check_length (MQ_SOCIAL_NETWORK_BLUESKY, text->str, 0, &error));
  g_assert_no_error (error);
  g_string_append (text, "é!");
  g_assert_false (mq_announcement_check_length (MQ_SOCIAL_NETWORK_BLUESKY, text->str, 0, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The text is 2 characters too long for Bluesky (at most 300): shorten it");
  g_clear_error (&error);

  g_assert_cmpuint (mq_announcement_max_length (MQ_SOCIAL_NETWORK_MASTODON, 0), ==, 500);
  g_assert_cmpuint (mq_announcement_max_length (MQ_SOCIAL_NETWORK_MASTODON, 11), ==, 11);
  g_assert_false (mq_announcement_check_length (MQ_SOCIAL_NETWORK_MASTODON,
                                                "twelve chars", 11, &error));
  g_assert_cmpstr (error->message, ==,
                   "The text is 1 character too long for Mastodon (at most 11): shorten it");
}

static void
test_facets_observed (void)
{
  /* The example the local PDS accepted and kept byte for byte. */
  g_autoptr(GArray) facets =
    mq_announcement_find_facets ("Ciné-club: Stalker 🎬 #filmclub https://example.org/e/42");
  MqFacet *f;

  g_assert_cmpuint (facets->len, ==, 2);
  f = &g_array_index (facets, MqFacet, 0);
  g_assert_cmpint (f->kind, ==, MQ_FACET_TAG);
  g_assert_cmpuint (f->byte_start, ==, 25);
  g_assert_cmpuint (f->byte_end, ==, 34);
  g_assert_cmpstr (f->value, ==, "filmclub");
  f = &g_array_index (facets, MqFacet, 1);
  g_assert_cmpint (f->kind, ==, MQ_FACET_LINK);
  g_assert_cmpuint (f->byte_start, ==, 35);
  g_assert_cmpuint (f->byte_end, ==, 59);
  g_assert_cmpstr (f->value, ==, "https://example.org/e/42");
}

static void
test_facets_cjk_emoji_mentions (void)
{
  /* "東京物語" is 12 bytes, "👨‍👩‍👧" 18, "é" 2. */
  const char *text = "東京物語 👨‍👩‍👧 #映画祭 @alice.bsky.social, (https://ex.org/é?q=1). "
                     "mail bob@example.com #1 #été_2026";
  g_autoptr(GArray) facets = mq_announcement_find_facets (text);
  MqFacet *f;

  g_assert_cmpuint (facets->len, ==, 4);
  f = &g_array_index (facets, MqFacet, 0);
  g_assert_cmpint (f->kind, ==, MQ_FACET_TAG);
  g_assert_cmpuint (f->byte_start, ==, 32);
  g_assert_cmpuint (f->byte_end, ==, 42);
  g_assert_cmpstr (f->value, ==, "映画祭");
  f = &g_array_index (facets, MqFacet, 1);
  g_assert_cmpint (f->kind, ==, MQ_FACET_MENTION);
  g_assert_cmpuint (f->byte_start, ==, 43);
  g_assert_cmpuint (f->byte_end, ==, 61);
  g_assert_cmpstr (f->value, ==, "alice.bsky.social");
  f = &g_array_index (facets, MqFacet, 2);
  g_assert_cmpint (f->kind, ==, MQ_FACET_LINK);
  g_assert_cmpuint (f->byte_start, ==, 64);
  g_assert_cmpuint (f->byte_end, ==, 85);
  g_assert_cmpstr (f->value, ==, "https://ex.org/é?q=1");
  f = &g_array_index (facets, MqFacet, 3);
  g_assert_cmpint (f->kind, ==, MQ_FACET_TAG);
  g_assert_cmpstr (f->value, ==, "été_2026");
  g_assert_cmpuint (f->byte_end, ==, strlen (text));
  g_assert_cmpuint (f->byte_start, ==, strlen (text) - strlen ("#été_2026"));
}

static void
test_render_values (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_hash_table_insert (values, (char *) "title", (char *) "Ciné-club");
  g_hash_table_insert (values, (char *) "seats_left", (char *) "12");
  text = mq_announcement_template_render ("{title}: {seats_left} seats {{left}} {venue}.",
                                          values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Ciné-club: 12 seats {left} .");

  g_assert_null (mq_announcement_template_render ("{titel}", values, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Unknown placeholder “{titel}”"));
  g_clear_error (&error);
  g_assert_null (mq_announcement_template_render ("oops {title", values, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
}

static void
test_render_event (void)
{
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 ("2026-12-01T18:30:00Z", NULL);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MqEventStats stats = { .capacity = 80, .seats_left = 17 };

  mq_event_set_title (event, "Stalker");
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Paris");
  mq_event_set_venue (event, "Salle Renoir");
  mq_event_set_hashtag (event, "filmclub");
  mq_event_set_film_title (event, "Сталкер");

  values = mq_announcement_template_values (event, &stats, "https://example.org/e/42");
  text = mq_announcement_template_render ("{film} — {title}, {date} {time} @ {venue}. "
                                          "{seats_left} seats left {link} {hashtag}",
                                          values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Сталкер — Stalker, Tue 1 Dec 2026 19:30 @ Salle Renoir. "
                             "17 seats left https://example.org/e/42 #filmclub");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/announcement/graphemes/count", test_grapheme_count);
  g_test_add_func ("/core/announcement/length/mastodon-urls-and-mentions", test_length_mastodon_urls);
  g_test_add_func ("/core/announcement/length/too-long-by", test_length_limits);
  g_test_add_func ("/core/announcement/facets/observed-pds-offsets", test_facets_observed);
  g_test_add_func ("/core/announcement/facets/cjk-emoji-mentions", test_facets_cjk_emoji_mentions);
  g_test_add_func ("/core/announcement/render/values", test_render_values);
  g_test_add_func ("/core/announcement/render/event", test_render_event);

  return g_test_run ();
}
