/* mq-store.c: one Marquee database file
 *
 * The store owns the SQLite connection, has the numbered migrations applied
 * (mq-store-migrations.c), keeps prepared statements for reuse, nests transactions with savepoints and maps
 * SQLite's result codes to MqError codes a caller can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-error.h"
#include "mq-search-text.h"
#include "mq-store-private.h"


struct _MqStore
{
  GObject     parent_instance;

  char       *path;
  char       *identity;      /* (owned) (nullable) read once, see schema 6 */
  sqlite3    *db;            /* (owned) */
  GHashTable *statements;    /* (owned) SQL text → (owned) sqlite3_stmt */
  GHashTable *by_address;    /* SQL text's address → sqlite3_stmt of "statements" */
  GDateTime  *fixed_now;     /* (nullable) (owned) for tests and demo data */
  GPtrArray  *pending;       /* (owned) what changed in the open transaction */
  guint       depth;         /* open transactions, the outer one counts 1 */
};

G_DEFINE_FINAL_TYPE (MqStore, mq_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return MQ_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return MQ_ERROR_BUSY;
    case SQLITE_CORRUPT:
      return MQ_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return MQ_ERROR_NOT_A_DATABASE;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return MQ_ERROR_IO;
    case SQLITE_FULL:
      return MQ_ERROR_FULL;
    default:
      return MQ_ERROR_FAILED;
    }
}

gboolean
mq_store_propagate (MqStore  *self,
                    int       rc,
                    GError  **error)
{
  const char *detail;

  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (error_code_for (rc))
    {
    case MQ_ERROR_BUSY:
      g_set_error (error, MQ_ERROR, MQ_ERROR_BUSY,
                   _("The database is in use by another program; try again (%s)"), detail);
      break;
    case MQ_ERROR_CORRUPT:
      g_set_error (error, MQ_ERROR, MQ_ERROR_CORRUPT,
                   _("The database file is damaged (%s)"), detail);
      break;
    case MQ_ERROR_NOT_A_DATABASE:
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Marquee database"), self->path);
      break;
    case MQ_ERROR_FULL:
      g_set_error (error, MQ_ERROR, MQ_ERROR_FULL,
                   _("The disk is full; free some space and try again"));
      break;
    case MQ_ERROR_IO:
      g_set_error (error, MQ_ERROR, MQ_ERROR_IO,
                   _("Could not read or write “%s” (%s)"), self->path, detail);
      break;
    default:
      g_set_error (error, MQ_ERROR, error_code_for (rc), "%s", detail);
      break;
    }

  return FALSE;
}

sqlite3 *
mq_store_get_db (MqStore *self)
{
  g_return_val_if_fail (MQ_IS_STORE (self), NULL);

  return self->db;
}

gboolean
mq_store_exec (MqStore     *self,
               const char  *sql,
               GError     **error)
{
  return mq_store_propagate (self, sqlite3_exec (self->db, sql, NULL, NULL, NULL), error);
}

/* SQL built at run time passes through many addresses: the table is
 * emptied now and then so that it stays as small as the literals need.
 */
static void
remember_address (MqStore      *self,
                  const char   *sql,
                  sqlite3_stmt *stmt)
{
  if (g_hash_table_size (self->by_address) >= 4096)
    g_hash_table_remove_all (self->by_address);
  g_hash_table_insert (self->by_address, (gpointer) sql, stmt);
}

/* Statements are prepared once per store and reset for each use, so hot paths
 * such as the door admit pay for parsing only the first time.
 */
sqlite3_stmt *
mq_store_prepare (MqStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_STORE (self), NULL);

  /* Most SQL is a string literal, asked for again at the same address: a
   * pointer lookup and a comparison are cheaper than hashing the text (a
   * large import asks for statements millions of times). The comparison
   * catches a freed string whose address now holds other SQL.
   */
  stmt = g_hash_table_lookup (self->by_address, sql);
  if (stmt == NULL || strcmp (sqlite3_sql (stmt), sql) != 0)
    {
      stmt = g_hash_table_lookup (self->statements, sql);
      if (stmt != NULL)
        remember_address (self, sql, stmt);
    }
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      mq_store_propagate (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  remember_address (self, sql, stmt);
  return stmt;
}

gboolean
mq_store_step_done (MqStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);
  gboolean ok = mq_store_propagate (self, rc, error);

  sqlite3_reset (stmt);
  return ok;
}

