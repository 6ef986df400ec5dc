/* mq-csv-reader.c: spreadsheet exports read one record at a time
 *
 * RFC 4180 plus what spreadsheets really write: a BOM or none, UTF-16 from
 * Excel's "Unicode text", Windows-1252 from older Excel, ';' where the comma
 * is the decimal mark, tabs, CR-only line ends from old Macs. The whole
 * stream is converted to UTF-8 by one iconv converter before parsing, so a
 * cell is never guessed on its own. Only a chunk of the file and the current
 * record are held in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-csv-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mq-csv-encoding-private.h"
#include "mq-csv-reader.h"
#include "mq-error.h"

#define CHUNK_SIZE  MQ_CSV_CHUNK_SIZE
/* Delimiter sniffing looks at this many records at most. */

struct _MqCsvReader
{
  GObject        parent_instance;

  GInputStream  *base;       /* (owned) as given */
  GInputStream  *input;      /* (owned) UTF-8 text, after any BOM */
  MqCsvEncoding  encoding;
  char           delimiter;

  char          *buf;
  gsize          buf_size;
  gsize          buf_len;
  gsize          pos;
  gsize          validated; /* bytes of buf known to be UTF-8 */
  gboolean       validate;  /* UTF-8 input not checked up front */
  gboolean       eof;

  guint          line;        /* line at pos, 1-based */
  guint          record_line; /* line where the last record started */

  GPtrArray     *fields;      /* (element-type GString) reused */
  GPtrArray     *field_ptrs;  /* char * into fields, NULL-terminated */
  guint          n_fields;
  gboolean       peeked;      /* open() read the first row already */

  GStrv          header;
  guint          n_columns;
  gboolean       opened;
};

G_DEFINE_FINAL_TYPE (MqCsvReader, mq_csv_reader, G_TYPE_OBJECT)

static void
mq_csv_reader_finalize (GObject *object)
{
  MqCsvReader *self = (MqCsvReader *) object;

  g_clear_object (&self->input);
  g_clear_object (&self->base);
  g_clear_pointer (&self->buf, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->field_ptrs, g_ptr_array_unref);
  g_clear_pointer (&self->header, g_strfreev);

  G_OBJECT_CLASS (mq_csv_reader_parent_class)->finalize (object);
}

static void
mq_csv_reader_class_init (MqCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_csv_reader_finalize;
}

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
mq_csv_reader_init (MqCsvReader *self)
{
  self->line = 1;
  self->fields = g_ptr_array_new_with_free_func (free_gstring);
  self->field_ptrs = g_ptr_array_new ();
}

MqCsvReader *
mq_csv_reader_new (GInputStream *stream)
{
  MqCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (MQ_TYPE_CSV_READER, NULL);
  self->base = g_object_ref (stream);
  return self;
}

MqCsvReader *
mq_csv_reader_new_for_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(stream = g_file_read (file, cancellable, &local_error)))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, MQ_ERROR, MQ_ERROR_IO,
                   _("Cannot open “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return mq_csv_reader_new (G_INPUT_STREAM (stream));
}

void
mq_csv_reader_set_encoding (MqCsvReader   *self,
                            MqCsvEncoding  encoding)
{
  g_return_if_fail (MQ_IS_CSV_READER (self));
  g_return_if_fail (!self->opened);

  self->encoding = encoding;
}

void
mq_csv_reader_set_delimiter (MqCsvReader *self,
                             char         delimiter)
{
  g_return_if_fail (MQ_IS_CSV_READER (self));
  g_return_if_fail (!self->opened);
  g_return_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';' || delimiter == '\t');

  self->delimiter = delimiter;
}

MqCsvEncoding
mq_csv_reader_get_encoding (MqCsvReader *self)
{
  g_return_val_if_fail (MQ_IS_CSV_READER (self), MQ_CSV_ENCODING_AUTO);
  return self->encoding;
}

char
mq_csv_reader_get_delimiter (MqCsvReader *self)
{
  g_return_val_if_fail (MQ_IS_CSV_READER (self), 0);
  return self->delimiter;
}

const char * const *
mq_csv_reader_get_header (MqCsvReader *self)
{
  g_return_val_if_fail (MQ_IS_CSV_READER (self), NULL);
  return (const char * const *) self->header;
}

guint
mq_csv_reader_get_n_columns (MqCsvReader *self)
{
  g_return_val_if_fail (MQ_IS_CSV_READER (self), 0);
  return self->n_columns;
}

guint
mq_csv_reader_get_line (MqCsvReader *self)
{
  g_return_val_if_fail (MQ_IS_CSV_READER (self), 0);
  return self->record_line;
}

static gboolean
fail (GError     **error,
      guint        line,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      guint        line,
      const char  *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "Line 12: a quoted field … never closed" */
  g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID, _("Line %u: %s"), line, problem);
  return FALSE;
}

/* Lines between pos and @offset of the buffer, so an error found ahead of
 * the parser still names the right line.
 */
