/* mq-cli.c: command dispatch and what every command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-cli-account.h"
#include "mq-cli-announce.h"
#include "mq-cli-door.h"
#include "mq-cli-hashtag.h"
#include "mq-cli-private.h"
#include "mq-cli-transfer.h"

struct _MqCli
{
  GObject        parent_instance;

  char          *db_path;   /* (nullable) from --db */
  MqStore       *store;     /* (nullable) (owned) opened on first use */
  GOutputStream *out;       /* (unowned) during mq_cli_run() */
  GOutputStream *err;       /* (unowned) during mq_cli_run() */
};

G_DEFINE_FINAL_TYPE (MqCli, mq_cli, G_TYPE_OBJECT)

static const struct {
  const char       *name;
  MqCliCommandFunc  func;
  const char       *summary;
} commands[] = {
  { "init",    mq_cli_command_init,    N_("Create or upgrade the database") },
  { "event",   mq_cli_command_event,   N_("Add, list and show events") },
  { "person",  mq_cli_command_person,  N_("Add, list and merge people") },
  { "rsvp",    mq_cli_command_rsvp,    N_("Set and list RSVPs") },
  { "checkin", mq_cli_command_checkin, N_("Admit a guest at the door, or undo") },
  { "search",  mq_cli_command_search,  N_("Door lookup among an event’s RSVPs") },
  { "stats",   mq_cli_command_stats,   N_("Counts of an event") },
  { "import",    mq_cli_command_import,    N_("Import attendees from a CSV export") },
  { "export",    mq_cli_command_export,    N_("Export attendees, calendars, vCards, door PDFs") },
  { "volunteer", mq_cli_command_volunteer, N_("Door and greeter volunteers of an event") },
  { "greeters",  mq_cli_command_greeters,  N_("Pair newcomers with greeters") },
  { "walkin",    mq_cli_command_walkin,    N_("Admit a guest who did not RSVP") },
  { "account",   mq_cli_command_account,   N_("Add, list and remove social network accounts") },
  { "announce",  mq_cli_command_announce,  N_("Queue an event’s announcement for an account") },
  { "outbox",    mq_cli_command_outbox,    N_("List and send queued announcements") },
  { "hashtag",   mq_cli_command_hashtag,   N_("Who is posting with an event’s hashtag") },
  { "demo",    mq_cli_command_demo,    N_("Fill an empty database with sample data") },
};

static void
write_text (GOutputStream *stream,
            const char    *text)
{
  g_output_stream_write_all (stream, text, strlen (text), NULL, NULL, NULL);
}

void
mq_cli_print (MqCli      *self,
              const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  write_text (self->out, text);
}

void
mq_cli_print_json (MqCli    *self,
                   JsonNode *node)
{
  g_autoptr(JsonNode) owned = node;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  write_text (self->out, text);
  write_text (self->out, "\n");
}

void
mq_cli_print_rows (MqCli             *self,
                   GPtrArray         *rows,
                   gboolean           json,
                   MqCliRowJsonFunc   row_to_json,
                   MqCliRowPrintFunc  print_row)
{
  g_autoptr(JsonArray) array = NULL;

  if (!json)
    {
      for (guint i = 0; i < rows->len; i++)
        print_row (self, g_ptr_array_index (rows, i));
      return;
    }

  array = json_array_sized_new (rows->len);
  for (guint i = 0; i < rows->len; i++)
    json_array_add_element (array, row_to_json (g_ptr_array_index (rows, i)));
  mq_cli_print_json (self, json_node_init_array (json_node_alloc (), array));
}

static void
print_error_line (MqCli      *self,
                  const char *message)
{
  g_autofree char *line = NULL;
  g_autofree char *one_line = g_strdup (message);

  /* The contract promises one line: scripts read it with `read`. */
  g_strdelimit (one_line, "\r\n", ' ');
  line = g_strdup_printf ("marquee-cli: %s\n", one_line);
  write_text (self->err, line);
}

void
mq_cli_note (MqCli      *self,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  write_text (self->err, text);
  write_text (self->err, "\n");
}

int
mq_cli_fail (MqCli        *self,
             const GError *error)
{
  print_error_line (self, error->message);
  return MQ_CLI_EXIT_USER;
}

int
mq_cli_fail_message (MqCli      *self,
                     const char *format,
                     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  print_error_line (self, text);
  return MQ_CLI_EXIT_USER;
}

int
mq_cli_usage_error (MqCli      *self,
                    const char *format,
                    ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  print_error_line (self, text);
  return MQ_CLI_EXIT_USAGE;
}

/* GOptionContext's usage line is "PRGNAME [OPTION…] PARAMETERS", which puts
 * a command's options before the command, where mq_cli_run() refuses them;
 * so the usage line is Marquee's own and GLib's option table follows it.
 */
static char *
format_help (GOptionContext *context,
             const char     *usage)
{
  g_autofree char *glib_help = g_option_context_get_help (context, TRUE, NULL);
  const char *table = strstr (glib_help, "\n\n");

  return g_strdup_printf ("%s\n  marquee-cli %s\n%s", _("Usage:"), usage,
                          table != NULL ? table + 1 : "\n");
}

