/* mq-store-private.h: what the core's modules use of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "mq-store.h"

G_BEGIN_DECLS

/* How long a write waits for another connection's write to end. */
#define MQ_STORE_BUSY_TIMEOUT_MS 5000

sqlite3      *mq_store_get_db        (MqStore       *self);
/* Brings the database to the latest schema (mq-store-migrations.c). */
gboolean      mq_store_migrate       (MqStore       *self,
                                      GError       **error);
sqlite3_stmt *mq_store_prepare       (MqStore       *self,
                                      const char    *sql,
                                      GError       **error);
gboolean      mq_store_exec          (MqStore       *self,
                                      const char    *sql,
                                      GError       **error);
gboolean      mq_store_step_done     (MqStore       *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
gboolean      mq_store_propagate     (MqStore       *self,
                                      int            rc,
                                      GError       **error);
char         *mq_store_now_iso       (MqStore       *self);
gboolean      mq_store_in_transaction (MqStore      *self);
void          mq_store_truncate_log   (MqStore      *self);
/* FALSE with MQ_ERROR_NOT_FOUND (one message everywhere) for an unknown id. */
/* A large job (an import, the demo season) gives the connection's page cache
 * @kib KiB and gives back what it had: the window's own connection may run
 * with a smaller cache than SQLite's default.
 */
gboolean      mq_store_enlarge_cache  (MqStore      *store,
                                       int           kib,
                                       int          *previous,
                                       GError      **error);
void          mq_store_restore_cache  (MqStore      *store,
                                       int           previous);
gboolean      mq_store_require_event  (MqStore      *store,
                                       gint64        event_id,
                                       GError      **error);
gboolean      mq_store_require_person (MqStore      *store,
                                       gint64        person_id,
                                       GError      **error);

/* Binding helpers: NULL or empty text binds SQL NULL. */
void          mq_bind_text_or_null   (sqlite3_stmt  *stmt,
                                      int            index,
                                      const char    *text);
const char   *mq_column_text         (sqlite3_stmt  *stmt,
                                      int            column);

/* Rolls back on scope exit unless mq_store_commit() was reached. */
typedef struct
{
  MqStore  *store;
  gboolean  open;
} MqTransaction;

gboolean      mq_transaction_begin   (MqTransaction *tx,
                                      MqStore       *store,
                                      GError       **error);
gboolean      mq_transaction_commit  (MqTransaction *tx,
                                      GError       **error);
void          mq_transaction_clear   (MqTransaction *tx);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MqTransaction, mq_transaction_clear)

G_END_DECLS
