/* mq-cli-account.h: marquee-cli account add, list and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-cli.h"

G_BEGIN_DECLS

/* account add bluesky --server URL --handle H   (app password on stdin)
 * account add mastodon --server URL             (prints the address to
 *                                                allow Marquee, reads the
 *                                                code from stdin)
 * account list [--json]
 * account remove ACCOUNT_ID
 */
int mq_cli_command_account   (MqCli       *self,
                              int          argc,
                              char       **argv);

G_END_DECLS
