/* mq-check-in-log.c: who came in through the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-check-in-log"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-check-in-log.h"
#include "mq-error.h"
#include "mq-rsvp-ledger.h"
#include "mq-rsvp-private.h"
#include "mq-store-private.h"

/* An admit is live until an undo names it. Undos sit beside their admit in
 * the (rsvp_id, id) index, so the check stays cheap on a big log.
 */
#define LIVE_ADMIT \
  "action = 'admit' AND NOT EXISTS (SELECT 1 FROM check_ins u" \
  " WHERE u.rsvp_id = check_ins.rsvp_id AND u.action = 'undo' AND u.undoes_id = check_ins.id)"

struct _MqCheckInLog
{
  GObject  parent_instance;

  MqStore *store;
};

G_DEFINE_FINAL_TYPE (MqCheckInLog, mq_check_in_log, G_TYPE_OBJECT)

typedef struct
{
  gint64       event_id;
  MqRsvpStatus status;
  int          party_size;
} RsvpState;

static void
mq_check_in_log_finalize (GObject *object)
{
  MqCheckInLog *self = (MqCheckInLog *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_check_in_log_parent_class)->finalize (object);
}

static void
mq_check_in_log_class_init (MqCheckInLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_check_in_log_finalize;
}

static void
mq_check_in_log_init (MqCheckInLog *self)
{
}

MqCheckInLog *
mq_check_in_log_new (MqStore *store)
{
  MqCheckInLog *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_CHECK_IN_LOG, NULL);
  self->store = g_object_ref (store);

  return self;
}

static gboolean
load_rsvp_state (MqCheckInLog  *self,
                 gint64         rsvp_id,
                 RsvpState     *state,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (self->store,
                                 "SELECT event_id, status, party_size FROM rsvps WHERE id = ?1",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->event_id = sqlite3_column_int64 (stmt, 0);
      mq_rsvp_status_from_string (mq_column_text (stmt, 1), &state->status);
      state->party_size = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return mq_store_propagate (self->store, rc, error);

  g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
               _("There is no RSVP with id %" PRId64 "; look the guest up again"),
               rsvp_id);
  return FALSE;
}

/* Admits minus undos; -1 on error. */
static int
count_people_in (MqCheckInLog  *self,
                 const char    *sql,
                 gint64         id,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  int people = -1;
  int rc;

  if (!(stmt = mq_store_prepare (self->store, sql, error)))
    return -1;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    people = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    mq_store_propagate (self->store, rc, error);

  return people;
}

static int
rsvp_people_in (MqCheckInLog  *self,
                gint64         rsvp_id,
                GError       **error)
{
  return count_people_in (self,
                          "SELECT coalesce (sum (CASE action WHEN 'admit' THEN people ELSE -people END), 0)"
                          " FROM check_ins WHERE rsvp_id = ?1",
                          rsvp_id, error);
}

