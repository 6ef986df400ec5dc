/* test-cli-door.c: marquee-cli volunteer, greeters and walkin, run for real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  char *db;
  char *out;
  char *err;
} Cli;

static void
cli_setup (Cli           *cli,
           gconstpointer  data)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  cli->db = g_build_filename (g_get_user_data_dir (), "cli-door.db", NULL);
}

static void
cli_teardown (Cli           *cli,
              gconstpointer  data)
{
  g_clear_pointer (&cli->db, g_free);
  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->err, g_free);
}

/* Runs marquee-cli --db DB with the NULL-terminated @words. */
static int
runv (Cli                *cli,
      const char * const *words)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("MARQUEE_CLI");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, cli->db);
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) words[i]);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->err, g_free);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &cli->out, &cli->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

#define RUN(cli, ...) runv ((cli), (const char * const[]) { __VA_ARGS__, NULL })

/* A command that must succeed: its stdout without the final newline. */
static char *
run_okv (Cli                *cli,
         const char * const *words)
{
  int status = runv (cli, words);

  if (status != 0)
    g_error ("marquee-cli %s … exited %d: %s", words[0], status, cli->err);

  return g_strchomp (g_strdup (cli->out));
}

#define RUN_OK(cli, ...) run_okv ((cli), (const char * const[]) { __VA_ARGS__, NULL })

static void
assert_user_error (Cli        *cli,
                   int         status,
                   const char *fragment)
{
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (cli->err, "marquee-cli: "));
  if (strstr (cli->err, fragment) == NULL)
    g_error ("stderr “%s” does not mention “%s”", cli->err, fragment);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* An event with capacity @capacity ("" for none), people, RSVPs going. */
static char *
add_event (Cli        *cli,
           const char *capacity)
{
  if (*capacity == '\0')
    return RUN_OK (cli, "event", "add", "--title", "Honeyland", "--starts", "2026-12-03T19:30");

  return RUN_OK (cli, "event", "add", "--title", "Honeyland", "--starts", "2026-12-03T19:30",
                 "--capacity", capacity);
}

static char *
add_going (Cli        *cli,
           const char *event,
           const char *name)
{
  char *id = RUN_OK (cli, "person", "add", "--name", name);
  g_autofree char *status = RUN_OK (cli, "rsvp", "set", event, id, "--status", "going");

  g_assert_cmpstr (status, ==, "going");
  return id;
}

static void
test_volunteer (Cli           *cli,
                gconstpointer  data)
{
  g_autofree char *event = add_event (cli, "");
  g_autofree char *kai = RUN_OK (cli, "person", "add", "--name", "Kai");
  g_autofree char *out = NULL;
  g_autofree char *unused = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first;

  unused = RUN_OK (cli, "volunteer", "add", event, kai, "--role", "greeter");
  g_free (unused);
  unused = RUN_OK (cli, "volunteer", "add", event, kai, "--role", "door");

  g_assert_cmpint (RUN (cli, "volunteer", "add", event, kai, "--role", "bouncer"), ==, 2);
  g_assert_cmpint (RUN (cli, "volunteer", "add", event, kai), ==, 2);
  assert_user_error (cli, RUN (cli, "volunteer", "add", event, "99", "--role", "door"), "99");
  assert_user_error (cli, RUN (cli, "volunteer", "add", "42", kai, "--role", "door"), "42");

  out = RUN_OK (cli, "volunteer", "list", event, "--json");
  root = parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Kai");
  g_assert_cmpstr (json_object_get_string_member (first, "role"), ==, "door");
  g_assert_cmpint (json_object_get_int_member (first, "person_id"), ==, g_ascii_strtoll (kai, NULL, 10));

  g_free (unused);
  unused = RUN_OK (cli, "volunteer", "remove", event, kai, "--role", "door");
  assert_user_error (cli, RUN (cli, "volunteer", "remove", event, kai, "--role", "door"), "door");
}

