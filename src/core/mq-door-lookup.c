/* mq-door-lookup.c: find a guest of one event from two letters or a scanned code
 *
 * The door types a letter and expects the list to follow at once, even for a
 * festival night with thousands of RSVPs. So everything is folded once, when
 * the index is built, into a sorted array of (word, entry) pairs: a query word
 * is then a binary search plus a scan of the words it starts, and no query
 * allocates anything per entry. Entries are kept in name order (collation
 * keys computed at load), so results come out ranked by walking the entries.
 *
 * Email addresses and handles contribute their own part only (the local part,
 * the Mastodon user, the Bluesky handle without “.bsky.social”): indexing
 * “example”, “org” or “social” would make every guest match “so” or “or”.
 * A query of several words may still spell out a whole address or handle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-door-lookup"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mq-door-fuzzy.h"
#include "mq-door-lookup.h"
#include "mq-error.h"
#include "mq-search-text.h"
#include "mq-store-private.h"
#include "mq-ticket-code.h"

#define KIND_NONE 0xff

typedef struct
{
  gint64        rsvp_id;
  gint64        person_id;
  const char   *name;          /* all strings live in the lookup's chunk */
  const char   *folded_name;
  const char   *ticket_code;
  /* Folded email and handles, for queries that spell one out in full. */
  const char   *folded_contacts[3];
  MqRsvpStatus  status;
  int           party_size;
  guint         first_word;    /* into entry_words */
  guint         n_words;
} Entry;

typedef struct
{
  const char *word;
  guint       entry;
} WordRef;

struct _MqDoorLookup
{
  GObject       parent_instance;

  MqStore      *store;         /* (owned) */
  gint64        event_id;
  gboolean      stale;

  GStringChunk *chunk;         /* (owned) */
  GArray       *entries;       /* (owned) Entry, in name order */
  GPtrArray    *entry_words;   /* (owned) const char * into chunk, per entry */
  GArray       *words;         /* (owned) WordRef, sorted by word */
  GHashTable   *by_code;       /* (owned) code → entry index + 1 */

  /* Per-query marks, reused: an entry is marked when its stamp is current. */
  guint32      *stamps;
  guint8       *kinds;
  guint32       stamp;
};

G_DEFINE_FINAL_TYPE (MqDoorLookup, mq_door_lookup, G_TYPE_OBJECT)

void
mq_door_match_free (MqDoorMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->name);
  g_free (match->ticket_code);
  g_free (match);
}

static void
clear_index (MqDoorLookup *self)
{
  g_clear_pointer (&self->chunk, g_string_chunk_free);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->entry_words, g_ptr_array_unref);
  g_clear_pointer (&self->words, g_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->stamps, g_free);
  g_clear_pointer (&self->kinds, g_free);
  self->stamp = 0;
}

static void
on_store_changed (MqStore      *store,
                  const char   *what,
                  MqDoorLookup *self)
{
  self->stale = TRUE;
}

/* What of an address or handle a guest would say at the door. */
static char *
own_part (const char *text,
          int         column)
{
  const char *at;

  if (text == NULL || *text == '\0')
    return NULL;

  switch (column)
    {
    case 0: /* email: the local part */
      at = strchr (text, '@');
      return at != NULL ? g_strndup (text, at - text) : g_strdup (text);

    case 1: /* Mastodon: @user@host → user */
      if (*text == '@')
        text++;
      at = strchr (text, '@');
      return at != NULL ? g_strndup (text, at - text) : g_strdup (text);

    case 2: /* Bluesky: the handle, without the shared hosting suffix */
      if (*text == '@')
        text++;
      if (g_str_has_suffix (text, ".bsky.social"))
        return g_strndup (text, strlen (text) - strlen (".bsky.social"));
      return g_strdup (text);

    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_words (MqDoorLookup *self,
           const char   *text,
           guint         first_word)
{
  g_auto(GStrv) words = mq_search_text_tokenize (text);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = g_string_chunk_insert_const (self->chunk, words[i]);
      gboolean seen = FALSE;

      /* “ana” from the name and from “ana.garcia@…” is one word. */
      for (guint j = first_word; j < self->entry_words->len && !seen; j++)
        seen = g_ptr_array_index (self->entry_words, j) == word;

      if (!seen)
        g_ptr_array_add (self->entry_words, (gpointer) word);
    }
}

typedef struct
{
  Entry  entry;
  char  *collate_key;
  char  *contacts[3];
} LoadedRow;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const LoadedRow *ra = a, *rb = b;
  int cmp = strcmp (ra->collate_key, rb->collate_key);

  if (cmp != 0)
    return cmp;

  return (ra->entry.rsvp_id > rb->entry.rsvp_id) - (ra->entry.rsvp_id < rb->entry.rsvp_id);
}

