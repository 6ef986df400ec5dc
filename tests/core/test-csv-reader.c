/* test-csv-reader.c: encodings, dialects and malformed files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mq-csv-reader.h"
#include "mq-error.h"

/* A stream that cannot seek, like a pipe: the reader must decide the
 * encoding from the start of the file.
 */
typedef struct
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
} PipeStream;

typedef GInputStreamClass PipeStreamClass;

GType pipe_stream_get_type (void);

G_DEFINE_TYPE (PipeStream, pipe_stream, G_TYPE_INPUT_STREAM)

static gssize
pipe_stream_read (GInputStream  *stream,
                  void          *buffer,
                  gsize          count,
                  GCancellable  *cancellable,
                  GError       **error)
{
  PipeStream *self = (PipeStream *) stream;
  gsize size = g_bytes_get_size (self->bytes);
  gsize n = MIN (count, size - self->pos);

  /* Short reads, as pipes give. */
  n = MIN (n, 1000);
  memcpy (buffer, (const char *) g_bytes_get_data (self->bytes, NULL) + self->pos, n);
  self->pos += n;
  return n;
}

static void
pipe_stream_finalize (GObject *object)
{
  g_bytes_unref (((PipeStream *) object)->bytes);
  G_OBJECT_CLASS (pipe_stream_parent_class)->finalize (object);
}

static void
pipe_stream_class_init (PipeStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pipe_stream_finalize;
  klass->read_fn = pipe_stream_read;
}

static void
pipe_stream_init (PipeStream *self)
{
}

static GInputStream *
pipe_stream_new (GBytes *bytes)
{
  PipeStream *self = g_object_new (pipe_stream_get_type (), NULL);

  self->bytes = g_bytes_ref (bytes);
  return G_INPUT_STREAM (self);
}

static MqCsvReader *
open_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MqCsvReader) reader = mq_csv_reader_new_for_file (file, NULL, error);

  if (reader == NULL || !mq_csv_reader_open (reader, NULL, error))
    return NULL;

  return g_steal_pointer (&reader);
}

static MqCsvReader *
open_bytes (GBytes   *bytes,
            gboolean  seekable,
            GError  **error)
{
  g_autoptr(GInputStream) stream = seekable ? g_memory_input_stream_new_from_bytes (bytes)
                                            : pipe_stream_new (bytes);
  g_autoptr(MqCsvReader) reader = mq_csv_reader_new (stream);

  if (!mq_csv_reader_open (reader, NULL, error))
    return NULL;

  return g_steal_pointer (&reader);
}

/* All records joined "a|b|c" per line, "@LINE:" before each, for exact
 * comparison of what was read.
 */
static char *
read_all (MqCsvReader  *reader,
          GError      **error)
{
  GString *text = g_string_new (NULL);
  const char * const *fields;
  guint n = 0;

  while ((fields = mq_csv_reader_next (reader, &n, NULL, error)))
    {
      g_autofree char *joined = g_strjoinv ("|", (char **) fields);

      g_assert_cmpuint (g_strv_length ((char **) fields), ==, n);
      g_string_append_printf (text, "@%u:%s\n", mq_csv_reader_get_line (reader), joined);
    }

  return g_string_free (text, FALSE);
}

static void
assert_fixture (const char    *name,
                MqCsvEncoding  encoding,
                char           delimiter,
                const char    *header,
                const char    *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = open_fixture (name, &error);
  g_autofree char *joined_header = NULL;
  g_autofree char *records = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpstr (mq_csv_encoding_to_string (mq_csv_reader_get_encoding (reader)), ==,
                   mq_csv_encoding_to_string (encoding));
  g_assert_cmpint (mq_csv_reader_get_delimiter (reader), ==, delimiter);

  joined_header = g_strjoinv ("|", (char **) mq_csv_reader_get_header (reader));
  g_assert_cmpstr (joined_header, ==, header);

  records = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==, expected);
}

