/* mq-attendee-export.c: attendee lists that open cleanly in a spreadsheet
 *
 * The rows come straight from one query and go out in 1 MiB chunks that a
 * thread of their own writes (mq-chunk-writer.c), so a list of a million
 * RSVPs streams at the speed of SQLite itself; the sort by name is
 * SQLite's, on helper threads (PRAGMA threads, mq-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-attendee-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-attendee-export.h"
#include "mq-chunk-writer-private.h"
#include "mq-error.h"
#include "mq-store-private.h"

#define CHUNK_SIZE (1024 * 1024)

static const char * const preset_names[] = { "door", "full", "greeters" };

const char *
mq_attendee_preset_to_string (MqAttendeePreset preset)
{
  g_return_val_if_fail (preset <= MQ_ATTENDEE_PRESET_GREETERS, NULL);
  return preset_names[preset];
}

gboolean
mq_attendee_preset_from_string (const char       *text,
                                MqAttendeePreset *preset)
{
  g_return_val_if_fail (preset != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (preset_names); i++)
    {
      if (g_str_equal (text, preset_names[i]))
        {
          *preset = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* "-12", "3.5", "+49 30 1234", "+1 (555) 010-9999": data a spreadsheet
 * shows as typed, never a formula, so they stay as they are.
 */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  guint digits = 0, separators = 0;

  if (*p == '-' || *p == '+')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if ((*p == '.' || *p == ',') && digits > 0 && separators == 0)
        separators++;
      else
        return FALSE;
    }
  return digits > 0 && p[-1] != '.' && p[-1] != ',';
}

static gboolean
is_phone_number (const char *value)
{
  guint digits = 0;

  if (value[0] != '+')
    return FALSE;

  for (const char *p = value + 1; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr (" -()./", *p))
        return FALSE;
    }

  /* The shortest international numbers have 7 digits with the country code;
   * fewer digits leave room for "+1+1" tricks.
   */
  return digits >= 5 && g_ascii_isdigit (value[strlen (value) - 1]);
}

void
mq_csv_append_cell (GString    *line,
                    const char *value,
                    char        delimiter)
{
  gboolean neutralize, quote = FALSE;
  gsize length;

  g_return_if_fail (line != NULL);

  if (value == NULL || *value == '\0')
    return;

  neutralize = strchr ("=+-@\t\r", value[0]) != NULL &&
               !is_plain_number (value) && !is_phone_number (value);

  /* One pass finds both the length and whether the cell needs quotes. */
  for (length = 0; value[length] != '\0'; length++)
    {
      char c = value[length];

      if (c == delimiter || c == '"' || c == '\r' || c == '\n')
        quote = TRUE;
    }

  if (quote)
    g_string_append_c (line, '"');
  if (neutralize)
    g_string_append_c (line, '\'');

  if (!quote)
    g_string_append_len (line, value, length);
  else
    {
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
}

typedef struct
{
  MqChunkWriter *chunks;
  char           delimiter;
} Writer;

/* A failed write as the export's error; a cancellation stays one. */
static gboolean
write_failed (GError  *local_error,
              GError **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (local_error));
  else
    g_set_error (error, MQ_ERROR, MQ_ERROR_IO,
                 _("Cannot write the export: %s"), local_error->message);
  return FALSE;
}

static gboolean
writer_row (Writer              *writer,
            const char * const  *cells,
            guint                n_cells,
            GError             **error)
{
  GString *buffer = mq_chunk_writer_get_buffer (writer->chunks);
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (buffer, writer->delimiter);
      mq_csv_append_cell (buffer, cells[i], writer->delimiter);
    }
  g_string_append (buffer, "\r\n");

  if (!mq_chunk_writer_maybe_send (writer->chunks, &local_error))
    return write_failed (local_error, error);

  return TRUE;
}

static gboolean
writer_finish (Writer  *writer,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!mq_chunk_writer_finish (writer->chunks, &local_error))
    return write_failed (local_error, error);

  return TRUE;
}

/* A party size as text, without printf's cost on every row (the schema
 * keeps it between 1 and 100).
 */
static void
format_party (char party[16],
              int  size)
{
  if (size >= 0 && size < 10)
    {
      party[0] = '0' + size;
      party[1] = '\0';
    }
  else
    g_snprintf (party, 16, "%d", size);
}