static int
compare_word_refs (gconstpointer a,
                   gconstpointer b)
{
  const WordRef *wa = a, *wb = b;
  int cmp = strcmp (wa->word, wb->word);

  if (cmp != 0)
    return cmp;

  return (wa->entry > wb->entry) - (wa->entry < wb->entry);
}

static void
clear_loaded_row (gpointer data)
{
  LoadedRow *row = data;

  g_free (row->collate_key);
  for (guint i = 0; i < G_N_ELEMENTS (row->contacts); i++)
    g_free (row->contacts[i]);
}

static gboolean
load (MqDoorLookup  *self,
      GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (LoadedRow));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (rows, clear_loaded_row);
  clear_index (self);
  self->chunk = g_string_chunk_new (64 * 1024);

  stmt = mq_store_prepare (self->store,
                           "SELECT r.id, r.person_id, p.name, r.status, r.party_size, r.ticket_code, "
                           "       p.email, p.mastodon, p.bluesky "
                           "FROM rsvps r JOIN people p ON p.id = r.person_id "
                           "WHERE r.event_id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->event_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoadedRow row = { 0 };
      const char *name = mq_column_text (stmt, 2);
      g_autofree char *folded_name = mq_search_text_fold (name);

      row.entry.rsvp_id = sqlite3_column_int64 (stmt, 0);
      row.entry.person_id = sqlite3_column_int64 (stmt, 1);
      row.entry.name = g_string_chunk_insert (self->chunk, name);
      row.entry.folded_name = g_string_chunk_insert_const (self->chunk, folded_name);
      if (!mq_rsvp_status_from_string (mq_column_text (stmt, 3), &row.entry.status))
        row.entry.status = MQ_RSVP_STATUS_CANCELLED;
      row.entry.party_size = sqlite3_column_int (stmt, 4);
      row.entry.ticket_code = g_string_chunk_insert (self->chunk, mq_column_text (stmt, 5));
      row.collate_key = g_utf8_collate_key (name, -1);

      for (guint i = 0; i < G_N_ELEMENTS (row.contacts); i++)
        {
          const char *contact = mq_column_text (stmt, 6 + i);
          g_autofree char *folded = mq_search_text_fold (contact);

          row.contacts[i] = own_part (contact, i);
          row.entry.folded_contacts[i] = *folded != '\0' ? g_string_chunk_insert_const (self->chunk, folded) : NULL;
        }

      g_array_append_val (rows, row);
    }

  sqlite3_reset (stmt);
  if (!mq_store_propagate (self->store, rc, error))
    return FALSE;

  g_array_sort (rows, compare_rows);

  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), rows->len);
  self->entry_words = g_ptr_array_sized_new (rows->len * 4);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rows->len; i++)
    {
      LoadedRow *row = &g_array_index (rows, LoadedRow, i);
      Entry entry = row->entry;

      entry.first_word = self->entry_words->len;
      add_words (self, entry.name, entry.first_word);
      for (guint j = 0; j < G_N_ELEMENTS (row->contacts); j++)
        add_words (self, row->contacts[j], entry.first_word);
      entry.n_words = self->entry_words->len - entry.first_word;

      g_array_append_val (self->entries, entry);
      g_hash_table_insert (self->by_code, (gpointer) entry.ticket_code, GUINT_TO_POINTER (i + 1));
    }

  self->words = g_array_sized_new (FALSE, FALSE, sizeof (WordRef), self->entry_words->len);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      for (guint j = 0; j < entry->n_words; j++)
        {
          WordRef ref = { g_ptr_array_index (self->entry_words, entry->first_word + j), i };

          g_array_append_val (self->words, ref);
        }
    }
  g_array_sort (self->words, compare_word_refs);

  self->stamps = g_new0 (guint32, MAX (self->entries->len, 1));
  self->kinds = g_new0 (guint8, MAX (self->entries->len, 1));
  self->stale = FALSE;

  g_debug ("Indexed %u RSVPs of event %" G_GINT64_FORMAT " (%u words)",
           self->entries->len, self->event_id, self->words->len);

  return TRUE;
}

