/* test-export-interop.c: Marquee's files read by parsers no one here wrote
 *
 * ICS through Python's icalendar and ical.js, vCard through vobject, CSV
 * through Python's csv module, and the csv-spectrum corpus through our
 * reader. The npm peers come from tests/peers/install-peers.sh (run by
 * `make check`); without them these cases are skipped, never passed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "marquee-core.h"
#include "mq-attendee-export.h"
#include "mq-csv-reader.h"
#include "mq-event-private.h"
#include "mq-ics-writer.h"
#include "mq-vcard-writer.h"

#define PYTHON "/usr/bin/python3"
#define NODE "node"

static char *peers_dir;

static char *
peer_script (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "peers", name, NULL);
}

/* `make check` sets MARQUEE_REQUIRE_PEERS: there a missing peer is a
 * failure, so CI can never pass by skipping the parsers.
 */
static void
skip_or_fail (const char *message)
{
  if (g_getenv ("MARQUEE_REQUIRE_PEERS") != NULL)
    {
      g_test_message ("%s", message);
      g_test_fail ();
      return;
    }
  g_test_skip (message);
}

static gboolean
have_npm_peers (void)
{
  g_autofree char *stamp = g_build_filename (peers_dir, ".installed", NULL);

  if (g_file_test (stamp, G_FILE_TEST_EXISTS))
    return TRUE;

  skip_or_fail ("npm peers missing: run tests/peers/install-peers.sh (make check does)");
  return FALSE;
}

static gboolean
have_python_module (const char *module)
{
  g_autofree char *code = g_strdup_printf ("import %s", module);
  const char *argv[] = { PYTHON, "-c", code, NULL };
  int status = -1;

  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, NULL) &&
      g_spawn_check_wait_status (status, NULL))
    return TRUE;

  {
    g_autofree char *message = g_strdup_printf ("%s lacks %s: run make deps", PYTHON, module);

    skip_or_fail (message);
  }
  return FALSE;
}

