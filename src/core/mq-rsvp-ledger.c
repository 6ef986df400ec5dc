/* mq-rsvp-ledger.c: RSVPs, capacity and the waitlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-rsvp-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-rsvp-ledger.h"
#include "mq-rsvp-private.h"
#include "mq-store-private.h"
#include "mq-ticket-code.h"

/* The odds of a collision among 31^10 codes are tiny; a few tries is plenty. */
#define TICKET_CODE_ATTEMPTS 8

/* Who promotes people off the waitlist, in the history. */
#define WAITLIST_ACTOR "waitlist"

struct _MqRsvpLedger
{
  GObject  parent_instance;

  MqStore *store;
};

G_DEFINE_FINAL_TYPE (MqRsvpLedger, mq_rsvp_ledger, G_TYPE_OBJECT)

typedef struct
{
  int      capacity;   /* -1: unlimited */
  gboolean manual;     /* the organizer promotes by hand */
} EventRules;

typedef struct
{
  gint64       id;
  MqRsvpStatus status;
  int          party_size;
} RsvpRow;

static void
mq_rsvp_ledger_finalize (GObject *object)
{
  MqRsvpLedger *self = (MqRsvpLedger *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_rsvp_ledger_parent_class)->finalize (object);
}

static void
mq_rsvp_ledger_class_init (MqRsvpLedgerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_rsvp_ledger_finalize;
}

static void
mq_rsvp_ledger_init (MqRsvpLedger *self)
{
}

MqRsvpLedger *
mq_rsvp_ledger_new (MqStore *store)
{
  MqRsvpLedger *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_RSVP_LEDGER, NULL);
  self->store = g_object_ref (store);

  return self;
}

static gboolean
load_event_rules (MqRsvpLedger  *self,
                  gint64         event_id,
                  EventRules    *rules,
                  GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (self->store,
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
    return mq_store_propagate (self->store, rc, error);

  g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
               _("There is no event with id %" G_GINT64_FORMAT "; pick an existing event"),
               event_id);
  return FALSE;
}

static gboolean
check_person_exists (MqRsvpLedger  *self,
                     gint64         person_id,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (self->store, "SELECT 1 FROM people WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return mq_store_propagate (self->store, rc, error);

  g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
               _("There is no person with id %" G_GINT64_FORMAT "; pick someone from the directory"),
               person_id);
  return FALSE;
}

