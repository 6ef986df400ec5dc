/* mq-cli-account.c: marquee-cli account add, list and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mq-account-setup.h"
#include "mq-announcement-template.h"
#include "mq-cli-account.h"
#include "mq-cli-private.h"
#include "mq-mastodon-authorization.h"
#include "mq-outbox.h"
#include "mq-secret-store.h"

/* One line from standard input, without its line end; the buffers it went
 * through are wiped, since it is a password or an authorization code.
 * @missing is the error when there is none.
 */
static char *
read_secret_line (const char  *missing,
                  GError     **error)
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
      g_set_error_literal (error, MQ_ERROR, MQ_ERROR_INVALID, missing);
      return NULL;
    }

  return line;
}

static int
account_add_bluesky (MqCli      *self,
                     const char *server,
                     const char *handle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  g_autoptr(MqSecretStore) secrets = NULL;
  g_autoptr(MqSecret) password = NULL;
  MqStore *store;
  gint64 account_id;

  if (!(password = read_secret_line (_("No app password on standard input: create one in the Bluesky "
                                       "settings under App Passwords and pipe it in, one line"), &error)))
    return mq_cli_fail (self, error);
  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);

  /* The login comes first: a wrong password or server saves nothing. */
  outbox = mq_outbox_new (store);
  secrets = mq_secret_store_libsecret_new (store);
  if (!(account_id = mq_account_setup_bluesky (outbox, secrets, server, handle, password, NULL, &error)))
    return mq_cli_fail (self, error);

  mq_cli_print (self, "%" G_GINT64_FORMAT "\n", account_id);
  return MQ_CLI_EXIT_OK;
}

/* The authorize address goes to standard output (a script can open it),
 * what to do with it to standard error, and the code comes back on
 * standard input.
 */
static int
account_add_mastodon (MqCli      *self,
                      const char *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqMastodonAuthorization) authorization = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  g_autoptr(MqSecretStore) secrets = NULL;
  g_autoptr(MqSecret) code = NULL;
  g_autofree char *url = NULL;
  MqStore *store;
  gint64 account_id;

  authorization = mq_mastodon_authorization_new (server);
  if (!(url = mq_mastodon_authorization_start (authorization, NULL, &error)))
    return mq_cli_fail (self, error);

  mq_cli_note (self, _("Open this address in a web browser, log in, allow Marquee, "
                       "then paste the code the server shows here:"));
  mq_cli_print (self, "%s\n", url);
  if (!(code = read_secret_line (_("No authorization code on standard input: paste the code the "
                                   "server shows after you allow Marquee"), &error)) ||
      !mq_mastodon_authorization_complete (authorization, code, NULL, &error))
    return mq_cli_fail (self, error);

  if (!(store = mq_cli_get_store (self, &error)))
    return mq_cli_fail (self, error);
  outbox = mq_outbox_new (store);
  secrets = mq_secret_store_libsecret_new (store);
  if (!(account_id = mq_mastodon_authorization_save (authorization, outbox, secrets, &error)))
    return mq_cli_fail (self, error);

  mq_cli_print (self, "%" G_GINT64_FORMAT "\n", account_id);
  return MQ_CLI_EXIT_OK;
}

/* account add bluesky --server URL --handle H | mastodon --server URL */
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
  MqSocialNetwork network;
  int status;

  if (!mq_cli_parse (self, entries, "account add bluesky|mastodon --server URL [--handle H]", &args, &status))
    return status;
  if (g_strv_length (args) != 3 || server == NULL)
    return mq_cli_usage_error (self, _("Usage: marquee-cli account add bluesky --server URL --handle H "
                                       "(app password on standard input), or account add mastodon --server URL"));
  if (!mq_social_network_from_string (args[2], &network))
    return mq_cli_usage_error (self, _("Unknown network “%s”: use bluesky or mastodon"), args[2]);

  if (network == MQ_SOCIAL_NETWORK_MASTODON)
    {
      if (handle != NULL)
        return mq_cli_usage_error (self, _("A Mastodon account needs no --handle: the server says who "
                                           "signed in"));
      return account_add_mastodon (self, server);
    }

  if (handle == NULL)
    return mq_cli_usage_error (self, _("A Bluesky account needs --handle, like --handle club.bsky.social"));
  return account_add_bluesky (self, server, handle);
}

static JsonNode *
account_to_json (gconstpointer row)
{
  const MqSocialAccount *account = row;
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

static void
print_account (MqCli         *self,
               gconstpointer  row)
{
  const MqSocialAccount *account = row;

  mq_cli_print (self, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", account->id,
                mq_social_network_to_string (account->network),
                account->handle, account->server);
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

  mq_cli_print_rows (self, accounts, json, account_to_json, print_account);
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

  secrets = mq_secret_store_libsecret_new (store);
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
