/* mq-event-page-printing.h: the event's door list and badges on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-event-page.h"

G_BEGIN_DECLS

/* Installs event.print-door-list, event.print-badges,
 * event.export-door-list and event.export-badges.
 */
void _mq_event_page_class_printing_init (MqEventPageClass *klass);

G_END_DECLS
