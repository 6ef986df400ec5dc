/* cli-test-runner.h: runs the built marquee-cli on a test's own database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *db;
  char *out;
  char *err;
} Cli;

/* Each case gets a database under its isolated XDG data folder. */
void      cli_setup         (Cli           *cli,
                             gconstpointer  data);
void      cli_teardown      (Cli           *cli,
                             gconstpointer  data);
/* marquee-cli --db DB ARGS… (NULL-terminated), with an empty standard input;
 * returns the exit status and keeps stdout and stderr in cli->out / cli->err.
 */
int       run_valist        (Cli           *cli,
                             const char    *first,
                             va_list        args);
int       run               (Cli           *cli,
                             const char    *first,
                             ...) G_GNUC_NULL_TERMINATED;
/* A command that must succeed: its stdout without the final newline. */
char     *run_ok            (Cli           *cli,
                             const char    *first,
                             ...) G_GNUC_NULL_TERMINATED;
/* Exit 1, nothing on stdout, one line on stderr that mentions @fragment. */
void      assert_user_error (Cli           *cli,
                             int            status,
                             const char    *fragment);
JsonNode *parse_json        (const char    *text);

G_END_DECLS
