/* mq-import-window.h: the assistant that brings an attendee export into an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_IMPORT_WINDOW (mq_import_window_get_type ())

G_DECLARE_FINAL_TYPE (MqImportWindow, mq_import_window, MQ, IMPORT_WINDOW, AdwWindow)

/* @store must live in a file: the import writes through its own connection. */
MqImportWindow *mq_import_window_new      (GtkWindow      *parent,
                                           MqStore        *store,
                                           gint64          event_id);
/* What the file chooser does: reads @file's header and first rows in a
 * thread, then shows the mapping.
 */
void            mq_import_window_set_file (MqImportWindow *self,
                                           GFile          *file);
/* "file", "mapping", "progress", "review" or "summary". */
const char     *mq_import_window_get_stage (MqImportWindow *self);

G_END_DECLS
