/* mq-import-job.c: the import assistant's file work, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-import-job"

#include "config.h"

#include "mq-import-job.h"
#include "mq-store.h"

void
mq_import_preview_free (MqImportPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->header);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}

typedef struct
{
  GFile         *file;
  MqCsvEncoding  encoding;
  char           delimiter;
  guint          n_rows;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static MqCsvReader *
open_reader (GFile          *file,
             MqCsvEncoding   encoding,
             char            delimiter,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(MqCsvReader) reader = NULL;

  if (!(reader = mq_csv_reader_new_for_file (file, cancellable, error)))
    return NULL;

  mq_csv_reader_set_encoding (reader, encoding);
  mq_csv_reader_set_delimiter (reader, delimiter);
  if (!mq_csv_reader_open (reader, cancellable, error))
    return NULL;

  return g_steal_pointer (&reader);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(MqCsvReader) reader = NULL;
  g_autoptr(MqImportPreview) preview = g_new0 (MqImportPreview, 1);
  GError *error = NULL;

  if (!(reader = open_reader (data->file, data->encoding, data->delimiter, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  preview->encoding = mq_csv_reader_get_encoding (reader);
  preview->delimiter = mq_csv_reader_get_delimiter (reader);
  preview->header = g_strdupv ((char **) mq_csv_reader_get_header (reader));
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  while (preview->rows->len < data->n_rows)
    {
      const char * const *fields;
      guint n_fields;

      fields = mq_csv_reader_next (reader, &n_fields, cancellable, &error);
      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (fields == NULL)
        break;
      g_ptr_array_add (preview->rows, g_strdupv ((char **) fields));
    }

  g_task_return_pointer (task, g_steal_pointer (&preview), (GDestroyNotify) mq_import_preview_free);
}

void
mq_import_preview_load_async (GFile               *file,
                              MqCsvEncoding        encoding,
                              char                 delimiter,
                              guint                n_rows,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->encoding = encoding;
  data->delimiter = delimiter;
  data->n_rows = n_rows;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_import_preview_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

MqImportPreview *
mq_import_preview_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char                 *db_path;
  GFile                *file;
  MqCsvEncoding         encoding;
  char                  delimiter;
  MqImportPlatform      platform;
  char                **header;
  GArray               *fields;   /* (element-type MqImportField) per column */
  gint64                event_id;
  MqImportFlags         flags;
  MqImportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
  int                   progress_queued; /* atomic */
  guint                 rows;            /* atomic */
} RunData;

static void
run_data_free (RunData *data)
{
  g_free (data->db_path);
  g_clear_object (&data->file);
  g_strfreev (data->header);
  g_clear_pointer (&data->fields, g_array_unref);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static gboolean
progress_on_main (gpointer user_data)
{
  GTask *task = user_data;
  RunData *data = g_task_get_task_data (task);

  g_atomic_int_set (&data->progress_queued, FALSE);
  data->progress (g_atomic_int_get (&data->rows), data->progress_data);

  return G_SOURCE_REMOVE;
}

/* The importer calls this every few hundred rows; one pending idle at a
 * time keeps a million-row file from flooding the main loop.
 */
static void
progress_in_thread (guint    rows,
                    gpointer user_data)
{
  GTask *task = user_data;
  RunData *data = g_task_get_task_data (task);

  g_atomic_int_set (&data->rows, rows);
  if (data->progress != NULL && g_atomic_int_compare_and_exchange (&data->progress_queued, FALSE, TRUE))
    g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_on_main,
                                g_object_ref (task), g_object_unref);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(MqStore) store = NULL;
  g_autoptr(MqCsvReader) reader = NULL;
  g_autoptr(MqImportMapping) mapping = NULL;
  MqImportReport *report;
  GError *error = NULL;

  if (!(store = mq_store_open (data->db_path, &error)) ||
      !(reader = open_reader (data->file, data->encoding, data->delimiter, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  mapping = mq_import_mapping_new (data->platform, (const char * const *) data->header);
  for (guint i = 0; i < data->fields->len && i < mq_import_mapping_get_n_columns (mapping); i++)
    mq_import_mapping_set_field (mapping, i, g_array_index (data->fields, MqImportField, i));

  report = mq_import_run (store, reader, mapping, data->event_id, data->flags,
                          progress_in_thread, task, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) mq_import_report_free);
}

void
mq_import_job_run_async (const char           *db_path,
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
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;
  guint n_columns;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (header != NULL);
  g_return_if_fail (MQ_IS_IMPORT_MAPPING (mapping));

  n_columns = mq_import_mapping_get_n_columns (mapping);
  data = g_new0 (RunData, 1);
  data->db_path = g_strdup (db_path);
  data->file = g_object_ref (file);
  data->encoding = encoding;
  data->delimiter = delimiter;
  data->header = g_strdupv ((char **) header);
  data->platform = mq_import_mapping_get_platform (mapping);
  data->event_id = event_id;
  data->flags = flags;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  data->fields = g_array_sized_new (FALSE, FALSE, sizeof (MqImportField), n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      MqImportField field = mq_import_mapping_get_field (mapping, i);

      g_array_append_val (data->fields, field);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_import_job_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

MqImportReport *
mq_import_job_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
