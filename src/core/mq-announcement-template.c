/* mq-announcement-template.c: announcement text, its length and its facets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-announcement-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-announcement-template.h"
#include "mq-error.h"

static const char * const placeholders[] = {
  "title", "date", "time", "venue", "link", "hashtag", "seats_left", "film",
};

const char *
mq_social_network_to_string (MqSocialNetwork network)
{
  switch (network)
    {
    case MQ_SOCIAL_NETWORK_MASTODON: return "mastodon";
    case MQ_SOCIAL_NETWORK_BLUESKY: return "bluesky";
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
mq_social_network_from_string (const char      *text,
                               MqSocialNetwork *network)
{
  g_return_val_if_fail (network != NULL, FALSE);

  if (g_strcmp0 (text, "mastodon") == 0)
    *network = MQ_SOCIAL_NETWORK_MASTODON;
  else if (g_strcmp0 (text, "bluesky") == 0)
    *network = MQ_SOCIAL_NETWORK_BLUESKY;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_placeholder (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strcmp (placeholders[i], name) == 0)
      return TRUE;
  return FALSE;
}

char *
mq_announcement_template_render (const char  *template_text,
                                 GHashTable  *values,
                                 GError     **error)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (template_text != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  out = g_string_new (NULL);
  for (p = template_text; *p != '\0'; p++)
    {
      const char *close;
      g_autofree char *name = NULL;
      const char *value;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (out, *p);
          p++;
          continue;
        }
      if (*p != '{')
        {
          g_string_append_c (out, *p);
          continue;
        }

      close = strchr (p, '}');
      if (close == NULL)
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("The template has a “{” without its “}”: write “{{” for a literal brace"));
          return NULL;
        }
      name = g_strndup (p + 1, close - p - 1);
      if (!is_placeholder (name))
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("Unknown placeholder “{%s}”: use {title}, {date}, {time}, {venue}, "
                         "{link}, {hashtag}, {seats_left} or {film}"), name);
          return NULL;
        }
      value = g_hash_table_lookup (values, name);
      if (value != NULL)
        g_string_append (out, value);
      p = close;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

GHashTable *
mq_announcement_template_values (MqEvent            *event,
                                 const MqEventStats *stats,
                                 const char         *link)
{
  GHashTable *values;
  GDateTime *starts_at;
  const char *hashtag;

  g_return_val_if_fail (MQ_IS_EVENT (event), NULL);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (values, (char *) "title", g_strdup (mq_event_get_title (event)));

  starts_at = mq_event_get_starts_at (event);
  if (starts_at != NULL)
    {
      g_autoptr(GTimeZone) zone = NULL;
      g_autoptr(GDateTime) local = NULL;

      zone = g_time_zone_new_identifier (mq_event_get_time_zone (event));
      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      local = g_date_time_to_timezone (starts_at, zone);
      g_hash_table_insert (values, (char *) "date", g_date_time_format (local, "%a %-d %b %Y"));
      g_hash_table_insert (values, (char *) "time", g_date_time_format (local, "%H:%M"));
    }

  if (mq_event_get_venue (event) != NULL)
    g_hash_table_insert (values, (char *) "venue", g_strdup (mq_event_get_venue (event)));

  if (link == NULL || *link == '\0')
    link = mq_event_get_online_url (event);
  if (link != NULL)
    g_hash_table_insert (values, (char *) "link", g_strdup (link));

  hashtag = mq_event_get_hashtag (event);
  if (hashtag != NULL && *hashtag != '\0')
    g_hash_table_insert (values, (char *) "hashtag",
                         hashtag[0] == '#' ? g_strdup (hashtag) : g_strconcat ("#", hashtag, NULL));

  if (stats != NULL && stats->seats_left >= 0)
    g_hash_table_insert (values, (char *) "seats_left", g_strdup_printf ("%d", stats->seats_left));

  if (mq_event_get_film_title (event) != NULL)
    g_hash_table_insert (values, (char *) "film", g_strdup (mq_event_get_film_title (event)));

  return values;
}

/* Grapheme clusters.
 *
 * GLib has no segmentation API, and pulling in ICU for a counter is heavy, so
 * this is a simplified reading of UAX #29's extended grapheme cluster rules
 * built on g_unichar_* properties and a few code point ranges. It covers
 * what announcements contain: combining accents, Hangul jamo, emoji with skin
 * tone modifiers, variation selectors and ZWJ sequences, and flags made of
 * regional-indicator pairs. Prepend characters and Indic conjunct rules are
 * left out; they count a little high, never low.
 */