/* First word ref not sorting before @prefix. */
static guint
lower_bound (GArray     *words,
             const char *prefix)
{
  guint lo = 0, hi = words->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (g_array_index (words, WordRef, mid).word, prefix) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* First word ref after those starting with @prefix. */
static guint
prefix_end (GArray     *words,
            const char *prefix,
            gsize       len,
            guint       lo)
{
  guint hi = words->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strncmp (g_array_index (words, WordRef, mid).word, prefix, len) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
entry_has_prefix (MqDoorLookup *self,
                  const Entry  *entry,
                  const char   *prefix,
                  gsize         len)
{
  for (guint i = 0; i < entry->n_words; i++)
    {
      if (strncmp (g_ptr_array_index (self->entry_words, entry->first_word + i), prefix, len) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
entry_spells_contact (const Entry *entry,
                      const char  *folded_query,
                      gsize        len)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry->folded_contacts); i++)
    {
      if (entry->folded_contacts[i] != NULL &&
          strncmp (entry->folded_contacts[i], folded_query, len) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
mark (MqDoorLookup *self,
      guint         index,
      guint8        kind)
{
  self->stamps[index] = self->stamp;
  self->kinds[index] = kind;
}

static gboolean
is_marked (MqDoorLookup *self,
           guint         index,
           guint8        kind)
{
  return self->stamps[index] == self->stamp && self->kinds[index] == kind;
}

static void
next_stamp (MqDoorLookup *self)
{
  if (++self->stamp == 0)
    {
      memset (self->stamps, 0, sizeof (guint32) * MAX (self->entries->len, 1));
      self->stamp = 1;
    }
}

/* Marks every entry of which each query word starts a word; returns how many
 * of those are exact names.
 */
static guint
mark_words (MqDoorLookup  *self,
            char         **query_words,
            const char    *folded_query,
            guint         *n_prefix)
{
  guint n = g_strv_length (query_words);
  g_autofree gsize *lens = g_new (gsize, n);
  guint driver = 0, driver_lo = 0, driver_hi = 0;
  guint n_name = 0;

  /* Scan the rarest query word; check the others on each of its entries. */
  for (guint i = 0; i < n; i++)
    {
      guint lo, hi;

      lens[i] = strlen (query_words[i]);
      lo = lower_bound (self->words, query_words[i]);
      hi = prefix_end (self->words, query_words[i], lens[i], lo);
      if (i == 0 || hi - lo < driver_hi - driver_lo)
        {
          driver = i;
          driver_lo = lo;
          driver_hi = hi;
        }
    }

  for (guint r = driver_lo; r < driver_hi; r++)
    {
      guint index = g_array_index (self->words, WordRef, r).entry;
      const Entry *entry = &g_array_index (self->entries, Entry, index);
      gboolean all = TRUE;

      if (self->stamps[index] == self->stamp)
        continue;

      for (guint i = 0; i < n && all; i++)
        all = i == driver || entry_has_prefix (self, entry, query_words[i], lens[i]);

      if (!all)
        mark (self, index, KIND_NONE);
      else if (strcmp (entry->folded_name, folded_query) == 0)
        {
          mark (self, index, MQ_DOOR_MATCH_NAME);
          n_name++;
        }
      else
        {
          mark (self, index, MQ_DOOR_MATCH_PREFIX);
          (*n_prefix)++;
        }
    }

  /* “ana garcia example” spells out the start of an address. */
  if (n > 1)
    {
      gsize len = strlen (folded_query);

      for (guint i = 0; i < self->entries->len; i++)
        {
          const Entry *entry = &g_array_index (self->entries, Entry, i);

          if (is_marked (self, i, MQ_DOOR_MATCH_NAME) || is_marked (self, i, MQ_DOOR_MATCH_PREFIX))
            continue;

          if (entry_spells_contact (entry, folded_query, len))
            {
              mark (self, i, MQ_DOOR_MATCH_PREFIX);
              (*n_prefix)++;
            }
        }
    }

  return n_name;
}

static void
add_match (GPtrArray       *matches,
           const Entry     *entry,
           MqDoorMatchKind  kind)
{
  MqDoorMatch *match = g_new0 (MqDoorMatch, 1);

  match->rsvp_id = entry->rsvp_id;
  match->person_id = entry->person_id;
  match->name = g_strdup (entry->name);
  match->status = entry->status;
  match->party_size = entry->party_size;
  match->ticket_code = g_strdup (entry->ticket_code);
  match->kind = kind;
  g_ptr_array_add (matches, match);
}

static void
collect (MqDoorLookup    *self,
         GPtrArray       *matches,
         MqDoorMatchKind  kind,
         guint            limit)
{
  for (guint i = 0; i < self->entries->len && matches->len < limit; i++)
    {
      if (is_marked (self, i, kind))
        add_match (matches, &g_array_index (self->entries, Entry, i), kind);
    }
}

/* The typo-tolerant fallback ("bjron" finds Björn), for when no prefix
 * matched: a scan of every entry's words, which only this rare path pays.
 * Queries of short words only are left alone, as one edit on two letters
 * would match almost everyone.
 */
static void
collect_fuzzy (MqDoorLookup  *self,
               char         **query_words,
               GPtrArray     *matches,
               guint          limit)
{
  gboolean long_word = FALSE;

  for (guint i = 0; query_words[i] != NULL; i++)
    long_word |= g_utf8_strlen (query_words[i], -1) >= MQ_DOOR_FUZZY_MIN_WORD;
  if (!long_word)
    return;

  for (guint i = 0; i < self->entries->len && matches->len < limit; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      const char * const *entry_words = (const char * const *) self->entry_words->pdata + entry->first_word;

      if (mq_door_fuzzy_matches (entry_words, entry->n_words, (const char * const *) query_words))
        add_match (matches, entry, MQ_DOOR_MATCH_FUZZY);
    }
}

/**
 * mq_door_lookup_search:
 * @limit: the most matches wanted; 0 for all
 *
 * A query that is an RSVP's ticket code (in any case, with or without
 * spaces and dashes) ranks first; then guests whose whole name the query
 * is; then those of whom every query word starts a word; and only when
 * none of those, guests within one typo per word (MQ_DOOR_MATCH_FUZZY).
 */
GPtrArray *
mq_door_lookup_search (MqDoorLookup  *self,
                       const char    *query,
                       guint          limit,
                       GError       **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *code = NULL;
  g_auto(GStrv) words = NULL;
  guint n_name = 0, n_prefix = 0;
  guint code_index = 0;

  g_return_val_if_fail (MQ_IS_DOOR_LOOKUP (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->stale && !load (self, error))
    return NULL;

  if (limit == 0)
    limit = G_MAXUINT;

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_door_match_free);
  folded = mq_search_text_fold (query);
  words = *folded != '\0' ? g_strsplit (folded, " ", -1) : g_new0 (char *, 1);

  next_stamp (self);

  code = mq_ticket_code_normalize (query);
  if (code != NULL)
    {
      code_index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code));
      if (code_index > 0 && matches->len < limit)
        {
          add_match (matches, &g_array_index (self->entries, Entry, code_index - 1), MQ_DOOR_MATCH_CODE);
          mark (self, code_index - 1, MQ_DOOR_MATCH_CODE);
        }
    }

  /* A code is a code: its letters are no one's name. */
  if (code_index > 0 || words[0] == NULL || self->entries->len == 0)
    return g_steal_pointer (&matches);

  n_name = mark_words (self, words, folded, &n_prefix);

  if (n_name > 0)
    collect (self, matches, MQ_DOOR_MATCH_NAME, limit);
  if (n_prefix > 0)
    collect (self, matches, MQ_DOOR_MATCH_PREFIX, limit);
  if (n_name == 0 && n_prefix == 0)
    collect_fuzzy (self, words, matches, limit);

  return g_steal_pointer (&matches);
}

gint64
mq_door_lookup_get_event_id (MqDoorLookup *self)
{
  g_return_val_if_fail (MQ_IS_DOOR_LOOKUP (self), 0);

  return self->event_id;
}


/**
 * mq_door_lookup_new:
 *
 * Builds the index at once, so that the first guest at the door does not
 * wait for it; MQ_ERROR_NOT_FOUND when there is no such event.
 */
MqDoorLookup *
mq_door_lookup_new (MqStore  *store,
                    gint64    event_id,
                    GError  **error)
{
  g_autoptr(MqDoorLookup) self = NULL;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!mq_store_require_event (store, event_id, error))
    return NULL;

  self = g_object_new (MQ_TYPE_DOOR_LOOKUP, NULL);
  self->store = g_object_ref (store);
  self->event_id = event_id;

  g_signal_connect_object (store, "changed::rsvps", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (store, "changed::people", G_CALLBACK (on_store_changed), self, 0);

  if (!load (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
mq_door_lookup_finalize (GObject *object)
{
  MqDoorLookup *self = (MqDoorLookup *) object;

  clear_index (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_door_lookup_parent_class)->finalize (object);
}

static void
mq_door_lookup_class_init (MqDoorLookupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mq_door_lookup_finalize;
}

static void
mq_door_lookup_init (MqDoorLookup *self)
{
  self->stale = TRUE;
}
