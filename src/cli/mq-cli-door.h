/* mq-cli-door.h: marquee-cli volunteer, greeters, walkin and the door printouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-cli.h"

G_BEGIN_DECLS

/* volunteer add|remove EVENT_ID PERSON_ID --role organizer|door|greeter
 * volunteer list EVENT_ID [--json]
 */
int mq_cli_command_volunteer  (MqCli       *self,
                               int          argc,
                               char       **argv);
/* greeters assign EVENT_ID [--json]
 * greeters list EVENT_ID [--greeter PERSON_ID] [--json]
 * greeters met EVENT_ID NEWCOMER_ID [--not]
 * greeters introduce EVENT_ID PERSON_ID PERSON_ID [--by PERSON_ID] [--note N]
 */
int mq_cli_command_greeters   (MqCli       *self,
                               int          argc,
                               char       **argv);
/* walkin EVENT_ID --name N [--email E] [--handle H] [--person ID] [--guests N]
 *        [--station S] [--override --reason R] [--candidates] [--json]
 */
int mq_cli_command_walkin     (MqCli       *self,
                               int          argc,
                               char       **argv);

/* For `export EVENT_ID --format door-pdf|badges-pdf -o FILE`: write the PDF
 * and return the exit status. @preset for badges: NULL or "a4" (8 per A4
 * sheet), "label" (one per 101 x 54 mm label); newcomers get the ribbon
 * with their greeter's name.
 */
int mq_cli_export_door_pdf    (MqCli       *self,
                               gint64       event_id,
                               const char  *path);
int mq_cli_export_badges_pdf  (MqCli       *self,
                               gint64       event_id,
                               const char  *preset,
                               const char  *path);

G_END_DECLS