typedef enum
{
  GB_OTHER,
  GB_CR,
  GB_LF,
  GB_CONTROL,
  GB_EXTEND,   /* marks, variation selectors, emoji modifiers, tags */
  GB_ZWJ,
  GB_REGIONAL,
  GB_L,
  GB_V,
  GB_T,
  GB_LV,
  GB_LVT,
} GraphemeBreak;

static gboolean
is_pictographic (gunichar c)
{
  /* A stand-in for Extended_Pictographic: the emoji blocks and the older
   * symbol blocks emoji ZWJ sequences are built from.
   */
  return (c >= 0x1F000 && c <= 0x1FAFF) ||
         (c >= 0x2600 && c <= 0x27BF) ||
         (c >= 0x2300 && c <= 0x23FF) ||
         (c >= 0x2B00 && c <= 0x2BFF) ||
         c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049 || c == 0x2122;
}

static GraphemeBreak
grapheme_break (gunichar c)
{
  if (c == '\r')
    return GB_CR;
  if (c == '\n')
    return GB_LF;
  if (c == 0x200D)
    return GB_ZWJ;
  if (c >= 0x1F1E6 && c <= 0x1F1FF)
    return GB_REGIONAL;
  if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) ||
      (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) ||
      c == 0x200C || g_unichar_ismark (c))
    return GB_EXTEND;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C))
    return GB_L;
  if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6))
    return GB_V;
  if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB))
    return GB_T;
  if (c >= 0xAC00 && c <= 0xD7A3)
    return (c - 0xAC00) % 28 == 0 ? GB_LV : GB_LVT;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return GB_CONTROL;
    case G_UNICODE_FORMAT:
      return GB_CONTROL;
    default:
      return GB_OTHER;
    }
}

/* Whether a cluster boundary lies between @prev and @next. @ri_run counts
 * the regional indicators just before @next, @pict_zwj is TRUE when @prev is
 * a ZWJ that followed a pictograph (through any extenders).
 */
static gboolean
is_boundary (GraphemeBreak prev,
             GraphemeBreak next,
             gunichar      next_char,
             guint         ri_run,
             gboolean      pict_zwj)
{
  if (prev == GB_CR && next == GB_LF)
    return FALSE;
  if (prev == GB_CR || prev == GB_LF || prev == GB_CONTROL)
    return TRUE;
  if (next == GB_CR || next == GB_LF || next == GB_CONTROL)
    return TRUE;
  if (prev == GB_L && (next == GB_L || next == GB_V || next == GB_LV || next == GB_LVT))
    return FALSE;
  if ((prev == GB_LV || prev == GB_V) && (next == GB_V || next == GB_T))
    return FALSE;
  if ((prev == GB_LVT || prev == GB_T) && next == GB_T)
    return FALSE;
  if (next == GB_EXTEND || next == GB_ZWJ)
    return FALSE;
  if (pict_zwj && is_pictographic (next_char))
    return FALSE;
  /* Flags: pairs of regional indicators, counted from the run's start. */
  if (prev == GB_REGIONAL && next == GB_REGIONAL)
    return ri_run % 2 == 0;
  return TRUE;
}

