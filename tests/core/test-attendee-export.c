/* test-attendee-export.c: CSV presets, quoting, formula neutralisation, round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "marquee-core.h"
#include "mq-attendee-export.h"
#include "mq-csv-reader.h"
#include "mq-import-mapping.h"
#include "mq-importer.h"

typedef struct
{
  MqStore           *store;
  MqEventCatalog    *catalog;
  MqPersonDirectory *directory;
  MqRsvpLedger      *ledger;
  MqCheckInLog      *log;
  gint64             event_id;
  gint64             zoe_rsvp;
} Fixture;

static MqStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T12:00:00Z", NULL);
  MqStore *store = mq_store_open (":memory:", &error);

  g_assert_no_error (error);
  mq_store_set_fixed_now (store, now);
  return store;
}

static gint64
add_event (MqStore *store)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-12-01T19:30:00+01:00", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, "Stalker");
  mq_event_set_starts_at (event, start);
  mq_event_set_time_zone (event, "Europe/Berlin");
  mq_event_set_capacity (event, -1);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_guest (Fixture      *f,
           const char   *name,
           const char   *email,
           const char   *phone,
           MqRsvpStatus  status,
           int           party)
{
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  mq_person_set_phone (person, phone);
  id = mq_person_directory_add (f->directory, person, &error);
  g_assert_no_error (error);
  rsvp = mq_rsvp_ledger_set (f->ledger, f->event_id, id, status, party, "manual", "test", NULL,
                             MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);
  return mq_rsvp_get_id (rsvp);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCheckIn) record = NULL;
  gint64 rsvp;

  f->store = open_store ();
  f->catalog = mq_event_catalog_new (f->store);
  f->directory = mq_person_directory_new (f->store);
  f->ledger = mq_rsvp_ledger_new (f->store);
  f->log = mq_check_in_log_new (f->store);
  f->event_id = add_event (f->store);

  f->zoe_rsvp = rsvp = add_guest (f, "Zoë Müller", "zoe@example.org", "+49 30 1234", MQ_RSVP_STATUS_GOING, 2);
  add_guest (f, "=HYPERLINK(\"http://evil\")", "evil@example.org", "-1+1", MQ_RSVP_STATUS_MAYBE, 1);
  add_guest (f, "Lee, \"Ada\"", "ada@example.org", NULL, MQ_RSVP_STATUS_WAITLISTED, 1);
  add_guest (f, "@Bo", "bo@example.org", NULL, MQ_RSVP_STATUS_DECLINED, 1);

  g_assert_cmpint (mq_check_in_log_admit (f->log, rsvp, 0, "door 1", "Kim", &record, &error), ==,
                   MQ_ADMIT_ADMITTED);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->log);
  g_clear_object (&f->ledger);
  g_clear_object (&f->directory);
  g_clear_object (&f->catalog);
  g_assert_finalize_object (f->store);
}

static char *
export_text (MqStore          *store,
             gint64            event_id,
             MqAttendeePreset  preset,
             MqCsvWriteFlags   flags)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mq_attendee_export_write (store, event_id, preset, flags, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_cells (void)
{
  static const struct { const char *value; const char *cell; } cases[] = {
    { "plain", "plain" },
    { "=1+2", "'=1+2" },
    { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tTAB", "'\tTAB" },
    { "\r=1", "\"'\r=1\"" },
    { "+49 30 1234", "+49 30 1234" },
    { "+1 (555) 010-9999", "+1 (555) 010-9999" },
    { "-12", "-12" },
    { "3.5", "3.5" },
    { "+12", "+12" },
    { "+1+1", "'+1+1" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=a,b", "\"'=a,b\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      mq_csv_append_cell (line, cases[i].value, ',');
      g_assert_cmpstr (line->str, ==, cases[i].cell);
    }

  {
    g_autoptr(GString) line = g_string_new (NULL);

    mq_csv_append_cell (line, "a,b;c", ';');
    g_assert_cmpstr (line->str, ==, "\"a,b;c\"");
  }
}

static void
test_door (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *text = export_text (f->store, f->event_id, MQ_ATTENDEE_PRESET_DOOR, MQ_CSV_WRITE_NONE);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "Name,Party,Status,Ticket code,Checked in");
  /* In the order of the folded names: "bo", "hyperlink http evil", "lee ada", "zoe muller". */
  g_assert_true (g_str_has_prefix (lines[1], "'@Bo,1,declined,"));
  g_assert_true (g_str_has_prefix (lines[2], "\"'=HYPERLINK(\"\"http://evil\"\")\",1,maybe,"));
  g_assert_true (g_str_has_prefix (lines[3], "\"Lee, \"\"Ada\"\"\",1,waitlisted,"));
  g_assert_true (g_str_has_prefix (lines[4], "Zoë Müller,2,going,"));
  g_assert_true (g_str_has_suffix (lines[4], ",2026-11-20T12:00:00Z"));
  g_assert_cmpstr (lines[5], ==, "");
}

