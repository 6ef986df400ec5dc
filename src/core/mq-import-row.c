/* mq-import-row.c: one line of an attendee export, read into a Row
 *
 * The mapping says which column holds what; this turns the cells into
 * trimmed values, a status, a party size and whether the guest came, or
 * says in the report why the line cannot be used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-import-matcher-private.h"

void
mq_import_row_clear (Row *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->email, g_free);
  g_clear_pointer (&row->phone, g_free);
  g_clear_pointer (&row->mastodon, g_free);
  g_clear_pointer (&row->bluesky, g_free);
  g_clear_pointer (&row->organization, g_free);
  g_clear_pointer (&row->pronouns, g_free);
  g_clear_pointer (&row->rsvp_time, g_free);
}

void
mq_import_add_skip (Import     *import,
                    guint       line,
                    const char *format,
                    ...)
{
  MqImportSkip *skip = g_new0 (MqImportSkip, 1);
  va_list args;

  va_start (args, format);
  skip->line = line;
  skip->reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (import->report->skipped, skip);
}

static char *
value (Import             *import,
       const char * const *fields,
       guint               n_fields,
       MqImportField       field)
{
  const char *text = mq_import_mapping_get_value (import->mapping, fields, n_fields, field, import->scratch);

  if (text == NULL || *text == '\0')
    return NULL;

  /* Undo the "'" an export puts before a formula character. */
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r", text[1]) != NULL)
    text++;

  return g_strdup (text);
}

static gboolean
parse_count (const char *text,
             int         min,
             int        *count)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, min, 100, &number, NULL))
    return FALSE;

  *count = (int) number;
  return TRUE;
}

/* FALSE with a reason added to the report when the row cannot be used. */
gboolean
mq_import_read_row (Import             *import,
                    const char * const *fields,
                    guint               n_fields,
                    guint               line,
                    Row                *row)
{
  g_autofree char *first = value (import, fields, n_fields, MQ_IMPORT_FIELD_FIRST_NAME);
  g_autofree char *last = value (import, fields, n_fields, MQ_IMPORT_FIELD_LAST_NAME);
  g_autofree char *status = value (import, fields, n_fields, MQ_IMPORT_FIELD_STATUS);
  g_autofree char *party = value (import, fields, n_fields, MQ_IMPORT_FIELD_PARTY_SIZE);
  g_autofree char *guests = value (import, fields, n_fields, MQ_IMPORT_FIELD_GUESTS);
  g_autofree char *checked_in = value (import, fields, n_fields, MQ_IMPORT_FIELD_CHECKED_IN);
  gboolean status_says_in = FALSE;
  int guest_count = 0;

  row->name = value (import, fields, n_fields, MQ_IMPORT_FIELD_NAME);
  if (row->name == NULL && (first != NULL || last != NULL))
    row->name = g_strjoin (" ", first != NULL ? first : last, first != NULL ? last : NULL, NULL);
  row->email = value (import, fields, n_fields, MQ_IMPORT_FIELD_EMAIL);
  row->phone = value (import, fields, n_fields, MQ_IMPORT_FIELD_PHONE);
  row->mastodon = value (import, fields, n_fields, MQ_IMPORT_FIELD_MASTODON);
  row->bluesky = value (import, fields, n_fields, MQ_IMPORT_FIELD_BLUESKY);
  row->organization = value (import, fields, n_fields, MQ_IMPORT_FIELD_ORGANIZATION);
  row->pronouns = value (import, fields, n_fields, MQ_IMPORT_FIELD_PRONOUNS);
  row->rsvp_time = value (import, fields, n_fields, MQ_IMPORT_FIELD_RSVP_TIME);

  if (row->name == NULL)
    {
      mq_import_add_skip (import, line, _("no name"));
      return FALSE;
    }

  switch (mq_import_map_status (status, &row->status, &status_says_in))
    {
    case MQ_IMPORT_STATUS_KNOWN:
      break;
    case MQ_IMPORT_STATUS_SKIP:
      mq_import_add_skip (import, line, _("status “%s” is no answer to the event"), status);
      return FALSE;
    case MQ_IMPORT_STATUS_UNKNOWN:
    default:
      mq_import_add_skip (import, line,
                          _("unknown status “%s”; map it to going, maybe, waitlisted, declined or cancelled"),
                          status);
      return FALSE;
    }

  row->party_size = 1;
  if (party != NULL && !parse_count (party, 1, &row->party_size))
    {
      mq_import_add_skip (import, line, _("party size “%s” is not a number from 1 to 100"), party);
      return FALSE;
    }
  if (party == NULL && guests != NULL)
    {
      if (!parse_count (guests, 0, &guest_count) || guest_count > 99)
        {
          mq_import_add_skip (import, line, _("guests “%s” is not a number from 0 to 99"), guests);
          return FALSE;
        }
      row->party_size = 1 + guest_count;
    }

  row->checked_in = status_says_in || (checked_in != NULL && mq_import_parse_checked_in (checked_in));
  return TRUE;
}

gboolean
mq_import_row_is_blank (const char * const *fields,
                        guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      for (const char *p = fields[i]; *p != '\0'; p++)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
        }
    }
  return TRUE;
}
