/* cli-test-runner.c: runs the built marquee-cli on a test's own database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-runner.h"

void
cli_setup (Cli           *cli,
           gconstpointer  data)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  cli->db = g_build_filename (g_get_user_data_dir (), "cli-test.db", NULL);
}

void
cli_teardown (Cli           *cli,
              gconstpointer  data)
{
  g_clear_pointer (&cli->db, g_free);
  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->err, g_free);
}

/* Runs marquee-cli --db DB ARGS… and returns its exit status; stdout and
 * stderr are kept in cli->out / cli->err.
 */
int
run_valist (Cli        *cli,
            const char *first,
            va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("MARQUEE_CLI");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, cli->db);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->err, g_free);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &cli->out, &cli->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

int
run (Cli        *cli,
     const char *first,
     ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_valist (cli, first, args);
  va_end (args);

  return status;
}

/* Runs a command that must succeed and returns its stdout without the newline. */
char *
run_ok (Cli        *cli,
        const char *first,
        ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_valist (cli, first, args);
  va_end (args);

  if (status != 0)
    g_error ("marquee-cli %s … exited %d: %s", first, status, cli->err);

  return g_strchomp (g_strdup (cli->out));
}

void
assert_user_error (Cli        *cli,
                   int         status,
                   const char *fragment)
{
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (cli->out, ==, "");
  /* One line, starting with the program name, naming the problem. */
  g_assert_true (g_str_has_prefix (cli->err, "marquee-cli: "));
  g_assert_cmpint (strchr (cli->err, '\n') - cli->err, ==, (int) strlen (cli->err) - 1);
  if (strstr (cli->err, fragment) == NULL)
    g_error ("stderr “%s” does not mention “%s”", cli->err, fragment);
}

JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}
