/* mq-cli-demo.c: marquee-cli init and demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "mq-cli-private.h"

int
mq_cli_command_init (MqCli  *self,
                     int     argc,
                     char  **argv)
{
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  MqStore *store;
  int status;

  if (!mq_cli_parse (self, NULL, "init", &args, &status))
    return status;
  if (g_strv_length (args) != 1)
    return mq_cli_usage_error (self, _("Usage: marquee-cli init"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  mq_cli_print (self, _("%s (schema %d)\n"), mq_store_get_path (store),
                mq_store_get_schema_version (store));
  return MQ_CLI_EXIT_OK;
}

static gboolean
parse_size (const char  *text,
            const char  *option,
            guint64      max,
            guint       *value,
            GError     **error)
{
  guint64 parsed;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &parsed, NULL))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("%s must be a whole number from 1 to %" PRIu64 ", not “%s”"),
                   option, max, text);
      return FALSE;
    }

  *value = (guint) parsed;
  return TRUE;
}

int
mq_cli_command_demo (MqCli  *self,
                     int     argc,
                     char  **argv)
{
  g_autofree char *people_text = NULL, *events_text = NULL, *rsvps_text = NULL, *seed_text = NULL;
  GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_STRING, &people_text, N_("People in the club (default 300)"), N_("N") },
    { "events", 0, 0, G_OPTION_ARG_STRING, &events_text, N_("Events in the season (default 8)"), N_("N") },
    { "rsvps", 0, 0, G_OPTION_ARG_STRING, &rsvps_text, N_("RSVPs of the biggest upcoming event"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("Seed for the generated names (default 1)"), N_("N") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqDemoData) demo = NULL;
  guint people = 300, events = 8, rsvps = 0, seed = 1;
  MqStore *store;
  int status;

  if (!mq_cli_parse (self, entries, "demo [--people N --events N]", &args, &status))
    return status;
  if (g_strv_length (args) != 1)
    return mq_cli_usage_error (self, _("Usage: marquee-cli demo [--people N --events N]"));
  if (!parse_size (people_text, "--people", 1000000, &people, &error) ||
      !parse_size (events_text, "--events", 1000, &events, &error) ||
      !parse_size (rsvps_text, "--rsvps", 1000000, &rsvps, &error) ||
      !parse_size (seed_text, "--seed", G_MAXUINT32, &seed, &error))
    return mq_cli_fail (self, error);
  if (rsvps > people)
    return mq_cli_fail_message (self, _("--rsvps (%u) cannot exceed --people (%u)"), rsvps, people);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);
  if (!mq_demo_data_is_store_empty (store))
    return mq_cli_fail_message (self, _("“%s” already has events or people; give a new file with --db"),
                                mq_store_get_path (store));

  demo = mq_demo_data_new (store);
  mq_demo_data_set_people (demo, people);
  mq_demo_data_set_events (demo, events);
  mq_demo_data_set_seed (demo, seed);
  if (rsvps > 0)
    mq_demo_data_set_big_event_rsvps (demo, rsvps);
  if (!mq_demo_data_generate (demo, &error))
    return mq_cli_fail (self, error);

  mq_cli_print (self, _("Created %u people and %u events in %s\n"), people, events,
                mq_store_get_path (store));
  return MQ_CLI_EXIT_OK;
}
