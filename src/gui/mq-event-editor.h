/* mq-event-editor.h: create or change an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-edit-history.h"

G_BEGIN_DECLS

#define MQ_TYPE_EVENT_EDITOR (mq_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (MqEventEditor, mq_event_editor, MQ, EVENT_EDITOR, AdwWindow)

/* @event: (nullable): the event to change, NULL for a new one */
MqEventEditor *mq_event_editor_new      (GtkWindow     *parent,
                                         MqEditHistory *history,
                                         MqEvent       *event);
/* Validates and writes; on failure the reason shows next to the field. */
gboolean       mq_event_editor_save     (MqEventEditor *self);
/* The id the last successful save wrote, 0 before. */
gint64         mq_event_editor_get_saved_id (MqEventEditor *self);

G_END_DECLS
