/* mq-search-text.c: text folded for matching
 *
 * Folding is done here rather than by SQLite's tokenizer alone because the
 * in-memory door index and the FTS5 directory index must agree exactly, and
 * because letters such as “ø”, “ł” or “ß” have no Unicode decomposition:
 * stripping combining marks after NFKD does not reach them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mq-search-text.h"

/* Letters that do not decompose but that people type without the stroke. */
static const struct {
  gunichar    letter;
  const char *plain;
} special_letters[] = {
  { 0x00F8, "o" },  /* ø */
  { 0x00E6, "ae" }, /* æ */
  { 0x0153, "oe" }, /* œ */
  { 0x00DF, "ss" }, /* ß */
  { 0x0142, "l" },  /* ł */
  { 0x0111, "d" },  /* đ */
  { 0x00F0, "d" },  /* ð */
  { 0x00FE, "th" }, /* þ */
  { 0x0131, "i" },  /* dotless ı */
  { 0x0127, "h" },  /* ħ */
};

static void
append_folded (GString  *out,
               gunichar  c)
{
  for (guint i = 0; i < G_N_ELEMENTS (special_letters); i++)
    {
      if (special_letters[i].letter == c)
        {
          g_string_append (out, special_letters[i].plain);
          return;
        }
    }

  if (g_unichar_isalnum (c))
    g_string_append_unichar (out, c);
  else if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK &&
           g_unichar_type (c) != G_UNICODE_SPACING_MARK &&
           g_unichar_type (c) != G_UNICODE_ENCLOSING_MARK &&
           out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        return FALSE;
    }
  return TRUE;
}

/* The same folding for plain ASCII, which has nothing to decompose: most
 * emails and many names, a large import folds a million of them.
 */
static char *
fold_ascii (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * mq_search_text_fold:
 * @text: (nullable): any UTF-8 text
 *
 * Lower-cases @text, removes accents and turns every run of characters that
 * are not letters or digits into one space. “Björn Ødegård” becomes
 * “bjorn odegard”, “ana@example.org” becomes “ana example org”.
 *
 * Returns: (transfer full): the folded text, never %NULL
 */
char *
mq_search_text_fold (const char *text)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  if (is_ascii (text))
    return fold_ascii (text);

  lower = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFKD);
  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    append_folded (out, g_utf8_get_char (p));

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * mq_search_text_fold_name:
 * @name: (nullable): a person's name
 *
 * What makes two names "the same name" for the directory: folded, with no
 * space at either end. people.name_key holds it.
 *
 * Returns: (transfer full): the folded name, "" for none
 */
char *
mq_search_text_fold_name (const char *name)
{
  return g_strchug (mq_search_text_fold (name));
}

/**
 * mq_search_text_tokenize:
 * @text: (nullable): any UTF-8 text
 *
 * Returns: (transfer full): the words of @text after folding
 */
char **
mq_search_text_tokenize (const char *text)
{
  g_autofree char *folded = mq_search_text_fold (text);

  if (*folded == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (folded, " ", -1);
}

/**
 * mq_search_text_for_person:
 *
 * Returns: (transfer full): what the directory index holds for a person
 */
char *
mq_search_text_for_person (const char *name,
                           const char *email,
                           const char *mastodon,
                           const char *bluesky)
{
  g_autofree char *joined = g_strjoin (" ",
                                       name != NULL ? name : "",
                                       email != NULL ? email : "",
                                       mastodon != NULL ? mastodon : "",
                                       bluesky != NULL ? bluesky : "",
                                       NULL);

  return mq_search_text_fold (joined);
}
