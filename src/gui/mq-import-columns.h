/* mq-import-columns.h: the file's first rows and its columns, for the mapping step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-import-job.h"
#include "mq-import-mapping.h"

G_BEGIN_DECLS

const char  *mq_import_field_label       (MqImportField    field);
/* Returns: (transfer full): the labels of every MqImportField, in order */
GListModel  *mq_import_field_list_new    (void);
/* Replaces what @grid shows with @preview's header and first rows. */
void         mq_import_columns_fill_grid (GtkGrid         *grid,
                                          MqImportPreview *preview);
/* A row to pick what @column holds from @fields, showing a few of its values. */
AdwComboRow *mq_import_column_row_new    (MqImportPreview *preview,
                                          guint            column,
                                          GListModel      *fields);

G_END_DECLS
