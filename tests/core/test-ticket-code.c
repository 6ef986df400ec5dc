/* test-ticket-code.c: unguessable, printable ticket codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mq-ticket-code.h"

#define ALPHABET_SIZE 31

static void
test_generate_alphabet_and_length (void)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = mq_ticket_code_generate (&error);

      g_assert_no_error (error);
      g_assert_nonnull (code);
      g_assert_cmpuint (strlen (code), ==, MQ_TICKET_CODE_LENGTH);
      g_assert_cmpuint (strspn (code, MQ_TICKET_CODE_ALPHABET), ==, MQ_TICKET_CODE_LENGTH);
      g_assert_true (mq_ticket_code_is_valid (code));
    }
}

static void
test_generate_unique (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 100000; i++)
    {
      g_autoptr(GError) error = NULL;
      char *code = mq_ticket_code_generate (&error);

      g_assert_no_error (error);
      g_assert_true (g_hash_table_add (seen, code));
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, 100000);
}

/* With modulo bias the first 8 letters would come up 9/8 as often as the
 * rest; over a million letters that is a 12% gap, far outside the noise.
 */
static void
test_generate_uniform (void)
{
  guint counts[ALPHABET_SIZE] = { 0 };
  guint total = 0;
  double expected;

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *code = mq_ticket_code_generate (NULL);

      for (const char *p = code; *p != '\0'; p++, total++)
        counts[strchr (MQ_TICKET_CODE_ALPHABET, *p) - MQ_TICKET_CODE_ALPHABET]++;
    }

  g_assert_cmpuint (total, ==, 100000 * MQ_TICKET_CODE_LENGTH);
  expected = (double) total / ALPHABET_SIZE;
  for (guint i = 0; i < ALPHABET_SIZE; i++)
    {
      g_assert_cmpfloat (counts[i], >, expected * 0.97);
      g_assert_cmpfloat (counts[i], <, expected * 1.03);
    }
}

static void
test_alphabet_has_no_look_alikes (void)
{
  g_assert_cmpuint (strlen (MQ_TICKET_CODE_ALPHABET), ==, ALPHABET_SIZE);
  for (const char *p = "01OIL"; *p != '\0'; p++)
    g_assert_null (strchr (MQ_TICKET_CODE_ALPHABET, *p));
}

static void
test_normalize (void)
{
  const struct {
    const char *text;
    const char *code;
  } cases[] = {
    { "ABCDE23456", "ABCDE23456" },
    { "abcde23456", "ABCDE23456" },
    { "abcde-23456", "ABCDE23456" },
    { " ab cd-e2 3456 ", "ABCDE23456" },
    { "ABC-DEF-GHJ-K", "ABCDEFGHJK" },
    { "ABCDE2345", NULL },          /* too short */
    { "ABCDE234567", NULL },        /* too long */
    { "ABCDE2345O", NULL },         /* O is never printed */
    { "ABCDE23451", NULL },         /* nor 1 */
    { "abcde2345l", NULL },         /* nor L */
    { "ÄBCDE23456", NULL },
    { "", NULL },
    { "----------", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = mq_ticket_code_normalize (cases[i].text);

      g_assert_cmpstr (code, ==, cases[i].code);
    }

  g_assert_null (mq_ticket_code_normalize (NULL));
}

static void
test_is_valid (void)
{
  g_assert_true (mq_ticket_code_is_valid ("23456789AB"));
  g_assert_true (mq_ticket_code_is_valid ("ZZZZZZZZZZ"));
  g_assert_false (mq_ticket_code_is_valid ("23456789ab"));
  g_assert_false (mq_ticket_code_is_valid ("23456-89AB"));
  g_assert_false (mq_ticket_code_is_valid ("23456789A"));
  g_assert_false (mq_ticket_code_is_valid ("23456789ABC"));
  g_assert_false (mq_ticket_code_is_valid (""));
  g_assert_false (mq_ticket_code_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/ticket-code/generate/alphabet-and-length", test_generate_alphabet_and_length);
  g_test_add_func ("/core/ticket-code/generate/unique", test_generate_unique);
  g_test_add_func ("/core/ticket-code/generate/uniform", test_generate_uniform);
  g_test_add_func ("/core/ticket-code/alphabet/no-look-alikes", test_alphabet_has_no_look_alikes);
  g_test_add_func ("/core/ticket-code/normalize", test_normalize);
  g_test_add_func ("/core/ticket-code/is-valid", test_is_valid);

  return g_test_run ();
}