static void
assert_refused (const char *name,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = open_fixture (name, &error);

  if (reader != NULL)
    {
      g_autofree char *records = read_all (reader, &error);
    }

  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_utf8_bom_crlf (void)
{
  assert_fixture ("eventbrite.csv", MQ_CSV_ENCODING_UTF8_BOM, ',',
                  "Order #|Order Date|First Name|Last Name|Email|Quantity|Ticket Type|Attendee #|"
                  "Attendee Status|Cell Phone|Company",
                  "@2:1234567890|2026-10-20 12:00:00|José|Ñúñez|JOSE@example.org|1|General Admission|1111|"
                  "Attending|+34 600 111 222|Cine Club\n"
                  "@3:1234567891|2026-10-21 13:30:00|Mia|Schröder|mia@example.org|1|General Admission|1112|"
                  "Checked In||\n"
                  "@4:1234567892|2026-10-22 08:15:00|Lars|Ek|lars@example.org|1|General Admission|1113|"
                  "Not Attending||\n"
                  "@5:1234567893|2026-10-23 19:45:00|Olu|Ade|olu@example.org|1|General Admission|1114|"
                  "Deleted||\n");
}

static void
test_utf8_lf (void)
{
  assert_fixture ("meetup.csv", MQ_CSV_ENCODING_UTF8, ',',
                  "Name|User ID|Title|Event Host|RSVP|Guests|RSVPed on|Joined Group on|URL of Member Profile",
                  "@2:Zoë Müller|user 1001||Yes|Yes|1|2026-11-02 18:04:05|2024-01-10|"
                  "https://www.meetup.com/members/1001/\n"
                  "@3:Ravi Shankar|user 1002|Projectionist|No|Yes|0|2026-11-03 09:12:00|2023-05-01|"
                  "https://www.meetup.com/members/1002/\n"
                  "@4:Ana Lima|user 1003||No|Waitlist|0|2026-11-04 10:00:00|2025-02-02|"
                  "https://www.meetup.com/members/1003/\n"
                  "@5:Tom Berg|user 1004||No|No|0|2026-11-05 11:30:00|2022-07-07|"
                  "https://www.meetup.com/members/1004/\n");
}

static void
test_utf16le_tab (void)
{
  assert_fixture ("generic-utf16le.csv", MQ_CSV_ENCODING_UTF16LE, '\t',
                  "Name|Email|Status",
                  "@2:Zoë Müller|zoe@example.org|going\n"
                  "@3:Łukasz Żółw|lukasz@example.org|waitlisted\n"
                  "@4:山田 花子|hanako@example.org|going\n");
}

static void
test_utf16be_tab (void)
{
  assert_fixture ("generic-utf16be.csv", MQ_CSV_ENCODING_UTF16BE, '\t',
                  "Name|Email|Status",
                  "@2:Zoë Müller|zoe@example.org|going\n"
                  "@3:Łukasz Żółw|lukasz@example.org|waitlisted\n"
                  "@4:山田 花子|hanako@example.org|going\n");
}

static void
test_windows_1252_semicolon (void)
{
  assert_fixture ("generic-cp1252.csv", MQ_CSV_ENCODING_WINDOWS_1252, ';',
                  "Name|E-mail|Status|Guests|Mastodon",
                  "@2:Zoë Müller|zoe@example.org|going|2|@zoe@films.example\n"
                  "@3:François Œuvre|francois@example.org|maybe|0|\n"
                  "@4:Søren “Quote” Ås|soren@example.org|declined|0|\n");
}

static void
test_semicolon_quoted (void)
{
  assert_fixture ("pretix.csv", MQ_CSV_ENCODING_UTF8, ';',
                  "Order code|Attendee name|Product|Price|Checked in|Paid|E-mail",
                  "@2:ABC12|Élodie Martin|Regular ticket|8.00|2026-12-01 19:02:11|Yes|elodie@example.org\n"
                  "@3:DEF34|Kai Weber|Regular ticket|8.00||Yes|kai@example.org\n"
                  "@4:GHI56|Nguyen; Linh|Reduced ticket|5.00||No|linh@example.org\n");
}

static void
test_cr_only (void)
{
  assert_fixture ("generic-cr.csv", MQ_CSV_ENCODING_UTF8, ',',
                  "name|email|status",
                  "@2:Zoë Müller|zoe@example.org|going\n"
                  "@3:Ana Lima|ana@example.org|maybe\n");
}

static void
test_quoted_fields (void)
{
  /* Line breaks inside quoted fields count: the Bo record takes lines 3-5. */
  assert_fixture ("quoted.csv", MQ_CSV_ENCODING_UTF8, ',',
                  "name|notes|email",
                  "@2:Lee, Ada|She said \"hi\"|ada@example.org\n"
                  "@3:Bo\r\nMultiline|line one\nline two|bo@example.org\n"
                  "@6:Cy||cy@example.org\n"
                  "@8:||\n");
}

static void
test_refuse_unterminated_quote (void)
{
  assert_refused ("unterminated-quote.csv",
                  "Line 3: a quoted field starts here and is never closed; a “\"” is missing");
}

static void
test_refuse_nul (void)
{
  assert_refused ("binary-nul.csv",
                  "Line 3: the file contains binary data (a NUL byte); it is not a CSV text file");
}

static void
test_refuse_empty (void)
{
  assert_refused ("empty.csv", "The file is empty: it has no header row and no attendees");
  assert_refused ("blank-lines.csv", "The file is empty: it has no header row and no attendees");
}

static void
test_refuse_header_only (void)
{
  assert_refused ("header-only.csv", "Line 1: the file has a header row but no rows below it");
}

static void
test_refuse_long_field (void)
{
  g_autoptr(GString) text = g_string_new ("name,notes\nAda,short\nBo,");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = NULL;
  g_autofree char *records = NULL;

  for (guint i = 0; i < MQ_CSV_MAX_FIELD / 8 + 1; i++)
    g_string_append (text, "abcdefgh");
  g_string_append (text, "\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  reader = open_bytes (bytes, TRUE, &error);
  g_assert_no_error (error);
  records = read_all (reader, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Line 3: a field is longer than 1 MiB; this is not an attendee list");
  g_assert_cmpstr (records, ==, "@2:Ada|short\n");
}

/* 200 KiB of ASCII, then one Windows-1252 "é": the whole file decides. */
static GBytes *
late_latin1 (void)
{
  GString *text = g_string_new ("name,email\n");

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (text, "Person %04u,p%04u@example.org\n", i, i);
  g_string_append (text, "Ren\xe9 Roy,rene@example.org\n");

  return g_string_free_to_bytes (text);
}

static void
test_windows_1252_late_in_file (void)
{
  g_autoptr(GBytes) bytes = late_latin1 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = open_bytes (bytes, TRUE, &error);
  const char * const *fields = NULL, * const *last = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (mq_csv_reader_get_encoding (reader), ==, MQ_CSV_ENCODING_WINDOWS_1252);

  while ((fields = mq_csv_reader_next (reader, NULL, NULL, &error)))
    {
      g_clear_pointer (&name, g_free);
      name = g_strdup (fields[0]);
      last = fields;
    }
  g_assert_no_error (error);
  g_assert_nonnull (last);
  g_assert_cmpstr (name, ==, "René Roy");
  g_assert_cmpuint (mq_csv_reader_get_line (reader), ==, 4002);
}

static void
test_invalid_utf8_unseekable (void)
{
  g_autoptr(GBytes) bytes = late_latin1 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = open_bytes (bytes, FALSE, &error);
  g_autofree char *records = NULL;

  /* Only the start could be checked: the parser finds the bad byte. */
  g_assert_no_error (error);
  g_assert_cmpint (mq_csv_reader_get_encoding (reader), ==, MQ_CSV_ENCODING_UTF8);
  records = read_all (reader, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Line 4002: the text is not valid UTF-8; save the file again as “CSV UTF-8”");
}

/* Found by the fuzzer: a BOM promised UTF-8 and the bytes after it were
 * passed on unchecked.
 */
static void
test_invalid_utf8_after_bom (void)
{
  static const char text[] = "\xef\xbb\xbfName,Email\r\nAna,ana@example.org\r\nRen\xe9,rene@example.org\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = NULL;

  reader = open_bytes (bytes, TRUE, &error);
  if (reader != NULL)
    {
      g_autofree char *records = read_all (reader, &error);
    }
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Line 3: the text is not valid UTF-8; save the file again as “CSV UTF-8”");
}

static void
test_unseekable_small (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a;b\r\n\"x;1\";\"y\"\"\"\r\n", 18);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = open_bytes (bytes, FALSE, &error);
  g_autofree char *records = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (mq_csv_reader_get_delimiter (reader), ==, ';');
  records = read_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==, "@2:x;1|y\"\n");
}

static void
test_forced_dialect (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a,b;c\n1,2;3\n", 12);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(MqCsvReader) reader = mq_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  g_autofree char *records = NULL;

  mq_csv_reader_set_delimiter (reader, ';');
  g_assert_true (mq_csv_reader_open (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mq_csv_reader_get_n_columns (reader), ==, 2);
  records = read_all (reader, &error);
  g_assert_cmpstr (records, ==, "@2:1,2|3\n");
}

/* A million-row file passes through a 64 KiB window: what the reader
 * holds never depends on the file's size.
 */
static void
test_streams_large_input (void)
{
  GString *text = g_string_new ("name,email,status\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MqCsvReader) reader = NULL;
  guint count = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "\"Person, %u\",p%u@example.org,going\n", i, i);
  bytes = g_string_free_to_bytes (text);

  reader = open_bytes (bytes, FALSE, &error);
  g_assert_no_error (error);
  while (mq_csv_reader_next (reader, NULL, NULL, &error))
    count++;
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 100000);
  g_assert_cmpuint (mq_csv_reader_get_line (reader), ==, 100001);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/csv-reader/encoding/utf8-bom-crlf", test_utf8_bom_crlf);
  g_test_add_func ("/core/csv-reader/encoding/utf8-lf", test_utf8_lf);
  g_test_add_func ("/core/csv-reader/encoding/utf16le-tab", test_utf16le_tab);
  g_test_add_func ("/core/csv-reader/encoding/utf16be-tab", test_utf16be_tab);
  g_test_add_func ("/core/csv-reader/encoding/windows-1252-semicolon", test_windows_1252_semicolon);
  g_test_add_func ("/core/csv-reader/encoding/windows-1252-late-in-file", test_windows_1252_late_in_file);
  g_test_add_func ("/core/csv-reader/encoding/invalid-utf8-unseekable", test_invalid_utf8_unseekable);
  g_test_add_func ("/core/csv-reader/encoding/invalid-utf8-after-bom", test_invalid_utf8_after_bom);
  g_test_add_func ("/core/csv-reader/dialect/semicolon-quoted", test_semicolon_quoted);
  g_test_add_func ("/core/csv-reader/dialect/cr-only", test_cr_only);
  g_test_add_func ("/core/csv-reader/dialect/quoted-fields", test_quoted_fields);
  g_test_add_func ("/core/csv-reader/dialect/unseekable-small", test_unseekable_small);
  g_test_add_func ("/core/csv-reader/dialect/forced", test_forced_dialect);
  g_test_add_func ("/core/csv-reader/refuse/unterminated-quote", test_refuse_unterminated_quote);
  g_test_add_func ("/core/csv-reader/refuse/nul-byte", test_refuse_nul);
  g_test_add_func ("/core/csv-reader/refuse/empty", test_refuse_empty);
  g_test_add_func ("/core/csv-reader/refuse/header-only", test_refuse_header_only);
  g_test_add_func ("/core/csv-reader/refuse/long-field", test_refuse_long_field);
  g_test_add_func ("/core/csv-reader/streams-large-input", test_streams_large_input);

  return g_test_run ();
}
