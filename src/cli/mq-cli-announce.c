/* mq-cli-announce.c: marquee-cli announce and outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-announcement-template.h"
#include "mq-cli-announce.h"
#include "mq-cli-private.h"
#include "mq-outbox-sender.h"
#include "mq-outbox.h"
#include "mq-secret-store.h"
#include "mq-store-private.h"

/* Between passes of `outbox run`, never sleep longer than this, so a job
 * queued by another process meanwhile is not left waiting for long.
 */
#define OUTBOX_RUN_MAX_SLEEP_SECONDS 60

/* The job already queued for the same text, image, account, event and
 * time, so running the same command twice posts once.
 */
static gint64
find_same_job (MqOutbox    *outbox,
               gint64       event_id,
               gint64       account_id,
               const char  *text,
               const char  *media_path,
               const char  *scheduled_at,
               GError     **error)
{
  g_autoptr(GPtrArray) jobs = NULL;

  if (!(jobs = mq_outbox_list_jobs (outbox, error)))
    return -1;

  for (guint i = 0; i < jobs->len; i++)
    {
      const MqOutboxJob *job = g_ptr_array_index (jobs, i);

      if (job->event_id == event_id &&
          job->account_id == account_id &&
          g_strcmp0 (job->text, text) == 0 &&
          g_strcmp0 (job->media_path, media_path) == 0 &&
          g_strcmp0 (job->scheduled_at, scheduled_at) == 0)
        return job->id;
    }

  return 0;
}

