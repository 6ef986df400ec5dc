/* mq-account-setup.c: adding social accounts, their secrets and limits
 *
 * The login happens before anything is saved, so a wrong password or server
 * leaves nothing behind; the row goes in before the secrets because the
 * keyring is keyed by its id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-account-setup"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-account-setup.h"
#include "mq-bluesky-client.h"
#include "mq-error.h"
#include "mq-mastodon-client.h"
#include "mq-store-private.h"

static char *
secret_label (const MqAccountDetails *details)
{
  return g_strdup_printf ("Marquee: %s on %s", details->handle, details->server);
}

/* The row, in one transaction; *@created says whether it is new. */
static gint64
save_row (MqOutbox                *outbox,
          const MqAccountDetails  *details,
          gboolean                *created,
          GError                 **error)
{
  g_auto(MqTransaction) tx = { 0 };
  gint64 id;

  if (!mq_transaction_begin (&tx, mq_outbox_get_store (outbox), error))
    return 0;
  id = mq_outbox_find_account (outbox, details->network, details->server, details->handle, error);
  if (id < 0)
    return 0;
  *created = id == 0;
  if (id == 0 &&
      !(id = mq_outbox_add_account (outbox, details->network, details->server, details->handle, error)))
    return 0;
  if (!mq_outbox_update_account (outbox, id, details->remote_id, details->display_name, 0, error) ||
      !mq_outbox_set_account_limits (outbox, id, details->max_characters, details->image_size_limit, error) ||
      !mq_transaction_commit (&tx, error))
    return 0;
  return id;
}

gint64
mq_account_setup_save (MqOutbox                *outbox,
                       MqSecretStore           *secrets,
                       const MqAccountDetails  *details,
                       const char * const      *secret_names,
                       const char * const      *secret_values,
                       GError                 **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GError) keyring_error = NULL;
  gboolean created = FALSE;
  gint64 id;

  g_return_val_if_fail (MQ_IS_OUTBOX (outbox), 0);
  g_return_val_if_fail (MQ_IS_SECRET_STORE (secrets), 0);
  g_return_val_if_fail (details != NULL && details->server != NULL && details->handle != NULL, 0);
  g_return_val_if_fail (secret_names != NULL && secret_values != NULL, 0);

  if (!(id = save_row (outbox, details, &created, error)))
    return 0;

  label = secret_label (details);
  for (guint i = 0; secret_names[i] != NULL; i++)
    {
      g_return_val_if_fail (secret_values[i] != NULL, 0);
      if (!mq_secret_store_store (secrets, id, secret_names[i], label, secret_values[i], NULL, &keyring_error))
        break;
    }
  if (keyring_error == NULL)
    return id;

  if (created)
    {
      g_autoptr(GError) cleanup_error = NULL;

      /* An account without its secrets could never post: take it back. */
      if (!mq_secret_store_clear_account (secrets, id, NULL, &cleanup_error) ||
          !mq_outbox_remove_account (outbox, id, &cleanup_error))
        g_warning ("Account %" PRId64 " could not be taken back: %s", id, cleanup_error->message);
    }
  g_set_error (error, MQ_ERROR, MQ_ERROR_IO,
               _("The login could not be saved in the keyring (%s): unlock the keyring and try again"),
               keyring_error->message);
  return 0;
}

static gint64
save_bluesky (MqOutbox         *outbox,
              MqSecretStore    *secrets,
              const char       *server,
              MqBlueskyClient  *client,
              const char       *app_password,
              GError          **error)
{
  const char * const names[] = {
    MQ_SECRET_APP_PASSWORD, MQ_SECRET_ACCESS_TOKEN, MQ_SECRET_REFRESH_TOKEN, NULL,
  };
  const char * const values[] = {
    app_password,
    mq_bluesky_client_get_access_jwt (client),
    mq_bluesky_client_get_refresh_jwt (client),
    NULL,
  };
  MqAccountDetails details = {
    .network = MQ_SOCIAL_NETWORK_BLUESKY,
    .server = server,
    .handle = mq_bluesky_client_get_handle (client),
    .remote_id = mq_bluesky_client_get_did (client),
  };

  return mq_account_setup_save (outbox, secrets, &details, names, values, error);
}