static guint
line_at (MqCsvReader *self,
         gsize        offset)
{
  guint line = self->line;

  for (gsize i = self->pos; i < offset && i < self->buf_len; i++)
    {
      if (self->buf[i] == '\n')
        line++;
      else if (self->buf[i] == '\r' && (i + 1 >= self->buf_len || self->buf[i + 1] != '\n'))
        line++;
    }

  return line;
}

static gboolean
validate_utf8 (MqCsvReader  *self,
               GError      **error)
{
  const char *start = self->buf + self->validated;
  const char *end = NULL;
  gsize length = self->buf_len - self->validated;

  if (g_utf8_validate_len (start, length, &end))
    {
      self->validated = self->buf_len;
      return TRUE;
    }

  /* A character split between two chunks completes with the next one. */
  if (!self->eof && (gsize) (self->buf + self->buf_len - end) < 4)
    {
      self->validated = end - self->buf;
      return TRUE;
    }

  return fail (error, line_at (self, end - self->buf),
               _("the text is not valid UTF-8; save the file again as “CSV UTF-8”"));
}

static inline gsize
limit (MqCsvReader *self)
{
  return self->validate ? self->validated : self->buf_len;
}

/* Reads the next chunk after what the buffer holds. */
static gboolean
fill (MqCsvReader   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  /* Everything before pos is parsed: start the buffer over. */
  if (self->pos > 0)
    {
      memmove (self->buf, self->buf + self->pos, self->buf_len - self->pos);
      self->buf_len -= self->pos;
      self->validated = self->validated > self->pos ? self->validated - self->pos : 0;
      self->pos = 0;
    }

  if (self->buf_size - self->buf_len < CHUNK_SIZE)
    {
      self->buf_size = self->buf_len + CHUNK_SIZE;
      self->buf = g_realloc (self->buf, self->buf_size);
    }

  n = g_input_stream_read (self->input, self->buf + self->buf_len, CHUNK_SIZE,
                           cancellable, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        return fail (error, line_at (self, self->buf_len),
                     _("the text cannot be read as %s; save the file again as “CSV UTF-8”"),
                     mq_csv_encoding_to_string (self->encoding));

      g_set_error (error, MQ_ERROR, MQ_ERROR_IO, _("Cannot read the file: %s"), local_error->message);
      return FALSE;
    }

  if (n == 0)
    self->eof = TRUE;
  self->buf_len += n;

  if (self->validate)
    return validate_utf8 (self, error);

  return TRUE;
}

/* Makes an unread byte available unless the stream ended; *have says which. */
static gboolean
have_byte (MqCsvReader   *self,
           gboolean      *have,
           GCancellable  *cancellable,
           GError       **error)
{
  for (;;)
    {
      if (self->pos < limit (self))
        {
          *have = TRUE;
          return TRUE;
        }
      if (self->eof)
        {
          *have = FALSE;
          return TRUE;
        }
      if (!fill (self, cancellable, error))
        return FALSE;
    }
}

static GString *
field_at (MqCsvReader *self,
          guint        index)
{
  GString *field;

  if (index < self->fields->len)
    {
      field = g_ptr_array_index (self->fields, index);
      g_string_truncate (field, 0);
      return field;
    }

  field = g_string_sized_new (64);
  g_ptr_array_add (self->fields, field);
  return field;
}

static gboolean
append (GString    *field,
        const char *text,
        gsize       length,
        guint       line,
        GError    **error)
{
  if (field->len + length > MQ_CSV_MAX_FIELD)
    return fail (error, line, _("a field is longer than 1 MiB; this is not an attendee list"));

  g_string_append_len (field, text, length);
  return TRUE;
}

static gboolean
read_quoted (MqCsvReader   *self,
             GString       *field,
             GCancellable  *cancellable,
             GError       **error)
{
  guint quote_line = self->line;
  gboolean have;

  self->pos++; /* the opening quote */

  for (;;)
    {
      const char *p, *end;

      if (!have_byte (self, &have, cancellable, error))
        return FALSE;
      if (!have)
        return fail (error, quote_line,
                     _("a quoted field starts here and is never closed; a “\"” is missing"));

      p = self->buf + self->pos;
      end = self->buf + limit (self);
      while (p < end && *p != '"' && *p != '\n' && *p != '\r' && *p != '\0')
        p++;

      if (p > self->buf + self->pos)
        {
          if (!append (field, self->buf + self->pos, p - (self->buf + self->pos), quote_line, error))
            return FALSE;
          self->pos = p - self->buf;
          continue;
        }

      switch (*p)
        {
        case '\0':
          return fail (error, self->line,
                       _("the file contains binary data (a NUL byte); it is not a CSV text file"));

        case '\n':
          self->line++;
          self->pos++;
          if (!append (field, "\n", 1, quote_line, error))
            return FALSE;
          break;

        case '\r':
          self->pos++;
          if (!append (field, "\r", 1, quote_line, error) ||
              !have_byte (self, &have, cancellable, error))
            return FALSE;
          if (have && self->buf[self->pos] == '\n')
            {
              self->pos++;
              if (!append (field, "\n", 1, quote_line, error))
                return FALSE;
            }
          self->line++;
          break;

        default: /* '"' */
          self->pos++;
          if (!have_byte (self, &have, cancellable, error))
            return FALSE;
          if (have && self->buf[self->pos] == '"')
            {
              self->pos++;
              if (!append (field, "\"", 1, quote_line, error))
                return FALSE;
              break;
            }
          return TRUE;
        }
    }
}

