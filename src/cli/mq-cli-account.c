/* mq-cli-account.c: marquee-cli account add, list and remove
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
#include "mq-cli-account.h"
#include "mq-cli-private.h"
#include "mq-outbox.h"
#include "mq-secret-store.h"

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
  mq_cli_json_add_int_or_null (builder, "id", account->id, TRUE);
  mq_cli_json_add_string (builder, "network", mq_social_network_to_string (account->network));
  mq_cli_json_add_string (builder, "server", account->server);
  mq_cli_json_add_string (builder, "handle", account->handle);
  mq_cli_json_add_string (builder, "remote_id", account->remote_id);
  mq_cli_json_add_string (builder, "display_name", account->display_name);
  mq_cli_json_add_int_or_null (builder, "max_characters", account->max_characters,
                               account->max_characters > 0);
  mq_cli_json_add_int_or_null (builder, "image_size_limit", account->image_size_limit,
                               account->image_size_limit > 0);
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
