/* test-cli.c: the marquee-cli contract, run against the built binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "cli-test-runner.h"
#include "marquee-core.h"


static guint
json_length (Cli        *cli,
             const char *first,
             ...)
{
  g_autoptr(JsonNode) root = NULL;
  va_list args;
  int status;

  va_start (args, first);
  status = run_valist (cli, first, args);
  va_end (args);
  g_assert_cmpint (status, ==, 0);

  root = parse_json (cli->out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_get_length (json_node_get_array (root));
}

static char *
add_event (Cli        *cli,
           const char *capacity)
{
  return run_ok (cli, "event", "add", "--title", "Honeyland", "--kind", "screening",
                 "--starts", "2026-12-03T19:30", "--tz", "Europe/Berlin",
                 "--venue", "Kino Moviemento", "--capacity", capacity,
                 "--film-title", "Honeyland", "--runtime", "85", NULL);
}

static char *
add_person (Cli        *cli,
            const char *name,
            const char *email)
{
  return run_ok (cli, "person", "add", "--name", name, "--email", email, NULL);
}

static void
test_cli_init_and_usage (Cli           *cli,
                         gconstpointer  data)
{
  g_autofree char *out = run_ok (cli, "init", NULL);

  g_assert_true (g_str_has_prefix (out, cli->db));
  g_assert_true (g_file_test (cli->db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (cli, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (cli->err, "frobnicate"));
  g_assert_cmpint (run (cli, "event", NULL), ==, 2);
  g_assert_cmpint (run (cli, "event", "list", "--bogus", NULL), ==, 2);
  g_assert_cmpint (run (cli, "rsvp", "set", "1", NULL), ==, 2);
  g_assert_cmpint (run (cli, "checkin", "1", NULL), ==, 2);
  g_assert_cmpint (run (cli, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (cli->out, "checkin"));
  g_assert_cmpint (run (cli, "event", "add", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (cli->out, "--capacity"));
}

/* A subcommand's --help names the program, then the command, then what
 * the command takes: options before the command are refused.
 */
