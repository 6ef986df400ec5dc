/* mq-rsvp-row.h: one guest in an event's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_RSVP_ROW (mq_rsvp_row_get_type ())

G_DECLARE_FINAL_TYPE (MqRsvpRow, mq_rsvp_row, MQ, RSVP_ROW, GtkWidget)

GtkWidget *mq_rsvp_row_new      (void);
MqRsvp    *mq_rsvp_row_get_rsvp (MqRsvpRow *self);
void       mq_rsvp_row_set_rsvp (MqRsvpRow *self,
                                 MqRsvp    *rsvp);

G_END_DECLS
