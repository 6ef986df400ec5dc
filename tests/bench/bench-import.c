/* bench-import.c: a generated attendee export into a fresh database, and back out
 *
 * Prints `bench: NAME VALUE UNIT` lines: rows per second of the import, the
 * peak RSS (which must not grow with the file), the export's speed, and
 * the same raw work done by the sqlite3 command-line tool for comparison
 * (.import into a bare table; a csv-mode select), as a ratio; and, as the
 * floor any importer into this schema has, the sqlite3 tool writing the same
 * rows set-based into Marquee's own tables, indexes and search index; and
 * the least any importer that keeps people, their RSVPs and the RSVPs'
 * history can write: the same rows into three plain tables without an
 * index, a constraint or any matching. The export is also compared with
 * the sqlite3 tool selecting the rows in name order, as the export lists
 * them. MARQUEE_BENCH_IMPORT_ROWS sets the size (default 100000).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "marquee-core.h"
#include "mq-attendee-export.h"
#include "mq-csv-reader.h"
#include "mq-import-mapping.h"
#include "mq-importer.h"

static const char * const first_names[] = {
  "Zoë", "Ravi", "Ana", "Tom", "José", "Mia", "Lars", "Olu", "Wei", "Priya", "Élodie", "Kai",
};
static const char * const last_names[] = {
  "Müller", "Shankar", "Lima", "Berg", "Ñúñez", "Schröder", "Ek", "Ade", "Chen", "Nair", "Martin",
};
static const char * const statuses[] = { "approved", "approved", "approved", "waitlist", "declined" };

static void
generate (const char *path,
          guint       rows)
{
  FILE *file = g_fopen (path, "w");

  g_assert_nonnull (file);
  fputs ("api_id,name,email,phone_number,created_at,approval_status,checked_in_at,ticket_name\n", file);
  for (guint i = 0; i < rows; i++)
    fprintf (file, "gst-%08u,\"%s %s, %u\",guest%u@example.org,+49 30 %07u,2026-11-01T10:%02u:%02u.000Z,%s,,Standard\n",
             i, first_names[i % G_N_ELEMENTS (first_names)], last_names[i % G_N_ELEMENTS (last_names)], i,
             i, i, (i / 60) % 60, i % 60, statuses[i % G_N_ELEMENTS (statuses)]);
  fclose (file);
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Seconds the sqlite3 tool takes for @commands, or a negative number. */
static double
time_sqlite3 (const char *db,
              const char *commands)
{
  const char *argv[] = { "sqlite3", db, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, commands, NULL, NULL, NULL, &error) ||
      !g_subprocess_get_successful (process))
    return -1;

  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("marquee-bench-import-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "guests.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "marquee.db", NULL);
  g_autofree char *raw_db = g_build_filename (dir, "raw.db", NULL);
  g_autofree char *floor_db = g_build_filename (dir, "floor.db", NULL);
  g_autofree char *plain_db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *out_path = g_build_filename (dir, "export.csv", NULL);
  const char *rows_text = g_getenv ("MARQUEE_BENCH_IMPORT_ROWS");
  guint rows = rows_text != NULL ? (guint) g_ascii_strtoull (rows_text, NULL, 10) : 100000;
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = NULL;
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-12-01T19:30:00+01:00", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(MqCsvReader) reader = NULL;
  g_autoptr(MqImportMapping) mapping = NULL;
  g_autoptr(MqImportReport) report = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *import_commands = NULL;
  g_autofree char *export_commands = NULL;
  g_autofree char *floor_commands = NULL;
  g_autofree char *plain_commands = NULL;
  g_autofree char *sorted_commands = NULL;
  double rss_before, rss_import, import_seconds, export_seconds, raw_import, raw_export, floor_import;
  double plain_import, sorted_export;
  gint64 event_id, t0;

  generate (csv, rows);
  rss_before = peak_rss_mib ();

  store = mq_store_open (db, &error);
  g_assert_no_error (error);
  catalog = mq_event_catalog_new (store);
  mq_event_set_title (event, "Benchmark");
  mq_event_set_starts_at (event, start);
  mq_event_set_time_zone (event, "Europe/Berlin");
  mq_event_set_capacity (event, -1);
  event_id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  file = g_file_new_for_path (csv);
  reader = mq_csv_reader_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mq_csv_reader_open (reader, NULL, &error));
  mapping = mq_import_mapping_new (MQ_IMPORT_PLATFORM_AUTO, mq_csv_reader_get_header (reader));
  report = mq_import_run (store, reader, mapping, event_id, MQ_IMPORT_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  import_seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_assert_cmpuint (report->rows, ==, rows);
  g_assert_cmpuint (report->rsvps_created, ==, rows);
  rss_import = peak_rss_mib ();

  t0 = g_get_monotonic_time ();
  out_file = g_file_new_for_path (out_path);
  out = g_file_replace (out_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mq_attendee_export_write (store, event_id, MQ_ATTENDEE_PRESET_FULL, MQ_CSV_WRITE_NONE,
                                           G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  export_seconds = (g_get_monotonic_time () - t0) / 1e6;

  g_print ("bench: import-rows %u rows\n", rows);
  g_print ("bench: import-rate %.0f rows/s\n", rows / import_seconds);
  g_print ("bench: import-time %.2f s\n", import_seconds);
  g_print ("bench: export-rate %.0f rows/s\n", rows / export_seconds);
  g_print ("bench: peak-rss-after-import %.1f MiB\n", rss_import);
  g_print ("bench: peak-rss %.1f MiB\n", peak_rss_mib ());
  g_print ("bench: peak-rss-before-import %.1f MiB\n", rss_before);

  /* The raw work, by the sqlite3 tool: no matching, no ledger. */
  import_commands = g_strdup_printf (".mode csv\n.import '%s' guests\n", csv);
  raw_import = time_sqlite3 (raw_db, import_commands);
  export_commands = g_strdup_printf (".mode csv\n.headers on\n.once '%s.raw'\nSELECT * FROM guests;\n", out_path);
  raw_export = time_sqlite3 (raw_db, export_commands);
  /* The floor: no matching, no rules, one statement per table, but the same
   * schema (indexes, FTS triggers) the real import writes into.
   */
  {
    g_autoptr(MqStore) empty = mq_store_open (floor_db, &error);

    g_assert_no_error (error);
  }
  floor_commands = g_strdup_printf (
    ".mode csv\n.import '%s' staging\n"
    "BEGIN;\n"
    "INSERT INTO events (title, starts_at, time_zone, created_at, updated_at)"
    " VALUES ('Benchmark', '2026-12-01T18:30:00Z', 'Europe/Berlin', 'now', 'now');\n"
    "INSERT INTO people (name, email, phone, search_text, name_key, created_at, updated_at)"
    " SELECT name, email, phone_number, lower (name) || ' ' || email, lower (name), created_at, created_at"
    " FROM staging;\n"
    "INSERT INTO rsvps (event_id, person_id, status, source, ticket_code, created_at, updated_at)"
    " SELECT 1, p.id, CASE s.approval_status WHEN 'approved' THEN 'going' WHEN 'waitlist' THEN 'waitlisted'"
    " ELSE 'declined' END, 'import:luma', hex (randomblob (8)), s.created_at, s.created_at"
    " FROM staging s JOIN people p ON p.email = s.email;\n"
    "INSERT INTO rsvp_history (rsvp_id, to_status, to_party, at, actor)"
    " SELECT id, status, 1, created_at, 'import' FROM rsvps;\n"
    "DROP TABLE staging;\n"
    "COMMIT;\n", csv);
  floor_import = time_sqlite3 (floor_db, floor_commands);
  plain_commands = g_strdup_printf (
    ".mode csv\n.import '%s' staging\n"
    "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, email TEXT, phone TEXT, created_at TEXT);\n"
    "CREATE TABLE rsvps (id INTEGER PRIMARY KEY, person_id INTEGER, status TEXT, ticket_code TEXT,"
    " created_at TEXT);\n"
    "CREATE TABLE rsvp_history (id INTEGER PRIMARY KEY, rsvp_id INTEGER, to_status TEXT, at TEXT);\n"
    "BEGIN;\n"
    "INSERT INTO people (id, name, email, phone, created_at)"
    " SELECT rowid, name, email, phone_number, created_at FROM staging;\n"
    "INSERT INTO rsvps (id, person_id, status, ticket_code, created_at)"
    " SELECT rowid, rowid, approval_status, hex (randomblob (8)), created_at FROM staging;\n"
    "INSERT INTO rsvp_history (rsvp_id, to_status, at) SELECT id, status, created_at FROM rsvps;\n"
    "DROP TABLE staging;\n"
    "COMMIT;\n", csv);
  plain_import = time_sqlite3 (plain_db, plain_commands);
  sorted_commands = g_strdup_printf (".mode csv\n.headers on\n.once '%s.raw'\n"
                                     "SELECT * FROM guests ORDER BY name COLLATE NOCASE;\n", out_path);
  sorted_export = time_sqlite3 (raw_db, sorted_commands);

  if (raw_import > 0 && raw_export > 0)
    {
      g_print ("bench: sqlite3-import-time %.2f s\n", raw_import);
      g_print ("bench: import-ratio %.1f x\n", import_seconds / raw_import);
      if (floor_import > 0)
        {
          g_print ("bench: sqlite3-into-schema-time %.2f s\n", floor_import);
          g_print ("bench: schema-floor-ratio %.1f x\n", floor_import / raw_import);
          g_print ("bench: import-vs-floor-ratio %.1f x\n", import_seconds / floor_import);
        }
      if (plain_import > 0)
        {
          g_print ("bench: sqlite3-into-plain-tables-time %.2f s\n", plain_import);
          g_print ("bench: plain-tables-ratio %.1f x\n", plain_import / raw_import);
        }
      g_print ("bench: export-time %.2f s\n", export_seconds);
      g_print ("bench: sqlite3-export-time %.2f s\n", raw_export);
      g_print ("bench: export-ratio %.2f x\n", export_seconds / raw_export);
      if (sorted_export > 0)
        {
          g_print ("bench: sqlite3-sorted-export-time %.2f s\n", sorted_export);
          g_print ("bench: export-vs-sorted-ratio %.2f x\n", export_seconds / sorted_export);
        }
    }
  else
    g_print ("bench: sqlite3 tool missing: no ratios\n");

  g_clear_object (&store);
  {
    g_autofree char *raw_out = g_strconcat (out_path, ".raw", NULL);
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_autofree char *floor_wal = g_strconcat (floor_db, "-wal", NULL);
    g_autofree char *floor_shm = g_strconcat (floor_db, "-shm", NULL);
    const char *files[] = { csv, db, wal, shm, raw_db, floor_db, floor_wal, floor_shm, plain_db, out_path, raw_out };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      g_unlink (files[i]);
    g_rmdir (dir);
  }

  return 0;
}
