/* mq-rsvp-snapshot.c: an event's RSVPs as they were, to put them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-rsvp-snapshot"

#include "config.h"

#include "mq-rsvp-snapshot.h"
#include "mq-store-private.h"

typedef struct
{
  gint64  id;
  char   *status;
  int     party_size;
  gint64  waitlist_seq;      /* 0: not waiting */
  char   *waitlisted_at;
  char   *override_reason;
} Row;

struct _MqRsvpSnapshot
{
  gint64  event_id;
  GArray *rows;              /* of Row */
};

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->status, g_free);
  g_clear_pointer (&row->waitlisted_at, g_free);
  g_clear_pointer (&row->override_reason, g_free);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (mq_column_text (stmt, column));
}

/* Reads the event's RSVPs into @rows. */
static gboolean
read_rows (MqStore  *store,
           gint64    event_id,
           GArray   *rows,
           GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store,
                                 "SELECT id, status, party_size, coalesce (waitlist_seq, 0),"
                                 " waitlisted_at, override_reason"
                                 " FROM rsvps WHERE event_id = ?1 ORDER BY id",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .status = dup_column (stmt, 1),
        .party_size = sqlite3_column_int (stmt, 2),
        .waitlist_seq = sqlite3_column_int64 (stmt, 3),
        .waitlisted_at = dup_column (stmt, 4),
        .override_reason = dup_column (stmt, 5),
      };
      g_array_append_val (rows, row);
    }

  sqlite3_reset (stmt);
  return mq_store_propagate (store, rc, error);
}

static GArray *
new_rows (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  return rows;
}

MqRsvpSnapshot *
mq_rsvp_snapshot_take (MqStore  *store,
                       gint64    event_id,
                       GError  **error)
{
  g_autoptr(GArray) rows = new_rows ();
  MqRsvpSnapshot *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (event_id > 0, NULL);

  if (!read_rows (store, event_id, rows, error))
    return NULL;

  self = g_new0 (MqRsvpSnapshot, 1);
  self->event_id = event_id;
  self->rows = g_steal_pointer (&rows);

  return self;
}

gint64
mq_rsvp_snapshot_get_event_id (MqRsvpSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->event_id;
}

static const Row *
find_row (GArray *rows,
          gint64  id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      if (row->id == id)
        return row;
    }

  return NULL;
}

static gboolean
delete_row (MqStore  *store,
            gint64    id,
            GError  **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store, "DELETE FROM rsvps WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return mq_store_step_done (store, stmt, error);
}

static gboolean
write_row (MqStore    *store,
           const Row  *now_row,
           const Row  *then_row,
           const char *now,
           const char *actor,
           const char *reason,
           GError    **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store,
                                 "UPDATE rsvps SET status = ?2, party_size = ?3,"
                                 " waitlist_seq = nullif (?4, 0), waitlisted_at = ?5,"
                                 " override_reason = ?6, updated_at = ?7"
                                 " WHERE id = ?1",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, then_row->id);
  sqlite3_bind_text (stmt, 2, then_row->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, then_row->party_size);
  sqlite3_bind_int64 (stmt, 4, then_row->waitlist_seq);
  mq_bind_text_or_null (stmt, 5, then_row->waitlisted_at);
  mq_bind_text_or_null (stmt, 6, then_row->override_reason);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (store, stmt, error))
    return FALSE;

  if (!(stmt = mq_store_prepare (store,
                                 "INSERT INTO rsvp_history (rsvp_id, from_status, to_status,"
                                 " from_party, to_party, at, actor, reason)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, then_row->id);
  sqlite3_bind_text (stmt, 2, now_row->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, then_row->status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, now_row->party_size);
  sqlite3_bind_int (stmt, 5, then_row->party_size);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, actor != NULL ? actor : "", -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 8, reason);

  return mq_store_step_done (store, stmt, error);
}

int
mq_rsvp_snapshot_restore (MqRsvpSnapshot  *self,
                          MqStore         *store,
                          const char      *actor,
                          const char      *reason,
                          GError         **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(GArray) current = new_rows ();
  g_autofree char *now = NULL;
  int changed = 0;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (MQ_IS_STORE (store), -1);

  if (!mq_transaction_begin (&tx, store, error))
    return -1;

  if (!read_rows (store, self->event_id, current, error))
    return -1;

  now = mq_store_now_iso (store);

  for (guint i = 0; i < current->len; i++)
    {
      const Row *now_row = &g_array_index (current, Row, i);
      const Row *then_row = find_row (self->rows, now_row->id);

      if (then_row == NULL)
        {
          if (!delete_row (store, now_row->id, error))
            return -1;
          changed++;
        }
      else if (g_strcmp0 (now_row->status, then_row->status) != 0 ||
               now_row->party_size != then_row->party_size ||
               now_row->waitlist_seq != then_row->waitlist_seq)
        {
          if (!write_row (store, now_row, then_row, now, actor, reason, error))
            return -1;
          changed++;
        }
    }

  if (changed > 0)
    mq_store_notify_changed (store, "rsvps");

  if (!mq_transaction_commit (&tx, error))
    return -1;

  return changed;
}

void
mq_rsvp_snapshot_free (MqRsvpSnapshot *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self);
}
