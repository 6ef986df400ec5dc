/* mq-cli-door.c: marquee-cli volunteer, greeters, walkin and the door printouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-badge-sheet.h"
#include "mq-cli-door.h"
#include "mq-cli-private.h"
#include "mq-door-list-pdf.h"
#include "mq-greeter-pairing.h"
#include "mq-volunteer-roster.h"
#include "mq-walk-in.h"

#define WALK_IN_CANDIDATES 10

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = value != NULL ? mq_cli_format_time (value) : NULL;

  add_string (builder, name, text);
}

/* volunteer add|remove EVENT_ID PERSON_ID --role R */
static int
volunteer_change (MqCli    *self,
                  char    **argv,
                  gboolean  add)
{
  g_autofree char *role_text = NULL;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("organizer, door or greeter"), N_("ROLE") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqVolunteerRoster) roster = NULL;
  MqVolunteerRole role;
  MqStore *store;
  gint64 event_id, person_id;
  int status;

  if (!mq_cli_parse (self, entries, "volunteer add|remove EVENT_ID PERSON_ID --role ROLE", &args, &status))
    return status;
  if (g_strv_length (args) != 4 || role_text == NULL)
    return mq_cli_usage_error (self, _("Usage: marquee-cli volunteer add|remove EVENT_ID PERSON_ID --role organizer|door|greeter"));
  if (!mq_volunteer_role_from_string (role_text, &role))
    return mq_cli_usage_error (self, _("Unknown role “%s”: use organizer, door or greeter"), role_text);
  if (!mq_cli_parse_id (args[2], _("event"), &event_id, &error) ||
      !mq_cli_parse_id (args[3], _("person"), &person_id, &error))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  roster = mq_volunteer_roster_new (store);
  if (add ? !mq_volunteer_roster_add (roster, event_id, person_id, role, &error)
          : !mq_volunteer_roster_remove (roster, event_id, person_id, role, &error))
    return mq_cli_fail (self, error);

  return MQ_CLI_EXIT_OK;
}

static JsonNode *
volunteer_to_json (gconstpointer row)
{
  const MqVolunteer *volunteer = row;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "event_id", volunteer->event_id);
  add_int (builder, "person_id", volunteer->person_id);
  add_string (builder, "name", volunteer->name);
  add_string (builder, "role", mq_volunteer_role_to_string (volunteer->role));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_volunteer (MqCli         *self,
                 gconstpointer  row)
{
  const MqVolunteer *volunteer = row;

  mq_cli_print (self, "%" G_GINT64_FORMAT "\t%s\t%s\n", volunteer->person_id, volunteer->name,
                mq_volunteer_role_to_string (volunteer->role));
}

