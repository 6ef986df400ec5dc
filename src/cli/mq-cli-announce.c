/* mq-cli-announce.c: marquee-cli account, announce and outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mq-announcement-template.h"
#include "mq-bluesky-client.h"
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

static char *
account_label (const char *handle,
               const char *server)
{
  return g_strdup_printf ("Marquee: %s on %s", handle, server);
}

/* One line from standard input, without its line end; the buffers it went
 * through are wiped, since it is a password.
 */
static char *
read_secret_line (GError **error)
{
  g_autoptr(GInputStream) stream = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  char *line;

  for (;;)
    {
      guint8 byte;
      gssize n = g_input_stream_read (stream, &byte, 1, NULL, error);

      if (n < 0)
        {
          if (bytes->len > 0)
            memset (bytes->data, 0, bytes->len);
          return NULL;
        }
      if (n == 0 || byte == '\n')
        break;
      g_byte_array_append (bytes, &byte, 1);
    }

  if (bytes->len > 0 && bytes->data[bytes->len - 1] == '\r')
    bytes->len--;

  if (bytes->len == 0)
    line = NULL;
  else
    {
      line = g_strndup ((const char *) bytes->data, bytes->len);
      memset (bytes->data, 0, bytes->len);
    }

  if (line == NULL || !g_utf8_validate (line, -1, NULL))
    {
      g_clear_pointer (&line, mq_secret_free);
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("No app password on standard input: create one in the Bluesky settings "
                     "under App Passwords and pipe it in, one line"));
      return NULL;
    }

  return line;
}

/* account add bluesky|mastodon --server URL [--handle H] */
static int
account_add (MqCli  *self,
             char  **argv)
{
  g_autofree char *server = NULL;
  g_autofree char *handle = NULL;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The server’s address"), N_("URL") },
    { "handle", 0, 0, G_OPTION_ARG_STRING, &handle, N_("The Bluesky handle"), N_("HANDLE") },
    { NULL }
  };
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  g_autoptr(MqSecretStore) secrets = NULL;
  g_autoptr(MqBlueskyClient) client = NULL;
  g_autoptr(MqSecret) password = NULL;
  g_autofree char *label = NULL;
  MqSocialNetwork network;
  MqStore *store;
  gint64 account_id;
  int status;

  if (!mq_cli_parse (self, entries, "account add bluesky|mastodon --server URL [--handle H]", &args, &status))
    return status;
  if (g_strv_length (args) != 3 || server == NULL)
    return mq_cli_usage_error (self, _("Usage: marquee-cli account add bluesky --server URL --handle H "
                                       "(app password on standard input)"));
  if (!mq_social_network_from_string (args[2], &network))
    return mq_cli_usage_error (self, _("Unknown network “%s”: use bluesky or mastodon"), args[2]);

  if (network == MQ_SOCIAL_NETWORK_MASTODON)
    return mq_cli_fail_message (self, _("Adding a Mastodon account is not available in this version "
                                        "of Marquee: it needs the app registration and sign-in "
                                        "that are still being built. Bluesky accounts work now."));

  if (handle == NULL)
    return mq_cli_usage_error (self, _("A Bluesky account needs --handle, like --handle club.bsky.social"));

  if (!(password = read_secret_line (&error)))
    return mq_cli_fail (self, error);

  /* Log in before anything is saved: a wrong password or server leaves
   * no account behind.
   */
  client = mq_bluesky_client_new (server, handle, password);
  if (!mq_bluesky_client_login (client, NULL, &error))
    return mq_cli_fail (self, error);

  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);
  outbox = mq_outbox_new (store);
  if (!(account_id = mq_outbox_add_account (outbox, network, server, handle, &error)))
    return mq_cli_fail (self, error);
  if (!mq_outbox_update_account (outbox, account_id, mq_bluesky_client_get_did (client),
                                 NULL, 0, &error))
    return mq_cli_fail (self, error);

  secrets = mq_secret_store_libsecret_new ();
  label = account_label (handle, server);
  if (!mq_secret_store_store (secrets, account_id, MQ_SECRET_APP_PASSWORD, label, password, NULL, &error) ||
      !mq_secret_store_store (secrets, account_id, MQ_SECRET_ACCESS_TOKEN, label,
                              mq_bluesky_client_get_access_jwt (client), NULL, &error) ||
      !mq_secret_store_store (secrets, account_id, MQ_SECRET_REFRESH_TOKEN, label,
                              mq_bluesky_client_get_refresh_jwt (client), NULL, &error))
    {
      g_autoptr(GError) cleanup_error = NULL;

      /* An account without its password could never post: take it back. */
      if (!mq_secret_store_clear_account (secrets, account_id, NULL, &cleanup_error) ||
          !mq_outbox_remove_account (outbox, account_id, &cleanup_error))
        g_warning ("Account %" G_GINT64_FORMAT " could not be taken back: %s",
                   account_id, cleanup_error->message);
      return mq_cli_fail_message (self, _("The password could not be saved in the keyring (%s): "
                                          "unlock the keyring and try again"),
                                  error->message);
    }

  mq_cli_print (self, "%" G_GINT64_FORMAT "\n", account_id);
  return MQ_CLI_EXIT_OK;
}

