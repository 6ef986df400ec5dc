/* mq-rsvp-ledger-rows.c: the rows the ledger reads and writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-rsvp-ledger"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-rsvp-ledger-private.h"
#include "mq-rsvp-private.h"
#include "mq-store-private.h"
#include "mq-ticket-code.h"

/* The odds of a collision among 31^10 codes are tiny; a few tries is plenty. */
#define TICKET_CODE_ATTEMPTS 8

gboolean
mq_rsvp_rows_load_event_rules (MqStore      *store,
                               gint64        event_id,
                               MqRsvpRules  *rules,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store,
                                 "SELECT capacity, waitlist_policy FROM events WHERE id = ?1",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      rules->capacity = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 0);
      rules->manual = g_strcmp0 (mq_column_text (stmt, 1), "manual") == 0;
      sqlite3_reset (stmt);
      return TRUE;
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return mq_store_propagate (store, rc, error);

  g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
               _("There is no event with id %" PRId64 "; pick an existing event"),
               event_id);
  return FALSE;
}

gboolean
mq_rsvp_rows_check_person_exists (MqStore  *store,
                                  gint64    person_id,
                                  GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store, "SELECT 1 FROM people WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return mq_store_propagate (store, rc, error);

  g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
               _("There is no person with id %" PRId64 "; pick someone from the directory"),
               person_id);
  return FALSE;
}

int
mq_rsvp_rows_count_seats_taken (MqStore  *store,
                                gint64    event_id,
                                gint64    except_rsvp_id,
                                GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;
  int taken;

  if (!(stmt = mq_store_prepare (store,
                                 "SELECT coalesce (sum (party_size), 0) FROM rsvps"
                                 " WHERE event_id = ?1 AND status = 'going' AND id <> ?2",
                                 error)))
    return -1;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, except_rsvp_id);
  rc = sqlite3_step (stmt);
  taken = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      mq_store_propagate (store, rc, error);
      return -1;
    }

  return taken;
}

gboolean
mq_rsvp_rows_load_row (MqStore    *store,
                       gint64      event_id,
                       gint64      person_id,
                       MqRsvpRow  *row,
                       gboolean   *found,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store,
                                 "SELECT id, status, party_size FROM rsvps"
                                 " WHERE event_id = ?1 AND person_id = ?2",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;

  if (*found)
    {
      row->id = sqlite3_column_int64 (stmt, 0);
      mq_rsvp_status_from_string (mq_column_text (stmt, 1), &row->status);
      row->party_size = sqlite3_column_int (stmt, 2);
    }

  sqlite3_reset (stmt);
  return mq_store_propagate (store, rc, error);
}

