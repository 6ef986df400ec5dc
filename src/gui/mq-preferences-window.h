/* mq-preferences-window.h: the app's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MQ_TYPE_PREFERENCES_WINDOW (mq_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MqPreferencesWindow, mq_preferences_window, MQ, PREFERENCES_WINDOW, AdwPreferencesWindow)

MqPreferencesWindow *mq_preferences_window_new (GtkWindow *parent);

G_END_DECLS
