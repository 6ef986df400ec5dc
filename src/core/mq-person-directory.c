/* mq-person-directory.c: the club's people in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person-directory"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mq-contact-address.h"
#include "mq-error.h"
#include "mq-person-directory-private.h"
#include "mq-person-private.h"
#include "mq-search-text.h"

struct _MqPersonDirectory
{
  GObject  parent_instance;

  MqStore *store;
};

G_DEFINE_FINAL_TYPE (MqPersonDirectory, mq_person_directory, G_TYPE_OBJECT)

#define TAG_SEPARATOR "\x1f"

/* bind_fields() binds ?1 … ?13 and ?16 in this order for both statements. */
#define PERSON_INSERT \
  "INSERT INTO people (name, email, phone, mastodon, bluesky, organization," \
  " pronouns, languages, notes, consent_contact, consent_photo, consent_listed," \
  " search_text, name_key, created_at, updated_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?16, ?14, ?14)"

#define PERSON_UPDATE \
  "UPDATE people SET name = ?1, email = ?2, phone = ?3, mastodon = ?4," \
  " bluesky = ?5, organization = ?6, pronouns = ?7, languages = ?8, notes = ?9," \
  " consent_contact = ?10, consent_photo = ?11, consent_listed = ?12," \
  " search_text = ?13, name_key = ?16, updated_at = ?14 WHERE id = ?15"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

MqPerson *
_mq_person_from_row (sqlite3_stmt *stmt)
{
  MqPerson *person = mq_person_new ();
  const char *created = mq_column_text (stmt, 13);
  const char *tags = mq_column_text (stmt, 14);
  g_autoptr(GDateTime) created_at = created != NULL ? g_date_time_new_from_iso8601 (created, NULL) : NULL;

  _mq_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  mq_person_set_name (person, mq_column_text (stmt, 1));
  mq_person_set_email (person, mq_column_text (stmt, 2));
  mq_person_set_phone (person, mq_column_text (stmt, 3));
  mq_person_set_mastodon (person, mq_column_text (stmt, 4));
  mq_person_set_bluesky (person, mq_column_text (stmt, 5));
  mq_person_set_organization (person, mq_column_text (stmt, 6));
  mq_person_set_pronouns (person, mq_column_text (stmt, 7));
  mq_person_set_languages (person, mq_column_text (stmt, 8));
  mq_person_set_notes (person, mq_column_text (stmt, 9));
  mq_person_set_consent_contact (person, sqlite3_column_int (stmt, 10) != 0);
  mq_person_set_consent_photo (person, sqlite3_column_int (stmt, 11) != 0);
  mq_person_set_consent_listed (person, sqlite3_column_int (stmt, 12) != 0);
  _mq_person_set_created_at (person, created_at);

  if (tags != NULL)
    {
      g_auto(GStrv) split = g_strsplit (tags, TAG_SEPARATOR, -1);

      qsort (split, g_strv_length (split), sizeof (char *), compare_strings);
      mq_person_set_tags (person, (const char * const *) split);
    }

  return person;
}

GPtrArray *
_mq_person_collect (MqStore       *store,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, _mq_person_from_row (stmt));
  sqlite3_reset (stmt);

  if (!mq_store_propagate (store, rc, error))
    return NULL;

  return g_steal_pointer (&people);
}

/* NULL without error when the statement finds nobody. */
static MqPerson *
first_person (MqStore       *store,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(MqPerson) person = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    person = _mq_person_from_row (stmt);
  sqlite3_reset (stmt);

  if (!mq_store_propagate (store, rc, error))
    return NULL;

  return g_steal_pointer (&person);
}

static char *
strip_copy (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}

static char **
normalize_tags (const char * const *tags)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = strip_copy (tags[i]);

      if (*tag == '\0' || g_ptr_array_find_with_equal_func (kept, tag, g_str_equal, NULL))
        continue;
      g_ptr_array_add (kept, g_steal_pointer (&tag));
    }

  g_ptr_array_sort (kept, compare_strings);
  g_ptr_array_add (kept, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
}

/* Checks @person and rewrites its fields in the form the directory keeps:
 * trimmed, handles spelled one way, so lookups by email or handle are exact.
 */
