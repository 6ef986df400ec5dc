/* mq-time-zone-list.h: the IANA time zones to pick from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sorted identifiers ("Europe/Berlin", …, "UTC"), always including the
 * system's own zone.
 */
GStrv mq_time_zone_list_get (void);
/* The system's zone identifier, "UTC" when it has none. */
char *mq_time_zone_list_get_local (void);

G_END_DECLS