/* Runs @stmt, bound, for at most one record; NULL without error when none. */
static MqCheckIn *
step_optional_record (MqCheckInLog  *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  MqCheckIn *record = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    record = mq_check_in_new_from_statement (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    mq_store_propagate (self->store, rc, error);

  return record;
}

static MqCheckIn *
load_record (MqCheckInLog  *self,
             gint64         id,
             GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (self->store, MQ_CHECK_IN_SELECT "WHERE id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return step_optional_record (self, stmt, error);
}

/* @latest: the newest live admit (what an undo takes back), else the first
 * (since when the party is in).
 */
static MqCheckIn *
find_live_admit (MqCheckInLog  *self,
                 gint64         rsvp_id,
                 gboolean       latest,
                 GError       **error)
{
  sqlite3_stmt *stmt;

  if (latest)
    stmt = mq_store_prepare (self->store,
                             MQ_CHECK_IN_SELECT "WHERE rsvp_id = ?1 AND " LIVE_ADMIT
                             " ORDER BY id DESC LIMIT 1",
                             error);
  else
    stmt = mq_store_prepare (self->store,
                             MQ_CHECK_IN_SELECT "WHERE rsvp_id = ?1 AND " LIVE_ADMIT
                             " ORDER BY id LIMIT 1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  return step_optional_record (self, stmt, error);
}

/* Returns the new record's id, 0 on error. */
static gint64
insert_record (MqCheckInLog     *self,
               const RsvpState  *state,
               gint64            rsvp_id,
               MqCheckInAction   action,
               int               people,
               gint64            undoes_id,
               const char       *station,
               const char       *volunteer,
               const char       *reason,
               GError          **error)
{
  g_autofree char *now = mq_store_now_iso (self->store);
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (self->store,
                                 "INSERT INTO check_ins"
                                 " (event_id, rsvp_id, action, people, undoes_id, at, station, volunteer, reason)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                 error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, state->event_id);
  sqlite3_bind_int64 (stmt, 2, rsvp_id);
  sqlite3_bind_text (stmt, 3, action == MQ_CHECK_IN_UNDO ? "undo" : "admit", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, people);
  if (undoes_id > 0)
    sqlite3_bind_int64 (stmt, 5, undoes_id);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, station != NULL ? station : "", -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 8, volunteer);
  mq_bind_text_or_null (stmt, 9, reason);

  if (!mq_store_step_done (self->store, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (mq_store_get_db (self->store));
}

/* @reason: (nullable): why an organizer let them in, kept on the admit */
static MqAdmitOutcome
admit (MqCheckInLog  *self,
       gint64         rsvp_id,
       int            people,
       const char    *station,
       const char    *volunteer,
       const char    *reason,
       MqCheckIn    **record,
       GError       **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(MqCheckIn) written = NULL;
  RsvpState state;
  int people_in;
  int remaining;
  gint64 id;

  if (people < 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Cannot admit %d people; give a positive number, or 0 for the whole party"),
                   people);
      return MQ_ADMIT_FAILED;
    }

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !load_rsvp_state (self, rsvp_id, &state, error))
    return MQ_ADMIT_FAILED;

  if (state.status != MQ_RSVP_STATUS_GOING)
    return MQ_ADMIT_NOT_ADMISSIBLE;

  if ((people_in = rsvp_people_in (self, rsvp_id, error)) < 0)
    return MQ_ADMIT_FAILED;

  remaining = state.party_size - people_in;
  if (remaining <= 0)
    {
      g_autoptr(MqCheckIn) first = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(first = find_live_admit (self, rsvp_id, FALSE, &local_error)) && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return MQ_ADMIT_FAILED;
        }

      if (record != NULL)
        *record = g_steal_pointer (&first);
      return MQ_ADMIT_ALREADY_IN;
    }

  if (people > remaining)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "Only %d person of this party is not in yet; admit fewer",
                                "Only %d people of this party are not in yet; admit fewer",
                                remaining),
                   remaining);
      return MQ_ADMIT_FAILED;
    }

  if (!(id = insert_record (self, &state, rsvp_id, MQ_CHECK_IN_ADMIT,
                            people > 0 ? people : remaining, 0,
                            station, volunteer, reason, error)) ||
      !(written = load_record (self, id, error)))
    return MQ_ADMIT_FAILED;

  mq_store_notify_changed (self->store, "check-ins");

  if (!mq_transaction_commit (&tx, error))
    return MQ_ADMIT_FAILED;

  if (record != NULL)
    *record = g_steal_pointer (&written);

  return MQ_ADMIT_ADMITTED;
}

MqAdmitOutcome
mq_check_in_log_admit (MqCheckInLog  *self,
                       gint64         rsvp_id,
                       int            people,
                       const char    *station,
                       const char    *volunteer,
                       MqCheckIn    **record,
                       GError       **error)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN_LOG (self), -1);
  g_return_val_if_fail (record == NULL || *record == NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return admit (self, rsvp_id, people, station, volunteer, NULL, record, error);
}