gint64
mq_account_setup_bluesky (MqOutbox       *outbox,
                          MqSecretStore  *secrets,
                          const char     *server,
                          const char     *handle,
                          const char     *app_password,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(MqBlueskyClient) client = NULL;

  g_return_val_if_fail (MQ_IS_OUTBOX (outbox), 0);
  g_return_val_if_fail (MQ_IS_SECRET_STORE (secrets), 0);
  g_return_val_if_fail (server != NULL && handle != NULL && app_password != NULL, 0);

  client = mq_bluesky_client_new (server, handle, app_password);
  if (!mq_bluesky_client_login (client, cancellable, error))
    return 0;
  return save_bluesky (outbox, secrets, server, client, app_password, error);
}

typedef struct
{
  MqOutbox        *outbox;
  MqSecretStore   *secrets;
  char            *server;
  char            *app_password;
  MqBlueskyClient *client;
} BlueskySetup;

static void
bluesky_setup_free (BlueskySetup *setup)
{
  g_clear_object (&setup->outbox);
  g_clear_object (&setup->secrets);
  g_free (setup->server);
  g_clear_pointer (&setup->app_password, mq_secret_free);
  g_clear_object (&setup->client);
  g_free (setup);
}

/* Only the login runs in the worker thread; the database is written from
 * the caller's thread, which owns the store.
 */
static void
bluesky_login_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  BlueskySetup *setup = task_data;
  GError *error = NULL;

  if (mq_bluesky_client_login (setup->client, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
bluesky_login_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BlueskySetup *setup = g_task_get_task_data (task);
  GError *error = NULL;
  gint64 id;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !(id = save_bluesky (setup->outbox, setup->secrets, setup->server, setup->client,
                           setup->app_password, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, id);
}

void
mq_account_setup_bluesky_async (MqOutbox            *outbox,
                                MqSecretStore       *secrets,
                                const char          *server,
                                const char          *handle,
                                const char          *app_password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) login = NULL;
  BlueskySetup *setup;

  g_return_if_fail (MQ_IS_OUTBOX (outbox));
  g_return_if_fail (MQ_IS_SECRET_STORE (secrets));
  g_return_if_fail (server != NULL && handle != NULL && app_password != NULL);

  setup = g_new0 (BlueskySetup, 1);
  setup->outbox = g_object_ref (outbox);
  setup->secrets = g_object_ref (secrets);
  setup->server = g_strdup (server);
  setup->app_password = g_strdup (app_password);
  setup->client = mq_bluesky_client_new (server, handle, app_password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_account_setup_bluesky_async);
  g_task_set_task_data (task, setup, (GDestroyNotify) bluesky_setup_free);
  login = g_task_new (NULL, cancellable, bluesky_login_done, g_object_ref (task));
  g_task_set_task_data (login, setup, NULL);
  g_task_run_in_thread (login, bluesky_login_thread);
}

gint64
mq_account_setup_bluesky_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);
  return g_task_propagate_int (G_TASK (result), error);
}

gboolean
mq_account_setup_refresh_limits (MqOutbox      *outbox,
                                 gint64         account_id,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(MqMastodonClient) client = NULL;
  MqMastodonInstance instance;

  g_return_val_if_fail (MQ_IS_OUTBOX (outbox), FALSE);

  if (!(account = mq_outbox_get_account (outbox, account_id, error)))
    return FALSE;
  if (account->network != MQ_SOCIAL_NETWORK_MASTODON)
    return TRUE;
  /* /api/v2/instance is public: no token needed. */
  client = mq_mastodon_client_new (account->server, NULL);
  if (!mq_mastodon_client_get_instance (client, &instance, cancellable, error))
    return FALSE;
  return mq_outbox_set_account_limits (outbox, account_id, instance.max_characters,
                                       instance.image_size_limit, error);
}