static int
volunteer_list (MqCli  *self,
                char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqVolunteerRoster) roster = NULL;
  g_autoptr(GPtrArray) volunteers = NULL;
  MqStore *store;
  gint64 event_id;
  int status;

  if (!mq_cli_parse (self, entries, "volunteer list EVENT_ID [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 3)
    return mq_cli_usage_error (self, _("Usage: marquee-cli volunteer list EVENT_ID [--json]"));
  if (!mq_cli_parse_id (args[2], _("event"), &event_id, &error))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  roster = mq_volunteer_roster_new (store);
  if (!(volunteers = mq_volunteer_roster_list (roster, event_id, &error)))
    return mq_cli_fail (self, error);

  mq_cli_print_rows (self, volunteers, json, volunteer_to_json, print_volunteer);

  return MQ_CLI_EXIT_OK;
}

int
mq_cli_command_volunteer (MqCli  *self,
                          int     argc,
                          char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return volunteer_change (self, argv, TRUE);
  if (argc >= 2 && g_str_equal (argv[1], "remove"))
    return volunteer_change (self, argv, FALSE);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return volunteer_list (self, argv);

  return mq_cli_usage_error (self, _("Usage: marquee-cli volunteer add|remove|list …"));
}

static JsonNode *
assignment_to_json (MqGreeterAssignment *pair,
                    gboolean             with_arrival,
                    GDateTime           *arrived_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean met = mq_greeter_assignment_get_status (pair) == MQ_GREETER_ASSIGNMENT_MET;

  json_builder_begin_object (builder);
  add_int (builder, "id", mq_greeter_assignment_get_id (pair));
  add_int (builder, "event_id", mq_greeter_assignment_get_event_id (pair));
  add_int (builder, "newcomer_id", mq_greeter_assignment_get_newcomer_id (pair));
  add_string (builder, "newcomer", mq_greeter_assignment_get_newcomer_name (pair));
  add_int (builder, "greeter_id", mq_greeter_assignment_get_greeter_id (pair));
  add_string (builder, "greeter", mq_greeter_assignment_get_greeter_name (pair));
  add_string (builder, "status", met ? "met" : "assigned");
  add_time (builder, "assigned_at", mq_greeter_assignment_get_assigned_at (pair));
  add_time (builder, "met_at", mq_greeter_assignment_get_met_at (pair));
  if (with_arrival)
    {
      json_builder_set_member_name (builder, "arrived");
      json_builder_add_boolean_value (builder, arrived_at != NULL);
      add_time (builder, "arrived_at", arrived_at);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_pairs (MqCli     *self,
             GPtrArray *pairs,
             gboolean   json,
             gboolean   with_arrival)
{
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < pairs->len; i++)
    {
      MqGreeterAssignment *pair;
      GDateTime *arrived_at = NULL;

      if (with_arrival)
        {
          MqGreeterNewcomer *newcomer = g_ptr_array_index (pairs, i);

          pair = newcomer->assignment;
          arrived_at = newcomer->arrived_at;
        }
      else
        {
          pair = g_ptr_array_index (pairs, i);
        }

      if (json)
        json_array_add_element (array, assignment_to_json (pair, with_arrival, arrived_at));
      else
        mq_cli_print (self, "%s\t%s%s\n",
                      mq_greeter_assignment_get_newcomer_name (pair),
                      mq_greeter_assignment_get_greeter_name (pair),
                      with_arrival && arrived_at != NULL ? _("\tarrived") : "");
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "assignments");
      json_builder_add_value (builder, json_node_init_array (json_node_alloc (), array));
      json_builder_end_object (builder);
      mq_cli_print_json (self, json_builder_get_root (builder));
    }
}

/* greeters assign|list EVENT_ID */
static int
greeters_assign_or_list (MqCli    *self,
                         char    **argv,
                         gboolean  assign)
{
  g_autofree char *greeter = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "greeter", 0, 0, G_OPTION_ARG_STRING, &greeter, N_("Only this greeter’s newcomers, with arrivals"), N_("PERSON_ID") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqGreeterPairing) pairing = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  MqStore *store;
  gint64 event_id, greeter_id = 0;
  int status;

  if (!mq_cli_parse (self, entries, "greeters assign|list EVENT_ID [--greeter PERSON_ID] [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 3 || (assign && greeter != NULL))
    return mq_cli_usage_error (self, _("Usage: marquee-cli greeters assign EVENT_ID [--json] | greeters list EVENT_ID [--greeter PERSON_ID] [--json]"));
  if (!mq_cli_parse_id (args[2], _("event"), &event_id, &error) ||
      (greeter != NULL && !mq_cli_parse_id (greeter, _("person"), &greeter_id, &error)))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  pairing = mq_greeter_pairing_new (store);
  if (assign)
    pairs = mq_greeter_pairing_assign (pairing, event_id, NULL, &error);
  else if (greeter_id != 0)
    pairs = mq_greeter_pairing_list_for_greeter (pairing, event_id, greeter_id, &error);
  else
    pairs = mq_greeter_pairing_list (pairing, event_id, &error);
  if (pairs == NULL)
    return mq_cli_fail (self, error);

  print_pairs (self, pairs, json, greeter_id != 0);
  return MQ_CLI_EXIT_OK;
}

static int
greeters_met (MqCli  *self,
              char  **argv)
{
  gboolean not_met = FALSE;
  GOptionEntry entries[] = {
    { "not", 0, 0, G_OPTION_ARG_NONE, &not_met, N_("Take the “met” mark back"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqGreeterPairing) pairing = NULL;
  MqStore *store;
  gint64 event_id, newcomer_id;
  int status;

  if (!mq_cli_parse (self, entries, "greeters met EVENT_ID NEWCOMER_ID [--not]", &args, &status))
    return status;
  if (g_strv_length (args) != 4)
    return mq_cli_usage_error (self, _("Usage: marquee-cli greeters met EVENT_ID NEWCOMER_ID [--not]"));
  if (!mq_cli_parse_id (args[2], _("event"), &event_id, &error) ||
      !mq_cli_parse_id (args[3], _("person"), &newcomer_id, &error))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  pairing = mq_greeter_pairing_new (store);
  if (!mq_greeter_pairing_set_met (pairing, event_id, newcomer_id, !not_met, &error))
    return mq_cli_fail (self, error);

  return MQ_CLI_EXIT_OK;
}

static int
greeters_introduce (MqCli  *self,
                    char  **argv)
{
  g_autofree char *by = NULL, *note = NULL;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who made the introduction"), N_("PERSON_ID") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What they have in common"), N_("TEXT") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqGreeterPairing) pairing = NULL;
  g_autoptr(MqIntroduction) introduction = NULL;
  MqStore *store;
  gint64 event_id, a, b, by_id = 0;
  int status;

  if (!mq_cli_parse (self, entries, "greeters introduce EVENT_ID PERSON_ID PERSON_ID [--by PERSON_ID] [--note N]",
                     &args, &status))
    return status;
  if (g_strv_length (args) != 5)
    return mq_cli_usage_error (self, _("Usage: marquee-cli greeters introduce EVENT_ID PERSON_ID PERSON_ID [--by PERSON_ID] [--note N]"));
  if (!mq_cli_parse_id (args[2], _("event"), &event_id, &error) ||
      !mq_cli_parse_id (args[3], _("person"), &a, &error) ||
      !mq_cli_parse_id (args[4], _("person"), &b, &error) ||
      (by != NULL && !mq_cli_parse_id (by, _("person"), &by_id, &error)))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  pairing = mq_greeter_pairing_new (store);
  if (!(introduction = mq_greeter_pairing_introduce (pairing, event_id, a, b, by_id, note, &error)))
    return mq_cli_fail (self, error);

  mq_cli_print (self, "%" G_GINT64_FORMAT "\n", mq_introduction_get_id (introduction));
  return MQ_CLI_EXIT_OK;
}

int
mq_cli_command_greeters (MqCli  *self,
                         int     argc,
                         char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "assign"))
    return greeters_assign_or_list (self, argv, TRUE);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return greeters_assign_or_list (self, argv, FALSE);
  if (argc >= 2 && g_str_equal (argv[1], "met"))
    return greeters_met (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "introduce"))
    return greeters_introduce (self, argv);

  return mq_cli_usage_error (self, _("Usage: marquee-cli greeters assign|list|met|introduce …"));
}

