/* mq-import-matcher.c: which person in the directory an imported row is
 *
 * A row matches by email, then by either handle; a row with neither matches
 * the same-named RSVP of the event, in file order. A new person whose name
 * is already in the directory is reported as a possible duplicate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-importer"

#include "config.h"

#include "mq-error.h"
#include "mq-import-matcher-private.h"
#include "mq-search-text.h"
#include "mq-store-private.h"

/* A row without email or handle is the k-th row of that name in the file;
 * it is the k-th RSVP of that name to this event, if there is one.
 */
static gint64
find_by_event_name (Import      *import,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *key = mq_search_text_fold_name (name);
  sqlite3_stmt *stmt;
  guint occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (import->name_seen, name));
  gint64 id = 0;
  int rc;

  g_hash_table_replace (import->name_seen, g_strdup (name), GUINT_TO_POINTER (occurrence + 1));

  /* People by name_key first: the event may have a million RSVPs. */
  if (!(stmt = mq_store_prepare (import->store,
                                 "SELECT p.id FROM people p CROSS JOIN rsvps r ON r.person_id = p.id"
                                 " WHERE p.name_key = ?4 AND p.name = ?2 AND r.event_id = ?1"
                                 " ORDER BY p.id LIMIT 1 OFFSET ?3",
                                 error)))
    return -1;

  sqlite3_bind_int64 (stmt, 1, import->event_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, occurrence);
  sqlite3_bind_text (stmt, 4, key, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mq_store_propagate (import->store, rc, error) ? 0 : -1;

  return id;
}

/* Someone already in the directory under the same name (case, accents and
 * punctuation aside): one lookup in the people_by_name_key index.
 */
gint64
mq_import_find_same_name (Import      *import,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *key = mq_search_text_fold_name (name);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (*key == '\0')
    return 0;

  if (!(stmt = mq_store_prepare (import->store,
                                 "SELECT id FROM people WHERE name_key = ?1 ORDER BY id LIMIT 1",
                                 error)))
    return -1;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mq_store_propagate (import->store, rc, error) ? 0 : -1;

  return id;
}

/* Returns the matched person, NULL (no error) when nobody matches. */
MqPerson *
mq_import_match_person (Import  *import,
                        Row     *row,
                        GError **error)
{
  g_autoptr(GError) local_error = NULL;
  MqPerson *person = NULL;
  gint64 id;

  if (row->email != NULL)
    {
      person = mq_person_directory_find_by_email (import->directory, row->email, &local_error);
      if (person != NULL || local_error != NULL)
        goto out;
    }
  if (row->mastodon != NULL)
    {
      person = mq_person_directory_find_by_handle (import->directory, row->mastodon, &local_error);
      if (person != NULL || local_error != NULL)
        goto out;
    }
  if (row->bluesky != NULL)
    {
      person = mq_person_directory_find_by_handle (import->directory, row->bluesky, &local_error);
      if (person != NULL || local_error != NULL)
        goto out;
    }

  if (row->email == NULL && row->mastodon == NULL && row->bluesky == NULL)
    {
      if ((id = find_by_event_name (import, row->name, error)) < 0)
        return NULL;
      if (id > 0)
        return mq_person_directory_get (import->directory, id, error);
    }

out:
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return person;
}

/* Fills what the directory does not know yet; never overwrites. */
gboolean
mq_import_complete_person (Import    *import,
                           MqPerson  *person,
                           Row       *row,
                           GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean changed = FALSE;

#define FILL(getter, setter, text) \
  if ((text) != NULL && getter (person) == NULL) { setter (person, text); changed = TRUE; }

  FILL (mq_person_get_email, mq_person_set_email, row->email);
  FILL (mq_person_get_phone, mq_person_set_phone, row->phone);
  FILL (mq_person_get_mastodon, mq_person_set_mastodon, row->mastodon);
  FILL (mq_person_get_bluesky, mq_person_set_bluesky, row->bluesky);
  FILL (mq_person_get_organization, mq_person_set_organization, row->organization);
  FILL (mq_person_get_pronouns, mq_person_set_pronouns, row->pronouns);

#undef FILL

  if (!changed)
    return TRUE;

  /* A handle the directory refuses is no reason to lose the RSVP. */
  if (!mq_person_directory_update (import->directory, person, &local_error) &&
      !g_error_matches (local_error, MQ_ERROR, MQ_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