/* Calls @func with the byte offset of every cluster start; returns the count. */
static gsize
foreach_grapheme (const char *text,
                  void      (*func) (gsize offset, gpointer data),
                  gpointer    data)
{
  GraphemeBreak prev = GB_CONTROL;
  gboolean after_pict = FALSE;
  gboolean pict_zwj = FALSE;
  guint ri_run = 0;
  gsize count = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GraphemeBreak next = grapheme_break (c);

      if (p == text || is_boundary (prev, next, c, ri_run, pict_zwj))
        {
          count++;
          if (func != NULL)
            func (p - text, data);
        }

      ri_run = next == GB_REGIONAL ? ri_run + 1 : 0;
      pict_zwj = next == GB_ZWJ && after_pict;
      if (is_pictographic (c))
        after_pict = TRUE;
      else if (next != GB_EXTEND)
        after_pict = FALSE;
      prev = next;
    }

  return count;
}

gsize
mq_grapheme_count (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), 0);

  return foreach_grapheme (text, NULL, NULL);
}

/* Links, tags and mentions.
 *
 * Neither network's server finds links for Bluesky: the client sends facets
 * with byte ranges. Scanning bytes (not characters) keeps those offsets
 * exact; only ASCII bytes ever start or end a match, so a match never splits
 * a multi-byte character.
 */

static gboolean
starts_word (const char *text,
             const char *p)
{
  gunichar before;

  if (p == text)
    return TRUE;
  before = g_utf8_get_char (g_utf8_prev_char (p));
  return !g_unichar_isalnum (before) && before != '_' && before != '&' &&
         before != '#' && before != '@' && before != '/';
}

/* Length in bytes of the URL at @p, or 0. */
static gsize
match_url (const char *text,
           const char *p)
{
  const char *end;
  gboolean has_paren = FALSE;

  if (!starts_word (text, p))
    return 0;
  if (g_ascii_strncasecmp (p, "https://", 8) == 0)
    end = p + 8;
  else if (g_ascii_strncasecmp (p, "http://", 7) == 0)
    end = p + 7;
  else
    return 0;
  if (*end == '\0' || g_unichar_isspace (g_utf8_get_char (end)))
    return 0;

  while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
    {
      if (*end == '(')
        has_paren = TRUE;
      end = g_utf8_next_char (end);
    }
  /* Sentence punctuation after a link is not part of it. */
  while (end > p && (strchr (".,;:!?\"'", end[-1]) != NULL || (end[-1] == ')' && !has_paren)))
    end--;
  return end - p;
}

static gboolean
is_tag_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/* Length in bytes of the hashtag at @p ("#" included), or 0. */
static gsize
match_tag (const char *text,
           const char *p)
{
  const char *end = p + 1;
  gboolean has_non_digit = FALSE;

  if (*p != '#' || !starts_word (text, p))
    return 0;
  while (*end != '\0' && is_tag_char (g_utf8_get_char (end)))
    {
      if (!g_unichar_isdigit (g_utf8_get_char (end)))
        has_non_digit = TRUE;
      end = g_utf8_next_char (end);
    }
  /* "#1" is a number, not a tag. */
  if (!has_non_digit)
    return 0;
  return end - p;
}

/* Length in bytes of the domain name at @p: letters, digits, dots and
 * hyphens, with at least one inner dot; 0 when there is none.
 */
static gsize
match_domain (const char *p)
{
  const char *end = p;
  gboolean has_dot = FALSE;

  if (!g_ascii_isalnum (*p))
    return 0;
  while (g_ascii_isalnum (*end) || *end == '.' || *end == '-')
    {
      if (*end == '.' && (end[1] == '.' || !g_ascii_isalnum (end[1])))
        break;
      if (*end == '.')
        has_dot = TRUE;
      end++;
    }
  while (end > p && end[-1] == '-')
    end--;
  return has_dot ? (gsize) (end - p) : 0;
}

/* Length in bytes of the handle mention at @p ("@" included), or 0. */
static gsize
match_mention (const char *text,
               const char *p)
{
  gsize len;

  if (*p != '@' || !starts_word (text, p))
    return 0;
  len = match_domain (p + 1);
  return len > 0 ? len + 1 : 0;
}

