/* mq-csv-encoding-private.h: the CSV reader's encoding and delimiter detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-csv-reader.h"

G_BEGIN_DECLS

/* Bytes read at a time, and what encoding detection looks at first. */
#define MQ_CSV_CHUNK_SIZE (64 * 1024)

/* Sets *encoding when it is MQ_CSV_ENCODING_AUTO, sets *validate to TRUE
 * when UTF-8 text was not checked up front and must be while parsing, and
 * returns in *input @base as UTF-8 text after any BOM.
 */
gboolean mq_csv_encoding_open_input (GInputStream   *base,
                                     MqCsvEncoding  *encoding,
                                     gboolean       *validate,
                                     GInputStream  **input,
                                     GCancellable   *cancellable,
                                     GError        **error);

/* The delimiter (',', ';' or tab) that splits the first records of @text
 * the same way, ',' when nothing does. */
char     mq_csv_sniff_delimiter     (const char     *text,
                                     gsize           length);

G_END_DECLS
