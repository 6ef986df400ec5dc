/* mq-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-application.h"

G_BEGIN_DECLS

#define MQ_TYPE_WINDOW (mq_window_get_type ())

G_DECLARE_FINAL_TYPE (MqWindow, mq_window, MQ, WINDOW, AdwApplicationWindow)

MqWindow *mq_window_new (MqApplication *application);

G_END_DECLS
