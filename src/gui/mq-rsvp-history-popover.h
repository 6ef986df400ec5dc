/* mq-rsvp-history-popover.h: every change of one RSVP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_RSVP_HISTORY_POPOVER (mq_rsvp_history_popover_get_type ())

G_DECLARE_FINAL_TYPE (MqRsvpHistoryPopover, mq_rsvp_history_popover, MQ, RSVP_HISTORY_POPOVER, GtkPopover)

void mq_rsvp_history_popover_load (MqRsvpHistoryPopover *self,
                                   MqStore              *store,
                                   MqRsvp               *rsvp);

G_END_DECLS