static void
test_cli_subcommand_help (Cli           *cli,
                          gconstpointer  data)
{
  static const struct {
    const char *command[3];
    const char *usage;
  } cases[] = {
    { { "event", "add", NULL }, "  marquee-cli event add --title T --starts ISO\n" },
    { { "person", "merge", NULL }, "  marquee-cli person merge KEEP_ID DROP_ID\n" },
    { { "outbox", "cancel", NULL }, "  marquee-cli outbox cancel JOB_ID\n" },
    { { "stats", NULL, NULL }, "  marquee-cli stats EVENT_ID [--json]\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *usage_line;
      int status;

      if (cases[i].command[1] != NULL)
        status = run (cli, cases[i].command[0], cases[i].command[1], "--help", NULL);
      else
        status = run (cli, cases[i].command[0], "--help", NULL);
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (cli->err, ==, "");
      g_assert_null (strstr (cli->out, "(null)"));
      g_assert_null (strstr (cli->out, "[OPTION"));
      /* The line after the "Usage:" heading, however it is translated. */
      usage_line = strchr (cli->out, '\n');
      g_assert_nonnull (usage_line);
      g_assert_true (g_str_has_prefix (usage_line + 1, "  marquee-cli "));
      g_assert_true (g_str_has_prefix (usage_line + 1, cases[i].usage));
    }

  /* The option table still follows the usage line. */
  g_assert_cmpint (run (cli, "event", "add", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (cli->out, "ISO\n\n"));
  g_assert_nonnull (strstr (cli->out, "\n  --capacity=N "));
}

static void
test_cli_event_add_list_show (Cli           *cli,
                              gconstpointer  data)
{
  g_autofree char *id = add_event (cli, "40");
  g_autofree char *show = NULL;
  g_autofree char *parent_arg = NULL;
  g_autofree char *addon = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *event;

  g_assert_cmpstr (id, ==, "1");
  show = run_ok (cli, "event", "show", id, "--json", NULL);
  root = parse_json (show);
  event = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (event, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "screening");
  g_assert_cmpstr (json_object_get_string_member (event, "title"), ==, "Honeyland");
  /* 19:30 in Berlin in December is 18:30 UTC. */
  g_assert_cmpstr (json_object_get_string_member (event, "starts_at"), ==, "2026-12-03T18:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (event, "time_zone"), ==, "Europe/Berlin");
  g_assert_cmpstr (json_object_get_string_member (event, "venue"), ==, "Kino Moviemento");
  g_assert_cmpint (json_object_get_int_member (event, "capacity"), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "published");
  g_assert_true (json_object_get_null_member (event, "parent_id"));
  g_assert_true (json_object_get_null_member (event, "hashtag"));

  addon = run_ok (cli, "event", "add", "--title", "Pub quiz after the talks", "--kind", "addon",
                  "--parent", id, "--starts", "2026-12-03T22:00:00+01:00", "--tz", "Europe/Berlin", NULL);
  g_assert_cmpstr (addon, ==, "2");
  g_assert_cmpuint (json_length (cli, "event", "list", "--json", NULL), ==, 2);

  g_clear_pointer (&root, json_node_unref);
  g_free (show);
  show = run_ok (cli, "event", "show", "2", "--json", NULL);
  root = parse_json (show);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "parent_id"), ==, 1);
  g_assert_true (json_object_get_null_member (json_node_get_object (root), "capacity"));
}

static void
test_cli_event_bad_input (Cli           *cli,
                          gconstpointer  data)
{
  g_autofree char *id = add_event (cli, "10");

  assert_user_error (cli, run (cli, "event", "add", "--title", "  ", "--starts", "2026-12-03T19:30", NULL),
                     "title");
  assert_user_error (cli, run (cli, "event", "add", "--title", "X", "--starts", "next tuesday", NULL),
                     "next tuesday");
  assert_user_error (cli, run (cli, "event", "add", "--title", "X", "--starts", "2026-13-45T19:30", NULL),
                     "2026-13-45T19:30");
  assert_user_error (cli, run (cli, "event", "add", "--title", "X", "--starts", "2026-12-03T19:30",
                               "--capacity=-3", NULL), "-3");
  assert_user_error (cli, run (cli, "event", "add", "--title", "X", "--starts", "2026-12-03T19:30",
                               "--capacity", "lots", NULL), "lots");
  assert_user_error (cli, run (cli, "event", "add", "--title", "X", "--starts", "2026-12-03T19:30",
                               "--kind", "party", NULL), "party");
  assert_user_error (cli, run (cli, "event", "add", "--title", "X", "--starts", "2026-12-03T19:30",
                               "--tz", "Mars/Olympus_Mons", NULL), "Mars/Olympus_Mons");
  assert_user_error (cli, run (cli, "event", "add", "--title", "X", "--starts", "2026-12-03T19:30",
                               "--ends", "2026-12-03T18:00", NULL), "");
  assert_user_error (cli, run (cli, "event", "add", "--title", "X", "--kind", "addon",
                               "--starts", "2026-12-03T19:30", "--parent", "99", NULL), "99");
  assert_user_error (cli, run (cli, "event", "show", "99", NULL), "99");
  assert_user_error (cli, run (cli, "event", "show", "abc", NULL), "abc");

  /* Nothing of the refused commands was written. */
  g_assert_cmpuint (json_length (cli, "event", "list", "--json", NULL), ==, 1);
}

static void
test_cli_people (Cli           *cli,
                 gconstpointer  data)
{
  g_autofree char *bjorn = add_person (cli, "Björn Ødegård", "bjorn@example.org");
  g_autofree char *zoe = run_ok (cli, "person", "add", "--name", "Zoë Adeyemi",
                                 "--mastodon", "zoe@films.social", "--bluesky", "zoe.bsky.social", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *person;

  g_assert_cmpstr (bjorn, ==, "1");
  g_assert_cmpstr (zoe, ==, "2");

  out = run_ok (cli, "person", "list", "--search", "bjorn", "--json", NULL);
  root = parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  person = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (person, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "Björn Ødegård");
  g_assert_cmpstr (json_object_get_string_member (person, "email"), ==, "bjorn@example.org");
  g_assert_true (json_object_get_null_member (person, "phone"));

  g_clear_pointer (&root, json_node_unref);
  g_free (out);
  out = run_ok (cli, "person", "list", "--search", "zoe", "--json", NULL);
  root = parse_json (out);
  person = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (person, "mastodon"), ==, "@zoe@films.social");
  g_assert_cmpstr (json_object_get_string_member (person, "bluesky"), ==, "zoe.bsky.social");

  g_assert_cmpuint (json_length (cli, "person", "list", "--json", NULL), ==, 2);

  assert_user_error (cli, run (cli, "person", "add", "--name", "", NULL), "name");
  assert_user_error (cli, run (cli, "person", "add", "--name", "X", "--email", "not-an-email", NULL),
                     "not-an-email");
  assert_user_error (cli, run (cli, "person", "merge", "1", "77", NULL), "77");
  assert_user_error (cli, run (cli, "person", "merge", "1", "1", NULL), "themselves");
  g_assert_cmpuint (json_length (cli, "person", "list", "--json", NULL), ==, 2);
}

static void
set_rsvp (Cli        *cli,
          const char *event,
          const char *person,
          const char *status,
          const char *guests,
          const char *expected)
{
  g_autofree char *out = run_ok (cli, "rsvp", "set", event, person, "--status", status,
                                 "--guests", guests, NULL);

  g_assert_cmpstr (out, ==, expected);
}

static JsonObject *
rsvp_of (JsonArray *rsvps,
         gint64     person_id)
{
  for (guint i = 0; i < json_array_get_length (rsvps); i++)
    {
      JsonObject *rsvp = json_array_get_object_element (rsvps, i);

      if (json_object_get_int_member (rsvp, "person_id") == person_id)
        return rsvp;
    }

  g_assert_not_reached ();
}

/* The example of the foundation issue, step by step. */
static void
test_cli_waitlist_example (Cli           *cli,
                           gconstpointer  data)
{
  g_autofree char *event = add_event (cli, "3");
  g_autofree char *a = add_person (cli, "Ana García", "ana@example.org");
  g_autofree char *b = add_person (cli, "Kwame Mensah", "kwame@example.org");
  g_autofree char *c = add_person (cli, "Mei Tanaka", "mei@example.org");
  g_autofree char *d = add_person (cli, "Søren Kierkegaard", "soren@example.org");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rsvps;
  JsonObject *rsvp;

  set_rsvp (cli, event, a, "going", "1", "going");        /* party of 2 */
  set_rsvp (cli, event, b, "going", "0", "going");        /* single: full now */
  set_rsvp (cli, event, c, "going", "1", "waitlisted");   /* party of 2 */
  set_rsvp (cli, event, d, "going", "0", "waitlisted");   /* single */
  set_rsvp (cli, event, b, "cancelled", "0", "cancelled");

  out = run_ok (cli, "rsvp", "list", event, "--json", NULL);
  root = parse_json (out);
  rsvps = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (rsvps), ==, 4);

  rsvp = rsvp_of (rsvps, 4);
  g_assert_cmpstr (json_object_get_string_member (rsvp, "status"), ==, "going");
  g_assert_cmpstr (json_object_get_string_member (rsvp, "name"), ==, "Søren Kierkegaard");
  rsvp = rsvp_of (rsvps, 3);
  g_assert_cmpstr (json_object_get_string_member (rsvp, "status"), ==, "waitlisted");
  g_assert_cmpint (json_object_get_int_member (rsvp, "party_size"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (rsvp, "waitlist_position"), ==, 1);
  rsvp = rsvp_of (rsvps, 2);
  g_assert_cmpstr (json_object_get_string_member (rsvp, "status"), ==, "cancelled");
  rsvp = rsvp_of (rsvps, 1);
  g_assert_cmpstr (json_object_get_string_member (rsvp, "status"), ==, "going");
  g_assert_cmpint (json_object_get_int_member (rsvp, "party_size"), ==, 2);
  g_assert_cmpuint (strlen (json_object_get_string_member (rsvp, "ticket_code")), >=, 10);
  g_assert_cmpstr (json_object_get_string_member (rsvp, "source"), ==, "manual");
  g_assert_true (json_object_get_null_member (rsvp, "checked_in_at"));

  /* The promotion is in Søren's history, made by the waitlist. */
  g_clear_pointer (&root, json_node_unref);
  g_free (out);
  out = run_ok (cli, "rsvp", "history", event, d, "--json", NULL);
  root = parse_json (out);
  rsvps = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (rsvps), ==, 2);
  rsvp = json_array_get_object_element (rsvps, 0);
  g_assert_true (json_object_get_null_member (rsvp, "from"));
  g_assert_cmpstr (json_object_get_string_member (rsvp, "to"), ==, "waitlisted");
  rsvp = json_array_get_object_element (rsvps, 1);
  g_assert_cmpstr (json_object_get_string_member (rsvp, "from"), ==, "waitlisted");
  g_assert_cmpstr (json_object_get_string_member (rsvp, "to"), ==, "going");

  /* Stats agree. */
  g_clear_pointer (&root, json_node_unref);
  g_free (out);
  out = run_ok (cli, "stats", event, "--json", NULL);
  root = parse_json (out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "going_people"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "waitlisted"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "seats_left"), ==, 0);
}

