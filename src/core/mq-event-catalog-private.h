/* mq-event-catalog-private.h: the catalog's rules, kept apart from its SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-event-catalog.h"
#include "mq-store-private.h"

G_BEGIN_DECLS

/* A non-empty title, a start, an IANA zone, an end not before the start,
 * sensible numbers, and for an add-on an existing parent. MQ_ERROR_INVALID,
 * or MQ_ERROR_NOT_FOUND for a missing parent.
 */
gboolean _mq_event_validate (MqStore  *store,
                             MqEvent  *event,
                             GError  **error);

G_END_DECLS