gboolean
mq_rsvp_rows_append_history (MqStore          *store,
                             gint64            rsvp_id,
                             const MqRsvpRow  *from,
                             MqRsvpStatus      to_status,
                             int               to_party,
                             const char       *at,
                             const char       *actor,
                             const char       *reason,
                             GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store,
                                 "INSERT INTO rsvp_history"
                                 " (rsvp_id, from_status, to_status, from_party, to_party, at, actor, reason)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  if (from != NULL)
    {
      sqlite3_bind_text (stmt, 2, mq_rsvp_status_to_string (from->status), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, from->party_size);
    }
  sqlite3_bind_text (stmt, 3, mq_rsvp_status_to_string (to_status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, to_party);
  sqlite3_bind_text (stmt, 6, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, actor, -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 8, reason);

  return mq_store_step_done (store, stmt, error);
}

/* The end of the event's queue; 0 on error. */
static gint64
next_waitlist_seq (MqStore  *store,
                   gint64    event_id,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 seq = 0;
  int rc;

  if (!(stmt = mq_store_prepare (store,
                                 "SELECT coalesce (max (waitlist_seq), 0) + 1 FROM rsvps"
                                 " WHERE event_id = ?1 AND status = 'waitlisted'",
                                 error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    mq_store_propagate (store, rc, error);

  return seq;
}

/* Writes the new state of an existing RSVP. Joining the waitlist puts it at
 * the end of the queue; staying on it keeps its place; leaving it clears it.
 * An override reason belongs to a "going" RSVP only.
 */
gboolean
mq_rsvp_rows_update_row (MqStore          *store,
                         gint64            event_id,
                         const MqRsvpRow  *from,
                         MqRsvpStatus      to_status,
                         int               to_party,
                         const char       *override_reason,
                         const char       *now,
                         GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 seq = 0;

  if (to_status == MQ_RSVP_STATUS_WAITLISTED && from->status != MQ_RSVP_STATUS_WAITLISTED)
    {
      if (!(seq = next_waitlist_seq (store, event_id, error)))
        return FALSE;
    }

  if (!(stmt = mq_store_prepare (store,
                                 "UPDATE rsvps SET status = ?2, party_size = ?3,"
                                 " waitlist_seq = CASE WHEN ?2 <> 'waitlisted' THEN NULL"
                                 "                     WHEN ?4 > 0 THEN ?4 ELSE waitlist_seq END,"
                                 " waitlisted_at = CASE WHEN ?2 <> 'waitlisted' THEN NULL"
                                 "                      WHEN ?4 > 0 THEN ?5 ELSE waitlisted_at END,"
                                 " override_reason = CASE WHEN ?2 <> 'going' THEN NULL"
                                 "                        WHEN ?6 IS NOT NULL THEN ?6"
                                 "                        ELSE override_reason END,"
                                 " updated_at = ?5"
                                 " WHERE id = ?1",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from->id);
  sqlite3_bind_text (stmt, 2, mq_rsvp_status_to_string (to_status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, to_party);
  sqlite3_bind_int64 (stmt, 4, seq);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 6, override_reason);

  return mq_store_step_done (store, stmt, error);
}

/* Returns the new RSVP's id, 0 on error. */
gint64
mq_rsvp_rows_insert_row (MqStore       *store,
                         gint64         event_id,
                         gint64         person_id,
                         MqRsvpStatus   status,
                         int            party_size,
                         const char    *source,
                         const char    *override_reason,
                         const char    *now,
                         GError       **error)
{
  gint64 seq = 0;

  if (status == MQ_RSVP_STATUS_WAITLISTED)
    {
      if (!(seq = next_waitlist_seq (store, event_id, error)))
        return 0;
    }

  for (guint attempt = 0; attempt < TICKET_CODE_ATTEMPTS; attempt++)
    {
      g_autofree char *code = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (!(code = mq_ticket_code_generate (error)))
        return 0;

      if (!(stmt = mq_store_prepare (store,
                                     "INSERT INTO rsvps (event_id, person_id, status, party_size, source,"
                                     " ticket_code, waitlist_seq, waitlisted_at, override_reason,"
                                     " created_at, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                                     error)))
        return 0;

      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      sqlite3_bind_text (stmt, 3, mq_rsvp_status_to_string (status), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, party_size);
      sqlite3_bind_text (stmt, 5, source != NULL && *source != '\0' ? source : "manual", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, code, -1, SQLITE_TRANSIENT);
      if (seq > 0)
        {
          sqlite3_bind_int64 (stmt, 7, seq);
          sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
        }
      if (status == MQ_RSVP_STATUS_GOING)
        mq_bind_text_or_null (stmt, 9, override_reason);
      sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);

      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        return sqlite3_last_insert_rowid (mq_store_get_db (store));

      /* (event, person) was checked inside this transaction, so a UNIQUE
       * failure here can only be the ticket code: draw another one.
       */
      if (rc == SQLITE_CONSTRAINT_UNIQUE &&
          strstr (sqlite3_errmsg (mq_store_get_db (store)), "ticket_code") != NULL)
        continue;

      mq_store_propagate (store, rc, error);
      return 0;
    }

  g_set_error (error, MQ_ERROR, MQ_ERROR_CONSTRAINT,
               _("Could not find an unused ticket code; try again"));
  return 0;
}

MqRsvp *
mq_rsvp_rows_load_rsvp (MqStore  *store,
                        gint64    rsvp_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  MqRsvp *rsvp = NULL;
  int rc;

  if (!(stmt = mq_store_prepare (store, MQ_RSVP_SELECT "WHERE r.id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rsvp = mq_rsvp_new_from_statement (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return rsvp;
  if (rc != SQLITE_DONE)
    {
      mq_store_propagate (store, rc, error);
      return NULL;
    }

  g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
               _("There is no RSVP with id %" PRId64), rsvp_id);
  return NULL;
}
