/* test-door-lookup.c: finding a guest at the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "marquee-core.h"
#include "mq-store-private.h"

typedef struct
{
  MqStore *store;
  gint64   event;
  gint64   other_event;
} Fixture;

static gint64
add_event (MqStore    *store,
           const char *title)
{
  sqlite3_stmt *stmt = mq_store_prepare (store,
                                         "INSERT INTO events (title, starts_at, time_zone, capacity, created_at, updated_at) "
                                         "VALUES (?1, '2026-05-01T18:00:00Z', 'Europe/Berlin', 100, "
                                         "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                                         NULL);

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  g_assert_true (mq_store_step_done (store, stmt, NULL));
  return sqlite3_last_insert_rowid (mq_store_get_db (store));
}

static gint64
add_person (MqStore    *store,
            const char *name,
            const char *email,
            const char *mastodon,
            const char *bluesky)
{
  g_autofree char *search_text = mq_search_text_for_person (name, email, mastodon, bluesky);
  sqlite3_stmt *stmt = mq_store_prepare (store,
                                         "INSERT INTO people (name, email, mastodon, bluesky, search_text, created_at, updated_at) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                                         NULL);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 2, email);
  mq_bind_text_or_null (stmt, 3, mastodon);
  mq_bind_text_or_null (stmt, 4, bluesky);
  sqlite3_bind_text (stmt, 5, search_text, -1, SQLITE_TRANSIENT);
  g_assert_true (mq_store_step_done (store, stmt, NULL));
  return sqlite3_last_insert_rowid (mq_store_get_db (store));
}

static gint64
add_rsvp (MqStore    *store,
          gint64      event,
          gint64      person,
          const char *status,
          const char *code)
{
  sqlite3_stmt *stmt = mq_store_prepare (store,
                                         "INSERT INTO rsvps (event_id, person_id, status, party_size, ticket_code, "
                                         "  created_at, updated_at) "
                                         "VALUES (?1, ?2, ?3, 2, ?4, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')",
                                         NULL);

  sqlite3_bind_int64 (stmt, 1, event);
  sqlite3_bind_int64 (stmt, 2, person);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, code, -1, SQLITE_TRANSIENT);
  g_assert_true (mq_store_step_done (store, stmt, NULL));
  return sqlite3_last_insert_rowid (mq_store_get_db (store));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 zoe, zoe_two, zoltan, bjorn, ana;

  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->event = add_event (f->store, "Honeyland");
  f->other_event = add_event (f->store, "Citizenfour");

  zoe = add_person (f->store, "Zoë Adeyemi", "zoe@example.org", "@zoe_a@films.social", NULL);
  zoe_two = add_person (f->store, "Zoe", "zoe.two@example.org", NULL, "kinofan.bsky.social");
  zoltan = add_person (f->store, "Zoltan Kovács", "zoltan@example.org", NULL, NULL);
  bjorn = add_person (f->store, "Björn Ødegård", "bjorn@example.net", NULL, NULL);
  ana = add_person (f->store, "Ana García", "ana.garcia@example.com", NULL, NULL);

  add_rsvp (f->store, f->event, zoe, "going", "KTW7XQ3M9P");
  add_rsvp (f->store, f->event, zoe_two, "waitlisted", "ABCDEFGHJK");
  add_rsvp (f->store, f->event, zoltan, "declined", "MNPQRSTUVW");
  add_rsvp (f->store, f->event, bjorn, "maybe", "23456789AB");
  /* Ana comes only to the other event. */
  add_rsvp (f->store, f->other_event, ana, "going", "XYZ2345678");
  add_rsvp (f->store, f->other_event, bjorn, "going", "HJKMNPQRST");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

static GPtrArray *
search (MqDoorLookup *lookup,
        const char   *query,
        guint         limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *matches = mq_door_lookup_search (lookup, query, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matches);
  return matches;
}

static MqDoorMatch *
nth (GPtrArray *matches,
     guint      i)
{
  return g_ptr_array_index (matches, i);
}

static MqDoorLookup *
new_lookup (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  MqDoorLookup *lookup = mq_door_lookup_new (f->store, f->event, &error);

  g_assert_no_error (error);
  g_assert_cmpint (mq_door_lookup_get_event_id (lookup), ==, f->event);
  return lookup;
}

