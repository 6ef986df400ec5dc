/* mq-vcard-writer.c: people who agreed to be listed, as vCard 4.0 (RFC 6350)
 *
 * Only what a member list needs: the name, how to reach the person and
 * their handles. Notes and consents stay in Marquee. Handles are written
 * twice: as IMPP URIs that address books understand (acct: for the
 * fediverse, RFC 7565; at:// for Bluesky) and as X- properties carrying the
 * handle exactly as the person gave it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-vcard-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-ics-writer.h"
#include "mq-vcard-writer.h"

/* vCard's TEXT escaping is iCalendar's: backslash, ',', ';', newlines. */
static void
append_text (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *escaped = NULL;
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;

  escaped = mq_ics_escape_text (value);
  line = g_strconcat (name, ":", escaped, NULL);
  mq_ics_append_folded (out, line);
}

static void
append_uri (GString    *out,
            const char *name,
            const char *uri)
{
  g_autofree char *line = g_strconcat (name, ":", uri, NULL);

  mq_ics_append_folded (out, line);
}

char *
mq_vcard_for_person (MqPerson *person)
{
  GString *out;
  const char *mastodon, *bluesky;
  const char * const *tags;
  g_autofree char *uid = NULL;

  g_return_val_if_fail (MQ_IS_PERSON (person), NULL);

  if (!mq_person_get_consent_listed (person))
    return NULL;

  out = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\n");

  uid = g_strdup_printf ("urn:x-marquee:person:%" G_GINT64_FORMAT, mq_person_get_id (person));
  append_uri (out, "UID", uid);
  append_text (out, "FN", mq_person_get_name (person));
  append_text (out, "EMAIL", mq_person_get_email (person));
  append_text (out, "TEL", mq_person_get_phone (person));
  append_text (out, "ORG", mq_person_get_organization (person));
  append_text (out, "X-PRONOUNS", mq_person_get_pronouns (person));

  mastodon = mq_person_get_mastodon (person);
  if (mastodon != NULL && *mastodon != '\0')
    {
      g_autofree char *uri = g_strconcat ("acct:", mastodon[0] == '@' ? mastodon + 1 : mastodon, NULL);

      append_uri (out, "IMPP;X-SERVICE-TYPE=Mastodon", uri);
      append_text (out, "X-MASTODON", mastodon);
    }

  bluesky = mq_person_get_bluesky (person);
  if (bluesky != NULL && *bluesky != '\0')
    {
      g_autofree char *uri = g_strconcat ("at://", bluesky[0] == '@' ? bluesky + 1 : bluesky, NULL);

      append_uri (out, "IMPP;X-SERVICE-TYPE=Bluesky", uri);
      append_text (out, "X-BLUESKY", bluesky);
    }

  tags = mq_person_get_tags (person);
  if (tags != NULL && tags[0] != NULL)
    {
      GString *line = g_string_new ("CATEGORIES:");

      for (guint i = 0; tags[i] != NULL; i++)
        {
          g_autofree char *escaped = mq_ics_escape_text (tags[i]);

          if (i > 0)
            g_string_append_c (line, ',');
          g_string_append (line, escaped);
        }
      mq_ics_append_folded (out, line->str);
      g_string_free (line, TRUE);
    }

  g_string_append (out, "END:VCARD\r\n");
  return g_string_free (out, FALSE);
}

gboolean
mq_vcard_write_to_stream (MqPerson * const *people,
                          guint            n_people,
                          GOutputStream   *out,
                          guint           *n_written,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  guint written = 0;

  g_return_val_if_fail (people != NULL || n_people == 0, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *card = mq_vcard_for_person (people[i]);

      if (card == NULL)
        continue;

      if (!g_output_stream_write_all (out, card, strlen (card), NULL, cancellable, &local_error))
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_IO, _("Cannot write the contacts: %s"), local_error->message);
          return FALSE;
        }
      written++;
    }

  if (n_written != NULL)
    *n_written = written;
  return TRUE;
}
