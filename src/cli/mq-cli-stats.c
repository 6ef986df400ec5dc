/* mq-cli-stats.c: marquee-cli stats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-cli-private.h"

static void
add_count (JsonBuilder *builder,
           const char  *name,
           int          value,
           gboolean     present)
{
  json_builder_set_member_name (builder, name);
  if (present)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

int
mq_cli_command_stats (MqCli  *self,
                      int     argc,
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
  MqEventStats stats;
  MqStore *store;
  gint64 event_id;
  int status;

  if (!mq_cli_parse (self, entries, "stats EVENT_ID [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return mq_cli_usage_error (self, _("Usage: marquee-cli stats EVENT_ID [--json]"));
  if (!(event = mq_cli_load_event (self, args[1], &store, &error)))
    return mq_cli_fail (self, error);
  event_id = mq_event_get_id (event);
  if (!mq_event_stats_compute (store, event_id, &stats, &error))
    return mq_cli_fail (self, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_count (builder, "event_id", (int) stats.event_id, TRUE);
      add_count (builder, "capacity", stats.capacity, stats.capacity >= 0);
      add_count (builder, "going", stats.going, TRUE);
      add_count (builder, "going_people", stats.going_people, TRUE);
      add_count (builder, "maybe", stats.maybe, TRUE);
      add_count (builder, "waitlisted", stats.waitlisted, TRUE);
      add_count (builder, "waitlisted_people", stats.waitlisted_people, TRUE);
      add_count (builder, "declined", stats.declined, TRUE);
      add_count (builder, "cancelled", stats.cancelled, TRUE);
      add_count (builder, "seats_left", stats.seats_left, stats.seats_left >= 0);
      add_count (builder, "checked_in", stats.checked_in, TRUE);
      add_count (builder, "checked_in_people", stats.checked_in_people, TRUE);
      add_count (builder, "newcomers", stats.newcomers, TRUE);
      add_count (builder, "newcomers_in", stats.newcomers_in, TRUE);
      json_builder_end_object (builder);
      mq_cli_print_json (self, json_builder_get_root (builder));
    }
  else
    {
      mq_cli_print (self, "%s\n", mq_event_get_title (event));
      mq_cli_print (self, _("Going: %d (%d people)\n"), stats.going, stats.going_people);
      mq_cli_print (self, _("Maybe: %d\n"), stats.maybe);
      mq_cli_print (self, _("Waitlisted: %d (%d people)\n"), stats.waitlisted, stats.waitlisted_people);
      mq_cli_print (self, _("Declined: %d, cancelled: %d\n"), stats.declined, stats.cancelled);
      if (stats.capacity >= 0)
        mq_cli_print (self, _("Seats left: %d of %d\n"), stats.seats_left, stats.capacity);
      mq_cli_print (self, _("Checked in: %d people\n"), stats.checked_in_people);
      mq_cli_print (self, _("Newcomers: %d (%d in)\n"), stats.newcomers, stats.newcomers_in);
    }

  return MQ_CLI_EXIT_OK;
}
