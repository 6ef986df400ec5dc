/* mq-store-rows.c: the “does this id exist” checks every service needs
 *
 * Kept in one place so every module answers an unknown id with the same
 * MQ_ERROR_NOT_FOUND message. Also the page cache a large job borrows and
 * the write-ahead log it leaves behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-store-private.h"

static gboolean
row_exists (MqStore     *store,
            const char  *sql,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  *exists = rc == SQLITE_ROW;
  return mq_store_propagate (store, rc, error);
}

gboolean
mq_store_require_event (MqStore  *store,
                        gint64    event_id,
                        GError  **error)
{
  gboolean exists;

  g_return_val_if_fail (MQ_IS_STORE (store), FALSE);

  if (!row_exists (store, "SELECT 1 FROM events WHERE id = ?1", event_id, &exists, error))
    return FALSE;
  if (!exists)
    g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                 _("There is no event %" PRId64 ": check the id with “event list”"),
                 event_id);

  return exists;
}

gboolean
mq_store_require_person (MqStore  *store,
                         gint64    person_id,
                         GError  **error)
{
  gboolean exists;

  g_return_val_if_fail (MQ_IS_STORE (store), FALSE);

  if (!row_exists (store, "SELECT 1 FROM people WHERE id = ?1", person_id, &exists, error))
    return FALSE;
  if (!exists)
    g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                 _("There is no person %" PRId64 ": check the id with “person list”"),
                 person_id);

  return exists;
}

gboolean
mq_store_enlarge_cache (MqStore  *store,
                        int       kib,
                        int      *previous,
                        GError  **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (kib > 0, FALSE);

  if (!(stmt = mq_store_prepare (store, "PRAGMA cache_size", error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  *previous = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -2000;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return mq_store_propagate (store, rc, error);

  /* A pragma takes no bound values; the number is ours, not input. */
  sql = g_strdup_printf ("PRAGMA cache_size = -%d", kib);
  return mq_store_exec (store, sql, error);
}

void
mq_store_restore_cache (MqStore *store,
                        int      previous)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", previous);

  mq_store_exec (store, sql, NULL);
}

/* After a large write (an import) the write-ahead log holds every page it
 * wrote, and SQLite keeps the file at that size (600 MB after a million
 * rows) and reads those pages from it until the next write. This copies the
 * log into the database and empties it. It never waits: with another
 * connection in the middle of a read, SQLite copies what it can now, and a
 * later write empties the log.
 */
void
mq_store_truncate_log (MqStore *self)
{
  sqlite3 *db;

  g_return_if_fail (MQ_IS_STORE (self));

  /* Inside a caller's transaction, the caller's commit is still to come. */
  if (mq_store_in_transaction (self))
    return;

  db = mq_store_get_db (self);
  sqlite3_busy_timeout (db, 0);
  sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  sqlite3_busy_timeout (db, MQ_STORE_BUSY_TIMEOUT_MS);
}