static void
test_ranking_name_before_prefix (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(MqDoorLookup) lookup = new_lookup (f);
  g_autoptr(GPtrArray) matches = search (lookup, "zoe", 10);

  g_assert_cmpuint (matches->len, ==, 2);
  g_assert_cmpstr (nth (matches, 0)->name, ==, "Zoe");
  g_assert_cmpint (nth (matches, 0)->kind, ==, MQ_DOOR_MATCH_NAME);
  g_assert_cmpint (nth (matches, 0)->status, ==, MQ_RSVP_STATUS_WAITLISTED);
  g_assert_cmpstr (nth (matches, 1)->name, ==, "Zoë Adeyemi");
  g_assert_cmpint (nth (matches, 1)->kind, ==, MQ_DOOR_MATCH_PREFIX);
  g_assert_cmpstr (nth (matches, 1)->ticket_code, ==, "KTW7XQ3M9P");
  g_assert_cmpint (nth (matches, 1)->party_size, ==, 2);
}

static void
test_ranking_code_first (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(MqDoorLookup) lookup = new_lookup (f);
  g_autoptr(GPtrArray) exact = search (lookup, "MNPQRSTUVW", 10);
  g_autoptr(GPtrArray) typed = search (lookup, "mnpqr-stuvw", 10);
  g_autoptr(GPtrArray) other = search (lookup, "XYZ2345678", 10);

  g_assert_cmpuint (exact->len, ==, 1);
  g_assert_cmpint (nth (exact, 0)->kind, ==, MQ_DOOR_MATCH_CODE);
  g_assert_cmpstr (nth (exact, 0)->name, ==, "Zoltan Kovács");
  g_assert_cmpint (nth (exact, 0)->status, ==, MQ_RSVP_STATUS_DECLINED);
  g_assert_cmpuint (typed->len, ==, 1);
  g_assert_cmpint (nth (typed, 0)->kind, ==, MQ_DOOR_MATCH_CODE);
  g_assert_cmpint (nth (typed, 0)->rsvp_id, ==, nth (exact, 0)->rsvp_id);
  /* A code of another event's RSVP opens nothing here. */
  g_assert_cmpuint (other->len, ==, 0);
}

static void
test_accent_folding (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(MqDoorLookup) lookup = new_lookup (f);
  const char *queries[] = { "bjorn", "BJÖRN", "odegard", "Ødegård", "bjorn odegard", "ode bjo", "  b  " };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) matches = search (lookup, queries[i], 10);

      g_assert_cmpuint (matches->len, ==, 1);
      g_assert_cmpstr (nth (matches, 0)->name, ==, "Björn Ødegård");
    }

  {
    g_autoptr(GPtrArray) exact = search (lookup, "BJORN ØDEGÅRD", 10);

    g_assert_cmpint (nth (exact, 0)->kind, ==, MQ_DOOR_MATCH_NAME);
  }
  {
    g_autoptr(GPtrArray) kovacs = search (lookup, "kovacs", 10);

    g_assert_cmpuint (kovacs->len, ==, 1);
    g_assert_cmpstr (nth (kovacs, 0)->name, ==, "Zoltan Kovács");
  }
}