static gboolean
normalize_person (MqPerson  *person,
                  GError   **error)
{
  g_autofree char *name = strip_copy (mq_person_get_name (person));
  g_autofree char *email = strip_copy (mq_person_get_email (person));
  g_autofree char *mastodon = strip_copy (mq_person_get_mastodon (person));
  g_autofree char *bluesky = strip_copy (mq_person_get_bluesky (person));
  g_auto(GStrv) tags = normalize_tags (mq_person_get_tags (person));

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID, _("Give the person a name"));
      return FALSE;
    }

  if (email != NULL && *email != '\0' && !mq_contact_is_email (email))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("“%s” is not an email address: write it as name@example.org"), email);
      return FALSE;
    }

  if (mastodon != NULL && *mastodon != '\0')
    {
      g_autofree char *normal = mq_contact_normalize_mastodon (mastodon);

      if (normal == NULL)
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("“%s” is not a Mastodon handle: write it as @name@server.social"), mastodon);
          return FALSE;
        }
      g_free (mastodon);
      mastodon = g_steal_pointer (&normal);
    }

  if (bluesky != NULL && *bluesky != '\0')
    {
      g_autofree char *normal = mq_contact_normalize_bluesky (bluesky);

      if (normal == NULL)
        {
          g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                       _("“%s” is not a Bluesky handle: write it as name.bsky.social or your own domain"),
                       bluesky);
          return FALSE;
        }
      g_free (bluesky);
      bluesky = g_steal_pointer (&normal);
    }

  mq_person_set_name (person, name);
  mq_person_set_email (person, email);
  mq_person_set_mastodon (person, mastodon);
  mq_person_set_bluesky (person, bluesky);
  mq_person_set_tags (person, (const char * const *) tags);

  return TRUE;
}

static void
bind_fields (sqlite3_stmt *stmt,
             MqPerson     *person)
{
  g_autofree char *search_text = mq_search_text_for_person (mq_person_get_name (person),
                                                            mq_person_get_email (person),
                                                            mq_person_get_mastodon (person),
                                                            mq_person_get_bluesky (person));
  g_autofree char *name_key = mq_search_text_fold_name (mq_person_get_name (person));
  g_autofree char *phone = strip_copy (mq_person_get_phone (person));

  sqlite3_bind_text (stmt, 1, mq_person_get_name (person), -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 2, mq_person_get_email (person));
  mq_bind_text_or_null (stmt, 3, phone);
  mq_bind_text_or_null (stmt, 4, mq_person_get_mastodon (person));
  mq_bind_text_or_null (stmt, 5, mq_person_get_bluesky (person));
  mq_bind_text_or_null (stmt, 6, mq_person_get_organization (person));
  mq_bind_text_or_null (stmt, 7, mq_person_get_pronouns (person));
  mq_bind_text_or_null (stmt, 8, mq_person_get_languages (person));
  mq_bind_text_or_null (stmt, 9, mq_person_get_notes (person));
  sqlite3_bind_int (stmt, 10, mq_person_get_consent_contact (person));
  sqlite3_bind_int (stmt, 11, mq_person_get_consent_photo (person));
  sqlite3_bind_int (stmt, 12, mq_person_get_consent_listed (person));
  sqlite3_bind_text (stmt, 13, search_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, name_key, -1, SQLITE_TRANSIENT);
}