static void
test_cli_rsvp_bad_input (Cli           *cli,
                         gconstpointer  data)
{
  g_autofree char *event = add_event (cli, "3");
  g_autofree char *a = add_person (cli, "Ana García", "ana@example.org");

  assert_user_error (cli, run (cli, "rsvp", "set", "42", a, "--status", "going", NULL), "42");
  assert_user_error (cli, run (cli, "rsvp", "set", event, "42", "--status", "going", NULL), "42");
  assert_user_error (cli, run (cli, "rsvp", "set", event, a, "--status", "perhaps", NULL), "perhaps");
  assert_user_error (cli, run (cli, "rsvp", "set", event, a, "--status", "going", "--guests", "-1", NULL), "-1");
  assert_user_error (cli, run (cli, "rsvp", "set", event, a, "--status", "going", "--override", NULL),
                     "reason");
  assert_user_error (cli, run (cli, "rsvp", "list", "42", NULL), "42");
  g_assert_cmpuint (json_length (cli, "rsvp", "list", event, "--json", NULL), ==, 0);
}

static void
test_cli_checkin (Cli           *cli,
                  gconstpointer  data)
{
  g_autofree char *event = add_event (cli, "10");
  g_autofree char *a = add_person (cli, "Björn Ødegård", "bjorn@example.org");
  g_autofree char *b = add_person (cli, "Zoë Adeyemi", "zoe@example.org");
  g_autofree char *c = add_person (cli, "Zoltan Kovács", "zoltan@example.org");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  const char *code;

  set_rsvp (cli, event, a, "going", "2", "going");
  set_rsvp (cli, event, b, "going", "0", "going");
  set_rsvp (cli, event, c, "declined", "0", "declined");

  out = run_ok (cli, "checkin", event, "--person", a, "--station", "Door 2", NULL);
  g_assert_cmpstr (out, ==, "admitted");
  g_free (out);
  out = run_ok (cli, "checkin", event, "--person", a, "--json", NULL);
  root = parse_json (out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "outcome"), ==, "already-in");
  g_assert_cmpstr (json_object_get_string_member (object, "station"), ==, "Door 2");
  g_assert_cmpint (json_object_get_int_member (object, "party_size"), ==, 3);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "message"), "Already in since "));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "message"), " at Door 2"));

  /* Undo needs a reason; then the guest can be admitted again. */
  assert_user_error (cli, run (cli, "checkin", "undo", event, a, NULL), "reason");
  g_free (out);
  out = run_ok (cli, "checkin", "undo", event, a, "--reason", "scanned the wrong ticket", NULL);
  g_assert_cmpstr (out, ==, "undone");
  assert_user_error (cli, run (cli, "checkin", "undo", event, a, "--reason", "again", NULL), "");
  g_free (out);
  out = run_ok (cli, "checkin", event, "--search", "bjorn", NULL);
  g_assert_cmpstr (out, ==, "admitted");

  /* A ticket code, typed in lower case with a dash, as people do. */
  g_clear_pointer (&root, json_node_unref);
  g_free (out);
  out = run_ok (cli, "rsvp", "list", event, "--json", NULL);
  root = parse_json (out);
  code = json_object_get_string_member (rsvp_of (json_node_get_array (root), 2), "ticket_code");
  {
    g_autofree char *typed = g_strdup_printf ("%.5s-%s", code, code + 5);
    g_autofree char *lower = g_ascii_strdown (typed, -1);
    g_autofree char *result = run_ok (cli, "checkin", event, "--code", lower, NULL);

    g_assert_cmpstr (result, ==, "admitted");
  }

  g_free (out);
  out = run_ok (cli, "checkin", event, "--search", "zo", NULL);
  g_assert_cmpstr (out, ==, "ambiguous");
  g_free (out);
  out = run_ok (cli, "checkin", event, "--search", "nobody here", NULL);
  g_assert_cmpstr (out, ==, "not-found");
  g_free (out);
  out = run_ok (cli, "checkin", event, "--code", "ZZZZZZZZZZ", NULL);
  g_assert_cmpstr (out, ==, "not-found");
  g_free (out);
  out = run_ok (cli, "checkin", event, "--person", c, NULL);
  g_assert_cmpstr (out, ==, "not-going");

  assert_user_error (cli, run (cli, "checkin", "99", "--person", a, NULL), "99");
  g_assert_cmpint (run (cli, "checkin", event, "--person", a, "--code", "X", NULL), ==, 2);

  g_clear_pointer (&root, json_node_unref);
  g_free (out);
  out = run_ok (cli, "stats", event, "--json", NULL);
  root = parse_json (out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "checked_in_people"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "checked_in"), ==, 2);
}

