/* door-fixture.h: a small club in a fresh store, for the door's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "marquee-core.h"

typedef struct
{
  MqStore           *store;
  MqEventCatalog    *catalog;
  MqPersonDirectory *directory;
  MqRsvpLedger      *ledger;
  MqCheckInLog      *log;
} DoorFixture;

static inline void
door_fixture_setup (DoorFixture   *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->catalog = mq_event_catalog_new (f->store);
  f->directory = mq_person_directory_new (f->store);
  f->ledger = mq_rsvp_ledger_new (f->store);
  f->log = mq_check_in_log_new (f->store);
}

static inline void
door_fixture_teardown (DoorFixture   *f,
                       gconstpointer  data)
{
  g_clear_object (&f->log);
  g_clear_object (&f->ledger);
  g_clear_object (&f->directory);
  g_clear_object (&f->catalog);
  g_assert_finalize_object (f->store);
}

/* Sets the store's clock to an ISO 8601 UTC time. */
static inline void
door_fixture_set_now (DoorFixture *f,
                      const char  *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);
  mq_store_set_fixed_now (f->store, now);
}

/* @capacity -1: unlimited. */
static inline gint64
door_fixture_add_event (DoorFixture *f,
                        const char  *title,
                        const char  *starts_at,
                        int          capacity)
{
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (starts_at, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_nonnull (start);
  mq_event_set_title (event, title);
  mq_event_set_starts_at (event, start);
  mq_event_set_time_zone (event, "Europe/Berlin");
  mq_event_set_capacity (event, capacity);
  id = mq_event_catalog_add (f->catalog, event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static inline gint64
door_fixture_add_person_full (DoorFixture *f,
                              const char  *name,
                              const char  *email,
                              const char  *languages,
                              const char  *tag)
{
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  if (email != NULL)
    mq_person_set_email (person, email);
  if (languages != NULL)
    mq_person_set_languages (person, languages);
  if (tag != NULL)
    {
      const char * const tags[] = { tag, NULL };

      mq_person_set_tags (person, tags);
    }
  id = mq_person_directory_add (f->directory, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static inline gint64
door_fixture_add_person (DoorFixture *f,
                         const char  *name)
{
  return door_fixture_add_person_full (f, name, NULL, NULL, NULL);
}

static inline MqRsvp *
door_fixture_going (DoorFixture *f,
                    gint64       event_id,
                    gint64       person_id,
                    int          party_size)
{
  g_autoptr(GError) error = NULL;
  MqRsvp *rsvp;

  rsvp = mq_rsvp_ledger_set (f->ledger, event_id, person_id, MQ_RSVP_STATUS_GOING,
                             party_size, "manual", "test", NULL, MQ_RSVP_SET_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rsvp);

  return rsvp;
}

/* Going to @event_id and admitted at @at (ISO 8601 UTC). Returns the RSVP id. */
static inline gint64
door_fixture_attend (DoorFixture *f,
                     gint64       event_id,
                     gint64       person_id,
                     const char  *at)
{
  g_autoptr(MqRsvp) rsvp = door_fixture_going (f, event_id, person_id, 1);
  g_autoptr(MqCheckIn) record = NULL;
  g_autoptr(GError) error = NULL;
  MqAdmitOutcome outcome;

  door_fixture_set_now (f, at);
  outcome = mq_check_in_log_admit (f->log, mq_rsvp_get_id (rsvp), 0, "Door 1", NULL, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, MQ_ADMIT_ADMITTED);

  return mq_rsvp_get_id (rsvp);
}