/* @replace: drop the tags the person had; a new person has none. */
static gboolean
write_tags (MqPersonDirectory  *self,
            gint64              id,
            const char * const *tags,
            gboolean            replace,
            GError            **error)
{
  sqlite3_stmt *stmt;

  if (replace)
    {
      if (!(stmt = mq_store_prepare (self->store, "DELETE FROM person_tags WHERE person_id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!mq_store_step_done (self->store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!(stmt = mq_store_prepare (self->store,
                                     "INSERT OR IGNORE INTO person_tags (person_id, tag) VALUES (?1, ?2)",
                                     error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, tags[i], -1, SQLITE_TRANSIENT);
      if (!mq_store_step_done (self->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
mq_person_directory_dispose (GObject *object)
{
  MqPersonDirectory *self = (MqPersonDirectory *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_person_directory_parent_class)->dispose (object);
}

static void
mq_person_directory_class_init (MqPersonDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mq_person_directory_dispose;
}

static void
mq_person_directory_init (MqPersonDirectory *self)
{
}

MqPersonDirectory *
mq_person_directory_new (MqStore *store)
{
  MqPersonDirectory *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_PERSON_DIRECTORY, NULL);
  self->store = g_object_ref (store);

  return self;
}

MqStore *
_mq_person_directory_get_store (MqPersonDirectory *self)
{
  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), NULL);

  return self->store;
}

gint64
mq_person_directory_add (MqPersonDirectory  *self,
                         MqPerson           *person,
                         GError            **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_iso = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), 0);
  g_return_val_if_fail (MQ_IS_PERSON (person), 0);
  g_return_val_if_fail (mq_person_get_id (person) == 0, 0);

  if (!normalize_person (person, error))
    return 0;

  if (!mq_transaction_begin (&tx, self->store, error))
    return 0;

  if (!(stmt = mq_store_prepare (self->store, PERSON_INSERT, error)))
    return 0;

  now = mq_store_now (self->store);
  now_iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  bind_fields (stmt, person);
  sqlite3_bind_text (stmt, 14, now_iso, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (self->store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (mq_store_get_db (self->store));
  if (!write_tags (self, id, mq_person_get_tags (person), FALSE, error))
    return 0;

  mq_store_notify_changed (self->store, "people");

  if (!mq_transaction_commit (&tx, error))
    return 0;

  _mq_person_set_id (person, id);
  _mq_person_set_created_at (person, now);

  return id;
}

gboolean
mq_person_directory_update (MqPersonDirectory  *self,
                            MqPerson           *person,
                            GError            **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), FALSE);
  g_return_val_if_fail (MQ_IS_PERSON (person), FALSE);

  id = mq_person_get_id (person);

  if (!normalize_person (person, error))
    return FALSE;

  if (!mq_transaction_begin (&tx, self->store, error))
    return FALSE;

  if (!(stmt = mq_store_prepare (self->store, PERSON_UPDATE, error)))
    return FALSE;

  now = mq_store_now_iso (self->store);
  bind_fields (stmt, person);
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 15, id);
  if (!mq_store_step_done (self->store, stmt, error))
    return FALSE;

  if (sqlite3_changes (mq_store_get_db (self->store)) == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("There is no person %" PRId64 ": they may have been merged or deleted"), id);
      return FALSE;
    }

  if (!write_tags (self, id, mq_person_get_tags (person), TRUE, error))
    return FALSE;

  mq_store_notify_changed (self->store, "people");

  return mq_transaction_commit (&tx, error);
}

MqPerson *
mq_person_directory_get (MqPersonDirectory  *self,
                         gint64              id,
                         GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  MqPerson *person;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), NULL);

  if (!(stmt = mq_store_prepare (self->store, PERSON_SELECT "WHERE p.id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  person = first_person (self->store, stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (person == NULL)
    g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                 _("There is no person %" PRId64 ": check the number"), id);

  return person;
}

MqPerson *
mq_person_directory_find_by_email (MqPersonDirectory  *self,
                                   const char         *email,
                                   GError            **error)
{
  g_autofree char *wanted = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), NULL);

  wanted = strip_copy (email);
  if (wanted == NULL || *wanted == '\0')
    return NULL;

  if (!(stmt = mq_store_prepare (self->store,
                                 PERSON_SELECT "WHERE p.email = ?1 COLLATE NOCASE ORDER BY p.id LIMIT 1",
                                 error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_TRANSIENT);
  return first_person (self->store, stmt, error);
}

MqPerson *
mq_person_directory_find_by_handle (MqPersonDirectory  *self,
                                    const char         *handle,
                                    GError            **error)
{
  g_autofree char *wanted = NULL;
  g_autofree char *mastodon = NULL;
  const char *bare;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), NULL);

  wanted = strip_copy (handle);
  if (wanted == NULL || *wanted == '\0')
    return NULL;

  /* Stored handles are normalized; the same text may name either network. */
  bare = wanted[0] == '@' ? wanted + 1 : wanted;
  mastodon = g_strconcat ("@", bare, NULL);

  if (!(stmt = mq_store_prepare (self->store,
                                 PERSON_SELECT "WHERE p.mastodon = ?1 COLLATE NOCASE"
                                 " OR p.bluesky = ?2 COLLATE NOCASE ORDER BY p.id LIMIT 1",
                                 error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, mastodon, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bare, -1, SQLITE_TRANSIENT);
  return first_person (self->store, stmt, error);
}

guint
mq_person_directory_count (MqPersonDirectory *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;
  int rc;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), 0);

  if (!(stmt = mq_store_prepare (self->store, "SELECT count(*) FROM people", &error)))
    {
      g_warning ("Could not count people: %s", error->message);
      return 0;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!mq_store_propagate (self->store, rc, &error))
    g_warning ("Could not count people: %s", error->message);

  return count;
}

GPtrArray *
mq_person_directory_list (MqPersonDirectory  *self,
                          guint               offset,
                          guint               limit,
                          GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), NULL);

  if (!(stmt = mq_store_prepare (self->store,
                                 PERSON_SELECT "ORDER BY p.name_key, p.id LIMIT ?1 OFFSET ?2",
                                 error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  return _mq_person_collect (self->store, stmt, error);
}
