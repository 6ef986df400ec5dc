/* test-person-list-model.c: the directory as a lazy list, and RSVP snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "marquee-core.h"
#include "mq-person-attendance.h"
#include "mq-person-list-model.h"
#include "mq-rsvp-snapshot.h"

typedef struct
{
  MqStore           *store;
  MqPersonDirectory *directory;
  guint              changes;   /* items-changed emissions */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 20, 18, 0, 0);
  g_autoptr(GError) error = NULL;

  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  mq_store_set_fixed_now (f->store, now);
  f->directory = mq_person_directory_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->directory);
  g_assert_finalize_object (f->store);
}

static gint64
add_person (Fixture    *f,
            const char *name,
            const char *email)
{
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  id = mq_person_directory_add (f->directory, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static const char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(MqPerson) person = g_list_model_get_item (model, position);
  static char buffer[64];

  g_assert_nonnull (person);
  g_strlcpy (buffer, mq_person_get_name (person), sizeof buffer);
  return buffer;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->changes++;
}

static void
test_pages_in_name_order (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(MqPersonListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  /* 250 people: three pages of 100, added out of name order. */
  for (int i = 249; i >= 0; i--)
    {
      g_autofree char *name = g_strdup_printf ("Person %03d", i);
      add_person (f, name, NULL);
    }

  model = mq_person_list_model_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 250);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == MQ_TYPE_PERSON);
  g_assert_cmpuint (mq_person_list_model_get_n_cached_pages (model), ==, 0);

  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 249), ==, "Person 249");
  g_assert_cmpuint (mq_person_list_model_get_n_cached_pages (model), ==, 1);
  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 0), ==, "Person 000");
  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 100), ==, "Person 100");
  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 199), ==, "Person 199");
  g_assert_cmpuint (mq_person_list_model_get_n_cached_pages (model), ==, 3);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 250));
}

/* Accents and case do not move a name: "Élodie" stands among the E's, as
 * door mode and the printed lists put her.
 */
static void
test_folded_name_order (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const expected[] = { "adam", "Elena Díaz", "Élodie Roux", "Ömer Kaya", "Zoë Ek" };
  g_autoptr(MqPersonListModel) model = NULL;

  add_person (f, "Zoë Ek", NULL);
  add_person (f, "Ömer Kaya", NULL);
  add_person (f, "Elena Díaz", NULL);
  add_person (f, "Élodie Roux", NULL);
  add_person (f, "adam", NULL);

  model = mq_person_list_model_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (name_at (G_LIST_MODEL (model), i), ==, expected[i]);
}

static void
test_search_and_changes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(MqPersonListModel) model = NULL;

  add_person (f, "Björn Ødegård", "bjorn@example.org");
  add_person (f, "Zoë Adler", NULL);
  add_person (f, "Ana García", "ana@example.org");

  model = mq_person_list_model_new (f->store);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  mq_person_list_model_set_query (model, "  bjorn ");
  g_assert_cmpstr (mq_person_list_model_get_query (model), ==, "bjorn");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 0), ==, "Björn Ødegård");
  g_assert_cmpuint (f->changes, ==, 1);

  /* The same query again changes nothing. */
  mq_person_list_model_set_query (model, "bjorn");
  g_assert_cmpuint (f->changes, ==, 1);

  mq_person_list_model_set_query (model, "zoe");
  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 0), ==, "Zoë Adler");

  /* An empty query is the whole directory, which follows new people. */
  mq_person_list_model_set_query (model, "");
  g_assert_null (mq_person_list_model_get_query (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  add_person (f, "Aaron Abebe", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_cmpstr (name_at (G_LIST_MODEL (model), 0), ==, "Aaron Abebe");
  g_assert_cmpuint (f->changes, ==, 4);
}

static gint64
add_event (Fixture *f,
           int      capacity)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (f->store);
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2026, 12, 1, 18, 30, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_event_set_title (event, "Stalker");
  mq_event_set_starts_at (event, starts);
  mq_event_set_time_zone (event, "Europe/Berlin");
  mq_event_set_capacity (event, capacity);
  id = mq_event_catalog_add (catalog, event, &error);
  g_assert_no_error (error);
  return id;
}

static char *
describe (Fixture *f,
          gint64   event_id)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (f->store);
  g_autoptr(GPtrArray) rsvps = mq_rsvp_ledger_list (ledger, event_id, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rsvps->len; i++)
    {
      MqRsvp *rsvp = g_ptr_array_index (rsvps, i);

      g_string_append_printf (text, "%s%s:%s:%d", i > 0 ? " " : "", mq_rsvp_get_name (rsvp),
                              mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)),
                              mq_rsvp_get_waitlist_position (rsvp));
    }

  return g_string_free (text, FALSE);
}

static void
set_rsvp (Fixture      *f,
          gint64        event_id,
          gint64        person_id,
          MqRsvpStatus  status,
          int           party)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;

  rsvp = mq_rsvp_ledger_set (ledger, event_id, person_id, status, party, "manual", "test", NULL,
                             MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);
}

