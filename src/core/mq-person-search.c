/* mq-person-search.c: the directory searched through its FTS5 index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person-directory"

#include "config.h"

#include "mq-person-directory-private.h"
#include "mq-search-text.h"

/* Every word as a quoted prefix, so FTS5 never reads the user's text as
 * query syntax (AND, NEAR, column filters, …).
 */
static char *
build_prefix_query (const char * const *tokens)
{
  GString *query = g_string_new (NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] == '\0')
        continue;
      if (query->len > 0)
        g_string_append (query, " AND ");
      g_string_append_c (query, '"');
      for (const char *p = tokens[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  return g_string_free (query, FALSE);
}

/* The folded name is the start of search_text, so people whose name is
 * exactly the query are among those whose search_text begins with it.
 */
static GPtrArray *
search_exact_names (MqPersonDirectory  *self,
                    const char         *folded,
                    GError            **error)
{
  g_autofree char *phrase = g_strdup_printf ("^\"%s\"", folded);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) exact = g_ptr_array_new_with_free_func (g_object_unref);
  MqStore *store = _mq_person_directory_get_store (self);
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store,
                                 PERSON_SELECT "JOIN people_fts ON people_fts.rowid = p.id"
                                 " WHERE people_fts MATCH ?1 ORDER BY p.name_key, p.id",
                                 error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_TRANSIENT);
  if (!(candidates = _mq_person_collect (store, stmt, error)))
    return NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      MqPerson *person = g_ptr_array_index (candidates, i);
      g_autofree char *name = mq_search_text_fold (mq_person_get_name (person));

      if (g_str_equal (name, folded))
        g_ptr_array_add (exact, g_object_ref (person));
    }

  return g_steal_pointer (&exact);
}

static gboolean
contains_person (GPtrArray *people,
                 gint64     id)
{
  for (guint i = 0; i < people->len; i++)
    {
      if (mq_person_get_id (g_ptr_array_index (people, i)) == id)
        return TRUE;
    }

  return FALSE;
}

GPtrArray *
mq_person_directory_search (MqPersonDirectory  *self,
                            const char         *query,
                            guint               limit,
                            GError            **error)
{
  g_auto(GStrv) tokens = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *match = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) prefixed = NULL;
  MqStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  store = _mq_person_directory_get_store (self);

  tokens = mq_search_text_tokenize (query);
  match = build_prefix_query ((const char * const *) tokens);
  if (*match == '\0' || limit == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  folded = g_strjoinv (" ", tokens);
  if (!(results = search_exact_names (self, folded, error)))
    return NULL;
  if (results->len >= limit)
    {
      g_ptr_array_set_size (results, limit);
      return g_steal_pointer (&results);
    }

  if (!(stmt = mq_store_prepare (store,
                                 PERSON_SELECT "JOIN people_fts ON people_fts.rowid = p.id"
                                 " WHERE people_fts MATCH ?1"
                                 " ORDER BY p.name_key, p.id LIMIT ?2",
                                 error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit + results->len);
  if (!(prefixed = _mq_person_collect (store, stmt, error)))
    return NULL;

  for (guint i = 0; i < prefixed->len && results->len < limit; i++)
    {
      MqPerson *person = g_ptr_array_index (prefixed, i);

      if (!contains_person (results, mq_person_get_id (person)))
        g_ptr_array_add (results, g_object_ref (person));
    }

  return g_steal_pointer (&results);
}

/* Appends the ids of @stmt's rows (id, name) up to @limit; with @exact,
 * only those whose folded name is @exact, else those not among the first
 * @n_exact ids already there.
 */
static gboolean
collect_ids (MqStore       *store,
             sqlite3_stmt  *stmt,
             const char    *exact,
             guint          n_exact,
             GArray        *ids,
             guint          limit,
             GError       **error)
{
  int rc = SQLITE_DONE;

  while (ids->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean seen = FALSE;

      if (exact != NULL)
        {
          g_autofree char *name = mq_search_text_fold (mq_column_text (stmt, 1));

          if (!g_str_equal (name, exact))
            continue;
        }
      else
        {
          for (guint i = 0; i < n_exact && !seen; i++)
            seen = g_array_index (ids, gint64, i) == id;
          if (seen)
            continue;
        }

      g_array_append_val (ids, id);
    }
  if (ids->len >= limit)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);

  return mq_store_propagate (store, rc, error);
}

GArray *
mq_person_directory_search_ids (MqPersonDirectory  *self,
                                const char         *query,
                                guint               limit,
                                GError            **error)
{
  g_auto(GStrv) tokens = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *match = NULL;
  g_autofree char *phrase = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  MqStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  store = _mq_person_directory_get_store (self);

  tokens = mq_search_text_tokenize (query);
  match = build_prefix_query ((const char * const *) tokens);
  if (*match == '\0' || limit == 0)
    return g_steal_pointer (&ids);

  /* The same order as mq_person_directory_search (), without building a
   * person for every match: a list shows a few dozen of them at a time.
   */
  folded = g_strjoinv (" ", tokens);
  phrase = g_strdup_printf ("^\"%s\"", folded);
  if (!(stmt = mq_store_prepare (store,
                                 "SELECT p.id, p.name FROM people p"
                                 " JOIN people_fts ON people_fts.rowid = p.id"
                                 " WHERE people_fts MATCH ?1 ORDER BY p.name_key, p.id",
                                 error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_TRANSIENT);
  if (!collect_ids (store, stmt, folded, 0, ids, limit, error))
    return NULL;
  if (ids->len >= limit)
    return g_steal_pointer (&ids);

  if (!(stmt = mq_store_prepare (store,
                                 "SELECT p.id, p.name FROM people p"
                                 " JOIN people_fts ON people_fts.rowid = p.id"
                                 " WHERE people_fts MATCH ?1"
                                 " ORDER BY p.name_key, p.id LIMIT ?2",
                                 error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit + ids->len);
  if (!collect_ids (store, stmt, NULL, ids->len, ids, limit, error))
    return NULL;

  return g_steal_pointer (&ids);
}
