/* mq-account-sign-in.c: connecting and removing social accounts off the main thread
 *
 * The network and the keyring block, so they run in worker threads; the
 * database is only written on the main thread, through the window's store,
 * so pages hear about the new account at once. A sign-in is a chain of
 * steps: log in (worker), keep the account (main), keep its secrets
 * (worker), done (main).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-account-sign-in"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-account-sign-in.h"
#include "mq-bluesky-client.h"
#include "mq-error.h"
#include "mq-social-http.h"

typedef struct
{
  MqStore       *store;
  MqSecretStore *secrets;
  char          *server;
  char          *handle;
  char          *password;    /* wiped when freed */
  char          *did;
  char          *access;      /* wiped when freed */
  char          *refresh;     /* wiped when freed */
  gint64         account_id;
  gboolean       created;     /* a new row, taken back if the keyring fails */
} SignIn;

static void
sign_in_free (gpointer data)
{
  SignIn *sign_in = data;

  g_clear_object (&sign_in->store);
  g_clear_object (&sign_in->secrets);
  g_free (sign_in->server);
  g_free (sign_in->handle);
  g_free (sign_in->did);
  mq_secret_free (sign_in->password);
  mq_secret_free (sign_in->access);
  mq_secret_free (sign_in->refresh);
  g_free (sign_in);
}

/* Runs @func in a worker with the sign-in's own task as its data, then
 * @done on the main thread.
 */
static void
run_step (GTask               *task,
          GTaskThreadFunc      func,
          GAsyncReadyCallback  done)
{
  g_autoptr(GTask) step = g_task_new (NULL, g_task_get_cancellable (task), done, g_object_ref (task));

  g_task_set_source_tag (step, run_step);
  g_task_set_task_data (step, g_object_ref (task), g_object_unref);
  g_task_run_in_thread (step, func);
}

static char *
host_key (const char *server)
{
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  g_autofree char *host = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_ascii_strdown (server, -1);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), host, g_uri_get_port (uri));
}

static char *
handle_key (const char *handle)
{
  g_autofree char *stripped = g_strstrip (g_strdup (handle));
  const char *start = stripped;

  while (*start == '@')
    start++;
  return g_utf8_casefold (start, -1);
}

const MqSocialAccount *
mq_account_find (GPtrArray       *accounts,
                 MqSocialNetwork  network,
                 const char      *server,
                 const char      *handle)
{
  g_autofree char *want_host = NULL;
  g_autofree char *want_handle = NULL;

  g_return_val_if_fail (accounts != NULL, NULL);
  g_return_val_if_fail (server != NULL && handle != NULL, NULL);

  want_host = host_key (server);
  want_handle = handle_key (handle);
  for (guint i = 0; i < accounts->len; i++)
    {
      const MqSocialAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *host = host_key (account->server);
      g_autofree char *name = handle_key (account->handle);

      if (account->network == network && g_str_equal (host, want_host) && g_str_equal (name, want_handle))
        return account;
    }
  return NULL;
}

static char *
keyring_label (const char *handle,
               const char *server)
{
  return g_strdup_printf ("Marquee: %s on %s", handle, server);
}

/* The login failed: say it for someone at the sign-in form, not for the
 * sender that retries later.
 */
static void
explain_login_error (GError     **error,
                     const char  *server,
                     GError      *cause)
{
  if (g_error_matches (cause, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH))
    g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH,
                 _("The handle or the app password was not accepted: check both. An app password "
                   "is made in the Bluesky settings under Privacy and Security → App Passwords."));
  else if (g_error_matches (cause, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE))
    g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE,
                 _("%s could not be reached: check the server address and the network connection"),
                 server);
  else
    g_propagate_error (error, g_steal_pointer (&cause));
  g_clear_error (&cause);
}

static void
store_secrets_thread (GTask        *step,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SignIn *sign_in = g_task_get_task_data (G_TASK (task_data));
  g_autofree char *label = keyring_label (sign_in->handle, sign_in->server);
  GError *error = NULL;

  if (mq_secret_store_store (sign_in->secrets, sign_in->account_id, MQ_SECRET_APP_PASSWORD, label,
                             sign_in->password, cancellable, &error) &&
      mq_secret_store_store (sign_in->secrets, sign_in->account_id, MQ_SECRET_ACCESS_TOKEN, label,
                             sign_in->access, cancellable, &error) &&
      mq_secret_store_store (sign_in->secrets, sign_in->account_id, MQ_SECRET_REFRESH_TOKEN, label,
                             sign_in->refresh, cancellable, &error))
    {
      g_task_return_boolean (step, TRUE);
      return;
    }

  /* Half a set of secrets could never post: take back what was kept. */
  if (sign_in->created)
    mq_secret_store_clear_account (sign_in->secrets, sign_in->account_id, NULL, NULL);
  g_task_return_error (step, error);
}

static void
secrets_stored (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autoptr(MqOutbox) outbox = mq_outbox_new (sign_in->store);
      g_autoptr(GError) cleanup_error = NULL;

      if (sign_in->created && !mq_outbox_remove_account (outbox, sign_in->account_id, &cleanup_error))
        g_warning ("The account %s could not be taken back: %s", sign_in->handle, cleanup_error->message);
      g_task_return_new_error (task, MQ_ERROR, MQ_ERROR_IO,
                               _("The password could not be kept in the keyring (%s): unlock the "
                                 "keyring and try again"), error->message);
      return;
    }

  g_task_return_int (task, sign_in->account_id);
}

