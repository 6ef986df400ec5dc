/* mq-csv-reader.h: spreadsheet exports read one record at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  MQ_CSV_ENCODING_AUTO,
  MQ_CSV_ENCODING_UTF8,
  MQ_CSV_ENCODING_UTF8_BOM,
  MQ_CSV_ENCODING_UTF16LE,
  MQ_CSV_ENCODING_UTF16BE,
  MQ_CSV_ENCODING_WINDOWS_1252,
} MqCsvEncoding;

/* The longest field the reader accepts, in bytes of UTF-8. */
#define MQ_CSV_MAX_FIELD (1024 * 1024)

const char *mq_csv_encoding_to_string (MqCsvEncoding encoding);

#define MQ_TYPE_CSV_READER (mq_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (MqCsvReader, mq_csv_reader, MQ, CSV_READER, GObject)

MqCsvReader         *mq_csv_reader_new           (GInputStream  *stream);
MqCsvReader         *mq_csv_reader_new_for_file  (GFile         *file,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
/* Before mq_csv_reader_open(): force what detection would find. */
void                 mq_csv_reader_set_encoding  (MqCsvReader   *self,
                                                  MqCsvEncoding  encoding);
/* 0 sniffs among ',', ';' and tab. */
void                 mq_csv_reader_set_delimiter (MqCsvReader   *self,
                                                  char           delimiter);
/* Detects the encoding (BOM, then a UTF-8 check over the whole stream when it
 * can seek back, else over its start; Windows-1252 when it is not UTF-8),
 * sniffs the delimiter and reads the header row. MQ_ERROR_INVALID for an
 * empty file or a header with no rows below it.
 */
gboolean             mq_csv_reader_open          (MqCsvReader   *self,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
MqCsvEncoding        mq_csv_reader_get_encoding  (MqCsvReader   *self);
char                 mq_csv_reader_get_delimiter (MqCsvReader   *self);
/* The header's cells, trimmed; NULL-terminated, owned by the reader. */
const char * const  *mq_csv_reader_get_header    (MqCsvReader   *self);
guint                mq_csv_reader_get_n_columns (MqCsvReader   *self);
/* The next record, skipping blank lines: its fields are NULL-terminated,
 * owned by the reader and valid until the next call. NULL at the end (no
 * error) or on malformed input (MQ_ERROR_INVALID naming the line:
 * unterminated quote, NUL bytes, a field over 1 MiB, bad encoding).
 */
const char * const  *mq_csv_reader_next          (MqCsvReader   *self,
                                                  guint         *n_fields,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
/* The 1-based line of the file where the last returned record starts. */
guint                mq_csv_reader_get_line      (MqCsvReader   *self);

G_END_DECLS
