/* test-door-fuzzy.c: one typo per word still finds the guest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-door-fuzzy.h"

static void
test_fuzzy_exact_prefix (void)
{
  g_assert_true (mq_door_fuzzy_word_matches ("bjorn", "bj"));
  g_assert_true (mq_door_fuzzy_word_matches ("bjorn", "bjorn"));
  g_assert_true (mq_door_fuzzy_word_matches ("bjorn", "b"));
  g_assert_false (mq_door_fuzzy_word_matches ("bjorn", "bjornx1"));
}

static void
test_fuzzy_transposition (void)
{
  g_assert_true (mq_door_fuzzy_word_matches ("bjorn", "bjron"));
  g_assert_true (mq_door_fuzzy_word_matches ("bjorn", "bjro"));
  g_assert_true (mq_door_fuzzy_word_matches ("garcia", "gracia"));
  /* Two swaps are two edits. */
  g_assert_false (mq_door_fuzzy_word_matches ("bjorn", "jbron"));
}

static void
test_fuzzy_substitution (void)
{
  g_assert_true (mq_door_fuzzy_word_matches ("odegard", "odeg4rd"));
  g_assert_true (mq_door_fuzzy_word_matches ("garcia", "garsia"));
  g_assert_true (mq_door_fuzzy_word_matches ("zoe", "zoa"));
  g_assert_false (mq_door_fuzzy_word_matches ("garcia", "gorsia"));
}

static void
test_fuzzy_insertion (void)
{
  /* A letter left out. */
  g_assert_true (mq_door_fuzzy_word_matches ("garcia", "grcia"));
  g_assert_true (mq_door_fuzzy_word_matches ("odegard", "odgard"));
  g_assert_false (mq_door_fuzzy_word_matches ("odegard", "odgrd"));
}

static void
test_fuzzy_deletion (void)
{
  /* A letter too many, also past the end of the word. */
  g_assert_true (mq_door_fuzzy_word_matches ("garcia", "garrcia"));
  g_assert_true (mq_door_fuzzy_word_matches ("ana", "anna"));
  g_assert_true (mq_door_fuzzy_word_matches ("bjorn", "bjornn"));
  g_assert_false (mq_door_fuzzy_word_matches ("ana", "annna"));
}

static void
test_fuzzy_short_words_exact (void)
{
  /* Under three letters a typo is not forgiven. */
  g_assert_false (mq_door_fuzzy_word_matches ("bjorn", "jb"));
  g_assert_false (mq_door_fuzzy_word_matches ("bjorn", "x"));
  g_assert_false (mq_door_fuzzy_word_matches ("li", "lu"));
  g_assert_true (mq_door_fuzzy_word_matches ("li", "li"));
}

static void
test_fuzzy_non_latin (void)
{
  /* Folding keeps letters of other scripts: edits count characters, not bytes. */
  g_assert_true (mq_door_fuzzy_word_matches ("дмитрий", "дмтрий"));
  g_assert_true (mq_door_fuzzy_word_matches ("дмитрий", "дмиртий"));
  g_assert_false (mq_door_fuzzy_word_matches ("дмитрий", "дк"));
}

static void
test_fuzzy_every_word (void)
{
  const char * const entry[] = { "bjorn", "odegard", "bjorn", "example", "org", NULL };
  const char * const both[] = { "bjron", "odegrad", NULL };
  const char * const one_wrong[] = { "bjron", "smith", NULL };
  const char * const empty[] = { NULL };
  const char * const short_typo[] = { "bjron", "ox", NULL };

  g_assert_true (mq_door_fuzzy_matches (entry, -1, both));
  g_assert_false (mq_door_fuzzy_matches (entry, -1, one_wrong));
  g_assert_false (mq_door_fuzzy_matches (entry, -1, empty));
  g_assert_false (mq_door_fuzzy_matches (entry, -1, short_typo));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/door-fuzzy/exact-prefix", test_fuzzy_exact_prefix);
  g_test_add_func ("/core/door-fuzzy/transposition", test_fuzzy_transposition);
  g_test_add_func ("/core/door-fuzzy/substitution", test_fuzzy_substitution);
  g_test_add_func ("/core/door-fuzzy/insertion", test_fuzzy_insertion);
  g_test_add_func ("/core/door-fuzzy/deletion", test_fuzzy_deletion);
  g_test_add_func ("/core/door-fuzzy/short-words-exact", test_fuzzy_short_words_exact);
  g_test_add_func ("/core/door-fuzzy/non-latin", test_fuzzy_non_latin);
  g_test_add_func ("/core/door-fuzzy/every-word", test_fuzzy_every_word);

  return g_test_run ();
}