static void
test_snapshot_restores_queue (Fixture       *f,
                              gconstpointer  data)
{
  gint64 event = add_event (f, 2);
  gint64 ada = add_person (f, "Ada", NULL);
  gint64 ben = add_person (f, "Ben", NULL);
  gint64 cy = add_person (f, "Cy", NULL);
  gint64 dee = add_person (f, "Dee", NULL);
  g_autoptr(MqRsvpSnapshot) snapshot = NULL;
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (f->store);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvp) ben_rsvp = NULL;
  char *state;

  set_rsvp (f, event, ada, MQ_RSVP_STATUS_GOING, 1);
  set_rsvp (f, event, ben, MQ_RSVP_STATUS_GOING, 1);
  set_rsvp (f, event, cy, MQ_RSVP_STATUS_GOING, 1);
  state = describe (f, event);
  g_assert_cmpstr (state, ==, "Ada:going:0 Ben:going:0 Cy:waitlisted:1");
  g_free (state);

  snapshot = mq_rsvp_snapshot_take (f->store, event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_rsvp_snapshot_get_event_id (snapshot), ==, event);

  /* Ben cancels (Cy moves up), then Dee joins the waitlist. */
  set_rsvp (f, event, ben, MQ_RSVP_STATUS_CANCELLED, 1);
  set_rsvp (f, event, dee, MQ_RSVP_STATUS_GOING, 1);
  state = describe (f, event);
  g_assert_cmpstr (state, ==, "Ada:going:0 Cy:going:0 Dee:waitlisted:1 Ben:cancelled:0");
  g_free (state);

  /* Back: Ben going, Cy first in line again, Dee gone. */
  g_assert_cmpint (mq_rsvp_snapshot_restore (snapshot, f->store, "organizer", "Undone", &error), ==, 3);
  g_assert_no_error (error);
  state = describe (f, event);
  g_assert_cmpstr (state, ==, "Ada:going:0 Ben:going:0 Cy:waitlisted:1");
  g_free (state);

  /* The history keeps both moves of Ben, the last one the undo. */
  ben_rsvp = mq_rsvp_ledger_find (ledger, event, ben, &error);
  g_assert_no_error (error);
  history = mq_rsvp_ledger_history (ledger, mq_rsvp_get_id (ben_rsvp), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (mq_rsvp_transition_get_from_status (g_ptr_array_index (history, 2)), ==, MQ_RSVP_STATUS_CANCELLED);
  g_assert_cmpint (mq_rsvp_transition_get_to_status (g_ptr_array_index (history, 2)), ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpstr (mq_rsvp_transition_get_reason (g_ptr_array_index (history, 2)), ==, "Undone");

  /* Restoring what already is changes nothing. */
  g_assert_cmpint (mq_rsvp_snapshot_restore (snapshot, f->store, "organizer", "Undone", &error), ==, 0);
}

static void
test_attendance (Fixture       *f,
                 gconstpointer  data)
{
  gint64 event = add_event (f, -1);
  gint64 ada = add_person (f, "Ada", NULL);
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (f->store);
  g_autoptr(MqCheckInLog) log = mq_check_in_log_new (f->store);
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(MqCheckIn) undo = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const MqAttendance *first;

  list = mq_person_attendance_list (f->store, ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  set_rsvp (f, event, ada, MQ_RSVP_STATUS_GOING, 2);
  rsvp = mq_rsvp_ledger_find (ledger, event, ada, &error);
  g_assert_cmpint (mq_check_in_log_admit (log, mq_rsvp_get_id (rsvp), 0, "Door", NULL, NULL, &error), ==,
                   MQ_ADMIT_ADMITTED);
  g_assert_no_error (error);

  list = mq_person_attendance_list (f->store, ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpint (first->event_id, ==, event);
  g_assert_cmpstr (first->title, ==, "Stalker");
  g_assert_cmpint (first->status, ==, MQ_RSVP_STATUS_GOING);
  g_assert_cmpint (first->party_size, ==, 2);
  g_assert_true (first->attended);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* An undone admit is no attendance. */
  undo = mq_check_in_log_undo (log, mq_rsvp_get_id (rsvp), "wrong person", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  list = mq_person_attendance_list (f->store, ada, &error);
  g_assert_no_error (error);
  g_assert_false (((const MqAttendance *) g_ptr_array_index (list, 0))->attended);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/person-list-model/pages-in-name-order", Fixture, NULL,
              fixture_setup, test_pages_in_name_order, fixture_teardown);
  g_test_add ("/core/person-list-model/folded-name-order", Fixture, NULL,
              fixture_setup, test_folded_name_order, fixture_teardown);
  g_test_add ("/core/person-list-model/search-and-changes", Fixture, NULL,
              fixture_setup, test_search_and_changes, fixture_teardown);
  g_test_add ("/core/rsvp-snapshot/restores-queue", Fixture, NULL,
              fixture_setup, test_snapshot_restores_queue, fixture_teardown);
  g_test_add ("/core/person-attendance/rsvps-and-admits", Fixture, NULL,
              fixture_setup, test_attendance, fixture_teardown);

  return g_test_run ();
}