/* Reads the text of an unquoted field, or what stray text follows a closing
 * quote (kept, as spreadsheets do), up to the delimiter or the line end.
 */
static gboolean
read_plain (MqCsvReader   *self,
            GString       *field,
            GCancellable  *cancellable,
            GError       **error)
{
  gboolean have;

  for (;;)
    {
      const char *p, *end;
      char delimiter = self->delimiter;

      if (!have_byte (self, &have, cancellable, error))
        return FALSE;
      if (!have)
        return TRUE;

      p = self->buf + self->pos;
      end = self->buf + limit (self);
      while (p < end && *p != delimiter && *p != '\n' && *p != '\r' && *p != '\0')
        p++;

      if (p == self->buf + self->pos)
        {
          if (*p == '\0')
            return fail (error, self->line,
                         _("the file contains binary data (a NUL byte); it is not a CSV text file"));
          return TRUE;
        }

      if (!append (field, self->buf + self->pos, p - (self->buf + self->pos), self->line, error))
        return FALSE;
      self->pos = p - self->buf;
    }
}

/* Returns FALSE with no error at the end of the stream. */
static gboolean
read_record (MqCsvReader   *self,
             GCancellable  *cancellable,
             GError       **error)
{
  gboolean have;

  for (;;)
    {
      guint n = 0;
      gboolean quoted_any = FALSE;

      if (!have_byte (self, &have, cancellable, error) || !have)
        return FALSE;

      self->record_line = self->line;

      for (;;)
        {
          GString *field = field_at (self, n++);

          if (!have_byte (self, &have, cancellable, error))
            return FALSE;

          if (have && self->buf[self->pos] == '"')
            {
              quoted_any = TRUE;
              if (!read_quoted (self, field, cancellable, error))
                return FALSE;
            }
          if (!read_plain (self, field, cancellable, error) ||
              !have_byte (self, &have, cancellable, error))
            return FALSE;

          if (!have)
            break;

          if (self->buf[self->pos] == self->delimiter)
            {
              self->pos++;
              continue;
            }

          /* A line end. */
          if (self->buf[self->pos] == '\r')
            {
              self->pos++;
              if (!have_byte (self, &have, cancellable, error))
                return FALSE;
              if (have && self->buf[self->pos] == '\n')
                self->pos++;
            }
          else
            self->pos++;
          self->line++;
          break;
        }

      /* A blank line is no record. */
      if (n == 1 && !quoted_any && ((GString *) g_ptr_array_index (self->fields, 0))->len == 0)
        continue;

      self->n_fields = n;
      g_ptr_array_set_size (self->field_ptrs, 0);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->field_ptrs, ((GString *) g_ptr_array_index (self->fields, i))->str);
      g_ptr_array_add (self->field_ptrs, NULL);
      return TRUE;
    }
}

gboolean
mq_csv_reader_open (MqCsvReader   *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GError) local_error = NULL;
  guint header_line;

  g_return_val_if_fail (MQ_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (!self->opened, FALSE);

  self->opened = TRUE;

  if (!mq_csv_encoding_open_input (self->base, &self->encoding, &self->validate,
                                   &self->input, cancellable, error))
    return FALSE;

  /* Enough text to sniff the delimiter from. */
  while (!self->eof && self->buf_len < CHUNK_SIZE)
    {
      if (!fill (self, cancellable, error))
        return FALSE;
    }

  if (self->delimiter == 0)
    self->delimiter = mq_csv_sniff_delimiter (self->buf + self->pos, self->buf_len - self->pos);

  if (!read_record (self, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                     _("The file is empty: it has no header row and no attendees"));
      return FALSE;
    }

  header_line = self->record_line;
  header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->n_fields; i++)
    g_ptr_array_add (header, g_strstrip (g_strdup (g_ptr_array_index (self->field_ptrs, i))));
  g_ptr_array_add (header, NULL);
  self->n_columns = self->n_fields;
  self->header = (GStrv) g_ptr_array_free (g_steal_pointer (&header), FALSE);

  if (!read_record (self, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        fail (error, header_line, _("the file has a header row but no rows below it"));
      return FALSE;
    }

  self->peeked = TRUE;
  return TRUE;
}

const char * const *
mq_csv_reader_next (MqCsvReader   *self,
                    guint         *n_fields,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (MQ_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (self->opened, NULL);

  if (self->peeked)
    self->peeked = FALSE;
  else if (!read_record (self, cancellable, error))
    return NULL;

  if (n_fields != NULL)
    *n_fields = self->n_fields;

  return (const char * const *) self->field_ptrs->pdata;
}