static void
test_cli_search (Cli           *cli,
                 gconstpointer  data)
{
  g_autofree char *event = add_event (cli, "10");
  g_autofree char *a = add_person (cli, "Zoë Adeyemi", "zoe@example.org");
  g_autofree char *b = add_person (cli, "Zoe", "zoe.two@example.org");
  g_autofree char *c = add_person (cli, "Björn Ødegård", "bjorn@example.org");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *matches;

  set_rsvp (cli, event, a, "going", "0", "going");
  set_rsvp (cli, event, b, "going", "0", "going");
  set_rsvp (cli, event, c, "maybe", "0", "maybe");

  out = run_ok (cli, "search", event, "zoe", "--json", NULL);
  root = parse_json (out);
  matches = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (matches), ==, 2);
  /* The exact name ranks above the prefix. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (matches, 0), "name"), ==, "Zoe");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (matches, 1), "name"), ==, "Zoë Adeyemi");

  g_clear_pointer (&root, json_node_unref);
  g_free (out);
  out = run_ok (cli, "search", event, "bjorn ode", "--json", NULL);
  root = parse_json (out);
  matches = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (matches), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (matches, 0), "person_id"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (matches, 0), "status"), ==, "maybe");

  assert_user_error (cli, run (cli, "search", "5", "zoe", NULL), "5");
}

static void
test_cli_merge (Cli           *cli,
                gconstpointer  data)
{
  g_autofree char *event = add_event (cli, "10");
  g_autofree char *a = add_person (cli, "Ana García", "ana@example.org");
  g_autofree char *b = run_ok (cli, "person", "add", "--name", "Ana Garcia", "--phone", "+34 600 123 456", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *rsvp;

  set_rsvp (cli, event, b, "going", "1", "going");
  g_free (out);
  out = run_ok (cli, "person", "merge", a, b, NULL);
  g_assert_cmpstr (out, ==, a);
  g_assert_cmpuint (json_length (cli, "person", "list", "--json", NULL), ==, 1);

  g_free (out);
  out = run_ok (cli, "rsvp", "list", event, "--json", NULL);
  root = parse_json (out);
  rsvp = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (rsvp, "person_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (rsvp, "name"), ==, "Ana García");
  g_assert_cmpint (json_object_get_int_member (rsvp, "party_size"), ==, 2);
}

static void
test_cli_demo (Cli           *cli,
               gconstpointer  data)
{
  g_autofree char *out = run_ok (cli, "demo", "--people", "120", "--events", "4", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *events;

  g_assert_cmpuint (json_length (cli, "person", "list", "--json", NULL), ==, 120);
  g_free (out);
  out = run_ok (cli, "event", "list", "--json", NULL);
  root = parse_json (out);
  events = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (events), ==, 4);

  /* A second demo would mix two clubs: refused, nothing changed. */
  assert_user_error (cli, run (cli, "demo", NULL), "already");
  g_assert_cmpuint (json_length (cli, "person", "list", "--json", NULL), ==, 120);
  assert_user_error (cli, run (cli, "--db", "/proc/no/such/dir/x.db", "init", NULL), "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/cli/" path, Cli, NULL, cli_setup, func, cli_teardown)
  ADD ("init-and-usage", test_cli_init_and_usage);
  ADD ("subcommand-help", test_cli_subcommand_help);
  ADD ("event/add-list-show", test_cli_event_add_list_show);
  ADD ("event/bad-input", test_cli_event_bad_input);
  ADD ("person/add-list-search", test_cli_people);
  ADD ("person/merge", test_cli_merge);
  ADD ("rsvp/waitlist-example", test_cli_waitlist_example);
  ADD ("rsvp/bad-input", test_cli_rsvp_bad_input);
  ADD ("checkin/admit-undo-code-search", test_cli_checkin);
  ADD ("search/ranking", test_cli_search);
  ADD ("demo", test_cli_demo);
#undef ADD

  return g_test_run ();
}
