/* mq-person-merge.c: two directory records of one person become one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person-directory"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mq-error.h"
#include "mq-person-directory-private.h"
#include "mq-rsvp-ledger.h"

/* An admit that was not undone. */
#define ADMITTED(r) \
  "EXISTS (SELECT 1 FROM check_ins a WHERE a.rsvp_id = " r ".id AND a.action = 'admit'" \
  " AND NOT EXISTS (SELECT 1 FROM check_ins u WHERE u.action = 'undo' AND u.undoes_id = a.id))"

/* Each RSVP of the dropped person, with the kept person's RSVP to the same
 * event when there is one.
 */
#define RSVP_PAIRS \
  "SELECT d.id, d.event_id, d.status, " ADMITTED ("d") ", k.id, k.status, " ADMITTED ("k") \
  " FROM rsvps d LEFT JOIN rsvps k ON k.event_id = d.event_id AND k.person_id = ?2" \
  " WHERE d.person_id = ?1 ORDER BY d.id"

typedef struct
{
  gint64   event_id;
  gint64   drop_rsvp;
  int      drop_rank;
  gboolean drop_going;
  gint64   keep_rsvp;
  int      keep_rank;
  gboolean keep_going;
} RsvpPair;

/* How far an answer got: being in the room beats any status. */
static int
rank_of (const char *status,
         gboolean    admitted)
{
  static const char * const order[] = { "cancelled", "declined", "maybe", "waitlisted", "going" };

  if (admitted)
    return G_N_ELEMENTS (order);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (g_strcmp0 (status, order[i]) == 0)
        return i;
    }

  return 0;
}

static GArray *
read_rsvp_pairs (MqStore  *store,
                 gint64    keep_id,
                 gint64    drop_id,
                 GError  **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, TRUE, sizeof (RsvpPair));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store, RSVP_PAIRS, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, drop_id);
  sqlite3_bind_int64 (stmt, 2, keep_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RsvpPair pair = { 0 };

      pair.drop_rsvp = sqlite3_column_int64 (stmt, 0);
      pair.event_id = sqlite3_column_int64 (stmt, 1);
      pair.drop_rank = rank_of (mq_column_text (stmt, 2), sqlite3_column_int (stmt, 3));
      pair.drop_going = g_strcmp0 (mq_column_text (stmt, 2), "going") == 0;
      pair.keep_rsvp = sqlite3_column_int64 (stmt, 4);
      pair.keep_rank = rank_of (mq_column_text (stmt, 5), sqlite3_column_int (stmt, 6));
      pair.keep_going = g_strcmp0 (mq_column_text (stmt, 5), "going") == 0;
      g_array_append_val (pairs, pair);
    }
  sqlite3_reset (stmt);

  if (!mq_store_propagate (store, rc, error))
    return NULL;

  return g_steal_pointer (&pairs);
}

/* Runs one statement with the ids as ?1 and, when it uses it, ?2. */
static gboolean
run_with_ids (MqStore     *store,
              const char  *sql,
              gint64       first,
              gint64       second,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, first);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, second);
  return mq_store_step_done (store, stmt, error);
}

static gboolean
give_rsvp_to (MqStore     *store,
              gint64       rsvp_id,
              gint64       person_id,
              const char  *now,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store,
                                 "UPDATE rsvps SET person_id = ?1, updated_at = ?3 WHERE id = ?2",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, rsvp_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return mq_store_step_done (store, stmt, error);
}

/* Both answered one event: the RSVP that got further survives (the kept
 * person's on a tie) and takes over the other's history and check-ins.
 * Returns the event in @freed_event when a "going" party lost its seats.
 */
static gboolean
resolve_conflict (MqStore         *store,
                  const RsvpPair  *pair,
                  gint64           keep_id,
                  const char      *now,
                  gint64          *freed_event,
                  GError         **error)
{
  gboolean keep_wins = pair->keep_rank >= pair->drop_rank;
  gint64 winner = keep_wins ? pair->keep_rsvp : pair->drop_rsvp;
  gint64 loser = keep_wins ? pair->drop_rsvp : pair->keep_rsvp;
  gboolean loser_going = keep_wins ? pair->drop_going : pair->keep_going;

  if (!run_with_ids (store, "UPDATE rsvp_history SET rsvp_id = ?1 WHERE rsvp_id = ?2",
                     winner, loser, error) ||
      !run_with_ids (store, "UPDATE check_ins SET rsvp_id = ?1 WHERE rsvp_id = ?2",
                     winner, loser, error) ||
      !run_with_ids (store, "DELETE FROM rsvps WHERE id = ?1",
                     loser, 0, error))
    return FALSE;

  if (!keep_wins && !give_rsvp_to (store, winner, keep_id, now, error))
    return FALSE;

  *freed_event = loser_going ? pair->event_id : 0;
  return TRUE;
}

