/* mq-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-application.h"
#include "mq-edit-history.h"

G_BEGIN_DECLS

#define MQ_TYPE_WINDOW (mq_window_get_type ())

G_DECLARE_FINAL_TYPE (MqWindow, mq_window, MQ, WINDOW, AdwApplicationWindow)

MqWindow      *mq_window_new              (MqApplication *application);
MqEditHistory *mq_window_get_history      (MqWindow      *self);
/* The names of the sidebar's pages: "upcoming", "past", "people", "announcements". */
void           mq_window_show_page        (MqWindow      *self,
                                           const char    *name);
const char    *mq_window_get_page         (MqWindow      *self);
void           mq_window_show_event       (MqWindow      *self,
                                           gint64         event_id);
void           mq_window_show_person      (MqWindow      *self,
                                           gint64         person_id);
void           mq_window_toast            (MqWindow      *self,
                                           const char    *title,
                                           gboolean       undoable);

/* Shows @title in the window @widget belongs to (or is transient for). */
void           mq_window_toast_for        (GtkWidget     *widget,
                                           const char    *title,
                                           gboolean       undoable);

G_END_DECLS
