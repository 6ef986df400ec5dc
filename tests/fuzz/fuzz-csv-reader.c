/* fuzz-csv-reader.c: libFuzzer target for the streaming CSV reader
 *
 * The first byte of an input picks what the caller forces (nothing, an
 * encoding, a delimiter); the rest is the file. Whatever the bytes, the
 * reader must either give rows of valid UTF-8 with at most as many fields
 * as a line can hold, or refuse with an MQ_ERROR that names a line. A crash,
 * a sanitizer report, a leak or a broken promise ends the run.
 *
 * Built and run by run-fuzz.sh with clang's -fsanitize=fuzzer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mq-csv-reader.h"
#include "mq-error.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* abort(), not g_error(): libFuzzer saves the input on SIGABRT, not SIGTRAP. */
#define fail(...) G_STMT_START { g_printerr (__VA_ARGS__); g_printerr ("\n"); abort (); } G_STMT_END

static void
check_error (const GError *error)
{
  if (error->domain != MQ_ERROR)
    fail ("not an MQ_ERROR: %s", error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    fail ("error message is not UTF-8");
  /* Refusals name the line ("Line 3: …"), or say the file is empty. */
  if (*error->message == '\0')
    fail ("empty error message");
}

static void
check_row (const char * const *fields,
           guint               n_fields,
           size_t              input_size)
{
  if (n_fields == 0 || n_fields > input_size + 1)
    fail ("implausible field count %u for %zu bytes", n_fields, input_size);

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i] == NULL)
        fail ("field %u is NULL", i);
      if (!g_utf8_validate (fields[i], -1, NULL))
        fail ("field %u is not valid UTF-8", i);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(MqCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint8 mode;

  if (size == 0)
    return 0;

  mode = data[0];
  bytes = g_bytes_new (data + 1, size - 1);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  reader = mq_csv_reader_new (stream);

  switch (mode % 8)
    {
    case 1: mq_csv_reader_set_encoding (reader, MQ_CSV_ENCODING_UTF8); break;
    case 2: mq_csv_reader_set_encoding (reader, MQ_CSV_ENCODING_WINDOWS_1252); break;
    case 3: mq_csv_reader_set_delimiter (reader, ';'); break;
    case 4: mq_csv_reader_set_delimiter (reader, '\t'); break;
    case 5: mq_csv_reader_set_encoding (reader, MQ_CSV_ENCODING_UTF16LE); break;
    default: break;
    }

  if (!mq_csv_reader_open (reader, NULL, &error))
    {
      check_error (error);
      return 0;
    }

  check_row (mq_csv_reader_get_header (reader), mq_csv_reader_get_n_columns (reader), size);

  for (;;)
    {
      const char * const *fields;
      guint n_fields = 0;

      if (!(fields = mq_csv_reader_next (reader, &n_fields, NULL, &error)))
        break;
      check_row (fields, n_fields, size);
    }

  if (error != NULL)
    check_error (error);

  return 0;
}
