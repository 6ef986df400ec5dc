/* mq-cli-announce.h: marquee-cli announce and outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-cli.h"

G_BEGIN_DECLS

/* announce EVENT_ID --account ID --text T [--image F --alt A] [--at ISO] */
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