/* Seats taken by "going" RSVPs other than @except_rsvp_id; -1 on error. */
static int
count_seats_taken (MqRsvpLedger  *self,
                   gint64         event_id,
                   gint64         except_rsvp_id,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;
  int taken;

  if (!(stmt = mq_store_prepare (self->store,
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
      mq_store_propagate (self->store, rc, error);
      return -1;
    }

  return taken;
}

/* Sets @found to FALSE when the person has no RSVP to the event yet. */
static gboolean
load_row (MqRsvpLedger  *self,
          gint64         event_id,
          gint64         person_id,
          RsvpRow       *row,
          gboolean      *found,
          GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (self->store,
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
  return mq_store_propagate (self->store, rc, error);
}

static gboolean
append_history (MqRsvpLedger  *self,
                gint64         rsvp_id,
                const RsvpRow *from,
                MqRsvpStatus   to_status,
                int            to_party,
                const char    *at,
                const char    *actor,
                const char    *reason,
                GError       **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (self->store,
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

  return mq_store_step_done (self->store, stmt, error);
}

/* The end of the event's queue; 0 on error. */
static gint64
next_waitlist_seq (MqRsvpLedger  *self,
                   gint64         event_id,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 seq = 0;
  int rc;

  if (!(stmt = mq_store_prepare (self->store,
                                 "SELECT coalesce (max (waitlist_seq), 0) + 1 FROM rsvps WHERE event_id = ?1",
                                 error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    mq_store_propagate (self->store, rc, error);

  return seq;
}

/* Writes the new state of an existing RSVP. Joining the waitlist puts it at
 * the end of the queue; staying on it keeps its place; leaving it clears it.
 * An override reason belongs to a "going" RSVP only.
 */
static gboolean
update_row (MqRsvpLedger  *self,
            gint64         event_id,
            const RsvpRow *from,
            MqRsvpStatus   to_status,
            int            to_party,
            const char    *override_reason,
            const char    *now,
            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 seq = 0;

  if (to_status == MQ_RSVP_STATUS_WAITLISTED && from->status != MQ_RSVP_STATUS_WAITLISTED)
    {
      if (!(seq = next_waitlist_seq (self, event_id, error)))
        return FALSE;
    }

  if (!(stmt = mq_store_prepare (self->store,
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

  return mq_store_step_done (self->store, stmt, error);
}

/* Returns the new RSVP's id, 0 on error. */
static gint64
insert_row (MqRsvpLedger  *self,
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
      if (!(seq = next_waitlist_seq (self, event_id, error)))
        return 0;
    }

  for (guint attempt = 0; attempt < TICKET_CODE_ATTEMPTS; attempt++)
    {
      g_autofree char *code = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (!(code = mq_ticket_code_generate (error)))
        return 0;

      if (!(stmt = mq_store_prepare (self->store,
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
        return sqlite3_last_insert_rowid (mq_store_get_db (self->store));

      /* (event, person) was checked inside this transaction, so a UNIQUE
       * failure here can only be the ticket code: draw another one.
       */
      if (rc == SQLITE_CONSTRAINT_UNIQUE &&
          strstr (sqlite3_errmsg (mq_store_get_db (self->store)), "ticket_code") != NULL)
        continue;

      mq_store_propagate (self->store, rc, error);
      return 0;
    }

  g_set_error (error, MQ_ERROR, MQ_ERROR_CONSTRAINT,
               _("Could not find an unused ticket code; try again"));
  return 0;
}

/* Promotes, in queue order, every waitlisted party that fits the seats
 * free now, skipping parties too big for them. Returns how many, -1 on error.
 */
static int
promote_waitlisted (MqRsvpLedger      *self,
                    gint64             event_id,
                    const EventRules  *rules,
                    const char        *cause,
                    const char        *now,
                    GError           **error)
{
  g_autoptr(GArray) queue = NULL;
  g_autofree char *reason = NULL;
  sqlite3_stmt *stmt;
  int free_seats = G_MAXINT;
  int promoted = 0;
  int rc;

  if (rules->manual)
    return 0;

  if (rules->capacity >= 0)
    {
      int taken = count_seats_taken (self, event_id, 0, error);

      if (taken < 0)
        return -1;
      free_seats = rules->capacity - taken;
    }

  if (free_seats <= 0)
    return 0;

  if (!(stmt = mq_store_prepare (self->store,
                                 "SELECT id, party_size FROM rsvps"
                                 " WHERE event_id = ?1 AND status = 'waitlisted'"
                                 " ORDER BY waitlist_seq, id",
                                 error)))
    return -1;

  /* Read the whole queue before writing: the statements are shared. */
  queue = g_array_new (FALSE, FALSE, sizeof (RsvpRow));
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RsvpRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .status = MQ_RSVP_STATUS_WAITLISTED,
        .party_size = sqlite3_column_int (stmt, 1),
      };

      g_array_append_val (queue, row);
    }
  sqlite3_reset (stmt);
  if (!mq_store_propagate (self->store, rc, error))
    return -1;

  if (cause != NULL && *cause != '\0')
    reason = g_strdup_printf ("seats freed by %s", cause);
  else
    reason = g_strdup ("seats freed");

  for (guint i = 0; i < queue->len && free_seats > 0; i++)
    {
      const RsvpRow *row = &g_array_index (queue, RsvpRow, i);

      if (row->party_size > free_seats)
        continue;

      if (!update_row (self, event_id, row, MQ_RSVP_STATUS_GOING, row->party_size, NULL, now, error) ||
          !append_history (self, row->id, row, MQ_RSVP_STATUS_GOING, row->party_size,
                           now, WAITLIST_ACTOR, reason, error))
        return -1;

      free_seats -= row->party_size;
      promoted++;
    }

  return promoted;
}

/* What a request becomes: "going" turns into "waitlisted" when the whole
 * party does not fit, unless an organizer overrides. A going party that
 * keeps or shrinks its size keeps its seats even when the event is over
 * capacity (after an override or a lowered capacity). Returns FALSE on error.
 */
static gboolean
resolve_status (MqRsvpLedger      *self,
                gint64             event_id,
                const EventRules  *rules,
                const RsvpRow     *existing,
                MqRsvpStatus       requested,
                int                party_size,
                MqRsvpSetFlags     flags,
                MqRsvpStatus      *resolved,
                GError           **error)
{
  int taken;

  *resolved = requested;

  if (requested != MQ_RSVP_STATUS_GOING ||
      (flags & MQ_RSVP_SET_OVERRIDE) != 0 ||
      rules->capacity < 0)
    return TRUE;

  if (existing != NULL &&
      existing->status == MQ_RSVP_STATUS_GOING &&
      party_size <= existing->party_size)
    return TRUE;

  taken = count_seats_taken (self, event_id, existing != NULL ? existing->id : 0, error);
  if (taken < 0)
    return FALSE;

  if (taken + party_size > rules->capacity)
    *resolved = MQ_RSVP_STATUS_WAITLISTED;

  return TRUE;
}

static MqRsvp *
load_rsvp (MqRsvpLedger  *self,
           gint64         rsvp_id,
           GError       **error)
{
  sqlite3_stmt *stmt;
  MqRsvp *rsvp = NULL;
  int rc;

  if (!(stmt = mq_store_prepare (self->store, MQ_RSVP_SELECT "WHERE r.id = ?1", error)))
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
      mq_store_propagate (self->store, rc, error);
      return NULL;
    }

  g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
               _("There is no RSVP with id %" G_GINT64_FORMAT), rsvp_id);
  return NULL;
}

MqRsvp *
mq_rsvp_ledger_set (MqRsvpLedger    *self,
                    gint64           event_id,
                    gint64           person_id,
                    MqRsvpStatus     status,
                    int              party_size,
                    const char      *source,
                    const char      *actor,
                    const char      *reason,
                    MqRsvpSetFlags   flags,
                    GError         **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autofree char *now = NULL;
  g_autofree char *override_reason = NULL;
  MqRsvp *rsvp;
  EventRules rules;
  RsvpRow existing;
  MqRsvpStatus resolved;
  gboolean found;
  gint64 rsvp_id;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), NULL);
  g_return_val_if_fail (mq_rsvp_status_to_string (status) != NULL, NULL);
  g_return_val_if_fail (actor != NULL && *actor != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (party_size < 1 || party_size > 100)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("A party has 1 to 100 people, not %d; change the number of guests"),
                   party_size);
      return NULL;
    }

  if ((flags & MQ_RSVP_SET_OVERRIDE) != 0)
    {
      override_reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
      if (*override_reason == '\0')
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("Say why this party may come over capacity: an override needs a reason"));
          return NULL;
        }
    }

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !load_event_rules (self, event_id, &rules, error) ||
      !check_person_exists (self, person_id, error) ||
      !load_row (self, event_id, person_id, &existing, &found, error) ||
      !resolve_status (self, event_id, &rules, found ? &existing : NULL,
                       status, party_size, flags, &resolved, error))
    return NULL;

  now = mq_store_now_iso (self->store);

  if (!found)
    {
      if (!(rsvp_id = insert_row (self, event_id, person_id, resolved, party_size,
                                  source, override_reason, now, error)) ||
          !append_history (self, rsvp_id, NULL, resolved, party_size, now, actor, reason, error))
        return NULL;
    }
  else if (existing.status == resolved && existing.party_size == party_size)
    {
      /* Nothing changed: nothing to log, and nobody to promote. */
      return load_rsvp (self, existing.id, error);
    }
  else
    {
      gboolean frees_seats = existing.status == MQ_RSVP_STATUS_GOING &&
                             (resolved != MQ_RSVP_STATUS_GOING || party_size < existing.party_size);

      rsvp_id = existing.id;
      if (!update_row (self, event_id, &existing, resolved, party_size, override_reason, now, error) ||
          !append_history (self, rsvp_id, &existing, resolved, party_size, now, actor, reason, error))
        return NULL;

      if (frees_seats && promote_waitlisted (self, event_id, &rules, actor, now, error) < 0)
        return NULL;
    }

  mq_store_notify_changed (self->store, "rsvps");

  if (!(rsvp = load_rsvp (self, rsvp_id, error)))
    return NULL;

  if (!mq_transaction_commit (&tx, error))
    {
      g_object_unref (rsvp);
      return NULL;
    }

  return rsvp;
}

int
mq_rsvp_ledger_promote (MqRsvpLedger  *self,
                        gint64         event_id,
                        const char    *actor,
                        GError       **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autofree char *now = NULL;
  EventRules rules;
  int promoted;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !load_event_rules (self, event_id, &rules, error))
    return -1;

  now = mq_store_now_iso (self->store);
  promoted = promote_waitlisted (self, event_id, &rules, actor, now, error);
  if (promoted < 0)
    return -1;

  if (promoted > 0)
    mq_store_notify_changed (self->store, "rsvps");

  if (!mq_transaction_commit (&tx, error))
    return -1;

  return promoted;
}

MqRsvp *
mq_rsvp_ledger_get (MqRsvpLedger  *self,
                    gint64         rsvp_id,
                    GError       **error)
{
  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_rsvp (self, rsvp_id, error);
}

/* Runs @stmt, already bound, expecting at most one RSVP row. */
static MqRsvp *
step_optional_rsvp (MqRsvpLedger  *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  MqRsvp *rsvp = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    rsvp = mq_rsvp_new_from_statement (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    mq_store_propagate (self->store, rc, error);

  return rsvp;
}

MqRsvp *
mq_rsvp_ledger_find (MqRsvpLedger  *self,
                     gint64         event_id,
                     gint64         person_id,
                     GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = mq_store_prepare (self->store,
                                 MQ_RSVP_SELECT "WHERE r.event_id = ?1 AND r.person_id = ?2",
                                 error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_id);

  return step_optional_rsvp (self, stmt, error);
}

MqRsvp *
mq_rsvp_ledger_find_by_code (MqRsvpLedger  *self,
                             gint64         event_id,
                             const char    *code,
                             GError       **error)
{
  g_autofree char *normalized = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* What a scanner or a hurried volunteer typed may be lower-case or dashed. */
  if (!(normalized = mq_ticket_code_normalize (code)))
    return NULL;

  if (!(stmt = mq_store_prepare (self->store,
                                 MQ_RSVP_SELECT "WHERE r.ticket_code = ?2 AND r.event_id = ?1",
                                 error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, normalized, -1, SQLITE_TRANSIENT);

  return step_optional_rsvp (self, stmt, error);
}

GPtrArray *
mq_rsvp_ledger_list (MqRsvpLedger  *self,
                     gint64         event_id,
                     GError       **error)
{
  g_autoptr(GPtrArray) rsvps = NULL;
  sqlite3_stmt *stmt;
  EventRules rules;
  int rc;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_event_rules (self, event_id, &rules, error))
    return NULL;

  /* search_text starts with the folded name: "Åsa" sorts with "Asa". */
  if (!(stmt = mq_store_prepare (self->store,
                                 MQ_RSVP_SELECT "WHERE r.event_id = ?1"
                                 " ORDER BY CASE r.status WHEN 'going' THEN 0 WHEN 'maybe' THEN 1"
                                 "  WHEN 'waitlisted' THEN 2 WHEN 'declined' THEN 3 ELSE 4 END,"
                                 " CASE WHEN r.status = 'waitlisted' THEN r.waitlist_seq END,"
                                 " p.search_text, p.name, r.id",
                                 error)))
    return NULL;

  rsvps = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rsvps, mq_rsvp_new_from_statement (stmt));
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  return g_steal_pointer (&rsvps);
}

GPtrArray *
mq_rsvp_ledger_history (MqRsvpLedger  *self,
                        gint64         rsvp_id,
                        GError       **error)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(rsvp = load_rsvp (self, rsvp_id, error)))
    return NULL;

  if (!(stmt = mq_store_prepare (self->store,
                                 MQ_RSVP_TRANSITION_SELECT "WHERE rsvp_id = ?1 ORDER BY id",
                                 error)))
    return NULL;

  history = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, rsvp_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (history, mq_rsvp_transition_new_from_statement (stmt));
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, error))
    return NULL;

  return g_steal_pointer (&history);
}

int
mq_rsvp_ledger_seats_taken (MqRsvpLedger  *self,
                            gint64         event_id,
                            GError       **error)
{
  EventRules rules;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!load_event_rules (self, event_id, &rules, error))
    return -1;

  return count_seats_taken (self, event_id, 0, error);
}