/* Runs a peer and returns what it printed; fails the test on its errors. */
static char *
run_peer (const char * const *argv)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = -1;

  env = g_environ_setenv (env, "MARQUEE_PEERS_DIR", peers_dir, TRUE);
  env = g_environ_setenv (env, "PYTHONIOENCODING", "utf-8", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

static char *
write_temp (const char *text,
            const char *suffix)
{
  g_autofree char *name = g_strconcat ("marquee-XXXXXX", suffix, NULL);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (name, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static MqEvent *
screening (gint64      id,
           const char *zone,
           const char *starts,
           const char *ends)
{
  MqEvent *event = mq_event_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (starts, NULL);
  g_autoptr(GDateTime) end = ends != NULL ? g_date_time_new_from_iso8601 (ends, NULL) : NULL;
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 ("2026-05-04T10:00:00Z", NULL);
  g_autoptr(GString) long_notes = g_string_new (NULL);

  for (guint i = 0; i < 12; i++)
    g_string_append (long_notes, "Ünïcødé 🎬 tëxt, folded; ");

  _mq_event_set_id (event, id);
  _mq_event_set_created_at (event, created);
  mq_event_set_title (event, "Stalker; with Q&A, outdoors");
  mq_event_set_starts_at (event, start);
  mq_event_set_ends_at (event, end);
  mq_event_set_time_zone (event, zone);
  mq_event_set_venue (event, "Hof, Kulturhaus");
  mq_event_set_address (event, "Beispielstraße 1");
  mq_event_set_online_url (event, "https://example.org/stalker");
  mq_event_set_hashtag (event, "#SummerCinema");
  mq_event_set_description (event, "Bring a blanket.\nDoors at 21:00.");
  mq_event_set_film_title (event, "Stalker");
  mq_event_set_film_year (event, 1979);
  mq_event_set_content_notes (event, long_notes->str);
  return event;
}

static void
test_ics (void)
{
  g_autoptr(MqEvent) summer = screening (1, "Europe/Berlin", "2026-07-01T21:30:00+02:00", "2026-07-01T23:45:00+02:00");
  g_autoptr(MqEvent) winter = screening (2, "Europe/Berlin", "2027-01-15T19:00:00+01:00", "2027-01-15T21:00:00+01:00");
  g_autoptr(MqEvent) sydney = screening (3, "Australia/Sydney", "2026-04-05T01:30:00+11:00", NULL);
  g_autoptr(MqEvent) utc = screening (4, "UTC", "2026-03-29T01:30:00Z", NULL);
  MqEvent *events[] = { summer, winter, sydney, utc };
  g_autofree char *ics = mq_ics_write_events (events, G_N_ELEMENTS (events));
  g_autofree char *path = write_temp (ics, ".ics");
  g_autofree char *py_script = peer_script ("check-ics.py");
  g_autofree char *js_script = peer_script ("check-ics.mjs");
  g_autofree char *python = NULL;
  g_autofree char *node = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *expected = NULL;
  const char *rest;

  if (!have_python_module ("icalendar") || !have_npm_peers ())
    {
      g_unlink (path);
      return;
    }

  for (guint i = 0; i < 12; i++)
    g_string_append (notes, "Ünïcødé 🎬 tëxt, folded; ");
  rest = "|Hof, Kulturhaus, Beispielstraße 1|https://example.org/stalker|"
         "Bring a blanket.\\nDoors at 21:00.\\n\\nFilm: Stalker (1979)\\nContent notes: ";
  /* Sydney leaves daylight time at 03:00 on 5 April 2026: 01:30 is +11. */
  expected = g_strdup_printf ("event-1-20260504T100000Z@marquee.invalid|Stalker; with Q&A, outdoors|"
                              "2026-07-01T19:30:00Z|2026-07-01T21:45:00Z%s%s|SCREENING,SummerCinema\n"
                              "event-2-20260504T100000Z@marquee.invalid|Stalker; with Q&A, outdoors|"
                              "2027-01-15T18:00:00Z|2027-01-15T20:00:00Z%s%s|SCREENING,SummerCinema\n"
                              "event-3-20260504T100000Z@marquee.invalid|Stalker; with Q&A, outdoors|"
                              "2026-04-04T14:30:00Z|%s%s|SCREENING,SummerCinema\n"
                              "event-4-20260504T100000Z@marquee.invalid|Stalker; with Q&A, outdoors|"
                              "2026-03-29T01:30:00Z|%s%s|SCREENING,SummerCinema\n",
                              rest, notes->str, rest, notes->str, rest, notes->str, rest, notes->str);
  /* The notes end with "; " and the description is trimmed of newlines only. */

  {
    const char *argv[] = { PYTHON, py_script, path, NULL };

    python = run_peer (argv);
  }
  {
    const char *argv[] = { NODE, js_script, path, NULL };

    node = run_peer (argv);
  }
  g_unlink (path);

  g_assert_cmpstr (python, ==, expected);
  g_assert_cmpstr (node, ==, expected);
}

static void
test_vcard (void)
{
  g_autoptr(MqPerson) zoe = mq_person_new ();
  g_autoptr(MqPerson) long_name = mq_person_new ();
  const char *tags[] = { "film; noir", "volunteer", NULL };
  MqPerson *people[] = { zoe, long_name };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *script = peer_script ("check-vcard.py");
  g_autofree char *printed = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *expected = NULL;

  if (!have_python_module ("vobject"))
    return;

  mq_person_set_name (zoe, "Zoë Müller, Jr.");
  mq_person_set_email (zoe, "zoe@example.org");
  mq_person_set_phone (zoe, "+49 30 1234");
  mq_person_set_mastodon (zoe, "@zoe@films.example");
  mq_person_set_bluesky (zoe, "zoe.bsky.social");
  mq_person_set_organization (zoe, "Cine Club");
  mq_person_set_tags (zoe, tags);
  mq_person_set_consent_listed (zoe, TRUE);

  for (guint i = 0; i < 10; i++)
    g_string_append (name, "Åsa-Märta ");
  g_string_append (name, "Öberg");
  mq_person_set_name (long_name, name->str);
  mq_person_set_consent_listed (long_name, TRUE);

  g_assert_true (mq_vcard_write_to_stream (people, 2, out, NULL, NULL, &error));
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  path = write_temp (text, ".vcf");

  {
    const char *argv[] = { PYTHON, script, path, NULL };

    printed = run_peer (argv);
  }
  g_unlink (path);

  expected = g_strdup_printf ("Zoë Müller, Jr.|zoe@example.org|+49 30 1234|Cine Club|"
                              "acct:zoe@films.example,at://zoe.bsky.social|@zoe@films.example|zoe.bsky.social|"
                              "film; noir,volunteer\n"
                              "%s|||||||\n", name->str);
  g_assert_cmpstr (printed, ==, expected);
}

static void
test_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (":memory:", &error);
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (store);
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (store);
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (store);
  g_autoptr(MqEvent) event = screening (0, "Europe/Berlin", "2026-07-01T21:30:00+02:00", NULL);
  g_autofree char *script = peer_script ("check-csv.py");
  const char *names[] = { "Lee, \"Ada\"", "=1+2", "Multi\nLine", "Zoë; Müller" };
  const MqCsvWriteFlags dialects[] = { MQ_CSV_WRITE_NONE, MQ_CSV_WRITE_BOM | MQ_CSV_WRITE_SEMICOLON };
  gint64 event_id;

  if (!have_python_module ("csv"))
    return;

  g_assert_no_error (error);
  event_id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MqPerson) person = mq_person_new ();
      g_autoptr(MqRsvp) rsvp = NULL;
      gint64 id;

      mq_person_set_name (person, names[i]);
      id = mq_person_directory_add (directory, person, &error);
      g_assert_no_error (error);
      rsvp = mq_rsvp_ledger_set (ledger, event_id, id, MQ_RSVP_STATUS_GOING, 1, "manual", "test", NULL,
                                 MQ_RSVP_SET_NONE, &error);
      g_assert_no_error (error);
    }

  for (guint d = 0; d < G_N_ELEMENTS (dialects); d++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autofree char *text = NULL;
      g_autofree char *path = NULL;
      g_autofree char *printed = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *rows;
      const char *delimiter = (dialects[d] & MQ_CSV_WRITE_SEMICOLON) ? ";" : ",";

      g_assert_true (mq_attendee_export_write (store, event_id, MQ_ATTENDEE_PRESET_DOOR, dialects[d], out,
                                               NULL, &error));
      g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
      g_output_stream_close (out, NULL, NULL);
      text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
      path = write_temp (text, ".csv");

      {
        const char *argv[] = { PYTHON, script, path, delimiter, NULL };

        printed = run_peer (argv);
      }
      g_unlink (path);

      g_assert_true (json_parser_load_from_data (parser, printed, -1, &error));
      rows = json_node_get_array (json_parser_get_root (parser));
      g_assert_cmpuint (json_array_get_length (rows), ==, 5);
      g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 0), 0), ==, "Name");
      /* Sorted by name: the neutralised formula, the quotes, the line break. */
      g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 0), ==, "'=1+2");
      g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 2), 0), ==,
                       "Lee, \"Ada\"");
      g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 3), 0), ==,
                       "Multi\nLine");
      g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 4), 0), ==,
                       "Zoë; Müller");
      g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 4), 2), ==, "going");
      g_assert_cmpuint (json_array_get_length (json_array_get_array_element (rows, 4)), ==, 5);
    }
}

