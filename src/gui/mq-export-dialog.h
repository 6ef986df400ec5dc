/* mq-export-dialog.h: an event's guest list, calendar entry or contacts as a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_EXPORT_DIALOG (mq_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MqExportDialog, mq_export_dialog, MQ, EXPORT_DIALOG, AdwWindow)

/* @store must live in a file: the export reads through its own connection
 * in a thread.
 */
MqExportDialog *mq_export_dialog_new       (GtkWindow      *parent,
                                            MqStore        *store,
                                            gint64          event_id);
/* What the save dialog does: writes the chosen format to @file in a thread,
 * then closes and says so in the parent window.
 */
void            mq_export_dialog_export_to (MqExportDialog *self,
                                            GFile          *file);
/* Asks where to save the event's .ics and writes it. */
void            mq_export_add_to_calendar  (GtkWidget      *widget,
                                            MqStore        *store,
                                            gint64          event_id);

G_END_DECLS
