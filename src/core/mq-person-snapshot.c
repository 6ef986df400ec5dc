/* mq-person-snapshot.c: people's records as they were, to put them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person-snapshot"

#include "config.h"

#include "mq-person-snapshot.h"
#include "mq-rsvp-snapshot.h"
#include "mq-store-private.h"

/* Rows are kept column by column as SQLite values, whatever the schema
 * holds at the time: a column added by a later migration is put back too.
 */
typedef enum
{
  RESTORE_BY_ID,       /* write each row back by its id, insert it if it is gone */
  RESTORE_UPDATE_ONLY, /* write the kept columns back, never insert */
  RESTORE_REPLACE,     /* delete what the scope holds now, insert the rows */
} RestoreMode;

typedef struct
{
  const char  *table;
  RestoreMode  mode;
  const char  *columns;  /* what is read: "*" or a list that includes "id" */
  const char  *scope;    /* WHERE clause over ?1 (the person, or kept) and ?2 (dropped) */
} TableSpec;

typedef struct
{
  const TableSpec *spec;
  GPtrArray       *names;  /* of char *, the columns read */
  GPtrArray       *rows;   /* of GPtrArray of sqlite3_value * */
} TableRows;

struct _MqPersonSnapshot
{
  gint64     ids[2];          /* the person (or the one kept), the one dropped or 0 */
  gboolean   added;           /* restoring removes ids[0] */
  gboolean   merge;
  gint64     last_merge;      /* person_merges rows after this one are the merge's */
  GPtrArray *tables;          /* of TableRows, in the order they are put back */
  GPtrArray *rsvp_snapshots;  /* of MqRsvpSnapshot, events both answered */
};

static const TableSpec person_tables[] = {
  { "people", RESTORE_BY_ID, "*", "id = ?1" },
  { "person_tags", RESTORE_REPLACE, "*", "person_id = ?1" },
};

/* The order matters: people exist again before anything refers to them, and
 * an RSVP that changed hands goes back before the one deleted returns, so
 * that no event has two RSVPs of one person on the way. The history and
 * check-ins are append-only: only the RSVP they belong to is written back.
 */
static const TableSpec merge_tables[] = {
  { "people", RESTORE_BY_ID, "*", "id IN (?1, ?2)" },
  { "person_tags", RESTORE_REPLACE, "*", "person_id IN (?1, ?2)" },
  { "rsvps", RESTORE_BY_ID, "*", "person_id IN (?1, ?2)" },
  { "rsvp_history", RESTORE_UPDATE_ONLY, "id, rsvp_id",
    "rsvp_id IN (SELECT id FROM rsvps WHERE person_id IN (?1, ?2))" },
  { "check_ins", RESTORE_UPDATE_ONLY, "id, rsvp_id",
    "rsvp_id IN (SELECT id FROM rsvps WHERE person_id IN (?1, ?2))" },
  { "volunteers", RESTORE_REPLACE, "*", "person_id IN (?1, ?2)" },
  { "greeter_assignments", RESTORE_BY_ID, "*", "newcomer_id IN (?1, ?2) OR greeter_id IN (?1, ?2)" },
  { "introductions", RESTORE_BY_ID, "*",
    "person_a IN (?1, ?2) OR person_b IN (?1, ?2) OR by_person IN (?1, ?2)" },
  { "person_merges", RESTORE_BY_ID, "*", "kept_id IN (?1, ?2)" },
};

static void
value_free (gpointer value)
{
  sqlite3_value_free (value);
}

static void
table_rows_free (gpointer data)
{
  TableRows *table = data;

  g_ptr_array_unref (table->names);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static MqPersonSnapshot *
snapshot_new (gint64 first,
              gint64 second)
{
  MqPersonSnapshot *self = g_new0 (MqPersonSnapshot, 1);

  self->ids[0] = first;
  self->ids[1] = second;
  self->tables = g_ptr_array_new_with_free_func (table_rows_free);
  self->rsvp_snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_rsvp_snapshot_free);

  return self;
}

static void
bind_ids (MqPersonSnapshot *self,
          sqlite3_stmt     *stmt)
{
  int n = sqlite3_bind_parameter_count (stmt);

  for (int i = 1; i <= n && i <= 2; i++)
    sqlite3_bind_int64 (stmt, i, self->ids[i - 1]);
}