void
mq_bind_text_or_null (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
mq_column_text (sqlite3_stmt *stmt,
                int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* mq_fold_name (text): the name as the directory compares names. Schema 4
 * fills people.name_key with it; the core writes name_key itself after that.
 */
static void
fold_name_function (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  g_assert (argc == 1);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  folded = mq_search_text_fold_name (text);
  sqlite3_result_text (context, folded, -1, g_free);
}

static gboolean
configure (MqStore  *self,
           GError  **error)
{
  int rc;

  rc = sqlite3_create_function (self->db, "mq_fold_name", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                NULL, fold_name_function, NULL, NULL);
  if (rc != SQLITE_OK)
    return mq_store_propagate (self, rc, error);

  sqlite3_busy_timeout (self->db, MQ_STORE_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* An admitted guest must survive a power cut at the door, so every commit
   * is flushed to the disk; WAL keeps that cheap and lets readers work on.
   */
  if (!mq_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !mq_store_exec (self, "PRAGMA synchronous = FULL", error))
    return FALSE;

  /* Large sorts (an export of a big event in name order) may use a helper
   * thread per further core: SQLite's sorter then sorts and merges its runs
   * in parallel.
   */
  {
    g_autofree char *threads = g_strdup_printf ("PRAGMA threads = %u",
                                                MIN (g_get_num_processors (), 4u));

    if (!mq_store_exec (self, threads, error))
      return FALSE;
  }

  if (g_strcmp0 (self->path, ":memory:") != 0 &&
      !mq_store_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  return TRUE;
}

MqStore *
mq_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(MqStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MQ_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (g_strcmp0 (path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, MQ_ERROR, MQ_ERROR_IO,
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  /* A store belongs to one thread at a time (a worker opens its own), so
   * the connection needs no lock of its own: without one, each of the
   * millions of column reads of a large export is a plain function call.
   */
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE |
                        SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      mq_store_propagate (self, rc, error);
      return NULL;
    }

  if (!configure (self, error) || !mq_store_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
mq_store_get_path (MqStore *self)
{
  g_return_val_if_fail (MQ_IS_STORE (self), NULL);

  return self->path;
}

/**
 * mq_store_get_identity:
 *
 * A name no other database has (32 hex digits, chosen when the database was
 * made): what the keyring files this database's account secrets under.
 *
 * Returns: (transfer none): the identity, or %NULL if it cannot be read
 */
const char *
mq_store_get_identity (MqStore *self)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_STORE (self), NULL);

  if (self->identity != NULL)
    return self->identity;

  if (!(stmt = mq_store_prepare (self, "SELECT id FROM database_identity LIMIT 1", NULL)))
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->identity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return self->identity;
}

char *
mq_store_default_path (void)
{
  const char *env = g_getenv ("MARQUEE_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "marquee", "marquee.db", NULL);
}

gboolean
mq_store_in_transaction (MqStore *self)
{
  return self->depth > 0;
}

/* Transaction control runs once or twice per write: a cached statement
 * spares parsing it every time (a large import opens a million savepoints).
 */
static gboolean
run_cached (MqStore     *self,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = mq_store_prepare (self, sql, error);

  return stmt != NULL && mq_store_step_done (self, stmt, error);
}

gboolean
mq_store_begin (MqStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MQ_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock up front, so a transaction never fails
   * half-way because another connection started writing first.
   */
  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT mq_%u", self->depth);

  if (!run_cached (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

static void
emit_pending (MqStore *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < pending->len; i++)
    {
      const char *what = g_ptr_array_index (pending, i);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what);
    }
}

gboolean
mq_store_commit (MqStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MQ_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE mq_%u", self->depth - 1);

  if (!run_cached (self, sql, error))
    return FALSE;

  self->depth--;

  if (self->depth == 0)
    emit_pending (self);

  return TRUE;
}

void
mq_store_rollback (MqStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (MQ_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO mq_%u; RELEASE mq_%u", self->depth - 1, self->depth - 1);

  /* Statements left mid-step would keep the rollback from completing. */
  mq_store_exec (self, sql, NULL);
  self->depth--;

  if (self->depth == 0)
    g_ptr_array_set_size (self->pending, 0);
}

void
mq_store_notify_changed (MqStore    *self,
                         const char *what)
{
  g_return_if_fail (MQ_IS_STORE (self));
  g_return_if_fail (what != NULL);

  if (self->depth == 0)
    {
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what);
      return;
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->pending, i), what))
        return;
    }

  g_ptr_array_add (self->pending, g_strdup (what));
}

gboolean
mq_store_set_cache_size (MqStore  *self,
                         guint     kib,
                         GError  **error)
{
  g_autofree char *pragma = NULL;

  g_return_val_if_fail (MQ_IS_STORE (self), FALSE);
  g_return_val_if_fail (kib > 0, FALSE);

  /* A negative size counts kibibytes, not pages. */
  pragma = g_strdup_printf ("PRAGMA cache_size = -%u", kib);
  return mq_store_exec (self, pragma, error);
}

GDateTime *
mq_store_now (MqStore *self)
{
  g_return_val_if_fail (MQ_IS_STORE (self), NULL);

  if (self->fixed_now != NULL)
    return g_date_time_ref (self->fixed_now);

  return g_date_time_new_now_utc ();
}

void
mq_store_set_fixed_now (MqStore   *self,
                        GDateTime *now)
{
  g_return_if_fail (MQ_IS_STORE (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_to_utc (now);
}

char *
mq_store_now_iso (MqStore *self)
{
  g_autoptr(GDateTime) now = mq_store_now (self);

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
mq_transaction_begin (MqTransaction  *tx,
                      MqStore        *store,
                      GError        **error)
{
  tx->store = store;
  tx->open = mq_store_begin (store, error);
  return tx->open;
}

gboolean
mq_transaction_commit (MqTransaction  *tx,
                       GError        **error)
{
  g_return_val_if_fail (tx->open, FALSE);

  if (!mq_store_commit (tx->store, error))
    return FALSE;

  tx->open = FALSE;
  return TRUE;
}

void
mq_transaction_clear (MqTransaction *tx)
{
  if (tx->open)
    mq_store_rollback (tx->store);
  tx->open = FALSE;
}

static void
mq_store_finalize (GObject *object)
{
  MqStore *self = (MqStore *) object;

  g_clear_pointer (&self->by_address, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->identity, g_free);

  G_OBJECT_CLASS (mq_store_parent_class)->finalize (object);
}

static void
mq_store_class_init (MqStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_store_finalize;

  /**
   * MqStore::changed:
   * @what: the kind of data that changed: "events", "people", "rsvps", "check-ins", …
   *
   * Emitted after a transaction that changed @what has committed. The signal
   * is detailed by @what, so a page can connect to "changed::rsvps" alone.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
mq_store_init (MqStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->by_address = g_hash_table_new (NULL, NULL);
  self->pending = g_ptr_array_new_with_free_func (g_free);
}
