/* mq-demo-people.c: the sample club's members
 *
 * Names come from many backgrounds, with their accents and letters kept;
 * addresses and handles are spelled the way people make them from their
 * names, on the example domains only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-demo-data"

#include "config.h"

#include <string.h>

#include "mq-demo-data-private.h"
#include "mq-demo-names.h"
#include "mq-search-text.h"

static gboolean
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

static const char *
pick (GRand              *rand,
      const char * const *strv)
{
  return strv[g_rand_int_range (rand, 0, g_strv_length ((char **) strv))];
}

/* Folded once per distinct name part: "Ødegård" → "odegard". */
static const char *
ascii_of (GHashTable *cache,
          const char *text)
{
  char *ascii = g_hash_table_lookup (cache, text);

  if (ascii == NULL)
    {
      g_autofree char *folded = mq_search_text_fold (text);
      GString *out = g_string_new (NULL);

      for (const char *p = folded; *p != '\0'; p++)
        {
          if (g_ascii_isalnum (*p))
            g_string_append_c (out, *p);
        }
      ascii = g_string_free (out, FALSE);
      g_hash_table_insert (cache, (gpointer) text, ascii);
    }

  return ascii;
}

typedef struct
{
  GString    *name;
  GString    *email;
  GString    *mastodon;
  GString    *bluesky;
  const char *pronouns;
  const char *languages;
  const char *organization;
  const char *notes;
  const char *tags[2];
  gboolean    consents[3];
} DemoPerson;

static void
make_person (MqDemoContext *ctx,
             GHashTable    *ascii,
             GHashTable    *used,
             guint          index,
             DemoPerson    *person)
{
  static const char *notes[] = { "Prefers an aisle seat", "Needs captions", "Comes by wheelchair; keep a space free",
                                 "Happy to help at the door", NULL };
  guint n_cultures, n_script;
  const MqDemoCulture *cultures = mq_demo_cultures (&n_cultures);
  const MqDemoScriptName *script = mq_demo_script_names (&n_script);
  GRand *rand = ctx->rand;
  g_autofree char *local = NULL;
  char gender;

  g_string_truncate (person->name, 0);
  g_string_truncate (person->email, 0);
  g_string_truncate (person->mastodon, 0);
  g_string_truncate (person->bluesky, 0);

  if (chance (rand, 0.04))
    {
      const MqDemoScriptName *entry = &script[g_rand_int_range (rand, 0, n_script)];

      g_string_append (person->name, entry->name);
      local = g_strdup (entry->latin);
      person->languages = entry->languages;
      gender = entry->gender;
    }
  else
    {
      const MqDemoCulture *culture = &cultures[g_rand_int_range (rand, 0, n_cultures)];
      const char *given, *family, *given_ascii, *family_ascii;

      gender = chance (rand, 0.5) ? 'f' : 'm';
      given = pick (rand, gender == 'f' ? culture->given_f : culture->given_m);
      family = pick (rand, culture->family);
      g_string_append_printf (person->name, "%s %s",
                              culture->family_first ? family : given,
                              culture->family_first ? given : family);
      given_ascii = ascii_of (ascii, given);
      family_ascii = ascii_of (ascii, family);
      person->languages = chance (rand, 0.7) ? culture->languages : NULL;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          local = g_strdup_printf ("%s%s", given_ascii, family_ascii);
          break;
        case 1:
          local = g_strdup_printf ("%c.%s", given_ascii[0], family_ascii);
          break;
        default:
          local = g_strdup_printf ("%s.%s", given_ascii, family_ascii);
          break;
        }
    }

  /* The first members get the plain address; after that, as on any big
   * mailing list, addresses carry a number. Beyond a thousand it is the
   * index, unique without remembering every address.
   */
  if (index < 1000)
    {
      for (guint n = 2; g_hash_table_contains (used, local); n++)
        {
          char *numbered = g_strdup_printf ("%s%u", local, n);

          if (!g_hash_table_contains (used, numbered))
            {
              g_free (local);
              local = numbered;
              break;
            }
          g_free (numbered);
        }
      g_hash_table_add (used, g_strdup (local));
    }
  else
    {
      char *numbered = g_strdup_printf ("%s%u", local, index);

      g_free (local);
      local = numbered;
    }

  g_string_append_printf (person->email, "%s@%s", local, pick (rand, mq_demo_email_domains ()));

  if (chance (rand, 0.28))
    {
      g_string_append_printf (person->mastodon, "@%s", local);
      g_strdelimit (person->mastodon->str, ".", '_');
      g_string_append_printf (person->mastodon, "@%s", pick (rand, mq_demo_mastodon_hosts ()));
    }
  if (chance (rand, 0.22))
    {
      g_string_append_printf (person->bluesky, "%s.bsky.social", local);
      g_strdelimit (person->bluesky->str, "._", '-');
      /* Restore the dots of the suffix the delimiting just took. */
      memcpy (person->bluesky->str + person->bluesky->len - strlen (".bsky.social"), ".bsky.social",
              strlen (".bsky.social"));
    }

  if (chance (rand, 0.04))
    person->pronouns = "they/them";
  else if (chance (rand, 0.4))
    person->pronouns = gender == 'f' ? (chance (rand, 0.85) ? "she/her" : "she/they")
                                     : (chance (rand, 0.85) ? "he/him" : "he/they");
  else
    person->pronouns = NULL;

  person->organization = chance (rand, 0.15) ? pick (rand, mq_demo_organizations ()) : NULL;
  person->notes = chance (rand, 0.03) ? pick (rand, notes) : NULL;
  person->tags[0] = chance (rand, 0.5) ? pick (rand, mq_demo_tags ()) : NULL;
  person->tags[1] = person->tags[0] != NULL && chance (rand, 0.3) ? pick (rand, mq_demo_tags ()) : NULL;
  if (g_strcmp0 (person->tags[0], person->tags[1]) == 0)
    person->tags[1] = NULL;
  /* The first members run the club. */
  if (index < 8)
    {
      person->tags[0] = "volunteer";
      person->tags[1] = index == 0 ? "board" : NULL;
    }
  person->consents[0] = chance (rand, 0.7);
  person->consents[1] = chance (rand, 0.5);
  person->consents[2] = chance (rand, 0.4);
}

