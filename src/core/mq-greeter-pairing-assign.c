/* mq-greeter-pairing-assign.c: who greets whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-greeter-pairing"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-greeter-pairing-private.h"
#include "mq-newcomer-rule.h"
#include "mq-search-text.h"
#include "mq-store-private.h"
#include "mq-volunteer-roster.h"

#define SQL_EXISTING \
  "SELECT id, newcomer_id, greeter_id, status FROM greeter_assignments " \
  "WHERE event_id = ?1 ORDER BY id"
#define SQL_RELEASE \
  "DELETE FROM greeter_assignments WHERE id = ?1"
#define SQL_INSERT \
  "INSERT INTO greeter_assignments (event_id, newcomer_id, greeter_id, status, assigned_at) " \
  "VALUES (?1, ?2, ?3, 'assigned', ?4)"
#define SQL_LANGUAGES \
  "SELECT languages FROM people WHERE id = ?1"
#define SQL_TAGS \
  "SELECT tag FROM person_tags WHERE person_id = ?1"

/* What a greeter and a newcomer may have in common. */
#define SCORE_LANGUAGE 2
#define SCORE_TAG      1

/* One person as the pairing sees them: folded languages and tags. */
typedef struct
{
  gint64      id;
  GHashTable *languages;
  GHashTable *tags;
  guint       load;      /* greeters: newcomers they have */
  guint       order;     /* newcomers: place in the by-name list */
  guint       n_matches; /* newcomers: greeters sharing something */
} Profile;

static void
profile_free (Profile *profile)
{
  g_clear_pointer (&profile->languages, g_hash_table_unref);
  g_clear_pointer (&profile->tags, g_hash_table_unref);
  g_free (profile);
}

/* Languages are typed by hand ("Deutsch, English"); folding makes "english"
 * and "English " the same language.
 */
static gboolean
load_profile (MqStore           *store,
              Profile           *profile,
              GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  profile->languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  profile->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(stmt = mq_store_prepare (store, SQL_LANGUAGES, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile->id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW && mq_column_text (stmt, 0) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (mq_column_text (stmt, 0), ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *folded = g_strstrip (mq_search_text_fold (parts[i]));

          if (*folded != '\0')
            g_hash_table_add (profile->languages, g_steal_pointer (&folded));
        }
    }
  sqlite3_reset (stmt);
  if (!mq_store_propagate (store, rc, error))
    return FALSE;

  if (!(stmt = mq_store_prepare (store, SQL_TAGS, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *folded = g_strstrip (mq_search_text_fold (mq_column_text (stmt, 0)));

      if (*folded != '\0')
        g_hash_table_add (profile->tags, g_steal_pointer (&folded));
    }
  sqlite3_reset (stmt);

  return mq_store_propagate (store, rc, error);
}

static gboolean
shares_any (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_hash_table_contains (b, key))
        return TRUE;
    }

  return FALSE;
}

static guint
score (const Profile *greeter,
       const Profile *newcomer)
{
  guint total = 0;

  if (shares_any (newcomer->languages, greeter->languages))
    total += SCORE_LANGUAGE;
  if (shares_any (newcomer->tags, greeter->tags))
    total += SCORE_TAG;

  return total;
}

/* Newcomers with the fewest fitting greeters choose first, so a rare
 * language is not used up by someone who would be fine with anyone; those
 * sharing nothing come last and fill the gaps.
 */
static int
compare_newcomers (gconstpointer a,
                   gconstpointer b)
{
  const Profile *x = *(const Profile * const *) a;
  const Profile *y = *(const Profile * const *) b;
  guint x_key = x->n_matches == 0 ? G_MAXUINT : x->n_matches;
  guint y_key = y->n_matches == 0 ? G_MAXUINT : y->n_matches;

  if (x_key != y_key)
    return x_key < y_key ? -1 : 1;

  return x->order < y->order ? -1 : x->order > y->order;
}

/* The greeter for @newcomer: under the cap, most in common, least loaded,
 * first by name.
 */
static Profile *
choose_greeter (GPtrArray     *greeters,
                const Profile *newcomer,
                guint          cap)
{
  Profile *best = NULL;
  guint best_score = 0;

  for (guint i = 0; i < greeters->len; i++)
    {
      Profile *greeter = g_ptr_array_index (greeters, i);
      guint s;

      if (greeter->load >= cap)
        continue;

      s = score (greeter, newcomer);
      if (best == NULL || s > best_score || (s == best_score && greeter->load < best->load))
        {
          best = greeter;
          best_score = s;
        }
    }

  return best;
}

static GPtrArray *
load_profiles (MqStore           *store,
               GArray            *ids,
               GHashTable        *skip,
               GError           **error)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) profile_free);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      Profile *profile;

      if (skip != NULL && g_hash_table_contains (skip, &id))
        continue;

      profile = g_new0 (Profile, 1);
      profile->id = id;
      profile->order = profiles->len;
      g_ptr_array_add (profiles, profile);
      if (!load_profile (store, profile, error))
        return NULL;
    }

  return g_steal_pointer (&profiles);
}

static GHashTable *
new_id_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

/* Drops the pairs not yet met whose greeter left or whose newcomer no longer
 * comes; counts the rest against their greeter and marks their newcomer done.
 */