static gboolean
read_table (MqPersonSnapshot  *self,
            MqStore           *store,
            const TableSpec   *spec,
            GError           **error)
{
  /* Tables without an id are put back whole, in any order. */
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s%s",
                                          spec->columns, spec->table, spec->scope,
                                          spec->mode == RESTORE_REPLACE ? "" : " ORDER BY id");
  TableRows *table;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store, sql, error)))
    return FALSE;

  table = g_new0 (TableRows, 1);
  table->spec = spec;
  table->names = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_ptr_array_add (self->tables, table);

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    g_ptr_array_add (table->names, g_strdup (sqlite3_column_name (stmt, i)));

  bind_ids (self, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_full (table->names->len, value_free);

      for (guint i = 0; i < table->names->len; i++)
        g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
      g_ptr_array_add (table->rows, row);
    }
  sqlite3_reset (stmt);

  return mq_store_propagate (store, rc, error);
}

static guint
id_column (TableRows *table)
{
  for (guint i = 0; i < table->names->len; i++)
    if (g_str_equal (g_ptr_array_index (table->names, i), "id"))
      return i;

  g_return_val_if_reached (0);
}

MqPersonSnapshot *
mq_person_snapshot_take (MqStore  *store,
                         gint64    person_id,
                         GError  **error)
{
  g_autoptr(MqPersonSnapshot) self = NULL;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  if (!mq_store_require_person (store, person_id, error))
    return NULL;

  self = snapshot_new (person_id, 0);
  for (guint i = 0; i < G_N_ELEMENTS (person_tables); i++)
    if (!read_table (self, store, &person_tables[i], error))
      return NULL;

  return g_steal_pointer (&self);
}

MqPersonSnapshot *
mq_person_snapshot_new_added (gint64 person_id)
{
  MqPersonSnapshot *self;

  g_return_val_if_fail (person_id > 0, NULL);

  self = snapshot_new (person_id, 0);
  self->added = TRUE;
  return self;
}

static gboolean
read_shared_events (MqPersonSnapshot  *self,
                    MqStore           *store,
                    GError           **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store,
                                 "SELECT DISTINCT k.event_id FROM rsvps k"
                                 " JOIN rsvps d ON d.event_id = k.event_id AND d.person_id = ?2"
                                 " WHERE k.person_id = ?1 ORDER BY k.event_id",
                                 error)))
    return FALSE;

  bind_ids (self, stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 event_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (events, event_id);
    }
  sqlite3_reset (stmt);
  if (!mq_store_propagate (store, rc, error))
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      MqRsvpSnapshot *rsvps = mq_rsvp_snapshot_take (store, g_array_index (events, gint64, i), error);

      if (rsvps == NULL)
        return FALSE;
      g_ptr_array_add (self->rsvp_snapshots, rsvps);
    }

  return TRUE;
}

static gboolean
read_last_merge (MqPersonSnapshot  *self,
                 MqStore           *store,
                 GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store, "SELECT coalesce (max (id), 0) FROM person_merges", error)))
    return FALSE;

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    self->last_merge = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return mq_store_propagate (store, rc, error);
}

MqPersonSnapshot *
mq_person_snapshot_take_merge (MqStore  *store,
                               gint64    keep_id,
                               gint64    drop_id,
                               GError  **error)
{
  g_autoptr(MqPersonSnapshot) self = NULL;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  if (!mq_store_require_person (store, keep_id, error) ||
      !mq_store_require_person (store, drop_id, error))
    return NULL;

  self = snapshot_new (keep_id, drop_id);
  self->merge = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (merge_tables); i++)
    if (!read_table (self, store, &merge_tables[i], error))
      return NULL;

  if (!read_shared_events (self, store, error) ||
      !read_last_merge (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* "UPDATE t SET a = ?1, b = ?2 … WHERE id = ?N" or the INSERT of a row. */
static char *
write_sql (TableRows *table,
           gboolean   insert)
{
  GString *sql = g_string_new (NULL);

  if (insert)
    {
      g_string_append_printf (sql, "INSERT INTO %s (", table->spec->table);
      for (guint i = 0; i < table->names->len; i++)
        g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", (char *) g_ptr_array_index (table->names, i));
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < table->names->len; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql, "UPDATE %s SET ", table->spec->table);
      for (guint i = 0; i < table->names->len; i++)
        g_string_append_printf (sql, "%s\"%s\" = ?%u", i > 0 ? ", " : "",
                                (char *) g_ptr_array_index (table->names, i), i + 1);
      g_string_append_printf (sql, " WHERE id = ?%u", id_column (table) + 1);
    }

  return g_string_free (sql, FALSE);
}

static gboolean
write_row (MqStore    *store,
           TableRows  *table,
           GPtrArray  *row,
           gboolean    insert,
           gboolean   *found,
           GError    **error)
{
  g_autofree char *sql = write_sql (table, insert);
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store, sql, error)))
    return FALSE;

  for (guint i = 0; i < row->len; i++)
    sqlite3_bind_value (stmt, i + 1, g_ptr_array_index (row, i));
  if (!mq_store_step_done (store, stmt, error))
    return FALSE;

  if (found != NULL)
    *found = sqlite3_changes (mq_store_get_db (store)) > 0;
  return TRUE;
}

