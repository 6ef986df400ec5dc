/* mq-door-fuzzy.c: typo-tolerant word matching for the door lookup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-fuzzy"

#include "config.h"

#include "mq-door-fuzzy.h"

/* Whether @q[0..m) is a prefix of @e[0..n). */
static gboolean
is_prefix (const gunichar *q,
           glong           m,
           const gunichar *e,
           glong           n)
{
  if (m > n)
    return FALSE;

  for (glong i = 0; i < m; i++)
    {
      if (q[i] != e[i])
        return FALSE;
    }

  return TRUE;
}

/* Whether one edit (insertion, deletion, substitution or a swap of two
 * neighbours) turns @q into a prefix of @e. A single edit can always be
 * moved to the first position where the two differ, so only that position
 * needs trying.
 */
static gboolean
within_one_edit_of_prefix (const gunichar *q,
                           glong           m,
                           const gunichar *e,
                           glong           n)
{
  glong k = 0;

  while (k < m && k < n && q[k] == e[k])
    k++;

  if (k == m)
    return TRUE;

  /* Deletion: the volunteer typed a letter too many. */
  if (is_prefix (q + k + 1, m - k - 1, e + k, n - k))
    return TRUE;

  if (k == n)
    return FALSE;

  /* Substitution: one letter wrong. */
  if (is_prefix (q + k + 1, m - k - 1, e + k + 1, n - k - 1))
    return TRUE;

  /* Insertion: one letter left out. */
  if (is_prefix (q + k, m - k, e + k + 1, n - k - 1))
    return TRUE;

  /* Transposition: two neighbours swapped ("bjron" for "bjorn"). */
  if (k + 1 < m && k + 1 < n && q[k] == e[k + 1] && q[k + 1] == e[k] &&
      is_prefix (q + k + 2, m - k - 2, e + k + 2, n - k - 2))
    return TRUE;

  return FALSE;
}

/* Words longer than this are compared on their first letters only: no name
 * has words that long, and the stack buffers keep the lookup allocation-free.
 */
#define MAX_WORD 64

static glong
decode (const char *word,
        gunichar   *out)
{
  glong n = 0;

  for (const char *p = word; *p != '\0' && n < MAX_WORD; p = g_utf8_next_char (p))
    out[n++] = g_utf8_get_char (p);

  return n;
}

/**
 * mq_door_fuzzy_word_matches:
 * @entry_word: a folded word of a guest's name, email or handle
 * @query_word: a folded word the volunteer typed
 *
 * Returns: whether @query_word is within one edit of a prefix of
 *   @entry_word; words shorter than %MQ_DOOR_FUZZY_MIN_WORD letters must be
 *   an exact prefix
 */
gboolean
mq_door_fuzzy_word_matches (const char *entry_word,
                            const char *query_word)
{
  gunichar q[MAX_WORD];
  gunichar e[MAX_WORD];
  glong m, n;

  g_return_val_if_fail (entry_word != NULL, FALSE);
  g_return_val_if_fail (query_word != NULL, FALSE);

  if (g_str_has_prefix (entry_word, query_word))
    return TRUE;

  m = decode (query_word, q);
  if (m < MQ_DOOR_FUZZY_MIN_WORD)
    return FALSE;

  n = decode (entry_word, e);
  return within_one_edit_of_prefix (q, m, e, n);
}

/**
 * mq_door_fuzzy_matches:
 * @entry_words: (array length=n_entry_words): folded words of one guest
 * @n_entry_words: their number, or -1 when @entry_words is NULL-terminated
 * @query_words: (array zero-terminated=1): folded words typed at the door
 *
 * Returns: whether every query word matches some entry word as
 *   mq_door_fuzzy_word_matches() says; %FALSE for an empty query
 */
gboolean
mq_door_fuzzy_matches (const char * const *entry_words,
                       gssize              n_entry_words,
                       const char * const *query_words)
{
  g_return_val_if_fail (entry_words != NULL, FALSE);
  g_return_val_if_fail (query_words != NULL, FALSE);

  if (query_words[0] == NULL)
    return FALSE;

  for (guint i = 0; query_words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (gssize j = 0; (n_entry_words < 0 ? entry_words[j] != NULL : j < n_entry_words) && !found; j++)
        found = mq_door_fuzzy_word_matches (entry_words[j], query_words[i]);

      if (!found)
        return FALSE;
    }

  return TRUE;
}
