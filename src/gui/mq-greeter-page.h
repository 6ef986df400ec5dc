/* mq-greeter-page.h: a greeter's newcomers at one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_GREETER_PAGE (mq_greeter_page_get_type ())

G_DECLARE_FINAL_TYPE (MqGreeterPage, mq_greeter_page, MQ, GREETER_PAGE, GtkWidget)

MqGreeterPage *mq_greeter_page_new              (MqStore       *store,
                                                 gint64         event_id);
gint64         mq_greeter_page_get_event_id     (MqGreeterPage *self);
/* The greeter whose newcomers are listed; 0 when the event has none. */
gint64         mq_greeter_page_get_greeter_id   (MqGreeterPage *self);
void           mq_greeter_page_set_greeter_id   (MqGreeterPage *self,
                                                 gint64         greeter_id);
guint          mq_greeter_page_get_n_newcomers  (MqGreeterPage *self);
/* Opens the greeter view of @event_id in a window of its own, beside
 * @widget's window (a greeter walks around with a second laptop or keeps it
 * next to the main window).
 */
void           mq_greeter_page_open_for         (GtkWidget     *widget,
                                                 MqStore       *store,
                                                 gint64         event_id);

G_END_DECLS
