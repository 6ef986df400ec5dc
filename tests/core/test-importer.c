/* test-importer.c: platform exports into a fresh store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "marquee-core.h"
#include "mq-csv-reader.h"
#include "mq-import-mapping.h"
#include "mq-importer.h"
#include "mq-store-private.h"

typedef struct
{
  MqStore           *store;
  MqEventCatalog    *catalog;
  MqPersonDirectory *directory;
  MqRsvpLedger      *ledger;
  MqCheckInLog      *log;
  gint64             event_id;
} Fixture;

static gint64
add_event (Fixture *f,
           int      capacity)
{
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-12-01T19:30:00+01:00", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, "Stalker");
  mq_event_set_starts_at (event, start);
  mq_event_set_time_zone (event, "Europe/Berlin");
  mq_event_set_capacity (event, capacity);
  id = mq_event_catalog_add (f->catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T12:00:00Z", NULL);

  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  mq_store_set_fixed_now (f->store, now);
  f->catalog = mq_event_catalog_new (f->store);
  f->directory = mq_person_directory_new (f->store);
  f->ledger = mq_rsvp_ledger_new (f->store);
  f->log = mq_check_in_log_new (f->store);
  f->event_id = add_event (f, -1);
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

static MqImportReport *
import_reader (Fixture           *f,
               MqCsvReader       *reader,
               MqImportPlatform   platform,
               MqImportFlags      flags,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(MqImportMapping) mapping = NULL;

  if (!mq_csv_reader_open (reader, NULL, error))
    return NULL;

  mapping = mq_import_mapping_new (platform, mq_csv_reader_get_header (reader));
  return mq_import_run (f->store, reader, mapping, f->event_id, flags, NULL, NULL, cancellable, error);
}

static MqImportReport *
import_fixture (Fixture          *f,
                const char       *name,
                MqImportPlatform  platform,
                MqImportFlags     flags)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = mq_csv_reader_new_for_file (file, NULL, &error);
  MqImportReport *report;

  g_assert_no_error (error);
  report = import_reader (f, reader, platform, flags, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "Name|status|party|source|in" per RSVP, by name, one per line. */
static char *
rsvps_text (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rsvps = mq_rsvp_ledger_list (f->ledger, f->event_id, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rsvps->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (rsvps, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%d|%s|%d", mq_rsvp_get_name (rsvp),
                                               mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)),
                                               mq_rsvp_get_party_size (rsvp), mq_rsvp_get_source (rsvp),
                                               mq_rsvp_get_checked_in_people (rsvp)));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, i));

  return g_string_free (text, FALSE);
}

static char *
skipped_text (MqImportReport *report)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < report->skipped->len; i++)
    {
      MqImportSkip *skip = g_ptr_array_index (report->skipped, i);

      g_string_append_printf (text, "%u: %s\n", skip->line, skip->reason);
    }
  return g_string_free (text, FALSE);
}

static void
assert_counts (MqImportReport *report,
               guint           rows,
               guint           created,
               guint           matched,
               guint           rsvps_created,
               guint           rsvps_updated)
{
  g_assert_cmpuint (report->rows, ==, rows);
  g_assert_cmpuint (report->people_created, ==, created);
  g_assert_cmpuint (report->people_matched, ==, matched);
  g_assert_cmpuint (report->rsvps_created, ==, rsvps_created);
  g_assert_cmpuint (report->rsvps_updated, ==, rsvps_updated);
}

