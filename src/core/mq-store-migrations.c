/* mq-store-migrations.c: the numbered schema changes a database goes through
 *
 * src/core/migrations/NNNN-name.sql, in a GResource; a database's
 * PRAGMA user_version says how many it has had. Each is applied together
 * with its version bump in one transaction, and a database from a newer
 * Marquee is refused untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mq-core-resources.h"
#include "mq-error.h"
#include "mq-store-private.h"

#define MIGRATIONS_PATH "/io/github/marqueeapp/Marquee/core/migrations"

static gboolean
read_user_version (MqStore  *self,
                   int      *version,
                   GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = mq_store_prepare (self, "PRAGMA user_version", &local_error);
  if (stmt == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      mq_store_propagate (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char **
list_migrations (void)
{
  g_auto(GStrv) names = NULL;

  names = g_resource_enumerate_children (mq_core_get_resource (), MIGRATIONS_PATH,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (names != NULL);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return g_steal_pointer (&names);
}

int
mq_store_get_latest_schema_version (void)
{
  g_auto(GStrv) names = list_migrations ();

  return (int) g_strv_length (names);
}

static gboolean
apply_migration (MqStore     *self,
                 const char  *name,
                 int          version,
                 GError     **error)
{
  g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;

  bytes = g_resource_lookup_data (mq_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* The schema change and its version bump commit together or not at all. */
  if (!mq_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!mq_store_exec (self, sql, error) || !mq_store_exec (self, bump, error))
    {
      g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
      mq_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return mq_store_exec (self, "COMMIT", error);
}

gboolean
mq_store_migrate (MqStore  *self,
                  GError  **error)
{
  g_auto(GStrv) names = list_migrations ();
  int latest = (int) g_strv_length (names);
  int version;

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (version > latest)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Marquee (schema %d, this version knows %d); "
                     "update Marquee to open it"),
                   mq_store_get_path (self), version, latest);
      return FALSE;
    }

  for (int i = version; i < latest; i++)
    {
      if (!apply_migration (self, names[i], i + 1, error))
        return FALSE;
    }

  return TRUE;
}

int
mq_store_get_schema_version (MqStore *self)
{
  int version = -1;

  g_return_val_if_fail (MQ_IS_STORE (self), -1);

  read_user_version (self, &version, NULL);
  return version;
}
