/* mq-volunteer-dialog.h: who helps at an event, as a greeter or at the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"
#include "mq-volunteer-roster.h"

G_BEGIN_DECLS

#define MQ_TYPE_VOLUNTEER_DIALOG (mq_volunteer_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MqVolunteerDialog, mq_volunteer_dialog, MQ, VOLUNTEER_DIALOG, AdwWindow)

/* Lists the event's volunteers and adds people from the directory as
 * greeters or door volunteers; @role (door or greeter) is picked first.
 */
MqVolunteerDialog *mq_volunteer_dialog_new          (GtkWindow         *parent,
                                                     MqStore           *store,
                                                     gint64             event_id,
                                                     MqVolunteerRole    role);
/* How many people the search shows (for tests). */
guint              mq_volunteer_dialog_get_n_found  (MqVolunteerDialog *self);

G_END_DECLS
