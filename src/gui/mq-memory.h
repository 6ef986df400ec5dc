/* mq-memory.h: how the app's process uses the C heap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call first thing in main (). */
void mq_memory_configure (void);

G_END_DECLS
