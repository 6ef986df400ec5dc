/* test-search-text.c: folding text for matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "marquee-core.h"

static void
assert_folds (const char *text,
              const char *expected)
{
  g_autofree char *folded = mq_search_text_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_accents_and_case (void)
{
  assert_folds ("Björn Ødegård", "bjorn odegard");
  assert_folds ("Zoë", "zoe");
  assert_folds ("JOSÉ  García-Núñez", "jose garcia nunez");
  assert_folds ("Łukasz Straße", "lukasz strasse");
  assert_folds ("Ævar Þórsson", "aevar thorsson");
  assert_folds ("Nguyễn Thị Minh Khai", "nguyen thi minh khai");
  assert_folds ("İlkay Şahin", "ilkay sahin");
}

static void
test_fold_separators (void)
{
  assert_folds ("ana@example.org", "ana example org");
  assert_folds ("@ana@mastodon.social", "ana mastodon social");
  assert_folds ("  --  ", "");
  assert_folds (NULL, "");
  assert_folds ("山田 太郎", "山田 太郎");
}

static void
test_fold_invalid_utf8 (void)
{
  assert_folds ("abc\xff", "");
}

/* Plain ASCII takes a shorter path: every character must fold as it does
 * inside text that takes the full Unicode one ("é" sends it there).
 */
static void
test_fold_ascii_as_unicode (void)
{
  for (int c = 1; c < 0x80; c++)
    {
      g_autofree char *ascii = g_strdup_printf ("Ab%c%cZ9 %c", c, c, c);
      g_autofree char *unicode = g_strdup_printf ("\u00e9%s", ascii);
      g_autofree char *fast = mq_search_text_fold (ascii);
      g_autofree char *full = mq_search_text_fold (unicode);

      g_assert_cmpint (full[0], ==, 'e');
      g_assert_cmpstr (fast, ==, full + 1);
    }
  assert_folds ("  Ana-Maria  O'Neil!  ", "ana maria o neil");
}

static void
test_tokenize (void)
{
  g_auto(GStrv) words = mq_search_text_tokenize ("  Ana  García ");
  g_auto(GStrv) none = mq_search_text_tokenize ("...");

  g_assert_cmpuint (g_strv_length (words), ==, 2);
  g_assert_cmpstr (words[0], ==, "ana");
  g_assert_cmpstr (words[1], ==, "garcia");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_person_text (void)
{
  g_autofree char *text = mq_search_text_for_person ("Zoë Adeyemi", "Zoe@Example.org",
                                                     "@zoe@films.social", NULL);

  g_assert_cmpstr (text, ==, "zoe adeyemi zoe example org zoe films social");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/search-text/fold/accents-and-case", test_fold_accents_and_case);
  g_test_add_func ("/core/search-text/fold/separators", test_fold_separators);
  g_test_add_func ("/core/search-text/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/core/search-text/fold/ascii-as-unicode", test_fold_ascii_as_unicode);
  g_test_add_func ("/core/search-text/tokenize", test_tokenize);
  g_test_add_func ("/core/search-text/person", test_person_text);

  return g_test_run ();
}
