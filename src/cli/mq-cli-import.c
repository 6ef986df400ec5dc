/* mq-cli-import.c: marquee-cli import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "mq-cli-private.h"
#include "mq-cli-transfer.h"
#include "mq-csv-reader.h"
#include "mq-import-mapping.h"
#include "mq-importer.h"

#define USAGE "import FILE --event ID [--format auto|meetup|eventbrite|luma|pretix|generic] " \
              "[--map COLUMN=FIELD]… [--dry-run] [--json]"

/* "Ticket holder=name": the column is named as in the file's header. */
static gboolean
apply_overrides (MqImportMapping     *mapping,
                 const char * const  *header,
                 char               **overrides,
                 GError             **error)
{
  for (guint i = 0; overrides != NULL && overrides[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (overrides[i], "=", 2);
      MqImportField field;
      gboolean found = FALSE;

      if (g_strv_length (parts) != 2 || !mq_import_field_from_string (g_strstrip (parts[1]), &field))
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("--map “%s” is not COLUMN=FIELD with FIELD one of name, first_name, last_name, "
                         "email, phone, mastodon, bluesky, organization, pronouns, status, party_size, "
                         "guests, rsvp_time, checked_in, ignore"),
                       overrides[i]);
          return FALSE;
        }

      g_strstrip (parts[0]);
      for (guint c = 0; header[c] != NULL; c++)
        {
          if (g_ascii_strcasecmp (header[c], parts[0]) == 0)
            {
              mq_import_mapping_set_field (mapping, c, field);
              found = TRUE;
              break;
            }
        }

      if (!found)
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("The file has no column “%s” (see its first line)"), parts[0]);
          return FALSE;
        }
    }

  return TRUE;
}

static JsonNode *
report_to_json (MqImportReport  *report,
                MqImportMapping *mapping,
                MqCsvReader     *reader,
                gboolean         dry_run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  char delimiter[2] = { mq_csv_reader_get_delimiter (reader), 0 };

  json_builder_begin_object (builder);

#define COUNT(name, value) \
  json_builder_set_member_name (builder, name); \
  json_builder_add_int_value (builder, value)

  COUNT ("rows", report->rows);
  COUNT ("people_created", report->people_created);
  COUNT ("people_matched", report->people_matched);
  COUNT ("rsvps_created", report->rsvps_created);
  COUNT ("rsvps_updated", report->rsvps_updated);

  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->skipped->len; i++)
    {
      MqImportSkip *skip = g_ptr_array_index (report->skipped, i);

      json_builder_begin_object (builder);
      COUNT ("line", skip->line);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, skip->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  COUNT ("possible_duplicates", report->possible_duplicates->len);
  COUNT ("check_ins", report->check_ins);

  /* The pairs to review: in a dry run person_id names nobody yet. */
  json_builder_set_member_name (builder, "duplicates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->possible_duplicates->len; i++)
    {
      MqImportDuplicate *duplicate = g_ptr_array_index (report->possible_duplicates, i);

      json_builder_begin_object (builder);
      COUNT ("line", duplicate->line);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, duplicate->name);
      if (!dry_run)
        {
          COUNT ("person_id", duplicate->person_id);
        }
      COUNT ("existing_id", duplicate->existing_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

#undef COUNT

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder,
                                 mq_import_platform_to_string (mq_import_mapping_get_platform (mapping)));
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, mq_csv_encoding_to_string (mq_csv_reader_get_encoding (reader)));
  json_builder_set_member_name (builder, "delimiter");
  json_builder_add_string_value (builder, delimiter);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_report (MqCli           *self,
              MqImportReport  *report,
              MqImportMapping *mapping,
              MqCsvReader     *reader,
              gboolean         dry_run)
{
  const char *delimiter = mq_csv_reader_get_delimiter (reader) == '\t' ? "tab"
                        : mq_csv_reader_get_delimiter (reader) == ';' ? ";" : ",";

  mq_cli_print (self, _("format: %s, encoding: %s, delimiter: %s\n"),
                mq_import_platform_to_string (mq_import_mapping_get_platform (mapping)),
                mq_csv_encoding_to_string (mq_csv_reader_get_encoding (reader)), delimiter);
  mq_cli_print (self, _("rows: %u\npeople created: %u\npeople matched: %u\n"
                        "RSVPs created: %u\nRSVPs updated: %u\ncheck-ins: %u\n"),
                report->rows, report->people_created, report->people_matched,
                report->rsvps_created, report->rsvps_updated, report->check_ins);

  for (guint i = 0; i < report->skipped->len; i++)
    {
      MqImportSkip *skip = g_ptr_array_index (report->skipped, i);

      mq_cli_print (self, _("skipped line %u: %s\n"), skip->line, skip->reason);
    }

  for (guint i = 0; i < report->possible_duplicates->len; i++)
    {
      MqImportDuplicate *duplicate = g_ptr_array_index (report->possible_duplicates, i);

      mq_cli_print (self, _("possible duplicate, line %u: %s has the name of person %" PRId64 "\n"),
                    duplicate->line, duplicate->name, duplicate->existing_id);
    }

  if (dry_run)
    mq_cli_print (self, _("dry run: nothing was written\n"));
}

int
mq_cli_command_import (MqCli  *self,
                       int     argc,
                       char  **argv)
{
  g_autofree char *event_text = NULL, *format_text = NULL;
  g_auto(GStrv) overrides = NULL;
  gboolean dry_run = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_text, N_("The event the RSVPs are for"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("auto (default), meetup, eventbrite, luma, pretix or generic"), N_("F") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &overrides,
      N_("Read COLUMN as FIELD (name, email, status, guests, …; ignore)"), N_("COLUMN=FIELD") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Report what would happen, write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MqCsvReader) reader = NULL;
  g_autoptr(MqImportMapping) mapping = NULL;
  g_autoptr(MqImportReport) report = NULL;
  MqImportPlatform platform = MQ_IMPORT_PLATFORM_AUTO;
  MqStore *store;
  gint64 event_id;
  int status;

  if (!mq_cli_parse (self, entries, USAGE, &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return mq_cli_usage_error (self, _("Usage: marquee-cli %s"), USAGE);
  if (event_text == NULL)
    return mq_cli_usage_error (self, _("Give the event to import into: --event ID"));
  if (!mq_cli_parse_id (event_text, _("event"), &event_id, &error))
    return mq_cli_fail (self, error);
  if (format_text != NULL && !mq_import_platform_from_string (format_text, &platform))
    return mq_cli_usage_error (self, _("Unknown format “%s”: use auto, meetup, eventbrite, luma, pretix or generic"),
                               format_text);

  file = g_file_new_for_commandline_arg (args[1]);
  if (!(reader = mq_csv_reader_new_for_file (file, NULL, &error)) ||
      !mq_csv_reader_open (reader, NULL, &error))
    return mq_cli_fail (self, error);

  mapping = mq_import_mapping_new (platform, mq_csv_reader_get_header (reader));
  if (!apply_overrides (mapping, mq_csv_reader_get_header (reader), overrides, &error))
    return mq_cli_fail (self, error);

  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  report = mq_import_run (store, reader, mapping, event_id,
                          dry_run ? MQ_IMPORT_DRY_RUN : MQ_IMPORT_NONE,
                          NULL, NULL, NULL, &error);
  if (report == NULL)
    return mq_cli_fail (self, error);

  if (json)
    mq_cli_print_json (self, report_to_json (report, mapping, reader, dry_run));
  else
    print_report (self, report, mapping, reader, dry_run);

  return MQ_CLI_EXIT_OK;
}