/* Parses the options of one (sub)command. Leaves the positional arguments
 * in @argv (argv[0] is the command). On --help prints the help and sets
 * @status to 0; on a bad option sets @status to MQ_CLI_EXIT_USAGE.
 */
gboolean
mq_cli_parse (MqCli         *self,
              GOptionEntry  *entries,
              const char    *usage,
              char        ***args,
              int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  for (int i = 1; (*args)[i] != NULL; i++)
    {
      if (g_str_equal ((*args)[i], "--"))
        break;
      if (g_str_equal ((*args)[i], "--help") || g_str_equal ((*args)[i], "-h"))
        {
          g_autofree char *help = format_help (context, usage);

          write_text (self->out, help);
          *status = MQ_CLI_EXIT_OK;
          return FALSE;
        }
    }

  if (!g_option_context_parse_strv (context, args, &error))
    {
      *status = mq_cli_usage_error (self, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

MqStore *
mq_cli_get_store (MqCli   *self,
                  GError **error)
{
  if (self->store == NULL)
    {
      g_autofree char *path = self->db_path != NULL ? g_strdup (self->db_path)
                                                    : mq_store_default_path ();

      self->store = mq_store_open (path, error);
    }

  return self->store;
}

gboolean
mq_cli_parse_id (const char  *text,
                 const char  *what,
                 gint64      *id,
                 GError     **error)
{
  guint64 value = 0;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("“%s” is not a valid %s id: use the number that “list” shows"),
                   text != NULL ? text : "", what);
      return FALSE;
    }

  *id = (gint64) value;
  return TRUE;
}

MqEvent *
mq_cli_load_event (MqCli       *self,
                   const char  *id_text,
                   MqStore    **store,
                   GError     **error)
{
  g_autoptr(MqEventCatalog) catalog = NULL;
  gint64 event_id;

  if (!mq_cli_parse_id (id_text, _("event"), &event_id, error))
    return NULL;
  if (!(*store = mq_cli_get_store (self, error)))
    return NULL;

  catalog = mq_event_catalog_new (*store);
  return mq_event_catalog_get (catalog, event_id, error);
}

GDateTime *
mq_cli_parse_time (const char  *text,
                   GTimeZone   *zone,
                   GError     **error)
{
  GDateTime *time = NULL;

  if (text != NULL && *text != '\0')
    {
      g_autofree char *with_seconds = NULL;

      time = g_date_time_new_from_iso8601 (text, zone);

      /* “2026-12-01T19:30” is what people type; ISO 8601 allows it. */
      if (time == NULL && strlen (text) == 16 && text[10] == 'T')
        {
          with_seconds = g_strconcat (text, ":00", NULL);
          time = g_date_time_new_from_iso8601 (with_seconds, zone);
        }
    }

  if (time == NULL)
    g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                 _("“%s” is not a date and time: write it like 2026-12-01T19:30 or 2026-12-01T19:30:00+01:00"),
                 text != NULL ? text : "");

  return time;
}

char *
mq_cli_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static int
print_usage (MqCli         *self,
             GOutputStream *stream)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, _("Usage: marquee-cli [--db PATH] COMMAND [ARGS…]\n\n"));
  g_string_append (text, _("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (text, _("\nThe database is --db PATH, else $MARQUEE_DB, else "
                           "$XDG_DATA_HOME/marquee/marquee.db.\n"
                           "Run “marquee-cli COMMAND --help” for a command’s options.\n"));
  write_text (stream, text->str);
  return stream == self->out ? MQ_CLI_EXIT_OK : MQ_CLI_EXIT_USAGE;
}

int
mq_cli_run (MqCli          *self,
            int             argc,
            char          **argv,
            GOutputStream  *out,
            GOutputStream  *err)
{
  int i = 1;

  g_return_val_if_fail (MQ_IS_CLI (self), MQ_CLI_EXIT_USAGE);

  self->out = out;
  self->err = err;

  /* Global options come before the command. */
  while (i < argc && g_str_has_prefix (argv[i], "-"))
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (self->db_path);
          self->db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (self->db_path);
          self->db_path = g_strdup (argv[i] + strlen ("--db="));
          i++;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        return print_usage (self, self->out);
      else if (g_str_equal (argv[i], "--version"))
        {
          mq_cli_print (self, "marquee-cli %s\n", PACKAGE_VERSION);
          return MQ_CLI_EXIT_OK;
        }
      else
        return mq_cli_usage_error (self, _("Unknown option “%s”; see marquee-cli --help"), argv[i]);
    }

  if (i >= argc)
    return print_usage (self, self->err);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (g_str_equal (argv[i], commands[c].name))
        return commands[c].func (self, argc - i, argv + i);
    }

  return mq_cli_usage_error (self, _("Unknown command “%s”; see marquee-cli --help"), argv[i]);
}

static void
mq_cli_finalize (GObject *object)
{
  MqCli *self = (MqCli *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (mq_cli_parent_class)->finalize (object);
}

static void
mq_cli_class_init (MqCliClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_cli_finalize;
}

static void
mq_cli_init (MqCli *self)
{
}

MqCli *
mq_cli_new (void)
{
  return g_object_new (MQ_TYPE_CLI, NULL);
}