MqAdmitOutcome
mq_check_in_log_admit_override (MqCheckInLog  *self,
                                gint64         rsvp_id,
                                int            people,
                                const char    *station,
                                const char    *volunteer,
                                const char    *reason,
                                MqCheckIn    **record,
                                GError       **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(MqCheckIn) written = NULL;
  g_autofree char *why = NULL;
  RsvpState state;
  MqAdmitOutcome outcome;

  g_return_val_if_fail (MQ_IS_CHECK_IN_LOG (self), -1);
  g_return_val_if_fail (record == NULL || *record == NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*why == '\0')
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Say why they may come in anyway: an organizer's override needs a reason"));
      return MQ_ADMIT_FAILED;
    }

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !load_rsvp_state (self, rsvp_id, &state, error))
    return MQ_ADMIT_FAILED;

  if (state.status != MQ_RSVP_STATUS_GOING)
    {
      g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (self->store);
      g_autoptr(MqRsvp) before = NULL;
      g_autoptr(MqRsvp) after = NULL;
      const char *actor = volunteer != NULL && *volunteer != '\0' ? volunteer
                          : station != NULL && *station != '\0' ? station : "door";

      /* Going even over capacity: the organizer is standing at the door. */
      if (!(before = mq_rsvp_ledger_get (ledger, rsvp_id, error)) ||
          !(after = mq_rsvp_ledger_set (ledger, state.event_id, mq_rsvp_get_person_id (before),
                                        MQ_RSVP_STATUS_GOING, state.party_size, NULL, actor, why,
                                        MQ_RSVP_SET_OVERRIDE, error)))
        return MQ_ADMIT_FAILED;
    }

  outcome = admit (self, rsvp_id, people, station, volunteer, why, &written, error);
  if (outcome == MQ_ADMIT_FAILED)
    return MQ_ADMIT_FAILED;

  if (!mq_transaction_commit (&tx, error))
    return MQ_ADMIT_FAILED;

  if (record != NULL)
    *record = g_steal_pointer (&written);

  return outcome;
}

MqCheckIn *
mq_check_in_log_undo (MqCheckInLog  *self,
                      gint64         rsvp_id,
                      const char    *reason,
                      const char    *volunteer,
                      GError       **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(MqCheckIn) admit = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *why = NULL;
  MqCheckIn *undo;
  RsvpState state;
  gint64 id;

  g_return_val_if_fail (MQ_IS_CHECK_IN_LOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*why == '\0')
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Say why the admit is taken back: an undo needs a reason"));
      return NULL;
    }

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !load_rsvp_state (self, rsvp_id, &state, error))
    return NULL;

  if (!(admit = find_live_admit (self, rsvp_id, TRUE, &local_error)))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                     _("Nobody of this party is checked in, so there is nothing to undo"));
      return NULL;
    }

  if (!(id = insert_record (self, &state, rsvp_id, MQ_CHECK_IN_UNDO,
                            mq_check_in_get_people (admit), mq_check_in_get_id (admit),
                            mq_check_in_get_station (admit), volunteer, why, error)) ||
      !(undo = load_record (self, id, error)))
    return NULL;

  mq_store_notify_changed (self->store, "check-ins");

  if (!mq_transaction_commit (&tx, error))
    {
      g_object_unref (undo);
      return NULL;
    }

  return undo;
}

int
mq_check_in_log_people_in (MqCheckInLog  *self,
                           gint64         rsvp_id,
                           GError       **error)
{
  RsvpState state;

  g_return_val_if_fail (MQ_IS_CHECK_IN_LOG (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!load_rsvp_state (self, rsvp_id, &state, error))
    return -1;

  return rsvp_people_in (self, rsvp_id, error);
}

int
mq_check_in_log_event_people_in (MqCheckInLog  *self,
                                 gint64         event_id,
                                 GError       **error)
{
  g_return_val_if_fail (MQ_IS_CHECK_IN_LOG (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return count_people_in (self,
                          "SELECT coalesce (sum (CASE action WHEN 'admit' THEN people ELSE -people END), 0)"
                          " FROM check_ins WHERE event_id = ?1",
                          event_id, error);
}

GPtrArray *
mq_check_in_log_list (MqCheckInLog  *self,
                      gint64         event_id,
                      GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_CHECK_IN_LOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = mq_store_prepare (self->store,
                                 MQ_CHECK_IN_SELECT "WHERE event_id = ?1 ORDER BY id",
                                 error)))
    return NULL;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, mq_check_in_new_from_statement (stmt));
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  return g_steal_pointer (&records);
}