/* Every file of the corpus read as its JSON twin says. */
static void
test_csv_spectrum (void)
{
  g_autofree char *csvs = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint checked = 0;

  if (!have_npm_peers ())
    return;

  csvs = g_build_filename (peers_dir, "node_modules", "csv-spectrum", "csvs", NULL);
  dir = g_dir_open (csvs, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *csv_path = g_build_filename (csvs, name, NULL);
      g_autofree char *base = g_strndup (name, strlen (name) - strlen (".csv"));
      g_autofree char *json_name = g_strconcat (base, ".json", NULL);
      g_autofree char *json_path = g_build_filename (peers_dir, "node_modules", "csv-spectrum", "json",
                                                     json_name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (csv_path);
      g_autoptr(MqCsvReader) reader = mq_csv_reader_new_for_file (file, NULL, &error);
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char * const *header;
      const char * const *fields;
      JsonArray *expected;
      guint row = 0, n_fields = 0;

      g_assert_no_error (error);
      mq_csv_reader_set_delimiter (reader, ',');
      g_assert_true (mq_csv_reader_open (reader, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_file (parser, json_path, &error));

      /* location_coordinates.json is an object whose phone number is not
       * the one in its CSV: a slip of the corpus, not a case to check.
       */
      if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
        {
          g_test_message ("%s: its JSON twin is no list of rows, left out", name);
          continue;
        }
      expected = json_node_get_array (json_parser_get_root (parser));
      header = mq_csv_reader_get_header (reader);

      while ((fields = mq_csv_reader_next (reader, &n_fields, NULL, &error)))
        {
          JsonObject *object = json_array_get_object_element (expected, row++);

          g_test_message ("%s row %u", name, row);
          g_assert_cmpuint (n_fields, ==, json_object_get_size (object));
          for (guint c = 0; c < n_fields; c++)
            g_assert_cmpstr (fields[c], ==, json_object_get_string_member (object, header[c]));
        }
      g_assert_no_error (error);
      g_assert_cmpuint (row, ==, json_array_get_length (expected));
      checked++;
    }

  g_assert_cmpuint (checked, >=, 11);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before HOME is isolated per test. */
  peers_dir = g_strdup (g_getenv ("MARQUEE_PEERS_DIR"));
  if (peers_dir == NULL)
    peers_dir = g_build_filename (g_getenv ("HOME"), ".cache", "marquee-test-peers", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/interop/ics/icalendar-and-ical-js", test_ics);
  g_test_add_func ("/interop/vcard/vobject", test_vcard);
  g_test_add_func ("/interop/csv/python-csv", test_csv);
  g_test_add_func ("/interop/csv/csv-spectrum", test_csv_spectrum);

  status = g_test_run ();
  g_free (peers_dir);
  return status;
}
