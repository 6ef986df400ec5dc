/* mq-cli-transfer.h: marquee-cli import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-cli.h"

G_BEGIN_DECLS

/* import FILE --event ID [--format auto|meetup|eventbrite|luma|pretix|generic]
 *        [--map "COLUMN=FIELD"]… [--dry-run] [--json]
 */
int mq_cli_command_import (MqCli  *self,
                           int     argc,
                           char  **argv);
/* export EVENT_ID --format csv|ics|vcard|door-pdf|badges-pdf [--preset P]
 *        [--bom] [--semicolon] [-o FILE]
 */
int mq_cli_command_export (MqCli  *self,
                           int     argc,
                           char  **argv);

G_END_DECLS