static void
clear_facet (gpointer data)
{
  MqFacet *facet = data;

  g_clear_pointer (&facet->value, g_free);
}

GArray *
mq_announcement_find_facets (const char *text)
{
  GArray *facets;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  facets = g_array_new (FALSE, TRUE, sizeof (MqFacet));
  g_array_set_clear_func (facets, clear_facet);

  while (*p != '\0')
    {
      MqFacet facet = { 0 };
      gsize len;

      if ((len = match_url (text, p)) > 0)
        {
          facet.kind = MQ_FACET_LINK;
          facet.value = g_strndup (p, len);
        }
      else if ((len = match_tag (text, p)) > 0)
        {
          g_autofree char *tag = g_strndup (p + 1, len - 1);

          /* The lexicon caps a tag at 64 graphemes: longer ones stay text. */
          if (mq_grapheme_count (tag) > 64)
            {
              p += len;
              continue;
            }
          facet.kind = MQ_FACET_TAG;
          facet.value = g_steal_pointer (&tag);
        }
      else if ((len = match_mention (text, p)) > 0)
        {
          facet.kind = MQ_FACET_MENTION;
          facet.value = g_ascii_strdown (p + 1, len - 1);
        }
      else
        {
          p = g_utf8_next_char (p);
          continue;
        }

      facet.byte_start = p - text;
      facet.byte_end = facet.byte_start + len;
      g_array_append_val (facets, facet);
      p += len;
    }

  return facets;
}

/* Mastodon's countable text: URLs become 23 characters and remote mentions
 * "@user@domain" count as "@user".
 */
static char *
mastodon_countable_text (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      gsize len;

      if ((len = match_url (text, p)) > 0)
        {
          for (guint i = 0; i < MQ_MASTODON_CHARACTERS_PER_URL; i++)
            g_string_append_c (out, 'x');
          p += len;
        }
      else if (*p == '@' && starts_word (text, p))
        {
          const char *user_end = p + 1;

          while (g_ascii_isalnum (*user_end) || *user_end == '_')
            user_end++;
          g_string_append_len (out, p, user_end - p);
          /* The "@domain" of a remote mention is free. */
          if (user_end > p + 1 && *user_end == '@' && (len = match_domain (user_end + 1)) > 0)
            user_end += 1 + len;
          p = user_end;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  return g_string_free (out, FALSE);
}

gsize
mq_announcement_length (MqSocialNetwork  network,
                        const char      *text)
{
  g_autofree char *countable = NULL;

  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), 0);

  if (network == MQ_SOCIAL_NETWORK_BLUESKY)
    return mq_grapheme_count (text);

  countable = mastodon_countable_text (text);
  return mq_grapheme_count (countable);
}

gsize
mq_announcement_max_length (MqSocialNetwork network,
                            int             server_max)
{
  if (network == MQ_SOCIAL_NETWORK_BLUESKY)
    return MQ_BLUESKY_MAX_GRAPHEMES;
  return server_max > 0 ? (gsize) server_max : MQ_MASTODON_DEFAULT_MAX_CHARACTERS;
}

gboolean
mq_announcement_check_length (MqSocialNetwork   network,
                              const char       *text,
                              int               server_max,
                              GError          **error)
{
  gsize length, max;

  g_return_val_if_fail (text != NULL, FALSE);

  length = mq_announcement_length (network, text);
  max = mq_announcement_max_length (network, server_max);
  if (length > max)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The text is %zu character too long for %s "
                                "(at most %zu): shorten it",
                                "The text is %zu characters too long for %s "
                                "(at most %zu): shorten it",
                                length - max),
                   length - max,
                   network == MQ_SOCIAL_NETWORK_BLUESKY ? "Bluesky" : "Mastodon",
                   max);
      return FALSE;
    }
  return TRUE;
}
