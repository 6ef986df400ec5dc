/* test-door-fuzzy.c: one typo per word still finds the guest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "door-fixture.h"
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

static GPtrArray *
lookup_search (MqDoorLookup *lookup,
               const char   *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *matches = mq_door_lookup_search (lookup, query, 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matches);
  return matches;
}

static void
test_lookup_fallback (DoorFixture   *f,
                      gconstpointer  data)
{
  gint64 tonight = door_fixture_add_event (f, "Tonight", "2026-03-10T19:00:00Z", -1);
  gint64 bjorn = door_fixture_add_person (f, "Björn Ødegård");
  gint64 ana = door_fixture_add_person (f, "Ana García");
  g_autoptr(MqRsvp) r1 = door_fixture_going (f, tonight, bjorn, 1);
  g_autoptr(MqRsvp) r2 = door_fixture_going (f, tonight, ana, 1);
  g_autoptr(MqDoorLookup) lookup = NULL;
  g_autoptr(GPtrArray) typo = NULL;
  g_autoptr(GPtrArray) exact = NULL;
  g_autoptr(GPtrArray) both_words = NULL;
  g_autoptr(GPtrArray) short_typo = NULL;
  g_autoptr(GPtrArray) nobody = NULL;
  g_autoptr(GError) error = NULL;
  MqDoorMatch *match;

  lookup = mq_door_lookup_new (f->store, tonight, &error);
  g_assert_no_error (error);

  typo = lookup_search (lookup, "Bjron");
  g_assert_cmpuint (typo->len, ==, 1);
  match = g_ptr_array_index (typo, 0);
  g_assert_cmpint (match->person_id, ==, bjorn);
  g_assert_cmpint (match->kind, ==, MQ_DOOR_MATCH_FUZZY);

  /* The fallback stays out of the way when prefixes find someone. */
  exact = lookup_search (lookup, "bjo");
  g_assert_cmpuint (exact->len, ==, 1);
  g_assert_cmpint (((MqDoorMatch *) g_ptr_array_index (exact, 0))->kind, ==, MQ_DOOR_MATCH_PREFIX);

  both_words = lookup_search (lookup, "garsia an");
  g_assert_cmpuint (both_words->len, ==, 1);
  g_assert_cmpint (((MqDoorMatch *) g_ptr_array_index (both_words, 0))->person_id, ==, ana);

  short_typo = lookup_search (lookup, "bk");
  g_assert_cmpuint (short_typo->len, ==, 0);
  nobody = lookup_search (lookup, "Zoltan");
  g_assert_cmpuint (nobody->len, ==, 0);
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
  g_test_add ("/core/door-fuzzy/lookup-fallback", DoorFixture, NULL,
              door_fixture_setup, test_lookup_fallback, door_fixture_teardown);

  return g_test_run ();
}
