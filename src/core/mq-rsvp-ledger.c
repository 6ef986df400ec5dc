/* mq-rsvp-ledger.c: RSVPs, capacity and the waitlist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-rsvp-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-rsvp-ledger.h"
#include "mq-rsvp-ledger-private.h"
#include "mq-rsvp-private.h"
#include "mq-store-private.h"
#include "mq-ticket-code.h"

/* Who promotes people off the waitlist, in the history. */
#define WAITLIST_ACTOR "waitlist"

struct _MqRsvpLedger
{
  GObject  parent_instance;

  MqStore *store;
};

G_DEFINE_FINAL_TYPE (MqRsvpLedger, mq_rsvp_ledger, G_TYPE_OBJECT)

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


/* Promotes, in queue order, every waitlisted party that fits the seats
 * free now, skipping parties too big for them. Returns how many, -1 on error.
 */
static int
promote_waitlisted (MqRsvpLedger       *self,
                    gint64              event_id,
                    const MqRsvpRules  *rules,
                    const char         *cause,
                    const char         *now,
                    GError            **error)
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
      int taken = mq_rsvp_rows_count_seats_taken (self->store, event_id, 0, error);

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
  queue = g_array_new (FALSE, FALSE, sizeof (MqRsvpRow));
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MqRsvpRow row = {
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
      const MqRsvpRow *row = &g_array_index (queue, MqRsvpRow, i);

      if (row->party_size > free_seats)
        continue;

      if (!mq_rsvp_rows_update_row (self->store, event_id, row, MQ_RSVP_STATUS_GOING, row->party_size,
                                    NULL, now, error) ||
          !mq_rsvp_rows_append_history (self->store, row->id, row, MQ_RSVP_STATUS_GOING, row->party_size,
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
resolve_status (MqRsvpLedger       *self,
                gint64              event_id,
                const MqRsvpRules  *rules,
                const MqRsvpRow    *existing,
                MqRsvpStatus        requested,
                int                 party_size,
                MqRsvpSetFlags      flags,
                MqRsvpStatus       *resolved,
                GError            **error)
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

  taken = mq_rsvp_rows_count_seats_taken (self->store, event_id, existing != NULL ? existing->id : 0, error);
  if (taken < 0)
    return FALSE;

  if (taken + party_size > rules->capacity)
    *resolved = MQ_RSVP_STATUS_WAITLISTED;

  return TRUE;
}

gboolean
mq_rsvp_ledger_set_row (MqRsvpLedger    *self,
                        gint64           event_id,
                        gint64           person_id,
                        MqRsvpStatus     status,
                        int              party_size,
                        const char      *source,
                        const char      *actor,
                        const char      *reason,
                        MqRsvpSetFlags   flags,
                        MqRsvpRow       *written,
                        GError         **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autofree char *now = NULL;
  g_autofree char *override_reason = NULL;
  MqRsvpRules rules;
  MqRsvpRow existing;
  MqRsvpStatus resolved;
  gboolean found;
  gint64 rsvp_id;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), FALSE);
  g_return_val_if_fail (mq_rsvp_status_to_string (status) != NULL, FALSE);
  g_return_val_if_fail (actor != NULL && *actor != '\0', FALSE);
  g_return_val_if_fail (written != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (party_size < 1 || party_size > 100)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("A party has 1 to 100 people, not %d; change the number of guests"),
                   party_size);
      return FALSE;
    }

  if ((flags & MQ_RSVP_SET_OVERRIDE) != 0)
    {
      override_reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));
      if (*override_reason == '\0')
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("Say why this party may come over capacity: an override needs a reason"));
          return FALSE;
        }
    }

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !mq_rsvp_rows_load_event_rules (self->store, event_id, &rules, error) ||
      !mq_rsvp_rows_check_person_exists (self->store, person_id, error) ||
      !mq_rsvp_rows_load_row (self->store, event_id, person_id, &existing, &found, error) ||
      !resolve_status (self, event_id, &rules, found ? &existing : NULL,
                       status, party_size, flags, &resolved, error))
    return FALSE;

  now = mq_store_now_iso (self->store);

  if (!found)
    {
      if (!(rsvp_id = mq_rsvp_rows_insert_row (self->store, event_id, person_id, resolved, party_size,
                                               source, override_reason, now, error)) ||
          !mq_rsvp_rows_append_history (self->store, rsvp_id, NULL, resolved, party_size,
                                        now, actor, reason, error))
        return FALSE;
    }
  else if (existing.status == resolved && existing.party_size == party_size)
    {
      /* Nothing changed: nothing to log, and nobody to promote. */
      *written = existing;
      return TRUE;
    }
  else
    {
      gboolean frees_seats = existing.status == MQ_RSVP_STATUS_GOING &&
                             (resolved != MQ_RSVP_STATUS_GOING || party_size < existing.party_size);

      rsvp_id = existing.id;
      if (!mq_rsvp_rows_update_row (self->store, event_id, &existing, resolved, party_size,
                                    override_reason, now, error) ||
          !mq_rsvp_rows_append_history (self->store, rsvp_id, &existing, resolved, party_size,
                                        now, actor, reason, error))
        return FALSE;

      if (frees_seats && promote_waitlisted (self, event_id, &rules, actor, now, error) < 0)
        return FALSE;
    }

  mq_store_notify_changed (self->store, "rsvps");

  if (!mq_transaction_commit (&tx, error))
    return FALSE;

  *written = (MqRsvpRow) { .id = rsvp_id, .status = resolved, .party_size = party_size };
  return TRUE;
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
  MqRsvpRow written;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), NULL);

  if (!mq_rsvp_ledger_set_row (self, event_id, person_id, status, party_size, source, actor, reason,
                               flags, &written, error))
    return NULL;

  return mq_rsvp_rows_load_rsvp (self->store, written.id, error);
}

int
mq_rsvp_ledger_promote (MqRsvpLedger  *self,
                        gint64         event_id,
                        const char    *actor,
                        GError       **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autofree char *now = NULL;
  MqRsvpRules rules;
  int promoted;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!mq_transaction_begin (&tx, self->store, error) ||
      !mq_rsvp_rows_load_event_rules (self->store, event_id, &rules, error))
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

  return mq_rsvp_rows_load_rsvp (self->store, rsvp_id, error);
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
  MqRsvpRules rules;
  int rc;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!mq_rsvp_rows_load_event_rules (self->store, event_id, &rules, error))
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

  if (!(rsvp = mq_rsvp_rows_load_rsvp (self->store, rsvp_id, error)))
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
  MqRsvpRules rules;

  g_return_val_if_fail (MQ_IS_RSVP_LEDGER (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!mq_rsvp_rows_load_event_rules (self->store, event_id, &rules, error))
    return -1;

  return mq_rsvp_rows_count_seats_taken (self->store, event_id, 0, error);
}
