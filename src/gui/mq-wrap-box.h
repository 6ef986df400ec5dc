/* mq-wrap-box.h: children in a row that wraps, each at its natural width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MQ_TYPE_WRAP_BOX (mq_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (MqWrapBox, mq_wrap_box, MQ, WRAP_BOX, GtkWidget)

GtkWidget *mq_wrap_box_new (void);

G_END_DECLS
