/* mq-import-job.h: the import assistant's file work, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-csv-reader.h"
#include "mq-import-mapping.h"
#include "mq-importer.h"

G_BEGIN_DECLS

/* What the assistant shows before anything is written. */
typedef struct
{
  MqCsvEncoding  encoding;
  char           delimiter;
  char         **header;
  GPtrArray     *rows;     /* (element-type GStrv) the first few records */
} MqImportPreview;

void             mq_import_preview_free        (MqImportPreview      *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqImportPreview, mq_import_preview_free)

/* Opens @file with @encoding and @delimiter (AUTO and 0 detect) and reads
 * its header and first @n_rows records in a thread.
 */
void             mq_import_preview_load_async  (GFile                *file,
                                                MqCsvEncoding         encoding,
                                                char                  delimiter,
                                                guint                 n_rows,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
MqImportPreview *mq_import_preview_load_finish (GAsyncResult         *result,
                                                GError              **error);

/* Runs mq_import_run() in a thread on its own connection to the database
 * at @db_path, with @mapping (of @header) copied so the caller may keep changing its
 * own. @progress is called on the caller's main context.
 */
void             mq_import_job_run_async       (const char           *db_path,
                                                GFile                *file,
                                                MqCsvEncoding         encoding,
                                                char                  delimiter,
                                                const char * const   *header,
                                                MqImportMapping      *mapping,
                                                gint64                event_id,
                                                MqImportFlags         flags,
                                                MqImportProgressFunc  progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
MqImportReport  *mq_import_job_run_finish      (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