static void
test_prefix_every_word (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(MqDoorLookup) lookup = new_lookup (f);
  g_autoptr(GPtrArray) both = search (lookup, "zo ad", 10);
  g_autoptr(GPtrArray) none = search (lookup, "zo xy", 10);
  g_autoptr(GPtrArray) middle = search (lookup, "egard", 10);
  g_autoptr(GPtrArray) empty = search (lookup, " - ", 10);

  g_assert_cmpuint (both->len, ==, 1);
  g_assert_cmpstr (nth (both, 0)->name, ==, "Zoë Adeyemi");
  g_assert_cmpuint (none->len, ==, 0);
  /* Prefixes, not substrings. */
  g_assert_cmpuint (middle->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_email_and_handles (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(MqDoorLookup) lookup = new_lookup (f);
  g_autoptr(GPtrArray) local = search (lookup, "zoe.two", 10);
  g_autoptr(GPtrArray) address = search (lookup, "zoe.two@example.org", 10);
  g_autoptr(GPtrArray) mastodon = search (lookup, "@zoe_a", 10);
  g_autoptr(GPtrArray) bluesky = search (lookup, "kinof", 10);
  g_autoptr(GPtrArray) domain = search (lookup, "social", 10);
  g_autoptr(GPtrArray) example = search (lookup, "ex", 10);

  g_assert_cmpuint (local->len, ==, 1);
  g_assert_cmpstr (nth (local, 0)->name, ==, "Zoe");
  g_assert_cmpuint (address->len, ==, 1);
  g_assert_cmpstr (nth (address, 0)->name, ==, "Zoe");
  g_assert_cmpuint (mastodon->len, ==, 1);
  g_assert_cmpstr (nth (mastodon, 0)->name, ==, "Zoë Adeyemi");
  g_assert_cmpuint (bluesky->len, ==, 1);
  g_assert_cmpstr (nth (bluesky, 0)->name, ==, "Zoe");
  /* Hosts and domains are everyone's: they find no one in particular. */
  g_assert_cmpuint (domain->len, ==, 0);
  g_assert_cmpuint (example->len, ==, 0);
}

static void
test_limit_and_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(MqDoorLookup) lookup = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) two = NULL;
  const char *names[] = { "Mira Weiß", "Mika Häkkinen", "Mateo Núñez", "Maja Nowak" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *code = g_strdup_printf ("QQQQQQQQQ%c", "2345"[i]);

      add_rsvp (f->store, f->event, add_person (f->store, names[i], NULL, NULL, NULL), "going", code);
    }

  lookup = new_lookup (f);
  all = search (lookup, "m", 0);
  two = search (lookup, "m", 2);

  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (nth (all, 0)->name, ==, "Maja Nowak");
  g_assert_cmpstr (nth (all, 1)->name, ==, "Mateo Núñez");
  g_assert_cmpstr (nth (all, 2)->name, ==, "Mika Häkkinen");
  g_assert_cmpstr (nth (all, 3)->name, ==, "Mira Weiß");
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpstr (nth (two, 1)->name, ==, "Mateo Núñez");
}

static void
test_stale_after_new_rsvp (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(MqDoorLookup) lookup = new_lookup (f);
  g_autoptr(GPtrArray) before = search (lookup, "chiamaka", 10);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) renamed = NULL;
  sqlite3_stmt *stmt;
  gint64 person;

  g_assert_cmpuint (before->len, ==, 0);

  person = add_person (f->store, "Chiamaka Eze", NULL, NULL, NULL);
  add_rsvp (f->store, f->event, person, "going", "CCCCCCCCCC");
  mq_store_notify_changed (f->store, "rsvps");
  after = search (lookup, "chiamaka", 10);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (nth (after, 0)->person_id, ==, person);

  stmt = mq_store_prepare (f->store, "UPDATE people SET name = 'Chiamaka Okafor' WHERE id = ?1", NULL);
  sqlite3_bind_int64 (stmt, 1, person);
  g_assert_true (mq_store_step_done (f->store, stmt, NULL));
  mq_store_notify_changed (f->store, "people");
  renamed = search (lookup, "chi oka", 10);
  g_assert_cmpuint (renamed->len, ==, 1);
  g_assert_cmpstr (nth (renamed, 0)->name, ==, "Chiamaka Okafor");
}

static void
test_other_events_never (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(MqDoorLookup) lookup = new_lookup (f);
  g_autoptr(GPtrArray) ana = search (lookup, "ana", 10);
  g_autoptr(GPtrArray) bjorn = search (lookup, "bjorn", 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqDoorLookup) missing = mq_door_lookup_new (f->store, 999, &error);

  g_assert_cmpuint (ana->len, ==, 0);
  /* Björn comes to both: here as "maybe", with this event's RSVP. */
  g_assert_cmpuint (bjorn->len, ==, 1);
  g_assert_cmpint (nth (bjorn, 0)->status, ==, MQ_RSVP_STATUS_MAYBE);
  g_assert_cmpstr (nth (bjorn, 0)->ticket_code, ==, "23456789AB");

  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/door-lookup/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("ranking/name-before-prefix", test_ranking_name_before_prefix);
  ADD ("ranking/code-first", test_ranking_code_first);
  ADD ("folding/accents-and-case", test_accent_folding);
  ADD ("prefix/every-word", test_prefix_every_word);
  ADD ("contacts/email-and-handles", test_email_and_handles);
  ADD ("results/limit-and-name-order", test_limit_and_order);
  ADD ("index/stale-after-change", test_stale_after_new_rsvp);
  ADD ("index/other-events-never", test_other_events_never);
#undef ADD

  return g_test_run ();
}