/* Main thread: the login worked, so the account is kept. */
static void
logged_in (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(MqOutbox) outbox = mq_outbox_new (sign_in->store);
  g_autoptr(GPtrArray) accounts = NULL;
  const MqSocialAccount *existing;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GError *explained = NULL;

      explain_login_error (&explained, sign_in->server, error);
      g_task_return_error (task, explained);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(accounts = mq_outbox_list_accounts (outbox, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  existing = mq_account_find (accounts, MQ_SOCIAL_NETWORK_BLUESKY, sign_in->server, sign_in->handle);
  if (existing != NULL)
    sign_in->account_id = existing->id;
  else if ((sign_in->account_id = mq_outbox_add_account (outbox, MQ_SOCIAL_NETWORK_BLUESKY,
                                                         sign_in->server, sign_in->handle, &error)) == 0)
    {
      g_task_return_error (task, error);
      return;
    }
  sign_in->created = existing == NULL;

  if (!mq_outbox_update_account (outbox, sign_in->account_id, sign_in->did, NULL, 0, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  run_step (task, store_secrets_thread, secrets_stored);
}

static void
login_thread (GTask        *step,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SignIn *sign_in = g_task_get_task_data (G_TASK (task_data));
  g_autoptr(MqBlueskyClient) client = NULL;
  GError *error = NULL;

  client = mq_bluesky_client_new (sign_in->server, sign_in->handle, sign_in->password);
  if (!mq_bluesky_client_login (client, cancellable, &error))
    {
      g_task_return_error (step, error);
      return;
    }

  sign_in->did = g_strdup (mq_bluesky_client_get_did (client));
  sign_in->access = g_strdup (mq_bluesky_client_get_access_jwt (client));
  sign_in->refresh = g_strdup (mq_bluesky_client_get_refresh_jwt (client));
  g_task_return_boolean (step, TRUE);
}

static gboolean
check_server (const char  *server,
              GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("“%s” is not a server address: write it like https://bsky.social"), server);
      return FALSE;
    }
  return TRUE;
}

void
mq_account_sign_in_bluesky_async (MqStore             *store,
                                  MqSecretStore       *secrets,
                                  const char          *server,
                                  const char          *handle,
                                  const char          *app_password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *clean_server = NULL;
  g_autofree char *clean_handle = NULL;
  GError *error = NULL;
  SignIn *sign_in;

  g_return_if_fail (MQ_IS_STORE (store));
  g_return_if_fail (MQ_IS_SECRET_STORE (secrets));
  g_return_if_fail (server != NULL && handle != NULL && app_password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_account_sign_in_bluesky_async);

  clean_server = g_strstrip (g_strdup (server));
  while (g_str_has_suffix (clean_server, "/"))
    clean_server[strlen (clean_server) - 1] = '\0';
  clean_handle = g_strstrip (g_strdup (handle[0] == '@' ? handle + 1 : handle));

  if (!check_server (clean_server, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (*clean_handle == '\0' || *app_password == '\0')
    {
      g_task_return_new_error (task, MQ_ERROR, MQ_ERROR_INVALID,
                               _("Write the handle (like club.bsky.social) and an app password"));
      return;
    }

  sign_in = g_new0 (SignIn, 1);
  sign_in->store = g_object_ref (store);
  sign_in->secrets = g_object_ref (secrets);
  sign_in->server = g_steal_pointer (&clean_server);
  sign_in->handle = g_steal_pointer (&clean_handle);
  sign_in->password = g_strdup (app_password);
  g_task_set_task_data (task, sign_in, sign_in_free);

  run_step (task, login_thread, logged_in);
}

gint64
mq_account_sign_in_bluesky_finish (GAsyncResult  *result,
                                   GError       **error)
{
  gssize account_id;

  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);

  /* GTask says -1 on error; the API says 0, like the outbox's ids. */
  account_id = g_task_propagate_int (G_TASK (result), error);
  return MAX (account_id, 0);
}

typedef struct
{
  MqStore       *store;
  MqSecretStore *secrets;
  gint64         account_id;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_clear_object (&removal->store);
  g_clear_object (&removal->secrets);
  g_free (removal);
}

static void
clear_secrets_thread (GTask        *step,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Removal *removal = g_task_get_task_data (G_TASK (task_data));
  GError *error = NULL;

  if (mq_secret_store_clear_account (removal->secrets, removal->account_id, cancellable, &error))
    g_task_return_boolean (step, TRUE);
  else
    g_task_return_error (step, error);
}

static void
secrets_cleared (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Removal *removal = g_task_get_task_data (task);
  g_autoptr(MqOutbox) outbox = mq_outbox_new (removal->store);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !mq_outbox_remove_account (outbox, removal->account_id, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
mq_account_remove_async (MqStore             *store,
                         MqSecretStore       *secrets,
                         gint64               account_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Removal *removal;

  g_return_if_fail (MQ_IS_STORE (store));
  g_return_if_fail (MQ_IS_SECRET_STORE (secrets));
  g_return_if_fail (account_id > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_account_remove_async);
  removal = g_new0 (Removal, 1);
  removal->store = g_object_ref (store);
  removal->secrets = g_object_ref (secrets);
  removal->account_id = account_id;
  g_task_set_task_data (task, removal, removal_free);

  run_step (task, clear_secrets_thread, secrets_cleared);
}

gboolean
mq_account_remove_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
