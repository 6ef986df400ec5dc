/* mq-columns.h: two columns side by side when there is room, stacked when not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MQ_TYPE_COLUMNS (mq_columns_get_type ())

G_DECLARE_FINAL_TYPE (MqColumns, mq_columns, MQ, COLUMNS, GtkWidget)

/* Whether the children sit side by side at the current width. */
gboolean mq_columns_get_side_by_side (MqColumns *self);

G_END_DECLS
