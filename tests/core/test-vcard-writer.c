/* test-vcard-writer.c: consent, escaping and handles in vCard 4.0
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mq-person.h"
#include "mq-vcard-writer.h"

static MqPerson *
person (const char *name,
        gboolean    listed)
{
  MqPerson *self = mq_person_new ();

  mq_person_set_name (self, name);
  mq_person_set_consent_listed (self, listed);
  return self;
}

static void
test_card (void)
{
  g_autoptr(MqPerson) zoe = person ("Zoë Müller, Jr.", TRUE);
  const char *tags[] = { "film; noir", "volunteer", NULL };
  g_autofree char *card = NULL;

  mq_person_set_email (zoe, "zoe@example.org");
  mq_person_set_phone (zoe, "+49 30 1234");
  mq_person_set_mastodon (zoe, "@zoe@films.example");
  mq_person_set_bluesky (zoe, "zoe.bsky.social");
  mq_person_set_organization (zoe, "Cine Club");
  mq_person_set_pronouns (zoe, "she/her");
  mq_person_set_notes (zoe, "never exported");
  mq_person_set_tags (zoe, tags);

  card = mq_vcard_for_person (zoe);
  g_assert_cmpstr (card, ==,
                   "BEGIN:VCARD\r\n"
                   "VERSION:4.0\r\n"
                   "UID:urn:x-marquee:person:0\r\n"
                   "FN:Zoë Müller\\, Jr.\r\n"
                   "EMAIL:zoe@example.org\r\n"
                   "TEL:+49 30 1234\r\n"
                   "ORG:Cine Club\r\n"
                   "X-PRONOUNS:she/her\r\n"
                   "IMPP;X-SERVICE-TYPE=Mastodon:acct:zoe@films.example\r\n"
                   "X-MASTODON:@zoe@films.example\r\n"
                   "IMPP;X-SERVICE-TYPE=Bluesky:at://zoe.bsky.social\r\n"
                   "X-BLUESKY:zoe.bsky.social\r\n"
                   "CATEGORIES:film\\; noir,volunteer\r\n"
                   "END:VCARD\r\n");
}

static void
test_consent_only (void)
{
  g_autoptr(MqPerson) listed = person ("Ada", TRUE);
  g_autoptr(MqPerson) unlisted = person ("Bo", FALSE);
  MqPerson *people[] = { listed, unlisted };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint written = 0;

  g_assert_null (mq_vcard_for_person (unlisted));
  g_assert_true (mq_vcard_write_to_stream (people, 2, out, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 1);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (text, "FN:Ada\r\n"));
  g_assert_null (strstr (text, "Bo"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/vcard-writer/card", test_card);
  g_test_add_func ("/core/vcard-writer/consent-only", test_consent_only);

  return g_test_run ();
}