static sqlite3_stmt *
prepare_query (MqStore           *store,
               MqAttendeePreset   preset,
               GError           **error)
{
  if (preset == MQ_ATTENDEE_PRESET_GREETERS)
    return mq_store_prepare (store,
                             "SELECT n.name, g.name, CASE a.status WHEN 'met' THEN 'yes' ELSE 'no' END,"
                             " a.met_at"
                             " FROM greeter_assignments a"
                             " JOIN people n ON n.id = a.newcomer_id"
                             " JOIN people g ON g.id = a.greeter_id"
                             " WHERE a.event_id = ?1"
                             " ORDER BY n.name_key, n.id",
                             error);

  /* The check-in is the party's first admit that no undo took back, as the
   * ledger reports it. The event's admits are gathered once and joined,
   * rather than looked up again for every RSVP (most have none).
   */
  return mq_store_prepare (store,
                           "SELECT p.name, r.party_size, r.status, r.ticket_code, c.at,"
                           " p.email, p.phone, p.mastodon, p.bluesky, p.organization, p.pronouns,"
                           " r.source, r.created_at, r.answers"
                           " FROM rsvps r JOIN people p ON p.id = r.person_id"
                           " LEFT JOIN (SELECT a.rsvp_id, min (a.at) AS at FROM check_ins a"
                           "            WHERE a.event_id = ?1 AND a.action = 'admit'"
                           "              AND NOT EXISTS (SELECT 1 FROM check_ins u WHERE u.rsvp_id = a.rsvp_id"
                           "                              AND u.action = 'undo' AND u.undoes_id = a.id)"
                           "            GROUP BY a.rsvp_id) c ON c.rsvp_id = r.id"
                           " WHERE r.event_id = ?1"
                           " ORDER BY p.name_key, p.id",
                           error);
}


gboolean
mq_attendee_export_write (MqStore           *store,
                          gint64             event_id,
                          MqAttendeePreset   preset,
                          MqCsvWriteFlags    flags,
                          GOutputStream     *out,
                          GCancellable      *cancellable,
                          GError           **error)
{
  static const char * const door_header[] = {
    "Name", "Party", "Status", "Ticket code", "Checked in",
  };
  static const char * const full_header[] = {
    "Name", "Email", "Phone", "Mastodon", "Bluesky", "Organization", "Pronouns",
    "Status", "Party size", "Ticket code", "Source", "RSVP time", "Checked in at", "Answers",
  };
  static const char * const greeters_header[] = {
    "Newcomer", "Greeter", "Met", "Met at",
  };
  g_autoptr(MqChunkWriter) chunks = NULL;
  Writer writer = { NULL, (flags & MQ_CSV_WRITE_SEMICOLON) ? ';' : ',' };
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (MQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (preset <= MQ_ATTENDEE_PRESET_GREETERS, FALSE);

  if (!mq_store_require_event (store, event_id, error))
    return FALSE;

  writer.chunks = chunks = mq_chunk_writer_new (out, CHUNK_SIZE, cancellable);
  if (flags & MQ_CSV_WRITE_BOM)
    g_string_append (mq_chunk_writer_get_buffer (chunks), "\xEF\xBB\xBF");

  switch (preset)
    {
    case MQ_ATTENDEE_PRESET_DOOR:
      ok = writer_row (&writer, door_header, G_N_ELEMENTS (door_header), error);
      break;
    case MQ_ATTENDEE_PRESET_FULL:
      ok = writer_row (&writer, full_header, G_N_ELEMENTS (full_header), error);
      break;
    case MQ_ATTENDEE_PRESET_GREETERS:
    default:
      ok = writer_row (&writer, greeters_header, G_N_ELEMENTS (greeters_header), error);
      break;
    }
  if (!ok)
    return FALSE;

  if (!(stmt = prepare_query (store, preset, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *cells[G_N_ELEMENTS (full_header)];
      char party[16];

      if (preset == MQ_ATTENDEE_PRESET_GREETERS)
        {
          for (guint i = 0; i < G_N_ELEMENTS (greeters_header); i++)
            cells[i] = mq_column_text (stmt, i);
          ok = writer_row (&writer, cells, G_N_ELEMENTS (greeters_header), error);
          continue;
        }

      format_party (party, sqlite3_column_int (stmt, 1));

      if (preset == MQ_ATTENDEE_PRESET_DOOR)
        {
          cells[0] = mq_column_text (stmt, 0);
          cells[1] = party;
          cells[2] = mq_column_text (stmt, 2);
          cells[3] = mq_column_text (stmt, 3);
          cells[4] = mq_column_text (stmt, 4);
          ok = writer_row (&writer, cells, G_N_ELEMENTS (door_header), error);
          continue;
        }

      cells[0] = mq_column_text (stmt, 0);
      for (guint i = 0; i < 6; i++)
        cells[1 + i] = mq_column_text (stmt, 5 + i);
      cells[7] = mq_column_text (stmt, 2);
      cells[8] = party;
      cells[9] = mq_column_text (stmt, 3);
      cells[10] = mq_column_text (stmt, 11);
      cells[11] = mq_column_text (stmt, 12);
      cells[12] = mq_column_text (stmt, 4);
      cells[13] = mq_column_text (stmt, 13);
      ok = writer_row (&writer, cells, G_N_ELEMENTS (full_header), error);
    }

  if (ok && rc != SQLITE_DONE)
    ok = mq_store_propagate (store, rc, error);
  sqlite3_reset (stmt);

  return ok && writer_finish (&writer, error);
}