static void
test_greeters (Cli           *cli,
               gconstpointer  data)
{
  g_autofree char *event = add_event (cli, "");
  g_autofree char *sam = RUN_OK (cli, "person", "add", "--name", "Sam");
  g_autofree char *ana = add_going (cli, event, "Ana García");
  g_autofree char *bo = add_going (cli, event, "Bo Lind");
  g_autofree char *unused = NULL;
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) mine_root = NULL;
  JsonArray *assignments;
  JsonObject *pair;

  assert_user_error (cli, RUN (cli, "greeters", "assign", event), "greeter");

  unused = RUN_OK (cli, "volunteer", "add", event, sam, "--role", "greeter");
  out = RUN_OK (cli, "greeters", "assign", event, "--json");
  root = parse_json (out);
  assignments = json_object_get_array_member (json_node_get_object (root), "assignments");
  g_assert_cmpuint (json_array_get_length (assignments), ==, 2);
  pair = json_array_get_object_element (assignments, 0);
  g_assert_cmpint (json_object_get_int_member (pair, "newcomer_id"), ==, g_ascii_strtoll (ana, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (pair, "newcomer"), ==, "Ana García");
  g_assert_cmpint (json_object_get_int_member (pair, "greeter_id"), ==, g_ascii_strtoll (sam, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (pair, "greeter"), ==, "Sam");

  /* Re-running changes nothing. */
  again = RUN_OK (cli, "greeters", "assign", event, "--json");
  g_assert_cmpstr (again, ==, out);

  g_free (unused);
  unused = RUN_OK (cli, "checkin", event, "--person", bo);
  mine = RUN_OK (cli, "greeters", "list", event, "--greeter", sam, "--json");
  mine_root = parse_json (mine);
  assignments = json_object_get_array_member (json_node_get_object (mine_root), "assignments");
  g_assert_cmpuint (json_array_get_length (assignments), ==, 2);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (assignments, 0), "arrived"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (assignments, 1), "arrived"));

  g_free (unused);
  unused = RUN_OK (cli, "greeters", "met", event, ana);
  g_free (unused);
  unused = RUN_OK (cli, "greeters", "introduce", event, ana, bo, "--by", sam, "--note", "both cyclists");
  g_assert_cmpstr (unused, ==, "1");
  assert_user_error (cli, RUN (cli, "greeters", "introduce", event, ana, ana), "two different");
}

static void
test_walkin (Cli           *cli,
             gconstpointer  data)
{
  g_autofree char *event = add_event (cli, "2");
  g_autofree char *ana = add_going (cli, event, "Ana García");
  g_autofree char *zoe = NULL;
  g_autofree char *out = NULL;
  g_autofree char *candidates = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_auto(GStrv) fields = NULL;

  out = RUN_OK (cli, "walkin", event, "--name", "Zoë Martin", "--email", "zoe@example.org");
  fields = g_strsplit (out, "\t", -1);
  g_assert_cmpstr (fields[0], ==, "admitted");
  zoe = g_strdup (fields[1]);

  /* Full now: the door needs an organizer. */
  assert_user_error (cli, RUN (cli, "walkin", event, "--name", "Bo Lind"), "full");
  g_assert_cmpint (RUN (cli, "walkin", event, "--name", "Bo Lind", "--override"), ==, 2);
  g_free (out);
  out = RUN_OK (cli, "walkin", event, "--name", "Bo Lind", "--override", "--reason", "projectionist's friend", "--json");
  root = parse_json (out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "outcome"), ==, "admitted");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "source"), ==, "walk-in");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "status"), ==, "going");

  /* Duplicate check: same name without accents, same email. */
  candidates = RUN_OK (cli, "walkin", event, "--name", "zoe martin", "--email", "ZOE@example.org",
                       "--candidates", "--json");
  list = parse_json (candidates);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (list), 0),
                                                  "match"), ==, "email");

  assert_user_error (cli, RUN (cli, "walkin", event, "--name", "Z. Martin", "--email", "zoe@example.org"),
                     zoe);

  /* "That's them": Ana was going already, now she is in. */
  g_free (out);
  out = RUN_OK (cli, "walkin", event, "--person", ana);
  g_assert_true (g_str_has_prefix (out, "admitted\t"));
  g_free (out);
  out = RUN_OK (cli, "walkin", event, "--person", ana);
  g_assert_true (g_str_has_prefix (out, "already-in\t"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/cli/door/" path, Cli, NULL, cli_setup, func, cli_teardown)

  ADD ("volunteer", test_volunteer);
  ADD ("greeters", test_greeters);
  ADD ("walkin", test_walkin);

#undef ADD

  return g_test_run ();
}
