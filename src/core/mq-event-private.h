/* mq-event-private.h: what the event catalog sets on an event it stored or read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-event.h"

G_BEGIN_DECLS

void _mq_event_set_id         (MqEvent   *self,
                               gint64     id);
void _mq_event_set_created_at (MqEvent   *self,
                               GDateTime *created_at);

G_END_DECLS