static JsonNode *
account_to_json (const MqSocialAccount *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", account->id);
  add_string (builder, "network", mq_social_network_to_string (account->network));
  add_string (builder, "server", account->server);
  add_string (builder, "handle", account->handle);
  add_string (builder, "remote_id", account->remote_id);
  add_string (builder, "display_name", account->display_name);
  json_builder_set_member_name (builder, "max_characters");
  if (account->max_characters > 0)
    json_builder_add_int_value (builder, account->max_characters);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* account list [--json]: the database's rows only, never a secret. */
static int
account_list (MqCli  *self,
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
  g_autoptr(GPtrArray) accounts = NULL;
  MqStore *store;
  int status;

  if (!mq_cli_parse (self, entries, "account list [--json]", &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return mq_cli_usage_error (self, _("Usage: marquee-cli account list [--json]"));
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  outbox = mq_outbox_new (store);
  if (!(accounts = mq_outbox_list_accounts (outbox, &error)))
    return mq_cli_fail (self, error);

  if (json)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < accounts->len; i++)
        json_array_add_element (array, account_to_json (g_ptr_array_index (accounts, i)));
      mq_cli_print_json (self, json_node_init_array (json_node_alloc (), array));
      json_array_unref (array);
    }
  else
    {
      for (guint i = 0; i < accounts->len; i++)
        {
          const MqSocialAccount *account = g_ptr_array_index (accounts, i);

          mq_cli_print (self, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", account->id,
                        mq_social_network_to_string (account->network),
                        account->handle, account->server);
        }
    }

  return MQ_CLI_EXIT_OK;
}

/* account remove ACCOUNT_ID: the keyring's secrets first, then the row. */
static int
account_remove (MqCli  *self,
                char  **argv)
{
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(MqSecretStore) secrets = NULL;
  MqStore *store;
  gint64 account_id;
  int status;

  if (!mq_cli_parse (self, NULL, "account remove ACCOUNT_ID", &args, &status))
    return status;
  if (g_strv_length (args) != 3)
    return mq_cli_usage_error (self, _("Usage: marquee-cli account remove ACCOUNT_ID"));
  if (!mq_cli_parse_id (args[2], _("account"), &account_id, &error))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  /* An unknown id is answered without waking the keyring. */
  outbox = mq_outbox_new (store);
  if (!(account = mq_outbox_get_account (outbox, account_id, &error)))
    return mq_cli_fail (self, error);

  secrets = mq_secret_store_libsecret_new ();
  if (!mq_secret_store_remove_account (secrets, outbox, account_id, &error))
    return mq_cli_fail (self, error);

  return MQ_CLI_EXIT_OK;
}

int
mq_cli_command_account (MqCli  *self,
                        int     argc,
                        char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return account_add (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return account_list (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "remove"))
    return account_remove (self, argv);

  return mq_cli_usage_error (self, _("Usage: marquee-cli account add|list|remove …"));
}

/* The job already queued for the same text, account, event and time, so
 * running the same command twice posts once.
 */
static gint64
find_same_job (MqOutbox    *outbox,
               gint64       event_id,
               gint64       account_id,
               const char  *text,
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
          g_strcmp0 (job->scheduled_at, scheduled_at) == 0)
        return job->id;
    }

  return 0;
}