static void
bind_gstring (sqlite3_stmt *stmt,
              int           column,
              GString      *text)
{
  if (text->len == 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text->str, (int) text->len, SQLITE_STATIC);
}

static void
bind_static_or_null (sqlite3_stmt *stmt,
                     int           column,
                     const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

/* Rows go first to temporary tables without indexes or triggers, then into
 * the real ones with one statement each: inserting row by row into a table
 * whose trigger feeds FTS5 costs a statement journal per row, several times
 * the work of the insert itself.
 */
static gboolean
create_staging (MqDemoContext  *ctx,
                gint64         *first_id,
                GError        **error)
{
  sqlite3_stmt *stmt;

  if (!mq_store_exec (ctx->store,
                      "CREATE TEMP TABLE demo_people AS SELECT * FROM main.people WHERE 0;"
                      "CREATE TEMP TABLE demo_tags AS SELECT * FROM main.person_tags WHERE 0",
                      error))
    return FALSE;

  stmt = mq_store_prepare (ctx->store, "SELECT coalesce(max(id), 0) + 1 FROM main.people", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *first_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
move_staging (MqDemoContext  *ctx,
              GError        **error)
{
  return mq_store_exec (ctx->store,
                        "INSERT INTO main.people SELECT * FROM temp.demo_people ORDER BY id;"
                        "INSERT INTO main.person_tags SELECT * FROM temp.demo_tags;"
                        "DROP TABLE temp.demo_people;"
                        "DROP TABLE temp.demo_tags",
                        error);
}

gboolean
mq_demo_insert_people (MqDemoContext  *ctx,
                       GError        **error)
{
  g_autoptr(GHashTable) ascii = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DemoPerson person = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };
  sqlite3_stmt *insert, *tag;
  gint64 joined_from = ctx->now - 3 * 365 * MQ_DEMO_DAY;
  gint64 first_id = 1;
  gboolean ok = FALSE;

  if (!create_staging (ctx, &first_id, error))
    goto out;

  insert = mq_store_prepare (ctx->store,
                             "INSERT INTO temp.demo_people (id, name, email, mastodon, bluesky, organization, "
                             "  pronouns, languages, notes, consent_contact, consent_photo, consent_listed, "
                             "  search_text, name_key, created_at, updated_at) "
                             "VALUES (?14, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?15, ?13, ?13)",
                             error);
  if (insert == NULL)
    goto out;
  tag = mq_store_prepare (ctx->store, "INSERT INTO temp.demo_tags (person_id, tag) VALUES (?1, ?2)", error);
  if (tag == NULL)
    goto out;

  for (guint i = 0; i < ctx->n_people; i++)
    {
      g_autofree char *search_text = NULL;
      g_autofree char *name_key = NULL;
      char created[32];

      make_person (ctx, ascii, used, i, &person);
      search_text = mq_search_text_for_person (person.name->str, person.email->str,
                                               person.mastodon->str, person.bluesky->str);
      name_key = mq_search_text_fold_name (person.name->str);
      mq_demo_format_time (joined_from + (gint64) i * (3 * 365 * MQ_DEMO_DAY - MQ_DEMO_DAY) / ctx->n_people,
                           created);
      ctx->person_ids[i] = first_id + i;

      sqlite3_clear_bindings (insert);
      bind_gstring (insert, 1, person.name);
      bind_gstring (insert, 2, person.email);
      bind_gstring (insert, 3, person.mastodon);
      bind_gstring (insert, 4, person.bluesky);
      bind_static_or_null (insert, 5, person.organization);
      bind_static_or_null (insert, 6, person.pronouns);
      bind_static_or_null (insert, 7, person.languages);
      bind_static_or_null (insert, 8, person.notes);
      for (int c = 0; c < 3; c++)
        sqlite3_bind_int (insert, 9 + c, person.consents[c]);
      sqlite3_bind_text (insert, 12, search_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 13, created, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 14, ctx->person_ids[i]);
      sqlite3_bind_text (insert, 15, name_key, -1, SQLITE_STATIC);
      if (!mq_store_step_done (ctx->store, insert, error))
        goto out;

      for (guint t = 0; t < G_N_ELEMENTS (person.tags) && person.tags[t] != NULL; t++)
        {
          sqlite3_clear_bindings (tag);
          sqlite3_bind_int64 (tag, 1, ctx->person_ids[i]);
          sqlite3_bind_text (tag, 2, person.tags[t], -1, SQLITE_STATIC);
          if (!mq_store_step_done (ctx->store, tag, error))
            goto out;
        }

      if (i < G_N_ELEMENTS (ctx->door_volunteers) + 1 && i > 0)
        ctx->door_volunteers[i - 1] = g_strdup (person.name->str);
    }

  ok = move_staging (ctx, error);

out:
  g_string_free (person.name, TRUE);
  g_string_free (person.email, TRUE);
  g_string_free (person.mastodon, TRUE);
  g_string_free (person.bluesky, TRUE);
  return ok;
}
