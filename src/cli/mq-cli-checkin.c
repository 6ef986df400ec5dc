/* mq-cli-checkin.c: marquee-cli checkin, checkin undo and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "mq-cli-private.h"

#define DOOR_RESULTS 10

/* The RSVP a door lookup settles on: a scanned code, or the only match. */
static MqDoorMatch *
pick_match (GPtrArray *matches,
            gboolean  *ambiguous)
{
  MqDoorMatch *best;

  *ambiguous = FALSE;
  if (matches->len == 0)
    return NULL;

  best = g_ptr_array_index (matches, 0);
  if (best->kind == MQ_DOOR_MATCH_CODE || matches->len == 1)
    return best;

  *ambiguous = TRUE;
  return NULL;
}

static char *
describe_admit (MqEvent   *event,
                MqCheckIn *record)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (mq_event_get_time_zone (event));
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *hhmm = NULL;
  const char *station = mq_check_in_get_station (record);

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (mq_check_in_get_at (record), zone);
  hhmm = g_date_time_format (local, "%H:%M");

  if (station != NULL && *station != '\0')
    return g_strdup_printf (_("Already in since %s at %s"), hhmm, station);

  return g_strdup_printf (_("Already in since %s"), hhmm);
}

static int
print_outcome (MqCli      *self,
               gboolean    json,
               const char *outcome,
               MqRsvp     *rsvp,
               const char *message,
               MqCheckIn  *record)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "outcome");
      json_builder_add_string_value (builder, outcome);
      if (rsvp != NULL)
        {
          json_builder_set_member_name (builder, "rsvp_id");
          json_builder_add_int_value (builder, mq_rsvp_get_id (rsvp));
          json_builder_set_member_name (builder, "person_id");
          json_builder_add_int_value (builder, mq_rsvp_get_person_id (rsvp));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, mq_rsvp_get_name (rsvp));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)));
          json_builder_set_member_name (builder, "party_size");
          json_builder_add_int_value (builder, mq_rsvp_get_party_size (rsvp));
        }
      if (record != NULL)
        {
          g_autofree char *at = mq_cli_format_time (mq_check_in_get_at (record));

          json_builder_set_member_name (builder, "since");
          json_builder_add_string_value (builder, at);
          json_builder_set_member_name (builder, "station");
          json_builder_add_string_value (builder, mq_check_in_get_station (record));
          json_builder_set_member_name (builder, "people");
          json_builder_add_int_value (builder, mq_check_in_get_people (record));
        }
      if (message != NULL)
        {
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, message);
        }
      json_builder_end_object (builder);
      mq_cli_print_json (self, json_builder_get_root (builder));
    }
  else
    {
      mq_cli_print (self, "%s\n", outcome);
    }

  return MQ_CLI_EXIT_OK;
}

