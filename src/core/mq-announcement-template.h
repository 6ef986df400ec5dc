/* mq-announcement-template.h: announcement text, its length and its facets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mq-event.h"
#include "mq-event-stats.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_SOCIAL_NETWORK_MASTODON,
  MQ_SOCIAL_NETWORK_BLUESKY,
} MqSocialNetwork;

const char *mq_social_network_to_string   (MqSocialNetwork  network);
gboolean    mq_social_network_from_string (const char      *text,
                                           MqSocialNetwork *network);

/* Mastodon's documented default for configuration.statuses.max_characters. */
#define MQ_MASTODON_DEFAULT_MAX_CHARACTERS 500
/* Every URL counts as this many characters on Mastodon. */
#define MQ_MASTODON_CHARACTERS_PER_URL 23
/* app.bsky.feed.post text: maxGraphemes. */
#define MQ_BLUESKY_MAX_GRAPHEMES 300

/* Replaces {title} {date} {time} {venue} {link} {hashtag} {seats_left}
 * {film} with the strings in @values (missing keys render empty). An unknown
 * placeholder is an MQ_ERROR_INVALID error, so a typo never reaches a post.
 * "{{" and "}}" stand for literal braces.
 */
char       *mq_announcement_template_render       (const char         *template_text,
                                                   GHashTable         *values,
                                                   GError            **error);
/* The placeholder values of @event: dates in the event's time zone, the
 * hashtag with its "#", seats left from @stats (nullable), @link or else the
 * event's online URL. Counts only, never names.
 */
GHashTable *mq_announcement_template_values       (MqEvent            *event,
                                                   const MqEventStats *stats,
                                                   const char         *link);

/* Extended grapheme clusters of @text (valid UTF-8), simplified. */
gsize       mq_grapheme_count                     (const char         *text);

/* The length the network counts: Mastodon counts graphemes with every URL as
 * 23 and "@user@domain" as "@user"; Bluesky counts graphemes.
 */
gsize       mq_announcement_length                (MqSocialNetwork     network,
                                                   const char         *text);
/* @server_max <= 0 means the network's default. */
gsize       mq_announcement_max_length            (MqSocialNetwork     network,
                                                   int                 server_max);
/* FALSE with MQ_ERROR_INVALID saying by how much @text is too long. */
gboolean    mq_announcement_check_length          (MqSocialNetwork     network,
                                                   const char         *text,
                                                   int                 server_max,
                                                   GError            **error);

typedef enum
{
  MQ_FACET_LINK,
  MQ_FACET_TAG,
  MQ_FACET_MENTION,
} MqFacetKind;

typedef struct
{
  MqFacetKind  kind;
  /* UTF-8 byte offsets into the text, end exclusive, as atproto wants. */
  gsize        byte_start;
  gsize        byte_end;
  /* The URI, the tag without "#", or the handle without "@". */
  char        *value;
} MqFacet;

/* An array of MqFacet, in text order, that frees its values. */
GArray     *mq_announcement_find_facets           (const char         *text);

G_END_DECLS