static gboolean
settle_existing (MqStore           *store,
                 gint64             event_id,
                 GHashTable        *greeter_by_id,
                 GHashTable        *newcomer_ids,
                 GHashTable        *paired,
                 gboolean          *changed,
                 GError           **error)
{
  g_autoptr(GArray) released = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store, SQL_EXISTING, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 newcomer_id = sqlite3_column_int64 (stmt, 1);
      gint64 greeter_id = sqlite3_column_int64 (stmt, 2);
      gboolean met = g_strcmp0 (mq_column_text (stmt, 3), "met") == 0;
      Profile *greeter = g_hash_table_lookup (greeter_by_id, &greeter_id);

      if (!met && (greeter == NULL || !g_hash_table_contains (newcomer_ids, &newcomer_id)))
        {
          g_array_append_val (released, id);
          continue;
        }

      if (greeter != NULL)
        greeter->load++;
      id_set_add (paired, newcomer_id);
    }
  sqlite3_reset (stmt);
  if (!mq_store_propagate (store, rc, error))
    return FALSE;

  for (guint i = 0; i < released->len; i++)
    {
      if (!(stmt = mq_store_prepare (store, SQL_RELEASE, error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, g_array_index (released, gint64, i));
      if (!mq_store_step_done (store, stmt, error))
        return FALSE;
    }

  *changed = released->len > 0;
  return TRUE;
}

static gboolean
insert_pair (MqStore           *store,
             gint64             event_id,
             gint64             newcomer_id,
             gint64             greeter_id,
             const char        *now,
             GError           **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store, SQL_INSERT, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, newcomer_id);
  sqlite3_bind_int64 (stmt, 3, greeter_id);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);

  return mq_store_step_done (store, stmt, error);
}

gboolean
mq_greeter_pairing_pair_newcomers (MqStore  *store,
                                   gint64    event_id,
                                   guint    *n_new,
                                   GError  **error)
{
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (store);
  g_autoptr(MqVolunteerRoster) roster = mq_volunteer_roster_new (store);
  g_autoptr(GArray) newcomer_list = NULL;
  g_autoptr(GPtrArray) volunteers = NULL;
  g_autoptr(GArray) greeter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) greeters = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GHashTable) staff = new_id_set ();
  g_autoptr(GHashTable) newcomer_ids = new_id_set ();
  g_autoptr(GHashTable) paired = new_id_set ();
  g_autoptr(GHashTable) greeter_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *now = NULL;
  gboolean released = FALSE;
  guint total, cap;

  if (!(newcomer_list = mq_newcomer_rule_list_newcomers (rule, event_id, error)) ||
      !(volunteers = mq_volunteer_roster_list (roster, event_id, error)))
    return FALSE;

  for (guint i = 0; i < volunteers->len; i++)
    {
      MqVolunteer *volunteer = g_ptr_array_index (volunteers, i);

      id_set_add (staff, volunteer->person_id);
      if (volunteer->role == MQ_VOLUNTEER_ROLE_GREETER)
        g_array_append_val (greeter_ids, volunteer->person_id);
    }

  if (!(greeters = load_profiles (store, greeter_ids, NULL, error)))
    return FALSE;
  for (guint i = 0; i < greeters->len; i++)
    {
      Profile *greeter = g_ptr_array_index (greeters, i);

      g_hash_table_insert (greeter_by_id, &greeter->id, greeter);
    }

  for (guint i = 0; i < newcomer_list->len; i++)
    {
      gint64 id = g_array_index (newcomer_list, gint64, i);

      if (!g_hash_table_contains (staff, &id))
        id_set_add (newcomer_ids, id);
    }

  if (!settle_existing (store, event_id, greeter_by_id, newcomer_ids, paired, &released, error))
    return FALSE;

  /* Volunteers are staff, and a newcomer paired before keeps their greeter. */
  {
    g_autoptr(GHashTable) skip = new_id_set ();
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, staff);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      id_set_add (skip, *(gint64 *) key);
    g_hash_table_iter_init (&iter, paired);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      id_set_add (skip, *(gint64 *) key);

    if (!(pending = load_profiles (store, newcomer_list, skip, error)))
      return FALSE;
  }

  if (pending->len > 0 && greeters->len == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Event %" PRId64 " has no greeters yet: add one with “volunteer add … --role greeter”"),
                   event_id);
      return FALSE;
    }

  total = pending->len;
  for (guint i = 0; i < greeters->len; i++)
    total += ((Profile *) g_ptr_array_index (greeters, i))->load;
  cap = greeters->len > 0 ? (total + greeters->len - 1) / greeters->len : 0;

  for (guint i = 0; i < pending->len; i++)
    {
      Profile *newcomer = g_ptr_array_index (pending, i);

      for (guint j = 0; j < greeters->len; j++)
        {
          if (score (g_ptr_array_index (greeters, j), newcomer) > 0)
            newcomer->n_matches++;
        }
    }
  g_ptr_array_sort (pending, compare_newcomers);

  now = mq_store_now_iso (store);
  for (guint i = 0; i < pending->len; i++)
    {
      Profile *newcomer = g_ptr_array_index (pending, i);
      Profile *greeter = choose_greeter (greeters, newcomer, cap);

      /* The cap leaves room for everyone: greeters × cap >= all newcomers. */
      g_assert (greeter != NULL);

      if (!insert_pair (store, event_id, newcomer->id, greeter->id, now, error))
        return FALSE;
      greeter->load++;
    }

  if (released || pending->len > 0)
    mq_store_notify_changed (store, "greeters");

  if (n_new != NULL)
    *n_new = pending->len;

  return TRUE;
}