/* announce EVENT_ID --account ID --text T [--image F --alt A] [--at ISO] */
int
mq_cli_command_announce (MqCli  *self,
                         int     argc,
                         char  **argv)
{
  g_autofree char *account_text = NULL;
  g_autofree char *template_text = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *image_path = NULL;
  g_autofree char *alt = NULL;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_text, N_("The account that posts"), N_("ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &template_text,
      N_("The text, with {title} {date} {time} {venue} {link} {hashtag} {seats_left} {film}"), N_("TEXT") },
    { "image", 0, 0, G_OPTION_ARG_FILENAME, &image_path, N_("An image to post with it (PNG, JPEG, GIF, WebP)"),
      N_("FILE") },
    { "alt", 0, 0, G_OPTION_ARG_STRING, &alt, N_("The image’s description for people who cannot see it"),
      N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Post at this time, not now"), N_("ISO") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *text = NULL;
  g_autofree char *scheduled_at = NULL;
  g_auto(MqTransaction) tx = { 0 };
  MqEventStats stats;
  MqStore *store;
  gint64 event_id, account_id, announcement_id, job_id;
  int status;

  if (!mq_cli_parse (self, entries, "announce EVENT_ID --account ID --text T [--image F --alt A] [--at ISO]",
                     &args, &status))
    return status;
  if (g_strv_length (args) != 2 || account_text == NULL || template_text == NULL ||
      (alt != NULL && image_path == NULL))
    return mq_cli_usage_error (self, _("Usage: marquee-cli announce EVENT_ID --account ID --text T "
                                       "[--image F --alt A] [--at ISO]"));
  if (image_path != NULL && !mq_post_image_check_alt (alt, &error))
    return mq_cli_fail_message (self, _("%s: give it with --alt"), error->message);
  if (!mq_cli_parse_id (args[1], _("event"), &event_id, &error) ||
      !mq_cli_parse_id (account_text, _("account"), &account_id, &error))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  catalog = mq_event_catalog_new (store);
  outbox = mq_outbox_new (store);
  if (!(event = mq_event_catalog_get (catalog, event_id, &error)) ||
      !(account = mq_outbox_get_account (outbox, account_id, &error)))
    return mq_cli_fail (self, error);

  if (at_text != NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (mq_event_get_time_zone (event));
      g_autoptr(GDateTime) at = NULL;

      /* A time without an offset is the event's local time, as organizers write it. */
      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      if (!(at = mq_cli_parse_time (at_text, zone, &error)))
        return mq_cli_fail (self, error);
      scheduled_at = mq_cli_format_time (at);
    }

  if (!mq_event_stats_compute (store, event_id, &stats, &error))
    return mq_cli_fail (self, error);
  values = mq_announcement_template_values (event, &stats, NULL);
  if (!(text = mq_announcement_template_render (template_text, values, &error)) ||
      !mq_announcement_check_length (account->network, text, account->max_characters, &error))
    return mq_cli_fail (self, error);

  if (!mq_transaction_begin (&tx, store, &error))
    return mq_cli_fail (self, error);
  if ((job_id = find_same_job (outbox, event_id, account_id, text, image_path, scheduled_at, &error)) < 0)
    return mq_cli_fail (self, error);
  if (job_id == 0)
    {
      if (!(announcement_id = mq_outbox_add_announcement (outbox, event_id, template_text, image_path, alt,
                                                          NULL, NULL, scheduled_at, &error)) ||
          !(job_id = mq_outbox_enqueue (outbox, announcement_id, account_id, text, FALSE, &error)))
        return mq_cli_fail (self, error);
    }
  if (!mq_transaction_commit (&tx, &error))
    return mq_cli_fail (self, error);

  mq_cli_print (self, "%" G_GINT64_FORMAT "\n", job_id);
  return MQ_CLI_EXIT_OK;
}

static JsonNode *
job_to_json (gconstpointer row)
{
  const MqOutboxJob *job = row;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  mq_cli_json_add_int_or_null (builder, "id", job->id, TRUE);
  mq_cli_json_add_int_or_null (builder, "announcement_id", job->announcement_id, TRUE);
  mq_cli_json_add_int_or_null (builder, "account_id", job->account_id, TRUE);
  mq_cli_json_add_int_or_null (builder, "event_id", job->event_id, job->event_id > 0);
  mq_cli_json_add_string (builder, "state", mq_outbox_state_to_string (job->state));
  mq_cli_json_add_string (builder, "text", job->text);
  mq_cli_json_add_string (builder, "media_path", job->media_path);
  mq_cli_json_add_string (builder, "media_alt", job->media_alt);
  mq_cli_json_add_string (builder, "scheduled_at", job->scheduled_at);
  /* Posted to the server's own schedule (Mastodon): it publishes at scheduled_at. */
  json_builder_set_member_name (builder, "scheduled_by_server");
  json_builder_add_boolean_value (builder, job->remote_scheduled);
  mq_cli_json_add_int_or_null (builder, "attempts", job->attempts, TRUE);
  mq_cli_json_add_string (builder, "next_try_at", job->next_try_at);
  mq_cli_json_add_string (builder, "last_error", job->last_error);
  mq_cli_json_add_string (builder, "remote_id", job->remote_id);
  mq_cli_json_add_string (builder, "remote_url", job->remote_url);
  mq_cli_json_add_string (builder, "created_at", job->created_at);
  mq_cli_json_add_string (builder, "updated_at", job->updated_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_job (MqCli         *self,
           gconstpointer  row)
{
  const MqOutboxJob *job = row;
  const char *detail = job->remote_url != NULL ? job->remote_url
                     : job->last_error != NULL ? job->last_error
                     : job->next_try_at != NULL ? job->next_try_at
                     : "";

  mq_cli_print (self, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%d\t%s\n",
                job->id, job->account_id, mq_outbox_state_to_string (job->state),
                job->attempts, detail);
}

/* outbox list [--json] */
static int
outbox_list (MqCli  *self,
             char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  MqStore *store;
  int status;

  if (!mq_cli_parse (self, entries, "outbox list [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return mq_cli_usage_error (self, _("Usage: marquee-cli outbox list [--json]"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  outbox = mq_outbox_new (store);
  if (!(jobs = mq_outbox_list_jobs (outbox, &error)))
    return mq_cli_fail (self, error);

  mq_cli_print_rows (self, jobs, json, job_to_json, print_job);
  return MQ_CLI_EXIT_OK;
}

/* Seconds until the earliest queued job is due, -1 when none is queued,
 * -2 when the database failed.
 */
static gint64
seconds_until_next_due (MqOutbox  *outbox,
                        GError   **error)
{
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(due = mq_outbox_next_due (outbox, &local_error)))
    {
      if (local_error == NULL)
        return -1;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -2;
    }
  now = g_date_time_new_now_utc ();
  return MAX (g_date_time_difference (due, now) / G_TIME_SPAN_SECOND, 0);
}

/* outbox run [--once]: without --once, keeps going until no job is queued. */
static int
outbox_run (MqCli  *self,
            char  **argv)
{
  gboolean once = FALSE;
  GOptionEntry entries[] = {
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, N_("Send what is due now, then stop"), NULL },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  g_autoptr(MqSecretStore) secrets = NULL;
  g_autoptr(MqOutboxSender) sender = NULL;
  MqStore *store;
  int status;
  int tried = 0;

  if (!mq_cli_parse (self, entries, "outbox run [--once]", &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return mq_cli_usage_error (self, _("Usage: marquee-cli outbox run [--once]"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  outbox = mq_outbox_new (store);
  secrets = mq_secret_store_libsecret_new (store);
  sender = mq_outbox_sender_new (outbox, secrets);

  for (;;)
    {
      int n = mq_outbox_sender_run_once (sender, NULL, &error);
      gint64 wait;

      if (n < 0)
        return mq_cli_fail (self, error);
      tried += n;
      if (once)
        break;

      if ((wait = seconds_until_next_due (outbox, &error)) == -2)
        return mq_cli_fail (self, error);
      if (wait < 0)
        break;
      /* A due job this pass did not take (another sender has it) is
       * looked at again a second later, not in a busy loop.
       */
      g_usleep (CLAMP (wait, 1, OUTBOX_RUN_MAX_SLEEP_SECONDS) * G_USEC_PER_SEC);
    }

  mq_cli_print (self, g_dngettext (GETTEXT_PACKAGE, "Tried %d post\n", "Tried %d posts\n", tried), tried);
  return MQ_CLI_EXIT_OK;
}

/* outbox retry JOB_ID | outbox cancel JOB_ID: the organizer's hand on one job. */
static int
outbox_retry_or_cancel (MqCli  *self,
                        char  **argv,
                        gboolean retry)
{
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  const char *usage = retry ? "outbox retry JOB_ID" : "outbox cancel JOB_ID";
  MqStore *store;
  gint64 job_id;
  int status;

  if (!mq_cli_parse (self, NULL, usage, &args, &status))
    return status;
  if (g_strv_length (args) != 3)
    return mq_cli_usage_error (self, retry ? _("Usage: marquee-cli outbox retry JOB_ID")
                                           : _("Usage: marquee-cli outbox cancel JOB_ID"));
  if (!mq_cli_parse_id (args[2], _("outbox job"), &job_id, &error))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  outbox = mq_outbox_new (store);
  if (retry ? !mq_outbox_retry (outbox, job_id, &error) : !mq_outbox_cancel (outbox, job_id, &error))
    return mq_cli_fail (self, error);

  return MQ_CLI_EXIT_OK;
}

int
mq_cli_command_outbox (MqCli  *self,
                       int     argc,
                       char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return outbox_list (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "run"))
    return outbox_run (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "retry"))
    return outbox_retry_or_cancel (self, argv, TRUE);
  if (argc >= 2 && g_str_equal (argv[1], "cancel"))
    return outbox_retry_or_cancel (self, argv, FALSE);

  return mq_cli_usage_error (self, _("Usage: marquee-cli outbox list|run|retry|cancel …"));
}