static int
checkin_undo (MqCli  *self,
              char  **argv)
{
  g_autofree char *reason = NULL, *volunteer = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the admit is taken back (required)"), N_("R") },
    { "volunteer", 0, 0, G_OPTION_ARG_STRING, &volunteer, N_("Who takes it back"), N_("NAME") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvpLedger) ledger = NULL;
  g_autoptr(MqCheckInLog) log = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(MqCheckIn) undo = NULL;
  MqStore *store;
  gint64 event_id, person_id;
  int status;

  if (!mq_cli_parse (self, entries, "checkin undo EVENT_ID PERSON_ID --reason R", &args, &status))
    return status;
  if (g_strv_length (args) != 4)
    return mq_cli_usage_error (self, _("Usage: marquee-cli checkin undo EVENT_ID PERSON_ID --reason R"));
  if (!mq_cli_parse_id (args[2], _("event"), &event_id, &error) ||
      !mq_cli_parse_id (args[3], _("person"), &person_id, &error))
    return mq_cli_fail (self, error);
  if (reason == NULL || *g_strstrip (reason) == '\0')
    return mq_cli_fail_message (self, _("Say why the admit is taken back: give --reason"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  ledger = mq_rsvp_ledger_new (store);
  rsvp = mq_rsvp_ledger_find (ledger, event_id, person_id, &error);
  if (rsvp == NULL && error != NULL)
    return mq_cli_fail (self, error);
  if (rsvp == NULL)
    return mq_cli_fail_message (self, _("Person %" PRId64 " has no RSVP to event %" PRId64),
                                person_id, event_id);

  log = mq_check_in_log_new (store);
  if (!(undo = mq_check_in_log_undo (log, mq_rsvp_get_id (rsvp), reason, volunteer, &error)))
    return mq_cli_fail (self, error);

  mq_cli_print (self, "undone\n");
  return MQ_CLI_EXIT_OK;
}

static int
checkin_admit (MqCli  *self,
               char  **argv)
{
  g_autofree char *person = NULL, *code = NULL, *search = NULL, *station = NULL, *volunteer = NULL;
  gboolean json = FALSE;
  int people = 0;
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Admit this person"), N_("ID") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("Admit the holder of this ticket code"), N_("CODE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Admit the only match of a door lookup"), N_("TEXT") },
    { "station", 0, 0, G_OPTION_ARG_STRING, &station, N_("Name of this door (default CLI)"), N_("S") },
    { "volunteer", 0, 0, G_OPTION_ARG_STRING, &volunteer, N_("Who admits"), N_("NAME") },
    { "people", 0, 0, G_OPTION_ARG_INT, &people, N_("Admit N of the party (default: all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvpLedger) ledger = NULL;
  g_autoptr(MqCheckInLog) log = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(MqCheckIn) record = NULL;
  MqAdmitOutcome outcome;
  MqStore *store;
  gint64 event_id;
  int status;

  if (!mq_cli_parse (self, entries, "checkin EVENT_ID (--person ID | --code CODE | --search TEXT)",
                     &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return mq_cli_usage_error (self, _("Usage: marquee-cli checkin EVENT_ID (--person ID | --code CODE | --search TEXT)"));
  if ((person != NULL) + (code != NULL) + (search != NULL) != 1)
    return mq_cli_usage_error (self, _("Give exactly one of --person, --code or --search"));
  if (people < 0)
    return mq_cli_fail_message (self, _("--people cannot be negative"));
  if (!(event = mq_cli_load_event (self, args[1], &store, &error)))
    return mq_cli_fail (self, error);
  event_id = mq_event_get_id (event);

  ledger = mq_rsvp_ledger_new (store);

  if (person != NULL)
    {
      gint64 person_id;

      if (!mq_cli_parse_id (person, _("person"), &person_id, &error))
        return mq_cli_fail (self, error);
      rsvp = mq_rsvp_ledger_find (ledger, event_id, person_id, &error);
    }
  else if (code != NULL)
    {
      g_autofree char *normalized = mq_ticket_code_normalize (code);

      if (normalized != NULL)
        rsvp = mq_rsvp_ledger_find_by_code (ledger, event_id, normalized, &error);
    }
  else
    {
      g_autoptr(MqDoorLookup) lookup = mq_door_lookup_new (store, event_id, &error);
      g_autoptr(GPtrArray) matches = NULL;
      MqDoorMatch *match;
      gboolean ambiguous;

      if (lookup == NULL)
        return mq_cli_fail (self, error);
      if (!(matches = mq_door_lookup_search (lookup, search, DOOR_RESULTS, &error)))
        return mq_cli_fail (self, error);

      match = pick_match (matches, &ambiguous);
      if (ambiguous)
        return print_outcome (self, json, "ambiguous", NULL, NULL, NULL);
      if (match != NULL)
        rsvp = mq_rsvp_ledger_get (ledger, match->rsvp_id, &error);
    }

  if (error != NULL)
    return mq_cli_fail (self, error);
  if (rsvp == NULL)
    return print_outcome (self, json, "not-found", NULL, NULL, NULL);

  log = mq_check_in_log_new (store);
  outcome = mq_check_in_log_admit (log, mq_rsvp_get_id (rsvp), people,
                                   station != NULL ? station : "CLI", volunteer,
                                   &record, &error);
  switch ((int) outcome)
    {
    case MQ_ADMIT_ADMITTED:
      return print_outcome (self, json, "admitted", rsvp, NULL, record);
    case MQ_ADMIT_ALREADY_IN:
      {
        g_autofree char *message = describe_admit (event, record);

        return print_outcome (self, json, "already-in", rsvp, message, record);
      }
    case MQ_ADMIT_NOT_ADMISSIBLE:
      {
        g_autofree char *message = g_strdup_printf (_("%s is %s, not going"), mq_rsvp_get_name (rsvp),
                                                    mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)));

        return print_outcome (self, json, "not-going", rsvp, message, NULL);
      }
    default:
      return mq_cli_fail (self, error);
    }
}

int
mq_cli_command_checkin (MqCli  *self,
                        int     argc,
                        char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "undo"))
    return checkin_undo (self, argv);

  return checkin_admit (self, argv);
}

static JsonNode *
match_to_json (gconstpointer row)
{
  const MqDoorMatch *match = row;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rsvp_id");
  json_builder_add_int_value (builder, match->rsvp_id);
  json_builder_set_member_name (builder, "person_id");
  json_builder_add_int_value (builder, match->person_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, match->name);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, mq_rsvp_status_to_string (match->status));
  json_builder_set_member_name (builder, "party_size");
  json_builder_add_int_value (builder, match->party_size);
  json_builder_set_member_name (builder, "ticket_code");
  json_builder_add_string_value (builder, match->ticket_code);
  json_builder_set_member_name (builder, "match");
  json_builder_add_string_value (builder,
                                 match->kind == MQ_DOOR_MATCH_CODE ? "code" :
                                 match->kind == MQ_DOOR_MATCH_NAME ? "name" : "prefix");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_match (MqCli         *self,
             gconstpointer  row)
{
  const MqDoorMatch *match = row;

  mq_cli_print (self, "%s\t%s\t%s\t%d\n", match->ticket_code, match->name,
                mq_rsvp_status_to_string (match->status), match->party_size);
}

int
mq_cli_command_search (MqCli  *self,
                       int     argc,
                       char  **argv)
{
  gboolean json = FALSE;
  int limit = DOOR_RESULTS;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N results (default 10)"), N_("N") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(MqDoorLookup) lookup = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  MqStore *store;
  gint64 event_id;
  int status;

  if (!mq_cli_parse (self, entries, "search EVENT_ID TEXT [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 3)
    return mq_cli_usage_error (self, _("Usage: marquee-cli search EVENT_ID TEXT [--json]"));
  if (limit < 1)
    return mq_cli_fail_message (self, _("--limit must be at least 1"));
  if (!(event = mq_cli_load_event (self, args[1], &store, &error)))
    return mq_cli_fail (self, error);
  event_id = mq_event_get_id (event);
  if (!(lookup = mq_door_lookup_new (store, event_id, &error)))
    return mq_cli_fail (self, error);
  if (!(matches = mq_door_lookup_search (lookup, args[2], (guint) limit, &error)))
    return mq_cli_fail (self, error);

  mq_cli_print_rows (self, matches, json, match_to_json, print_match);

  return MQ_CLI_EXIT_OK;
}
