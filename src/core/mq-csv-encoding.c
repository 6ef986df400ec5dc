/* mq-csv-encoding.c: which encoding a spreadsheet export is in
 *
 * A BOM decides; otherwise the text is UTF-8 when it all validates as such
 * (the whole stream when it can be read twice, its first chunk when not)
 * and Windows-1252 when not. One iconv converter turns the stream into
 * UTF-8 so that no cell is ever guessed on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-csv-reader"

#include "config.h"

#include <string.h>

#include "mq-csv-encoding-private.h"

#define CHUNK_SIZE  MQ_CSV_CHUNK_SIZE

const char *
mq_csv_encoding_to_string (MqCsvEncoding encoding)
{
  switch (encoding)
    {
    case MQ_CSV_ENCODING_AUTO: return "auto";
    case MQ_CSV_ENCODING_UTF8: return "UTF-8";
    case MQ_CSV_ENCODING_UTF8_BOM: return "UTF-8 (BOM)";
    case MQ_CSV_ENCODING_UTF16LE: return "UTF-16LE";
    case MQ_CSV_ENCODING_UTF16BE: return "UTF-16BE";
    case MQ_CSV_ENCODING_WINDOWS_1252: return "Windows-1252";
    default: g_return_val_if_reached (NULL);
    }
}

static const char *
iconv_name (MqCsvEncoding encoding)
{
  switch (encoding)
    {
    case MQ_CSV_ENCODING_UTF16LE: return "UTF-16LE";
    case MQ_CSV_ENCODING_UTF16BE: return "UTF-16BE";
    case MQ_CSV_ENCODING_WINDOWS_1252: return "WINDOWS-1252";
    default: return NULL;
    }
}

static gboolean
detect_bom (const guint8  *bytes,
            gsize          length,
            MqCsvEncoding *encoding,
            gsize         *bom_length)
{
  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      *encoding = MQ_CSV_ENCODING_UTF8_BOM;
      *bom_length = 3;
      return TRUE;
    }
  if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    {
      *encoding = MQ_CSV_ENCODING_UTF16LE;
      *bom_length = 2;
      return TRUE;
    }
  if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      *encoding = MQ_CSV_ENCODING_UTF16BE;
      *bom_length = 2;
      return TRUE;
    }

  *bom_length = 0;
  return FALSE;
}

/* TRUE when the rest of the seekable stream is UTF-8; rewinds it. */
static gboolean
scan_utf8 (GInputStream  *stream,
           gboolean      *is_utf8,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *chunk = g_malloc (CHUNK_SIZE + 4);
  goffset start = g_seekable_tell (G_SEEKABLE (stream));
  gsize carry = 0;

  *is_utf8 = TRUE;

  for (;;)
    {
      const char *end = NULL;
      gssize n = g_input_stream_read (stream, chunk + carry, CHUNK_SIZE, cancellable, error);
      gsize length;

      if (n < 0)
        return FALSE;

      length = carry + n;
      if (g_utf8_validate_len (chunk, length, &end))
        carry = 0;
      else if (n > 0 && (gsize) (chunk + length - end) < 4)
        {
          carry = chunk + length - end;
          memmove (chunk, end, carry);
        }
      else
        {
          *is_utf8 = FALSE;
          break;
        }

      if (n == 0)
        break;
    }

  return g_seekable_seek (G_SEEKABLE (stream), start, G_SEEK_SET, cancellable, error);
}

gboolean
mq_csv_encoding_open_input (GInputStream   *base,
                            MqCsvEncoding  *encoding,
                            gboolean       *validate,
                            GInputStream  **input,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(GInputStream) source = NULL;
  MqCsvEncoding bom_encoding = MQ_CSV_ENCODING_AUTO;
  gboolean seekable = G_IS_SEEKABLE (base) && g_seekable_can_seek (G_SEEKABLE (base));
  const guint8 *peek;
  gsize bom_length = 0, peek_length = 0;
  gboolean has_bom;

  /* A buffered stream lets the BOM and the first chunk be looked at without
   * losing them when the stream cannot seek.
   */
  source = g_buffered_input_stream_new_sized (base, CHUNK_SIZE);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (source), FALSE);
  while (g_buffered_input_stream_get_available (G_BUFFERED_INPUT_STREAM (source)) < CHUNK_SIZE)
    {
      gssize n = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (source), -1, cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
    }
  peek = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (source), &peek_length);

  has_bom = detect_bom (peek, peek_length, &bom_encoding, &bom_length);

  if (*encoding == MQ_CSV_ENCODING_AUTO)
    {
      if (has_bom)
        {
          /* A BOM says UTF-8; the bytes after it may still disagree. */
          *encoding = bom_encoding;
          *validate = bom_encoding == MQ_CSV_ENCODING_UTF8_BOM;
        }
      else if (seekable && peek_length == CHUNK_SIZE)
        {
          gboolean is_utf8 = TRUE;
          goffset start = g_seekable_tell (G_SEEKABLE (base)) - (goffset) peek_length;

          /* The buffer read ahead of the base: rewind the base, scan it
           * whole, and start over with a fresh buffer.
           */
          g_clear_object (&source);
          if (!g_seekable_seek (G_SEEKABLE (base), start, G_SEEK_SET, cancellable, error) ||
              !scan_utf8 (base, &is_utf8, cancellable, error))
            return FALSE;
          *encoding = is_utf8 ? MQ_CSV_ENCODING_UTF8 : MQ_CSV_ENCODING_WINDOWS_1252;
          source = g_object_ref (base);
        }
      else
        {
          const char *end = NULL;
          gboolean whole = peek_length < CHUNK_SIZE;

          /* The whole file is in the buffer, or it cannot be read twice:
           * its start decides, and the parser checks the rest as it goes.
           */
          if (g_utf8_validate_len ((const char *) peek, peek_length, &end) ||
              (!whole && (gsize) ((const char *) peek + peek_length - end) < 4))
            {
              *encoding = MQ_CSV_ENCODING_UTF8;
              *validate = !whole;
            }
          else
            *encoding = MQ_CSV_ENCODING_WINDOWS_1252;
        }
    }
  else if (*encoding == MQ_CSV_ENCODING_UTF8 || *encoding == MQ_CSV_ENCODING_UTF8_BOM)
    *validate = TRUE;

  /* Skip a BOM that belongs to the encoding in use. */
  if (has_bom && (bom_encoding == *encoding ||
                  (bom_encoding == MQ_CSV_ENCODING_UTF8_BOM && *encoding == MQ_CSV_ENCODING_UTF8)))
    {
      if (g_input_stream_skip (source, bom_length, cancellable, error) < 0)
        return FALSE;
    }

  if (iconv_name (*encoding) != NULL)
    {
      g_autoptr(GCharsetConverter) converter = NULL;

      converter = g_charset_converter_new ("UTF-8", iconv_name (*encoding), error);
      if (converter == NULL)
        return FALSE;
      *input = g_converter_input_stream_new (source, G_CONVERTER (converter));
    }
  else
    *input = g_steal_pointer (&source);

  return TRUE;
}