static void
assert_rsvps (Fixture    *f,
              const char *expected)
{
  g_autofree char *text = rsvps_text (f);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_meetup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(MqImportReport) report = import_fixture (f, "meetup.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rsvps = NULL;

  assert_counts (report, 4, 4, 0, 4, 0);
  g_assert_cmpuint (report->skipped->len, ==, 0);
  assert_rsvps (f,
                "Ana Lima|waitlisted|1|import:meetup|0\n"
                "Ravi Shankar|going|1|import:meetup|0\n"
                "Tom Berg|declined|1|import:meetup|0\n"
                "Zoë Müller|going|2|import:meetup|0\n");

  /* The platform's RSVP time is kept. */
  rsvps = mq_rsvp_ledger_list (f->ledger, f->event_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rsvps->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (rsvps, i);

      if (g_str_equal (mq_rsvp_get_name (rsvp), "Zoë Müller"))
        {
          g_autofree char *created = g_date_time_format_iso8601 (mq_rsvp_get_created_at (rsvp));

          g_assert_cmpstr (created, ==, "2026-11-02T18:04:05Z");
        }
    }
}

static void
test_eventbrite (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(MqImportReport) report = import_fixture (f, "eventbrite.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqPerson) jose = NULL;

  assert_counts (report, 4, 4, 0, 4, 0);
  g_assert_cmpuint (report->check_ins, ==, 1);
  assert_rsvps (f,
                "José Ñúñez|going|1|import:eventbrite|0\n"
                "Lars Ek|declined|1|import:eventbrite|0\n"
                "Mia Schröder|going|1|import:eventbrite|1\n"
                "Olu Ade|cancelled|1|import:eventbrite|0\n");

  jose = mq_person_directory_find_by_email (f->directory, " jose@EXAMPLE.org ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (jose);
  g_assert_cmpstr (mq_person_get_name (jose), ==, "José Ñúñez");
  g_assert_cmpstr (mq_person_get_phone (jose), ==, "+34 600 111 222");
  g_assert_cmpstr (mq_person_get_organization (jose), ==, "Cine Club");
}

static void
test_luma (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(MqImportReport) report = import_fixture (f, "luma.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
  g_autofree char *skipped = skipped_text (report);

  assert_counts (report, 5, 4, 0, 4, 0);
  g_assert_cmpuint (report->check_ins, ==, 1);
  g_assert_cmpstr (skipped, ==, "6: status “invited” is no answer to the event\n");
  assert_rsvps (f,
                "Chen, Wei|going|1|import:luma|1\n"
                "Jon Doe|declined|1|import:luma|0\n"
                "Priya Nair|maybe|1|import:luma|0\n"
                "Sam O'Neil|waitlisted|1|import:luma|0\n");
}

static void
test_pretix (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(MqImportReport) report = import_fixture (f, "pretix.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);

  assert_counts (report, 3, 3, 0, 3, 0);
  g_assert_cmpuint (report->check_ins, ==, 1);
  assert_rsvps (f,
                "Kai Weber|going|1|import:pretix|0\n"
                "Nguyen; Linh|going|1|import:pretix|0\n"
                "Élodie Martin|going|1|import:pretix|1\n");
}

static void
test_windows_1252 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MqImportReport) report = import_fixture (f, "generic-cp1252.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqPerson) zoe = NULL;

  assert_counts (report, 3, 3, 0, 3, 0);
  assert_rsvps (f,
                "François Œuvre|maybe|1|import:generic|0\n"
                "Søren “Quote” Ås|declined|1|import:generic|0\n"
                "Zoë Müller|going|3|import:generic|0\n");

  zoe = mq_person_directory_find_by_handle (f->directory, "@zoe@films.example", &error);
  g_assert_no_error (error);
  g_assert_nonnull (zoe);
  g_assert_cmpstr (mq_person_get_email (zoe), ==, "zoe@example.org");
}

static void
test_utf16 (Fixture       *f,
            gconstpointer  data)
{
  const char *expected = "Zoë Müller|going|1|import:generic|0\n"
                         "Łukasz Żółw|waitlisted|1|import:generic|0\n"
                         "山田 花子|going|1|import:generic|0\n";

  {
    g_autoptr(MqImportReport) report = import_fixture (f, "generic-utf16le.csv", MQ_IMPORT_PLATFORM_AUTO,
                                                       MQ_IMPORT_NONE);

    assert_counts (report, 3, 3, 0, 3, 0);
    assert_rsvps (f, expected);
  }
  {
    /* The same people in the other byte order: all matched, nothing new. */
    g_autoptr(MqImportReport) report = import_fixture (f, "generic-utf16be.csv", MQ_IMPORT_PLATFORM_AUTO,
                                                       MQ_IMPORT_NONE);

    assert_counts (report, 3, 0, 3, 0, 0);
    assert_rsvps (f, expected);
  }
}

static void
test_generic_rows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MqImportReport) report = import_fixture (f, "generic-rows.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
  g_autofree char *skipped = skipped_text (report);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqPerson) ada = NULL;

  /* The all-empty last row is no row. Di's address is Ada's, written
   * differently: the same person, so the second row is skipped.
   */
  assert_counts (report, 5, 1, 0, 1, 0);
  g_assert_cmpstr (skipped, ==,
                   "3: no name\n"
                   "4: unknown status “teleported”; map it to going, maybe, waitlisted, declined or cancelled\n"
                   "5: party size “many” is not a number from 1 to 100\n"
                   "6: the same person as line 2\n");
  assert_rsvps (f, "Ada Lovelace|going|2|import:generic|0\n");

  ada = mq_person_directory_find_by_handle (f->directory, "ada.example.org", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ada);
  g_assert_cmpstr (mq_person_get_name (ada), ==, "Ada Lovelace");
}

static gint64
add_person (Fixture    *f,
            const char *name,
            const char *email,
            const char *mastodon)
{
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  mq_person_set_mastodon (person, mastodon);
  id = mq_person_directory_add (f->directory, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_match_email_then_handle (Fixture       *f,
                              gconstpointer  data)
{
  gint64 zoe = add_person (f, "Zoe M.", NULL, "@zoe@films.example");
  gint64 francois = add_person (f, "F. Œuvre", "FRANCOIS@example.org", NULL);
  g_autoptr(MqImportReport) report = import_fixture (f, "generic-cp1252.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqPerson) person = NULL;

  assert_counts (report, 3, 1, 2, 3, 0);
  g_assert_cmpuint (report->possible_duplicates->len, ==, 0);
  assert_rsvps (f,
                "F. Œuvre|maybe|1|import:generic|0\n"
                "Søren “Quote” Ås|declined|1|import:generic|0\n"
                "Zoe M.|going|3|import:generic|0\n");

  /* Matched by handle: the directory keeps her name, learns her email. */
  person = mq_person_directory_get (f->directory, zoe, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mq_person_get_name (person), ==, "Zoe M.");
  g_assert_cmpstr (mq_person_get_email (person), ==, "zoe@example.org");
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 3);
  (void) francois;
}

static void
test_same_name_is_review (Fixture       *f,
                          gconstpointer  data)
{
  gint64 ana = add_person (f, "ana lima", "ana@old.example", NULL);
  g_autoptr(MqImportReport) report = import_fixture (f, "generic-cr.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
  MqImportDuplicate *duplicate;

  /* Never matched by name: a new person, and a pair to review. */
  assert_counts (report, 2, 2, 0, 2, 0);
  g_assert_cmpuint (report->possible_duplicates->len, ==, 1);
  duplicate = g_ptr_array_index (report->possible_duplicates, 0);
  g_assert_cmpuint (duplicate->line, ==, 3);
  g_assert_cmpstr (duplicate->name, ==, "Ana Lima");
  /* The row's own email, so a reviewer can tell the two apart. */
  g_assert_cmpstr (duplicate->email, ==, "ana@example.org");
  g_assert_cmpint (duplicate->existing_id, ==, ana);
  g_assert_cmpint (duplicate->person_id, !=, ana);
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 3);
}

static void
test_same_name_without_email (Fixture       *f,
                              gconstpointer  data)
{
  gint64 ana = add_person (f, "Ana Lima", "ana@old.example", NULL);
  g_autoptr(MqImportReport) report = import_fixture (f, "meetup.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_DRY_RUN);
  MqImportDuplicate *duplicate;

  g_assert_cmpuint (report->possible_duplicates->len, ==, 1);
  duplicate = g_ptr_array_index (report->possible_duplicates, 0);
  g_assert_cmpuint (duplicate->line, ==, 4);
  g_assert_cmpstr (duplicate->name, ==, "Ana Lima");
  /* Meetup exports no emails: nothing is made up for the row. */
  g_assert_null (duplicate->email);
  g_assert_cmpint (duplicate->existing_id, ==, ana);
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 1);
}

static guint
history_lines (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rsvps = mq_rsvp_ledger_list (f->ledger, f->event_id, &error);
  guint count = 0;

  for (guint i = 0; i < rsvps->len; i++)
    {
      g_autoptr(GPtrArray) history = mq_rsvp_ledger_history (f->ledger, mq_rsvp_get_id (g_ptr_array_index (rsvps, i)),
                                                             &error);

      g_assert_no_error (error);
      count += history->len;
    }
  return count;
}

/* Names of the people @query finds in the directory, sorted, "|"-joined. */
static char *
search_names (Fixture    *f,
              const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = mq_person_directory_search (f->directory, query, 50, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    g_ptr_array_add (names, (gpointer) mq_person_get_name (g_ptr_array_index (people, i)));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

/* The import indexes its new people once at the end; the index must be
 * whole afterwards, and people added later indexed as before.
 */
static void
test_search_index (Fixture       *f,
                   gconstpointer  data)
{
  gint64 ana = add_person (f, "Ana Lima", "ana@old.example", NULL);
  g_autofree char *found = NULL;

  {
    g_autoptr(MqImportReport) report = import_fixture (f, "meetup.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);

    g_assert_cmpuint (report->people_created, >, 2);
  }

  found = search_names (f, "zoe mull");
  g_assert_cmpstr (found, ==, "Zoë Müller");
  g_clear_pointer (&found, g_free);
  found = search_names (f, "ana lim");
  g_assert_cmpstr (found, ==, "Ana Lima|Ana Lima");
  g_clear_pointer (&found, g_free);

  /* Someone added by hand after the import is found too. */
  add_person (f, "Björn Ekström", "bjorn@example.org", NULL);
  found = search_names (f, "bjorn");
  g_assert_cmpstr (found, ==, "Björn Ekström");
  g_clear_pointer (&found, g_free);

  /* And a person the import created can be renamed and still be found. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) people = mq_person_directory_search (f->directory, "ravi", 5, &error);
    MqPerson *ravi;

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, ==, 1);
    ravi = g_ptr_array_index (people, 0);
    mq_person_set_name (ravi, "Ravindra Shankar");
    g_assert_true (mq_person_directory_update (f->directory, ravi, &error));
    g_assert_no_error (error);
  }
  found = search_names (f, "ravindra");
  g_assert_cmpstr (found, ==, "Ravindra Shankar");
  g_assert_cmpint (ana, >, 0);
}

/* The import borrows a large page cache and gives back the one the
 * connection had, which the app's window sets smaller than SQLite's default.
 */
static void
test_cache_given_back (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqImportReport) report = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (mq_store_exec (f->store, "PRAGMA cache_size = -512", &error));
  report = import_fixture (f, "meetup.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);

  stmt = mq_store_prepare (f->store, "PRAGMA cache_size", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, -512);
  sqlite3_reset (stmt);
}

static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  const char *files[] = { "meetup.csv", "eventbrite.csv", "luma.csv", "pretix.csv", "generic-cp1252.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(MqImportReport) first = import_fixture (f, files[i], MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
      g_autoptr(MqImportReport) second = NULL;
      g_autofree char *before = rsvps_text (f);
      g_autofree char *after = NULL;
      guint people = mq_person_directory_count (f->directory);
      guint history = history_lines (f);

      second = import_fixture (f, files[i], MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
      after = rsvps_text (f);

      g_assert_cmpuint (second->rows, ==, first->rows);
      g_assert_cmpuint (second->people_created, ==, 0);
      g_assert_cmpuint (second->people_matched, ==, first->people_created + first->people_matched);
      g_assert_cmpuint (second->rsvps_created, ==, 0);
      g_assert_cmpuint (second->rsvps_updated, ==, 0);
      g_assert_cmpuint (second->check_ins, ==, 0);
      g_assert_cmpuint (mq_person_directory_count (f->directory), ==, people);
      g_assert_cmpuint (history_lines (f), ==, history);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_idempotent_over_capacity (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(MqImportReport) first = NULL;
  g_autoptr(MqImportReport) second = NULL;

  /* Three going seats asked (Zoë brings one) for two: Ravi waits. */
  f->event_id = add_event (f, 2);
  first = import_fixture (f, "meetup.csv", MQ_IMPORT_PLATFORM_MEETUP, MQ_IMPORT_NONE);
  assert_rsvps (f,
                "Ana Lima|waitlisted|1|import:meetup|0\n"
                "Ravi Shankar|waitlisted|1|import:meetup|0\n"
                "Tom Berg|declined|1|import:meetup|0\n"
                "Zoë Müller|going|2|import:meetup|0\n");

  second = import_fixture (f, "meetup.csv", MQ_IMPORT_PLATFORM_MEETUP, MQ_IMPORT_NONE);
  assert_counts (second, 4, 0, 4, 0, 0);
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(MqImportReport) dry = import_fixture (f, "luma.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_DRY_RUN);
  g_autoptr(MqImportReport) real = NULL;
  g_autofree char *dry_skipped = skipped_text (dry);
  g_autofree char *real_skipped = NULL;

  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 0);
  assert_rsvps (f, "");

  real = import_fixture (f, "luma.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
  real_skipped = skipped_text (real);
  assert_counts (dry, real->rows, real->people_created, real->people_matched, real->rsvps_created,
                 real->rsvps_updated);
  g_assert_cmpuint (dry->check_ins, ==, real->check_ins);
  g_assert_cmpstr (dry_skipped, ==, real_skipped);
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 4);
}

/* 3,000 good rows, then a broken quote: not one of them stays. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  GString *text = g_string_new ("Name,Email,Status\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(MqCsvReader) reader = NULL;
  g_autoptr(MqImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(MqImportReport) earlier = import_fixture (f, "meetup.csv", MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE);
  }
  before = rsvps_text (f);

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "Person %u,p%u@example.org,going\n", i, i);
  g_string_append (text, "\"Broken,broken@example.org,going\n");
  bytes = g_string_free_to_bytes (text);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  reader = mq_csv_reader_new (stream);

  report = import_reader (f, reader, MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Line 3002: a quoted field starts here and is never closed; a “\"” is missing");

  after = rsvps_text (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 4);

  /* The rolled-back import left the search index working. */
  add_person (f, "Person 17", "late@example.org", NULL);
  {
    g_autoptr(GError) search_error = NULL;
    g_autoptr(GPtrArray) people = mq_person_directory_search (f->directory, "person 17", 5, &search_error);

    g_assert_no_error (search_error);
    g_assert_cmpuint (people->len, ==, 1);
  }
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "luma.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = mq_csv_reader_new_for_file (file, NULL, &error);
  g_autoptr(MqImportReport) report = NULL;

  g_cancellable_cancel (cancellable);
  report = import_reader (f, reader, MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (mq_person_directory_count (f->directory), ==, 0);
}

static void
test_unknown_event (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "luma.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = mq_csv_reader_new_for_file (file, NULL, &error);
  g_autoptr(MqImportReport) report = NULL;

  f->event_id = 99;
  report = import_reader (f, reader, MQ_IMPORT_PLATFORM_AUTO, MQ_IMPORT_NONE, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

/* An import gives the write-ahead log's space back: nothing of it is left. */
static void
test_log_emptied (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "log.db", NULL);
  g_autofree char *log_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "luma.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (path, &error);
  g_autoptr(MqCsvReader) reader = NULL;
  g_autoptr(MqImportMapping) mapping = NULL;
  g_autoptr(MqImportReport) report = NULL;
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-12-01T19:30:00+01:00", NULL);
  GStatBuf before, after;
  gint64 event_id;

  g_assert_no_error (error);
  catalog = mq_event_catalog_new (store);
  mq_event_set_title (event, "Log");
  mq_event_set_starts_at (event, start);
  mq_event_set_time_zone (event, "Europe/Berlin");
  event_id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (log_path, &before), ==, 0);
  g_assert_cmpint (before.st_size, >, 0);

  reader = mq_csv_reader_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mq_csv_reader_open (reader, NULL, &error));
  mapping = mq_import_mapping_new (MQ_IMPORT_PLATFORM_AUTO, mq_csv_reader_get_header (reader));
  report = mq_import_run (store, reader, mapping, event_id, MQ_IMPORT_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rsvps_created, >, 0);

  g_assert_cmpint (g_stat (log_path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/core/importer/platform/meetup", test_meetup);
  ADD ("/core/importer/platform/eventbrite", test_eventbrite);
  ADD ("/core/importer/platform/luma", test_luma);
  ADD ("/core/importer/platform/pretix", test_pretix);
  ADD ("/core/importer/encoding/windows-1252", test_windows_1252);
  ADD ("/core/importer/encoding/utf16", test_utf16);
  ADD ("/core/importer/generic/rows-skipped-with-reasons", test_generic_rows);
  ADD ("/core/importer/match/email-then-handle", test_match_email_then_handle);
  ADD ("/core/importer/match/same-name-is-review", test_same_name_is_review);
  ADD ("/core/importer/match/same-name-without-email", test_same_name_without_email);
  ADD ("/core/importer/search-index/whole-after-import", test_search_index);
  ADD ("/core/importer/cache-given-back", test_cache_given_back);
  ADD ("/core/importer/idempotent/every-platform", test_idempotent);
  ADD ("/core/importer/idempotent/over-capacity", test_idempotent_over_capacity);
  ADD ("/core/importer/dry-run/same-report-nothing-written", test_dry_run);
  ADD ("/core/importer/all-or-nothing/late-failure", test_all_or_nothing);
  ADD ("/core/importer/cancelled", test_cancelled);
  ADD ("/core/importer/unknown-event", test_unknown_event);
#undef ADD
  g_test_add_func ("/core/importer/log-emptied", test_log_emptied);

  return g_test_run ();
}
