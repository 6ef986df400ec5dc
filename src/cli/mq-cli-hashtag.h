/* mq-cli-hashtag.h: marquee-cli hashtag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-cli.h"

G_BEGIN_DECLS

/* hashtag EVENT_ID [--json]: who is posting with the event's hashtag. */
int mq_cli_command_hashtag (MqCli       *self,
                            int          argc,
                            char       **argv);

G_END_DECLS
