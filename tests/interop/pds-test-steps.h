/* pds-test-steps.h: the steps the Bluesky interop test takes through marquee-cli
 *
 * Each runs the built binary (MARQUEE_CLI) on the case's own database or
 * reads the keyring marquee-cli wrote to, and fails the test when a step
 * does not do what a user would expect.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cli-test-runner.h"
#include "crash-proxy.h"
#include "pds-client.h"

G_BEGIN_DECLS

int         run_with_input               (Cli         *cli,
                                          const char  *input,
                                          const char  *first,
                                          ...) G_GNUC_NULL_TERMINATED;
/* `account add bluesky` with the app password on stdin; Marquee's id. */
char       *add_account                  (Cli         *cli,
                                          const char  *server,
                                          PdsAccount  *account);
/* `init`, then `event add` of the screening every case announces. */
char       *add_screening                (Cli         *cli);
void        outbox_run                   (Cli         *cli,
                                          const char  *says);
JsonObject *last_job                     (Cli         *cli,
                                          JsonNode   **keep);
void        assert_json_equal            (JsonNode    *expected,
                                          JsonNode    *actual);
void        assert_no_secret_in_database (Cli         *cli,
                                          gint64       account_id);
/* What marquee-cli keeps in the keyring under @name for the account of the
 * database at @db. */
char       *keyring_secret               (const char  *db,
                                          gint64       account_id,
                                          const char  *name);
char       *calls_since                  (CrashProxy  *proxy,
                                          guint       *seen);
/* A PNG next to the database; a noisy one does not compress. */
char       *write_poster                 (Cli         *cli,
                                          const char  *name,
                                          int          width,
                                          int          height,
                                          gboolean     noisy);

G_END_DECLS