static void
test_dialect (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = export_text (f->store, f->event_id, MQ_ATTENDEE_PRESET_FULL,
                                       MQ_CSV_WRITE_BOM | MQ_CSV_WRITE_SEMICOLON);

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFName;Email;Phone;Mastodon;Bluesky;Organization;Pronouns;"
                                         "Status;Party size;Ticket code;Source;RSVP time;Checked in at;Answers\r\n"));
  /* A comma needs no quotes between semicolons; the phone number stays. */
  g_assert_nonnull (strstr (text, "\r\n\"Lee, \"\"Ada\"\"\";ada@example.org;;;;;;waitlisted;1;"));
  g_assert_nonnull (strstr (text, "\r\nZoë Müller;zoe@example.org;+49 30 1234;;;;;going;2;"));
  g_assert_nonnull (strstr (text, "\r\n\"'=HYPERLINK(\"\"http://evil\"\")\";evil@example.org;'-1+1;"));
}

static void
test_greeters (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = export_text (f->store, f->event_id, MQ_ATTENDEE_PRESET_GREETERS, MQ_CSV_WRITE_NONE);

  g_assert_cmpstr (text, ==, "Newcomer,Greeter,Met,Met at\r\n");
}

static void
test_unknown_event (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mq_attendee_export_write (f->store, 99, MQ_ATTENDEE_PRESET_DOOR, MQ_CSV_WRITE_NONE,
                                            out, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

/* The check-in shown is the first admit that no undo took back. */
static void
test_check_in_after_undo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) later = g_date_time_new_from_iso8601 ("2026-11-20T12:30:00Z", NULL);
  g_autoptr(MqCheckIn) undo = NULL;
  g_autoptr(MqCheckIn) undo_lee = NULL;
  g_autoptr(MqCheckIn) admit = NULL;
  g_autoptr(MqCheckIn) admit_lee = NULL;
  g_autoptr(MqRsvp) lee = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 lee_rsvp = add_guest (f, "Lee Park", "lee@example.org", NULL, MQ_RSVP_STATUS_GOING, 1);

  undo = mq_check_in_log_undo (f->log, f->zoe_rsvp, "Wrong guest", "Kim", &error);
  g_assert_no_error (error);
  mq_store_set_fixed_now (f->store, later);
  g_assert_cmpint (mq_check_in_log_admit (f->log, f->zoe_rsvp, 0, "door 1", "Kim", &admit, &error), ==,
                   MQ_ADMIT_ADMITTED);
  g_assert_cmpint (mq_check_in_log_admit (f->log, lee_rsvp, 0, "door 1", "Kim", &admit_lee, &error), ==,
                   MQ_ADMIT_ADMITTED);
  undo_lee = mq_check_in_log_undo (f->log, lee_rsvp, "Scanned twice", "Kim", &error);
  g_assert_no_error (error);

  text = export_text (f->store, f->event_id, MQ_ATTENDEE_PRESET_DOOR, MQ_CSV_WRITE_NONE);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_true (g_str_has_prefix (lines[4], "Lee Park,1,going,"));
  g_assert_true (g_str_has_suffix (lines[4], ","));
  g_assert_true (g_str_has_prefix (lines[5], "Zoë Müller,2,going,"));
  g_assert_true (g_str_has_suffix (lines[5], ",2026-11-20T12:30:00Z"));
}

/* More than one chunk of output arrives whole and in order. */
static void
test_many_chunks (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *organization = g_strnfill (400, 'x');
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 3000;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MqPerson) person = mq_person_new ();
      g_autoptr(MqRsvp) rsvp = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Guest %04u", n - 1 - i);
      gint64 id;

      mq_person_set_name (person, name);
      mq_person_set_organization (person, organization);
      id = mq_person_directory_add (f->directory, person, &error);
      g_assert_no_error (error);
      rsvp = mq_rsvp_ledger_set (f->ledger, f->event_id, id, MQ_RSVP_STATUS_GOING, 1, "manual", "test", NULL,
                                 MQ_RSVP_SET_NONE, &error);
      g_assert_no_error (error);
    }

  text = export_text (f->store, f->event_id, MQ_ATTENDEE_PRESET_FULL, MQ_CSV_WRITE_NONE);
  g_assert_cmpuint (strlen (text), >, 1024 * 1024);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 6);
  g_assert_true (g_str_has_prefix (lines[1], "'@Bo,"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Guest %04u,,,,,%s,,going,1,", i, organization);

      g_assert_true (g_str_has_prefix (lines[2 + i], expected));
    }
  g_assert_true (g_str_has_prefix (lines[n + 4], "Zoë Müller,"));
}

