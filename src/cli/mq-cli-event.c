/* mq-cli-event.c: marquee-cli event add|list|show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-cli-private.h"

typedef struct
{
  char *title;
  char *kind;
  char *parent;
  char *starts;
  char *ends;
  char *zone;
  char *venue;
  char *address;
  char *capacity;
  char *hashtag;
  char *description;
  char *film_title;
  char *director;
  char *year;
  char *runtime;
  char *language;
  char *status;
} EventOptions;

static void
event_options_clear (EventOptions *o)
{
  g_free (o->title);
  g_free (o->kind);
  g_free (o->parent);
  g_free (o->starts);
  g_free (o->ends);
  g_free (o->zone);
  g_free (o->venue);
  g_free (o->address);
  g_free (o->capacity);
  g_free (o->hashtag);
  g_free (o->description);
  g_free (o->film_title);
  g_free (o->director);
  g_free (o->year);
  g_free (o->runtime);
  g_free (o->language);
  g_free (o->status);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EventOptions, event_options_clear)

static gboolean
parse_count (const char  *text,
             const char  *what,
             gint64       min,
             int         *value,
             GError     **error)
{
  gint64 parsed;

  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &parsed, NULL))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("%s must be a whole number, not “%s”"), what, text);
      return FALSE;
    }

  if (parsed < min)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("%s cannot be negative (%s)"), what, text);
      return FALSE;
    }

  *value = (int) parsed;
  return TRUE;
}

static char *
default_zone_id (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);
  g_autoptr(GTimeZone) check = id != NULL ? g_time_zone_new_identifier (id) : NULL;

  /* The local zone may be known only as a file (“/etc/localtime”); an event
   * needs an IANA name other machines understand.
   */
  if (check == NULL || g_str_has_prefix (id, "/") || g_str_has_prefix (id, ":"))
    return g_strdup ("UTC");

  return g_strdup (id);
}

static MqEvent *
event_from_options (EventOptions  *o,
                    GError       **error)
{
  g_autoptr(MqEvent) event = mq_event_new ();
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;
  g_autofree char *zone_id = NULL;
  MqEventKind kind = MQ_EVENT_KIND_SCREENING;
  MqEventStatus status = MQ_EVENT_STATUS_PUBLISHED;
  int number;

  if (o->title == NULL || *g_strstrip (o->title) == '\0')
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID, _("An event needs a title: give --title"));
      return NULL;
    }
  if (o->starts == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("An event needs a start: give --starts 2026-12-01T19:30"));
      return NULL;
    }
  if (o->kind != NULL && !mq_event_kind_from_string (o->kind, &kind))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Unknown kind “%s”: use screening, meetup or addon"), o->kind);
      return NULL;
    }
  if (o->status != NULL && !mq_event_status_from_string (o->status, &status))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Unknown status “%s”: use draft, published or cancelled"), o->status);
      return NULL;
    }

  zone_id = o->zone != NULL ? g_strdup (o->zone) : default_zone_id ();
  zone = g_time_zone_new_identifier (zone_id);
  if (zone == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Unknown time zone “%s”: use an IANA name such as Europe/Berlin"), zone_id);
      return NULL;
    }

  if (!(starts = mq_cli_parse_time (o->starts, zone, error)))
    return NULL;
  if (o->ends != NULL && !(ends = mq_cli_parse_time (o->ends, zone, error)))
    return NULL;

  mq_event_set_title (event, o->title);
  mq_event_set_kind (event, kind);
  mq_event_set_status (event, status);
  mq_event_set_time_zone (event, zone_id);
  mq_event_set_starts_at (event, starts);
  mq_event_set_ends_at (event, ends);
  mq_event_set_venue (event, o->venue);
  mq_event_set_address (event, o->address);
  mq_event_set_hashtag (event, o->hashtag);
  mq_event_set_description (event, o->description);
  mq_event_set_film_title (event, o->film_title);
  mq_event_set_film_director (event, o->director);
  mq_event_set_film_language (event, o->language);

  if (o->parent != NULL)
    {
      gint64 parent_id;

      if (!mq_cli_parse_id (o->parent, _("event"), &parent_id, error))
        return NULL;
      mq_event_set_parent_id (event, parent_id);
    }

  if (o->capacity != NULL)
    {
      if (!parse_count (o->capacity, _("Capacity"), 0, &number, error))
        return NULL;
      mq_event_set_capacity (event, number);
    }

  if (o->runtime != NULL)
    {
      if (!parse_count (o->runtime, _("Runtime"), 1, &number, error))
        return NULL;
      mq_event_set_film_runtime (event, number);
    }

  if (o->year != NULL)
    {
      if (!parse_count (o->year, _("Year"), 1888, &number, error))
        return NULL;
      mq_event_set_film_year (event, number);
    }

  return g_steal_pointer (&event);
}