static gboolean
move_rsvps (MqStore  *store,
            gint64    keep_id,
            gint64    drop_id,
            GArray   *freed_events,
            guint    *moved,
            GError  **error)
{
  g_autoptr(GArray) pairs = NULL;
  g_autofree char *now = mq_store_now_iso (store);

  if (!(pairs = read_rsvp_pairs (store, keep_id, drop_id, error)))
    return FALSE;

  for (guint i = 0; i < pairs->len; i++)
    {
      const RsvpPair *pair = &g_array_index (pairs, RsvpPair, i);
      gint64 freed_event = 0;

      if (pair->keep_rsvp == 0)
        {
          if (!give_rsvp_to (store, pair->drop_rsvp, keep_id, now, error))
            return FALSE;
        }
      else
        {
          if (!resolve_conflict (store, pair, keep_id, now, &freed_event, error))
            return FALSE;
          if (freed_event != 0)
            g_array_append_val (freed_events, freed_event);
        }
    }

  *moved = pairs->len;
  return TRUE;
}

/* Roles and pairs that the kept person already has stay as they are. */
static gboolean
move_roles_and_pairs (MqStore  *store,
                      gint64    keep_id,
                      gint64    drop_id,
                      GError  **error)
{
  static const char * const statements[] = {
    "INSERT OR IGNORE INTO volunteers (event_id, person_id, role)"
    " SELECT event_id, ?1, role FROM volunteers WHERE person_id = ?2",
    "DELETE FROM volunteers WHERE person_id = ?2",
    "UPDATE OR IGNORE greeter_assignments SET newcomer_id = ?1 WHERE newcomer_id = ?2",
    "UPDATE greeter_assignments SET greeter_id = ?1 WHERE greeter_id = ?2",
    /* One person cannot greet themselves. */
    "DELETE FROM greeter_assignments WHERE newcomer_id = ?1 AND greeter_id = ?1",
    /* …nor be introduced to themselves. */
    "DELETE FROM introductions WHERE (person_a = ?1 AND person_b = ?2)"
    " OR (person_a = ?2 AND person_b = ?1)",
    "UPDATE introductions SET person_a = ?1 WHERE person_a = ?2",
    "UPDATE introductions SET person_b = ?1 WHERE person_b = ?2",
    "UPDATE introductions SET by_person = ?1 WHERE by_person = ?2",
    /* Earlier merges into the dropped person stay on record. */
    "UPDATE person_merges SET kept_id = ?1 WHERE kept_id = ?2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      if (!run_with_ids (store, statements[i], keep_id, drop_id, error))
        return FALSE;
    }

  return TRUE;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
person_to_json (MqPerson *person)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *created = NULL;
  const char * const *tags = mq_person_get_tags (person);

  if (mq_person_get_created_at (person) != NULL)
    created = g_date_time_format (mq_person_get_created_at (person), "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, mq_person_get_id (person));
  add_member (builder, "name", mq_person_get_name (person));
  add_member (builder, "email", mq_person_get_email (person));
  add_member (builder, "phone", mq_person_get_phone (person));
  add_member (builder, "mastodon", mq_person_get_mastodon (person));
  add_member (builder, "bluesky", mq_person_get_bluesky (person));
  add_member (builder, "organization", mq_person_get_organization (person));
  add_member (builder, "pronouns", mq_person_get_pronouns (person));
  add_member (builder, "languages", mq_person_get_languages (person));
  add_member (builder, "notes", mq_person_get_notes (person));
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "consent_contact");
  json_builder_add_boolean_value (builder, mq_person_get_consent_contact (person));
  json_builder_set_member_name (builder, "consent_photo");
  json_builder_add_boolean_value (builder, mq_person_get_consent_photo (person));
  json_builder_set_member_name (builder, "consent_listed");
  json_builder_add_boolean_value (builder, mq_person_get_consent_listed (person));
  add_member (builder, "created_at", created);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
record_merge (MqStore     *store,
              MqPerson    *keep,
              MqPerson    *drop,
              const char  *actor,
              GError     **error)
{
  g_autofree char *dropped = person_to_json (drop);
  g_autofree char *now = mq_store_now_iso (store);
  sqlite3_stmt *stmt;

  if (!(stmt = mq_store_prepare (store,
                                 "INSERT INTO person_merges (kept_id, dropped_id, dropped, merged_at, actor)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, mq_person_get_id (keep));
  sqlite3_bind_int64 (stmt, 2, mq_person_get_id (drop));
  sqlite3_bind_text (stmt, 3, dropped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 5, actor);
  return mq_store_step_done (store, stmt, error);
}

/* Consents are not copied: agreeing under one record is no agreement for
 * what the other record was used for.
 */
static void
fill_blanks (MqPerson *keep,
             MqPerson *drop)
{
  static const char * const fields[] = {
    "email", "phone", "mastodon", "bluesky", "organization", "pronouns", "languages", "notes",
  };
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *mine = NULL;
      g_autofree char *theirs = NULL;

      g_object_get (keep, fields[i], &mine, NULL);
      g_object_get (drop, fields[i], &theirs, NULL);
      if (mine == NULL && theirs != NULL)
        g_object_set (keep, fields[i], theirs, NULL);
    }

  for (const char * const *t = mq_person_get_tags (keep); *t != NULL; t++)
    g_ptr_array_add (tags, (gpointer) *t);
  for (const char * const *t = mq_person_get_tags (drop); *t != NULL; t++)
    g_ptr_array_add (tags, (gpointer) *t);
  g_ptr_array_add (tags, NULL);

  /* The directory removes duplicates and sorts when it writes them. */
  mq_person_set_tags (keep, (const char * const *) tags->pdata);
}

static gboolean
promote_freed_seats (MqStore      *store,
                     GArray       *freed_events,
                     const char   *actor,
                     GError      **error)
{
  g_autoptr(MqRsvpLedger) ledger = NULL;

  if (freed_events->len == 0)
    return TRUE;

  ledger = mq_rsvp_ledger_new (store);
  for (guint i = 0; i < freed_events->len; i++)
    {
      if (mq_rsvp_ledger_promote (ledger, g_array_index (freed_events, gint64, i), actor, error) < 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
mq_person_directory_merge (MqPersonDirectory  *self,
                           gint64              keep_id,
                           gint64              drop_id,
                           const char         *actor,
                           GError            **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(MqPerson) keep = NULL;
  g_autoptr(MqPerson) drop = NULL;
  g_autoptr(GArray) freed_events = g_array_new (FALSE, FALSE, sizeof (gint64));
  MqStore *store;
  guint moved = 0;

  g_return_val_if_fail (MQ_IS_PERSON_DIRECTORY (self), FALSE);

  store = _mq_person_directory_get_store (self);
  if (actor == NULL || *actor == '\0')
    actor = g_get_user_name ();

  if (keep_id == drop_id)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("A person cannot be merged with themselves: choose two different people"));
      return FALSE;
    }

  if (!mq_transaction_begin (&tx, store, error))
    return FALSE;

  if (!(keep = mq_person_directory_get (self, keep_id, error)) ||
      !(drop = mq_person_directory_get (self, drop_id, error)))
    return FALSE;

  if (!move_rsvps (store, keep_id, drop_id, freed_events, &moved, error) ||
      !move_roles_and_pairs (store, keep_id, drop_id, error) ||
      !record_merge (store, keep, drop, actor, error))
    return FALSE;

  fill_blanks (keep, drop);
  if (!mq_person_directory_update (self, keep, error))
    return FALSE;

  if (!run_with_ids (store, "DELETE FROM people WHERE id = ?1", drop_id, 0, error))
    return FALSE;

  if (!promote_freed_seats (store, freed_events, actor, error))
    return FALSE;

  mq_store_notify_changed (store, "people");
  if (moved > 0)
    mq_store_notify_changed (store, "rsvps");

  return mq_transaction_commit (&tx, error);
}
