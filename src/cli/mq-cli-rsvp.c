/* mq-cli-rsvp.c: marquee-cli rsvp set|list|history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "mq-cli-private.h"

static gboolean
parse_event_and_person (MqCli   *self,
                        char   **args,
                        gint64  *event_id,
                        gint64  *person_id,
                        GError **error)
{
  return mq_cli_parse_id (args[2], _("event"), event_id, error) &&
         mq_cli_parse_id (args[3], _("person"), person_id, error);
}

static int
rsvp_set (MqCli  *self,
          char  **argv)
{
  g_autofree char *status_text = NULL, *reason = NULL, *source = NULL, *actor = NULL;
  int guests = 0;
  gboolean override = FALSE;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("going, maybe, waitlisted, declined or cancelled"), N_("S") },
    { "guests", 0, 0, G_OPTION_ARG_INT, &guests, N_("Plus-ones: party size is 1 + N"), N_("N") },
    { "override", 0, 0, G_OPTION_ARG_NONE, &override, N_("Organizer override of capacity (needs --reason)"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why, for the history"), N_("R") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Where the RSVP came from (default manual)"), N_("SRC") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor, N_("Who makes the change (default: you)"), N_("NAME") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvpLedger) ledger = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  MqRsvpStatus status;
  MqStore *store;
  gint64 event_id, person_id;
  int exit_status;

  if (!mq_cli_parse (self, entries, "rsvp set EVENT_ID PERSON_ID --status S [--guests N]", &args, &exit_status))
    return exit_status;
  if (g_strv_length (args) != 4)
    return mq_cli_usage_error (self, _("Usage: marquee-cli rsvp set EVENT_ID PERSON_ID --status S [--guests N]"));
  if (!parse_event_and_person (self, args, &event_id, &person_id, &error))
    return mq_cli_fail (self, error);
  if (status_text == NULL)
    return mq_cli_fail_message (self, _("Give --status: going, maybe, waitlisted, declined or cancelled"));
  if (!mq_rsvp_status_from_string (status_text, &status))
    return mq_cli_fail_message (self, _("Unknown status “%s”: use going, maybe, waitlisted, declined or cancelled"),
                                status_text);
  if (guests < 0 || guests > 99)
    return mq_cli_fail_message (self, _("--guests must be between 0 and 99, not %d"), guests);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  ledger = mq_rsvp_ledger_new (store);
  rsvp = mq_rsvp_ledger_set (ledger, event_id, person_id, status, 1 + guests,
                             source != NULL ? source : "manual",
                             actor != NULL ? actor : g_get_user_name (),
                             reason,
                             override ? MQ_RSVP_SET_OVERRIDE : MQ_RSVP_SET_NONE,
                             &error);
  if (rsvp == NULL)
    return mq_cli_fail (self, error);

  mq_cli_print (self, "%s\n", mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)));
  return MQ_CLI_EXIT_OK;
}

static JsonNode *
rsvp_row_to_json (gconstpointer row)
{
  return mq_cli_rsvp_to_json ((MqRsvp *) row);
}

static void
print_rsvp (MqCli         *self,
            gconstpointer  row)
{
  MqRsvp *rsvp = (MqRsvp *) row;

  mq_cli_print (self, "%" G_GINT64_FORMAT "\t%s\t%s\t%d\t%s\n",
                mq_rsvp_get_person_id (rsvp),
                mq_rsvp_status_to_string (mq_rsvp_get_status (rsvp)),
                mq_rsvp_get_ticket_code (rsvp),
                mq_rsvp_get_party_size (rsvp),
                mq_rsvp_get_name (rsvp));
}

static int
rsvp_list (MqCli  *self,
           char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvpLedger) ledger = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(GPtrArray) rsvps = NULL;
  MqStore *store;
  gint64 event_id;
  int status;

  if (!mq_cli_parse (self, entries, "rsvp list EVENT_ID [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 3)
    return mq_cli_usage_error (self, _("Usage: marquee-cli rsvp list EVENT_ID [--json]"));
  if (!(event = mq_cli_load_event (self, args[2], &store, &error)))
    return mq_cli_fail (self, error);
  event_id = mq_event_get_id (event);

  ledger = mq_rsvp_ledger_new (store);
  if (!(rsvps = mq_rsvp_ledger_list (ledger, event_id, &error)))
    return mq_cli_fail (self, error);

  mq_cli_print_rows (self, rsvps, json, rsvp_row_to_json, print_rsvp);

  return MQ_CLI_EXIT_OK;
}

static JsonNode *
transition_to_json (gconstpointer row)
{
  MqRsvpTransition *transition = (MqRsvpTransition *) row;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *at = mq_cli_format_time (mq_rsvp_transition_get_at (transition));
  gboolean has_from = mq_rsvp_transition_has_from (transition);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  if (has_from)
    json_builder_add_string_value (builder,
                                   mq_rsvp_status_to_string (mq_rsvp_transition_get_from_status (transition)));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder,
                                 mq_rsvp_status_to_string (mq_rsvp_transition_get_to_status (transition)));
  json_builder_set_member_name (builder, "from_party");
  if (has_from)
    json_builder_add_int_value (builder, mq_rsvp_transition_get_from_party (transition));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "to_party");
  json_builder_add_int_value (builder, mq_rsvp_transition_get_to_party (transition));
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  json_builder_set_member_name (builder, "actor");
  json_builder_add_string_value (builder, mq_rsvp_transition_get_actor (transition));
  json_builder_set_member_name (builder, "reason");
  if (mq_rsvp_transition_get_reason (transition) != NULL)
    json_builder_add_string_value (builder, mq_rsvp_transition_get_reason (transition));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_transition (MqCli         *self,
                  gconstpointer  row)
{
  MqRsvpTransition *transition = (MqRsvpTransition *) row;
  g_autofree char *at = mq_cli_format_time (mq_rsvp_transition_get_at (transition));
  const char *reason = mq_rsvp_transition_get_reason (transition);

  mq_cli_print (self, "%s\t%s → %s\t%d\t%s\t%s\n", at,
                mq_rsvp_transition_has_from (transition)
                  ? mq_rsvp_status_to_string (mq_rsvp_transition_get_from_status (transition))
                  : "—",
                mq_rsvp_status_to_string (mq_rsvp_transition_get_to_status (transition)),
                mq_rsvp_transition_get_to_party (transition),
                mq_rsvp_transition_get_actor (transition),
                reason != NULL ? reason : "");
}

static int
rsvp_history (MqCli  *self,
              char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqRsvpLedger) ledger = NULL;
  g_autoptr(MqRsvp) rsvp = NULL;
  g_autoptr(GPtrArray) history = NULL;
  MqStore *store;
  gint64 event_id, person_id;
  int status;

  if (!mq_cli_parse (self, entries, "rsvp history EVENT_ID PERSON_ID [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 4)
    return mq_cli_usage_error (self, _("Usage: marquee-cli rsvp history EVENT_ID PERSON_ID [--json]"));
  if (!parse_event_and_person (self, args, &event_id, &person_id, &error))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  ledger = mq_rsvp_ledger_new (store);
  rsvp = mq_rsvp_ledger_find (ledger, event_id, person_id, &error);
  if (rsvp == NULL && error != NULL)
    return mq_cli_fail (self, error);
  if (rsvp == NULL)
    return mq_cli_fail_message (self, _("Person %" PRId64 " has no RSVP to event %" PRId64),
                                person_id, event_id);
  if (!(history = mq_rsvp_ledger_history (ledger, mq_rsvp_get_id (rsvp), &error)))
    return mq_cli_fail (self, error);

  mq_cli_print_rows (self, history, json, transition_to_json, print_transition);

  return MQ_CLI_EXIT_OK;
}

int
mq_cli_command_rsvp (MqCli  *self,
                     int     argc,
                     char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return rsvp_set (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return rsvp_list (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "history"))
    return rsvp_history (self, argv);

  return mq_cli_usage_error (self, _("Usage: marquee-cli rsvp set|list|history …"));
}