static int
event_add (MqCli  *self,
           char  **argv)
{
  g_auto(EventOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("Title"), N_("T") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("screening, meetup or addon"), N_("KIND") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &o.parent, N_("Parent event of an add-on"), N_("ID") },
    { "starts", 0, 0, G_OPTION_ARG_STRING, &o.starts, N_("Start, ISO 8601"), N_("ISO") },
    { "ends", 0, 0, G_OPTION_ARG_STRING, &o.ends, N_("End, ISO 8601"), N_("ISO") },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &o.zone, N_("IANA time zone of the event"), N_("ZONE") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &o.venue, N_("Venue"), N_("V") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &o.address, N_("Address"), N_("A") },
    { "capacity", 0, 0, G_OPTION_ARG_STRING, &o.capacity, N_("Seats (omit for unlimited)"), N_("N") },
    { "hashtag", 0, 0, G_OPTION_ARG_STRING, &o.hashtag, N_("Hashtag"), N_("H") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &o.description, N_("Description"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &o.status, N_("draft, published or cancelled"), N_("S") },
    { "film-title", 0, 0, G_OPTION_ARG_STRING, &o.film_title, N_("Film title"), N_("F") },
    { "director", 0, 0, G_OPTION_ARG_STRING, &o.director, N_("Film director"), N_("D") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &o.year, N_("Film year"), N_("YYYY") },
    { "runtime", 0, 0, G_OPTION_ARG_STRING, &o.runtime, N_("Film runtime in minutes"), N_("MIN") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &o.language, N_("Film language"), N_("L") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = NULL;
  MqStore *store;
  gint64 id;
  int status;

  if (!mq_cli_parse (self, entries, "event add --title T --starts ISO", &args, &status))
    return status;
  if (g_strv_length (args) > 2)
    return mq_cli_usage_error (self, _("Unexpected argument “%s”"), args[2]);

  if (!(event = event_from_options (&o, &error)))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  catalog = mq_event_catalog_new (store);
  id = mq_event_catalog_add (catalog, event, &error);
  if (id == 0)
    return mq_cli_fail (self, error);

  mq_cli_print (self, "%" G_GINT64_FORMAT "\n", id);
  return MQ_CLI_EXIT_OK;
}

static char *
format_local (MqEvent *event)
{
  g_autoptr(GDateTime) local = mq_event_dup_starts_local (event);

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static int
event_list (MqCli  *self,
            char  **argv)
{
  gboolean json = FALSE, upcoming = FALSE, past = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "upcoming", 0, 0, G_OPTION_ARG_NONE, &upcoming, N_("Only events still to come"), NULL },
    { "past", 0, 0, G_OPTION_ARG_NONE, &past, N_("Only events that have started"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  MqStore *store;
  int status;

  if (!mq_cli_parse (self, entries, "event list [--json]", &args, &status))
    return status;
  if (g_strv_length (args) > 2)
    return mq_cli_usage_error (self, _("Unexpected argument “%s”"), args[2]);
  if (upcoming && past)
    return mq_cli_usage_error (self, _("Give --upcoming or --past, not both"));

  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  catalog = mq_event_catalog_new (store);
  events = mq_event_catalog_list (catalog,
                                  upcoming ? MQ_EVENT_RANGE_UPCOMING :
                                  past ? MQ_EVENT_RANGE_PAST : MQ_EVENT_RANGE_ALL,
                                  &error);
  if (events == NULL)
    return mq_cli_fail (self, error);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (events, i);

      if (json)
        {
          json_array_add_element (array, mq_cli_event_to_json (event));
        }
      else
        {
          g_autofree char *when = format_local (event);
          int capacity = mq_event_get_capacity (event);
          g_autofree char *seats = capacity >= 0 ? g_strdup_printf ("%d", capacity) : g_strdup ("∞");

          mq_cli_print (self, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
                        mq_event_get_id (event), when,
                        mq_event_kind_to_string (mq_event_get_kind (event)),
                        seats, mq_event_get_title (event));
        }
    }

  if (json)
    mq_cli_print_json (self, json_node_init_array (json_node_alloc (), array));

  return MQ_CLI_EXIT_OK;
}

static int
event_show (MqCli  *self,
            char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqEvent) event = NULL;
  MqStore *store;
  int status;

  if (!mq_cli_parse (self, entries, "event show ID [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 3)
    return mq_cli_usage_error (self, _("Usage: marquee-cli event show ID [--json]"));
  if (!(event = mq_cli_load_event (self, args[2], &store, &error)))
    return mq_cli_fail (self, error);

  if (json)
    {
      mq_cli_print_json (self, mq_cli_event_to_json (event));
    }
  else
    {
      g_autofree char *when = format_local (event);
      g_autoptr(GDateTime) doors = mq_event_dup_doors_at (event);
      g_autofree char *doors_text = doors != NULL ? g_date_time_format (doors, "%H:%M") : NULL;
      int capacity = mq_event_get_capacity (event);

      mq_cli_print (self, "%s\n", mq_event_get_title (event));
      mq_cli_print (self, _("Kind: %s\n"), mq_event_kind_to_string (mq_event_get_kind (event)));
      mq_cli_print (self, _("Starts: %s (%s)\n"), when, mq_event_get_time_zone (event));
      if (doors_text != NULL)
        mq_cli_print (self, _("Doors: %s\n"), doors_text);
      if (mq_event_get_venue (event) != NULL)
        mq_cli_print (self, _("Venue: %s\n"), mq_event_get_venue (event));
      if (capacity >= 0)
        mq_cli_print (self, _("Capacity: %d\n"), capacity);
      else
        mq_cli_print (self, _("Capacity: unlimited\n"));
      if (mq_event_get_film_title (event) != NULL)
        mq_cli_print (self, _("Film: %s\n"), mq_event_get_film_title (event));
    }

  return MQ_CLI_EXIT_OK;
}

int
mq_cli_command_event (MqCli  *self,
                      int     argc,
                      char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return event_add (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return event_list (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return event_show (self, argv);

  return mq_cli_usage_error (self, _("Usage: marquee-cli event add|list|show …"));
}
