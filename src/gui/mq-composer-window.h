/* mq-composer-window.h: writing one announcement for an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-composer-preview.h"

G_BEGIN_DECLS

#define MQ_TYPE_COMPOSER_WINDOW (mq_composer_window_get_type ())

G_DECLARE_FINAL_TYPE (MqComposerWindow, mq_composer_window, MQ, COMPOSER_WINDOW, AdwWindow)

/* @event_id: the event to announce; 0 picks the next upcoming one. */
MqComposerWindow  *mq_composer_window_new            (GtkWindow        *parent,
                                                      MqStore          *store,
                                                      gint64            event_id);
/* Opens a composer beside @widget's window. */
void               mq_composer_window_open           (GtkWidget        *widget,
                                                      MqStore          *store,
                                                      gint64            event_id);
gint64             mq_composer_window_get_event_id   (MqComposerWindow *self);
void               mq_composer_window_set_event_id   (MqComposerWindow *self,
                                                      gint64            event_id);
/* The template, with its placeholders. */
void               mq_composer_window_set_text       (MqComposerWindow *self,
                                                      const char       *template_text);
void               mq_composer_window_set_account_active (MqComposerWindow *self,
                                                      gint64            account_id,
                                                      gboolean          active);
/* (nullable) The preview for @account_id, while that account is chosen. */
MqComposerPreview *mq_composer_window_get_preview    (MqComposerWindow *self,
                                                      gint64            account_id);

G_END_DECLS