static void
test_write_fails (Fixture       *f,
                  gconstpointer  data)
{
  char small[64];
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (small, sizeof small, NULL, NULL);
  g_autoptr(GOutputStream) elsewhere = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mq_attendee_export_write (f->store, f->event_id, MQ_ATTENDEE_PRESET_FULL, MQ_CSV_WRITE_NONE,
                                            out, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "Cannot write the export: "));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (mq_attendee_export_write (f->store, f->event_id, MQ_ATTENDEE_PRESET_DOOR, MQ_CSV_WRITE_NONE,
                                            elsewhere, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (elsewhere)), ==, 0);
}

/* "name|email|phone|status|party|in" by name. */
static char *
people_text (MqStore *store,
             gint64   event_id)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rsvps = mq_rsvp_ledger_list (ledger, event_id, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rsvps->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (rsvps, i);
      g_autoptr(MqPerson) person = mq_person_directory_get (directory, mq_rsvp_get_person_id (rsvp), &error);

      g_assert_no_error (error);
      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%s|%s|%d|%d", mq_person_get_name (person),
                                               mq_person_get_email (person), mq_person_get_phone (person),
                                               mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)),
                                               mq_rsvp_get_party_size (rsvp),
                                               mq_rsvp_get_checked_in_people (rsvp)));
    }
  for (guint i = 0; i < lines->len; i++)
    for (guint k = i + 1; k < lines->len; k++)
      if (strcmp (g_ptr_array_index (lines, i), g_ptr_array_index (lines, k)) > 0)
        {
          gpointer swap = lines->pdata[i];

          lines->pdata[i] = lines->pdata[k];
          lines->pdata[k] = swap;
        }
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (text, FALSE);
}

/* Export, import into a fresh database, compare: the "'" put before a
 * formula character is taken off again on import.
 */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  MqCsvWriteFlags dialects[] = { MQ_CSV_WRITE_NONE, MQ_CSV_WRITE_BOM | MQ_CSV_WRITE_SEMICOLON };

  for (guint d = 0; d < G_N_ELEMENTS (dialects); d++)
    {
      g_autofree char *text = export_text (f->store, f->event_id, MQ_ATTENDEE_PRESET_FULL, dialects[d]);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr(MqCsvReader) reader = mq_csv_reader_new (stream);
      g_autoptr(MqStore) fresh = open_store ();
      g_autoptr(MqImportMapping) mapping = NULL;
      g_autoptr(MqImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *original = NULL;
      g_autofree char *copy = NULL;
      gint64 fresh_event = add_event (fresh);

      g_assert_true (mq_csv_reader_open (reader, NULL, &error));
      mapping = mq_import_mapping_new (MQ_IMPORT_PLATFORM_AUTO, mq_csv_reader_get_header (reader));
      g_assert_cmpint (mq_import_mapping_get_platform (mapping), ==, MQ_IMPORT_PLATFORM_GENERIC);
      report = mq_import_run (fresh, reader, mapping, fresh_event, MQ_IMPORT_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->rows, ==, 4);
      g_assert_cmpuint (report->skipped->len, ==, 0);

      original = people_text (f->store, f->event_id);
      copy = people_text (fresh, fresh_event);
      g_assert_cmpstr (original, ==,
                       "=HYPERLINK(\"http://evil\")|evil@example.org|-1+1|maybe|1|0\n"
                       "@Bo|bo@example.org|(null)|declined|1|0\n"
                       "Lee, \"Ada\"|ada@example.org|(null)|waitlisted|1|0\n"
                       "Zoë Müller|zoe@example.org|+49 30 1234|going|2|2\n");
      g_assert_cmpstr (copy, ==, original);

      g_clear_object (&reader);
      g_clear_object (&stream);
      g_clear_pointer (&report, mq_import_report_free);
      g_assert_finalize_object (g_steal_pointer (&fresh));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/attendee-export/cells", test_cells);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/core/attendee-export/preset/door", test_door);
  ADD ("/core/attendee-export/preset/full-bom-semicolon", test_dialect);
  ADD ("/core/attendee-export/preset/greeters", test_greeters);
  ADD ("/core/attendee-export/unknown-event", test_unknown_event);
  ADD ("/core/attendee-export/check-in-after-undo", test_check_in_after_undo);
  ADD ("/core/attendee-export/many-chunks", test_many_chunks);
  ADD ("/core/attendee-export/write-fails", test_write_fails);
  ADD ("/core/attendee-export/round-trip", test_round_trip);
#undef ADD

  return g_test_run ();
}