static const char *
match_to_string (MqWalkInMatch match)
{
  switch (match)
    {
    case MQ_WALK_IN_SAME_EMAIL:
      return "email";
    case MQ_WALK_IN_SAME_HANDLE:
      return "handle";
    case MQ_WALK_IN_SAME_NAME:
      return "name";
    case MQ_WALK_IN_NAME_PREFIX:
    default:
      return "name-prefix";
    }
}

static JsonNode *
candidate_to_json (gconstpointer row)
{
  const MqWalkInCandidate *candidate = row;
  JsonNode *node = mq_cli_person_to_json (candidate->person);

  json_object_set_string_member (json_node_get_object (node), "match",
                                 match_to_string (candidate->match));
  return node;
}

static void
print_candidate (MqCli         *self,
                 gconstpointer  row)
{
  const MqWalkInCandidate *candidate = row;

  mq_cli_print (self, "%" G_GINT64_FORMAT "\t%s\t%s\n",
                mq_person_get_id (candidate->person),
                mq_person_get_name (candidate->person),
                match_to_string (candidate->match));
}

int
mq_cli_command_walkin (MqCli  *self,
                       int     argc,
                       char  **argv)
{
  g_autofree char *name = NULL, *email = NULL, *handle = NULL, *person = NULL;
  g_autofree char *station = NULL, *volunteer = NULL, *reason = NULL;
  gboolean override = FALSE, candidates_only = FALSE, json = FALSE;
  int guests = 0;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The walk-in’s name"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Their email"), N_("EMAIL") },
    { "handle", 0, 0, G_OPTION_ARG_STRING, &handle, N_("Their Mastodon or Bluesky handle"), N_("HANDLE") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("They are this person of the directory"), N_("ID") },
    { "guests", 0, 0, G_OPTION_ARG_INT, &guests, N_("Plus-ones with them"), N_("N") },
    { "station", 0, 0, G_OPTION_ARG_STRING, &station, N_("Name of this door (default CLI)"), N_("S") },
    { "volunteer", 0, 0, G_OPTION_ARG_STRING, &volunteer, N_("Who admits"), N_("NAME") },
    { "override", 0, 0, G_OPTION_ARG_NONE, &override, N_("Let them in over capacity (organizer)"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the override"), N_("R") },
    { "candidates", 0, 0, G_OPTION_ARG_NONE, &candidates_only, N_("Only list who in the directory they might be"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqWalkIn) walk_in = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  MqWalkInRequest request = { 0 };
  MqAdmitOutcome outcome;
  MqStore *store;
  gint64 event_id, person_id = 0;
  int status;

  if (!mq_cli_parse (self, entries, "walkin EVENT_ID --name N [--email E] [--handle H] [--person ID] "
                     "[--override --reason R]", &args, &status))
    return status;
  if (g_strv_length (args) != 2 || (name == NULL && person == NULL))
    return mq_cli_usage_error (self, _("Usage: marquee-cli walkin EVENT_ID (--name N [--email E] [--handle H] | --person ID) [--override --reason R]"));
  if (override != (reason != NULL))
    return mq_cli_usage_error (self, _("An override needs a reason: give --override and --reason together"));
  if (guests < 0 || guests > 99)
    return mq_cli_fail_message (self, _("--guests must be between 0 and 99"));
  if (!mq_cli_parse_id (args[1], _("event"), &event_id, &error) ||
      (person != NULL && !mq_cli_parse_id (person, _("person"), &person_id, &error)))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  walk_in = mq_walk_in_new (store);

  if (candidates_only)
    {
      g_autoptr(GPtrArray) candidates = NULL;

      if (!(candidates = mq_walk_in_find_candidates (walk_in, name, email, handle, WALK_IN_CANDIDATES, &error)))
        return mq_cli_fail (self, error);
      mq_cli_print_rows (self, candidates, json, candidate_to_json, print_candidate);
      return MQ_CLI_EXIT_OK;
    }

  request.person_id = person_id;
  request.name = name;
  request.email = email;
  request.handle = handle;
  request.party_size = 1 + guests;
  request.station = station != NULL ? station : "CLI";
  request.volunteer = volunteer;
  request.override_reason = reason;

  if (!(rsvp = mq_walk_in_admit (walk_in, event_id, &request, &outcome, NULL, &error)))
    return mq_cli_fail (self, error);

  if (json)
    {
      JsonNode *node = mq_cli_rsvp_to_json (rsvp);

      json_object_set_string_member (json_node_get_object (node), "outcome",
                                     outcome == MQ_ADMIT_ADMITTED ? "admitted" : "already-in");
      mq_cli_print_json (self, node);
    }
  else
    {
      mq_cli_print (self, "%s\t%" G_GINT64_FORMAT "\n",
                    outcome == MQ_ADMIT_ADMITTED ? "admitted" : "already-in",
                    mq_rsvp_get_person_id (rsvp));
    }

  return MQ_CLI_EXIT_OK;
}

int
mq_cli_export_door_pdf (MqCli      *self,
                        gint64      event_id,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqDoorListPdf) list = NULL;
  MqStore *store;

  if (path == NULL)
    return mq_cli_usage_error (self, _("A PDF needs a file: give -o FILE"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  if (!(list = mq_door_list_pdf_new (store, event_id, &error)) ||
      !mq_door_list_pdf_write (list, path, &error))
    return mq_cli_fail (self, error);

  return MQ_CLI_EXIT_OK;
}

int
mq_cli_export_badges_pdf (MqCli      *self,
                          gint64      event_id,
                          const char *preset,
                          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqBadgeSheet) sheet = NULL;
  MqBadgeLayout layout;
  MqStore *store;

  if (preset == NULL || g_str_equal (preset, "a4"))
    layout = MQ_BADGE_LAYOUT_A4_SHEET;
  else if (g_str_equal (preset, "label"))
    layout = MQ_BADGE_LAYOUT_LABEL;
  else
    return mq_cli_usage_error (self, _("Unknown badge preset “%s”: use a4 or label"), preset);

  if (path == NULL)
    return mq_cli_usage_error (self, _("A PDF needs a file: give -o FILE"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  if (!(sheet = mq_badge_sheet_new (store, event_id, layout,
                                    MQ_BADGE_NEWCOMER_RIBBON | MQ_BADGE_GREETER_NAME, &error)) ||
      !mq_badge_sheet_write (sheet, path, &error))
    return mq_cli_fail (self, error);

  return MQ_CLI_EXIT_OK;
}
