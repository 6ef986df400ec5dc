/* mq-door-window.h: door mode, the check-in screen of one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_DOOR_WINDOW (mq_door_window_get_type ())

G_DECLARE_FINAL_TYPE (MqDoorWindow, mq_door_window, MQ, DOOR_WINDOW, AdwWindow)

MqDoorWindow *mq_door_window_new          (GtkApplication *application,
                                           MqStore        *store,
                                           gint64          event_id);
gint64        mq_door_window_get_event_id (MqDoorWindow   *self);
/* The station this laptop writes into the log ("Door 2"). */
const char   *mq_door_window_get_station  (MqDoorWindow   *self);
/* How many times the door beeped (the door-sound setting), for tests. */
guint         mq_door_window_get_n_beeps  (MqDoorWindow   *self);
/* Opens door mode for @event_id in the application of @widget's window. */
void          mq_door_window_open_for     (GtkWidget      *widget,
                                           MqStore        *store,
                                           gint64          event_id);

G_END_DECLS
