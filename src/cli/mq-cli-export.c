/* mq-cli-export.c: marquee-cli export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-attendee-export.h"
#include "mq-cli-door.h"
#include "mq-cli-private.h"
#include "mq-cli-transfer.h"
#include "mq-ics-writer.h"
#include "mq-vcard-writer.h"

#define USAGE "export EVENT_ID --format csv|ics|vcard|door-pdf|badges-pdf [--preset P] " \
              "[--bom] [--semicolon] [-o FILE]"

/* A season is the calendar year of the event: every event starting in it
 * that is not a draft, in order.
 */
static GPtrArray *
season_events (MqStore  *store,
               MqEvent  *event,
               GError  **error)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  int year = g_date_time_get_year (mq_event_get_starts_at (event));

  if (!(all = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_ALL, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(MqEvent) other = g_list_model_get_item (all, i);

      if (g_date_time_get_year (mq_event_get_starts_at (other)) == year &&
          mq_event_get_status (other) != MQ_EVENT_STATUS_DRAFT)
        g_ptr_array_add (events, g_steal_pointer (&other));
    }

  return g_steal_pointer (&events);
}

/* People of the event who are coming or may come; the writer keeps only
 * those who agreed to be listed.
 */
static GPtrArray *
event_people (MqStore  *store,
              gint64    event_id,
              GError  **error)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(GPtrArray) rsvps = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(rsvps = mq_rsvp_ledger_list (ledger, event_id, error)))
    return NULL;

  for (guint i = 0; i < rsvps->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (rsvps, i);
      MqPerson *person;

      if (mq_rsvp_get_status (rsvp) == MQ_RSVP_STATUS_DECLINED ||
          mq_rsvp_get_status (rsvp) == MQ_RSVP_STATUS_CANCELLED)
        continue;

      if (!(person = mq_person_directory_get (directory, mq_rsvp_get_person_id (rsvp), error)))
        return NULL;
      g_ptr_array_add (people, person);
    }

  return g_steal_pointer (&people);
}

static gboolean
write_export (MqStore        *store,
              MqEvent        *event,
              const char     *format,
              const char     *preset,
              MqCsvWriteFlags flags,
              GOutputStream  *out,
              GError        **error)
{
  gint64 event_id = mq_event_get_id (event);

  if (g_str_equal (format, "csv"))
    {
      MqAttendeePreset csv_preset = MQ_ATTENDEE_PRESET_DOOR;

      if (preset != NULL && !mq_attendee_preset_from_string (preset, &csv_preset))
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("Unknown CSV preset “%s”: use door, full or greeters"), preset);
          return FALSE;
        }
      return mq_attendee_export_write (store, event_id, csv_preset, flags, out, NULL, error);
    }

  if (g_str_equal (format, "ics"))
    {
      g_autoptr(GPtrArray) events = NULL;

      if (preset == NULL || g_str_equal (preset, "event"))
        {
          events = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (events, g_object_ref (event));
        }
      else if (g_str_equal (preset, "season"))
        {
          if (!(events = season_events (store, event, error)))
            return FALSE;
        }
      else
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("Unknown calendar preset “%s”: use event or season"), preset);
          return FALSE;
        }

      return mq_ics_write_to_stream ((MqEvent * const *) events->pdata, events->len, out, NULL, error);
    }

  /* vcard */
  {
    g_autoptr(GPtrArray) people = event_people (store, event_id, error);

    if (people == NULL)
      return FALSE;
    return mq_vcard_write_to_stream ((MqPerson * const *) people->pdata, people->len, out, NULL, NULL, error);
  }
}

int
mq_cli_command_export (MqCli  *self,
                       int     argc,
                       char  **argv)
{
  g_autofree char *format = NULL, *preset = NULL, *output = NULL;
  gboolean bom = FALSE, semicolon = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv, ics, vcard, door-pdf or badges-pdf"), N_("F") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset,
      N_("csv: door (default), full, greeters; ics: event (default), season; badges-pdf: a4, label"), N_("P") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("csv: start with a byte order mark (Excel)"), NULL },
    { "semicolon", 0, 0, G_OPTION_ARG_NONE, &semicolon, N_("csv: separate cells with “;”"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of the terminal"), N_("FILE") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(GOutputStream) out = NULL;
  MqCsvWriteFlags flags = MQ_CSV_WRITE_NONE;
  MqStore *store;
  gint64 event_id;
  int status;

  if (!mq_cli_parse (self, entries, USAGE, &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return mq_cli_usage_error (self, _("Usage: marquee-cli %s"), USAGE);
  if (format == NULL)
    return mq_cli_usage_error (self, _("Give --format: csv, ics, vcard, door-pdf or badges-pdf"));
  if (!mq_cli_parse_id (args[1], _("event"), &event_id, &error))
    return mq_cli_fail (self, error);

  if (g_str_equal (format, "door-pdf"))
    return mq_cli_export_door_pdf (self, event_id, output);
  if (g_str_equal (format, "badges-pdf"))
    return mq_cli_export_badges_pdf (self, event_id, preset, output);
  if (!g_str_equal (format, "csv") && !g_str_equal (format, "ics") && !g_str_equal (format, "vcard"))
    return mq_cli_usage_error (self, _("Unknown format “%s”: use csv, ics, vcard, door-pdf or badges-pdf"), format);
  if ((bom || semicolon) && !g_str_equal (format, "csv"))
    return mq_cli_usage_error (self, _("--bom and --semicolon are for --format csv"));

  if (bom)
    flags |= MQ_CSV_WRITE_BOM;
  if (semicolon)
    flags |= MQ_CSV_WRITE_SEMICOLON;

  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);
  catalog = mq_event_catalog_new (store);
  if (!(event = mq_event_catalog_get (catalog, event_id, &error)))
    return mq_cli_fail (self, error);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_autoptr(GError) io_error = NULL;

      /* g_file_replace() writes beside the file and renames at close: a
       * failed export never leaves half a file where the old one was.
       */
      if (!(out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &io_error))))
        return mq_cli_fail_message (self, _("Cannot write “%s”: %s"), output, io_error->message);

      if (!write_export (store, event, format, preset, flags, out, &error))
        {
          g_autoptr(GCancellable) abandon = g_cancellable_new ();

          /* Closing cancelled drops the new file and keeps the old one. */
          g_cancellable_cancel (abandon);
          g_output_stream_close (out, abandon, NULL);
          return mq_cli_fail (self, error);
        }
      if (!g_output_stream_close (out, NULL, &io_error))
        return mq_cli_fail_message (self, _("Cannot write “%s”: %s"), output, io_error->message);
      return MQ_CLI_EXIT_OK;
    }

  out = g_memory_output_stream_new_resizable ();
  if (!write_export (store, event, format, preset, flags, out, &error))
    return mq_cli_fail (self, error);

  /* The text has no NUL byte: the writers never put one in. */
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  mq_cli_print (self, "%s", (const char *) g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)));
  return MQ_CLI_EXIT_OK;
}
