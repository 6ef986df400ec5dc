/* mq-cli.h: marquee-cli, the scripting interface over the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "marquee-core.h"

G_BEGIN_DECLS

/* Exit statuses of the contract in PRODUCT.md. */
#define MQ_CLI_EXIT_OK    0
#define MQ_CLI_EXIT_USER  1
#define MQ_CLI_EXIT_USAGE 2

#define MQ_TYPE_CLI (mq_cli_get_type ())

G_DECLARE_FINAL_TYPE (MqCli, mq_cli, MQ, CLI, GObject)

MqCli   *mq_cli_new   (void);
/* Runs one command line and returns the exit status. Output goes to the given
 * streams so tests can run commands in-process too.
 */
int      mq_cli_run   (MqCli         *self,
                       int            argc,
                       char         **argv,
                       GOutputStream *out,
                       GOutputStream *err);

G_END_DECLS