/* announce EVENT_ID --account ID --text T [--at ISO] */
int
mq_cli_command_announce (MqCli  *self,
                         int     argc,
                         char  **argv)
{
  g_autofree char *account_text = NULL;
  g_autofree char *template_text = NULL;
  g_autofree char *at_text = NULL;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &account_text, N_("The account that posts"), N_("ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &template_text,
      N_("The text, with {title} {date} {time} {venue} {link} {hashtag} {seats_left} {film}"), N_("TEXT") },
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

  if (!mq_cli_parse (self, entries, "announce EVENT_ID --account ID --text T [--at ISO]", &args, &status))
    return status;
  if (g_strv_length (args) != 2 || account_text == NULL || template_text == NULL)
    return mq_cli_usage_error (self, _("Usage: marquee-cli announce EVENT_ID --account ID --text T [--at ISO]"));
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
  if ((job_id = find_same_job (outbox, event_id, account_id, text, scheduled_at, &error)) < 0)
    return mq_cli_fail (self, error);
  if (job_id == 0)
    {
      if (!(announcement_id = mq_outbox_add_announcement (outbox, event_id, template_text, NULL, NULL,
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
job_to_json (const MqOutboxJob *job)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", job->id);
  add_int (builder, "announcement_id", job->announcement_id);
  add_int (builder, "account_id", job->account_id);
  json_builder_set_member_name (builder, "event_id");
  if (job->event_id > 0)
    json_builder_add_int_value (builder, job->event_id);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "state", mq_outbox_state_to_string (job->state));
  add_string (builder, "text", job->text);
  add_string (builder, "scheduled_at", job->scheduled_at);
  add_int (builder, "attempts", job->attempts);
  add_string (builder, "next_try_at", job->next_try_at);
  add_string (builder, "last_error", job->last_error);
  add_string (builder, "remote_id", job->remote_id);
  add_string (builder, "remote_url", job->remote_url);
  add_string (builder, "created_at", job->created_at);
  add_string (builder, "updated_at", job->updated_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
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

  if (json)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < jobs->len; i++)
        json_array_add_element (array, job_to_json (g_ptr_array_index (jobs, i)));
      mq_cli_print_json (self, json_node_init_array (json_node_alloc (), array));
      json_array_unref (array);
    }
  else
    {
      for (guint i = 0; i < jobs->len; i++)
        {
          const MqOutboxJob *job = g_ptr_array_index (jobs, i);
          const char *detail = job->remote_url != NULL ? job->remote_url
                             : job->last_error != NULL ? job->last_error
                             : job->next_try_at != NULL ? job->next_try_at
                             : "";

          mq_cli_print (self, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%d\t%s\n",
                        job->id, job->account_id, mq_outbox_state_to_string (job->state),
                        job->attempts, detail);
        }
    }

  return MQ_CLI_EXIT_OK;
}

/* Seconds until the earliest queued job is due, or -1 when none is queued. */
static gint64
seconds_until_next_due (MqOutbox  *outbox,
                        GError   **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 wait = -1;

  if (!(jobs = mq_outbox_list_jobs (outbox, error)))
    return -2;

  for (guint i = 0; i < jobs->len; i++)
    {
      const MqOutboxJob *job = g_ptr_array_index (jobs, i);
      gint64 job_wait = 0;

      if (job->state != MQ_OUTBOX_STATE_QUEUED)
        continue;

      for (guint k = 0; k < 2; k++)
        {
          const char *when = k == 0 ? job->next_try_at : job->scheduled_at;
          g_autoptr(GDateTime) time = when != NULL ? g_date_time_new_from_iso8601 (when, NULL) : NULL;

          if (time != NULL)
            job_wait = MAX (job_wait, g_date_time_difference (time, now) / G_TIME_SPAN_SECOND);
        }

      wait = wait < 0 ? job_wait : MIN (wait, job_wait);
    }

  return wait;
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
  secrets = mq_secret_store_libsecret_new ();
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

int
mq_cli_command_outbox (MqCli  *self,
                       int     argc,
                       char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return outbox_list (self, argv);
  if (argc >= 2 && g_str_equal (argv[1], "run"))
    return outbox_run (self, argv);

  return mq_cli_usage_error (self, _("Usage: marquee-cli outbox list|run …"));
}
