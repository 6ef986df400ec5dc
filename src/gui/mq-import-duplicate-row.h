/* mq-import-duplicate-row.h: an imported row beside the person it may be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "marquee-core.h"
#include "mq-importer.h"

G_BEGIN_DECLS

#define MQ_TYPE_IMPORT_DUPLICATE_ROW (mq_import_duplicate_row_get_type ())

G_DECLARE_FINAL_TYPE (MqImportDuplicateRow, mq_import_duplicate_row, MQ, IMPORT_DUPLICATE_ROW, GtkListBoxRow)

/* With @imported the new person exists and the row offers to merge the
 * two; before (a dry run) it only compares them.
 */
GtkWidget *mq_import_duplicate_row_new        (MqStore              *store,
                                               MqImportDuplicate    *duplicate,
                                               gboolean              imported);
gboolean   mq_import_duplicate_row_get_merged (MqImportDuplicateRow *self);

G_END_DECLS
