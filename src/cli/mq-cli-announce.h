/* mq-cli-announce.h: marquee-cli account, announce and outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-cli.h"

G_BEGIN_DECLS

/* account add bluesky --server URL --handle H   (app password on stdin)
 * account add mastodon --server URL             (not available yet: exit 1)
 * account list [--json]
 * account remove ACCOUNT_ID
 */
int mq_cli_command_account   (MqCli       *self,
                              int          argc,
                              char       **argv);
/* announce EVENT_ID --account ID --text T [--at ISO] */
int mq_cli_command_announce  (MqCli       *self,
                              int          argc,
                              char       **argv);
/* outbox list [--json]
 * outbox run [--once]
 */
int mq_cli_command_outbox    (MqCli       *self,
                              int          argc,
                              char       **argv);

G_END_DECLS