static gboolean
restore_table (MqPersonSnapshot  *self,
               MqStore           *store,
               TableRows         *table,
               GError           **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  if (table->spec->mode == RESTORE_REPLACE)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE %s", table->spec->table, table->spec->scope);
      sqlite3_stmt *stmt;

      if (!(stmt = mq_store_prepare (store, sql, error)))
        return FALSE;
      bind_ids (self, stmt);
      if (!mq_store_step_done (store, stmt, error))
        return FALSE;

      for (guint i = 0; i < table->rows->len; i++)
        if (!write_row (store, table, g_ptr_array_index (table->rows, i), TRUE, NULL, error))
          return FALSE;
      return TRUE;
    }

  /* Rows that still exist first, then the ones that were deleted. */
  for (guint i = 0; i < table->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, i);
      gboolean found = FALSE;

      if (!write_row (store, table, row, FALSE, &found, error))
        return FALSE;
      if (!found && table->spec->mode == RESTORE_BY_ID)
        g_ptr_array_add (missing, row);
    }

  for (guint i = 0; i < missing->len; i++)
    if (!write_row (store, table, g_ptr_array_index (missing, i), TRUE, NULL, error))
      return FALSE;

  return TRUE;
}

static gboolean
run_with_ids (MqPersonSnapshot  *self,
              MqStore           *store,
              const char        *sql,
              GError           **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store, sql, error)))
    return FALSE;

  bind_ids (self, stmt);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, self->last_merge);
  return mq_store_step_done (store, stmt, error);
}

gboolean
mq_person_snapshot_restore (MqPersonSnapshot  *self,
                            MqStore           *store,
                            const char        *actor,
                            const char        *reason,
                            GError           **error)
{
  g_auto(MqTransaction) tx = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MQ_IS_STORE (store), FALSE);

  if (!mq_transaction_begin (&tx, store, error))
    return FALSE;

  if (self->added)
    {
      /* Whatever was added for the person since goes with them. */
      if (!run_with_ids (self, store, "DELETE FROM people WHERE id = ?1", error))
        return FALSE;
    }

  for (guint i = 0; i < self->tables->len; i++)
    if (!restore_table (self, store, g_ptr_array_index (self->tables, i), error))
      return FALSE;

  if (self->merge)
    {
      if (!run_with_ids (self, store,
                         "DELETE FROM person_merges WHERE kept_id = ?1 AND dropped_id = ?2 AND id > ?3",
                         error))
        return FALSE;

      /* The seats a merge freed went to the waitlist: those promotions are
       * taken back, and logged, by the events' own snapshots.
       */
      for (guint i = 0; i < self->rsvp_snapshots->len; i++)
        if (mq_rsvp_snapshot_restore (g_ptr_array_index (self->rsvp_snapshots, i), store,
                                      actor, reason, error) < 0)
          return FALSE;

      mq_store_notify_changed (store, "rsvps");
      mq_store_notify_changed (store, "check-ins");
    }

  mq_store_notify_changed (store, "people");
  return mq_transaction_commit (&tx, error);
}

void
mq_person_snapshot_free (MqPersonSnapshot *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->rsvp_snapshots, g_ptr_array_unref);
  g_free (self);
}
