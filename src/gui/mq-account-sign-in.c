/* mq-account-sign-in.c: connecting and removing social accounts off the main thread
 *
 * Logging in, the keyring (which may wait for the user to unlock it) and
 * the account rows all run in a worker thread, on a database connection of
 * the worker's own: the window's MqStore belongs to the main thread. When
 * the worker is done, the main thread announces "changed::accounts" on the
 * window's store so every page sees the new account at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-account-sign-in"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-account-setup.h"
#include "mq-account-sign-in.h"
#include "mq-error.h"
#include "mq-social-http.h"

/* The blocking work: returns an account id (0 with @error set), or 1 for
 * work that has no id to return.
 */
typedef gint64 (*AccountWork) (MqOutbox      *outbox,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error);

typedef struct
{
  MqStore        *store;      /* the window's: only touched on the main thread */
  char           *path;
  AccountWork     work;
  gpointer        data;
  GDestroyNotify  data_free;
} AccountTask;

static void
account_task_free (gpointer data)
{
  AccountTask *account_task = data;

  g_clear_object (&account_task->store);
  g_free (account_task->path);
  if (account_task->data_free != NULL)
    account_task->data_free (account_task->data);
  g_free (account_task);
}

static void
account_thread (GTask        *step,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AccountTask *account_task = g_task_get_task_data (G_TASK (task_data));
  g_autoptr(MqStore) store = NULL;
  g_autoptr(MqOutbox) outbox = NULL;
  GError *error = NULL;
  gint64 id;

  if (!(store = mq_store_open (account_task->path, &error)))
    {
      g_task_return_error (step, error);
      return;
    }
  outbox = mq_outbox_new (store);
  if ((id = account_task->work (outbox, account_task->data, cancellable, &error)) <= 0)
    g_task_return_error (step, error);
  else
    g_task_return_int (step, id);
}

static void
account_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AccountTask *account_task = g_task_get_task_data (task);
  GError *error = NULL;
  gssize id;

  /* Even a failed sign-in may have taken a row back: pages look again. */
  mq_store_notify_changed (account_task->store, "accounts");

  id = g_task_propagate_int (G_TASK (result), &error);
  if (id <= 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

static void
run_account_work (MqStore             *store,
                  AccountWork          work,
                  gpointer             data,
                  GDestroyNotify       data_free,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GTask) step = NULL;
  AccountTask *account_task = g_new0 (AccountTask, 1);

  account_task->store = g_object_ref (store);
  account_task->path = g_strdup (mq_store_get_path (store));
  account_task->work = work;
  account_task->data = data;
  account_task->data_free = data_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, account_task, account_task_free);

  step = g_task_new (NULL, cancellable, account_done, g_object_ref (task));
  g_task_set_task_data (step, g_object_ref (task), g_object_unref);
  g_task_run_in_thread (step, account_thread);
}

static gint64
finish_account_work (GAsyncResult  *result,
                     GError       **error)
{
  gssize id;

  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);

  /* GTask says -1 on error; these APIs say 0, like the outbox's ids. */
  id = g_task_propagate_int (G_TASK (result), error);
  return MAX (id, 0);
}

/* Bluesky */

typedef struct
{
  MqSecretStore *secrets;
  char          *server;
  char          *handle;
  char          *password;   /* wiped when freed */
} BlueskySignIn;

static void
bluesky_sign_in_free (gpointer data)
{
  BlueskySignIn *sign_in = data;

  g_clear_object (&sign_in->secrets);
  g_free (sign_in->server);
  g_free (sign_in->handle);
  mq_secret_free (sign_in->password);
  g_free (sign_in);
}

/* The login failed: say it for someone at the sign-in form, not for the
 * sender that retries later.
 */
static void
explain_login_error (GError     **error,
                     const char  *server)
{
  if (g_error_matches (*error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH))
    {
      g_clear_error (error);
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH,
                   _("The handle or the app password was not accepted: check both. An app password "
                     "is made in the Bluesky settings under Privacy and Security → App Passwords."));
    }
  else if (g_error_matches (*error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE))
    {
      g_clear_error (error);
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE,
                   _("%s could not be reached: check the server address and the network connection"),
                   server);
    }
}

static gint64
sign_in_bluesky (MqOutbox      *outbox,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  BlueskySignIn *sign_in = data;
  gint64 id;

  id = mq_account_setup_bluesky (outbox, sign_in->secrets, sign_in->server, sign_in->handle,
                                 sign_in->password, cancellable, error);
  if (id == 0)
    explain_login_error (error, sign_in->server);
  return id;
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
  g_autofree char *clean_server = NULL;
  g_autofree char *clean_handle = NULL;
  GError *error = NULL;
  BlueskySignIn *sign_in;

  g_return_if_fail (MQ_IS_STORE (store));
  g_return_if_fail (MQ_IS_SECRET_STORE (secrets));
  g_return_if_fail (server != NULL && handle != NULL && app_password != NULL);

  clean_server = g_strstrip (g_strdup (server));
  while (g_str_has_suffix (clean_server, "/"))
    clean_server[strlen (clean_server) - 1] = '\0';
  clean_handle = g_strstrip (g_strdup (handle[0] == '@' ? handle + 1 : handle));

  if (check_server (clean_server, &error) && (*clean_handle == '\0' || *app_password == '\0'))
    g_set_error (&error, MQ_ERROR, MQ_ERROR_INVALID,
                 _("Write the handle (like club.bsky.social) and an app password"));
  if (error != NULL)
    {
      g_task_report_error (NULL, callback, user_data, mq_account_sign_in_bluesky_async, error);
      return;
    }

  sign_in = g_new0 (BlueskySignIn, 1);
  sign_in->secrets = g_object_ref (secrets);
  sign_in->server = g_steal_pointer (&clean_server);
  sign_in->handle = g_steal_pointer (&clean_handle);
  sign_in->password = g_strdup (app_password);
  run_account_work (store, sign_in_bluesky, sign_in, bluesky_sign_in_free,
                    mq_account_sign_in_bluesky_async, cancellable, callback, user_data);
}

gint64
mq_account_sign_in_bluesky_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return finish_account_work (result, error);
}

/* Mastodon */

typedef struct
{
  MqSecretStore           *secrets;
  MqMastodonAuthorization *authorization;
} MastodonSave;

static void
mastodon_save_free (gpointer data)
{
  MastodonSave *save = data;

  g_clear_object (&save->secrets);
  g_clear_object (&save->authorization);
  g_free (save);
}

static gint64
save_mastodon (MqOutbox      *outbox,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  MastodonSave *save = data;

  return mq_mastodon_authorization_save (save->authorization, outbox, save->secrets, error);
}

void
mq_account_save_mastodon_async (MqStore                 *store,
                                MqSecretStore           *secrets,
                                MqMastodonAuthorization *authorization,
                                GCancellable            *cancellable,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  MastodonSave *save;

  g_return_if_fail (MQ_IS_STORE (store));
  g_return_if_fail (MQ_IS_SECRET_STORE (secrets));
  g_return_if_fail (MQ_IS_MASTODON_AUTHORIZATION (authorization));

  save = g_new0 (MastodonSave, 1);
  save->secrets = g_object_ref (secrets);
  save->authorization = g_object_ref (authorization);
  run_account_work (store, save_mastodon, save, mastodon_save_free,
                    mq_account_save_mastodon_async, cancellable, callback, user_data);
}

gint64
mq_account_save_mastodon_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return finish_account_work (result, error);
}

/* Removal */

typedef struct
{
  MqSecretStore *secrets;
  gint64         account_id;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_clear_object (&removal->secrets);
  g_free (removal);
}

static gint64
remove_account (MqOutbox      *outbox,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Removal *removal = data;

  return mq_secret_store_remove_account (removal->secrets, outbox, removal->account_id, error) ? 1 : 0;
}

void
mq_account_remove_async (MqStore             *store,
                         MqSecretStore       *secrets,
                         gint64               account_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Removal *removal;

  g_return_if_fail (MQ_IS_STORE (store));
  g_return_if_fail (MQ_IS_SECRET_STORE (secrets));
  g_return_if_fail (account_id > 0);

  removal = g_new0 (Removal, 1);
  removal->secrets = g_object_ref (secrets);
  removal->account_id = account_id;
  run_account_work (store, remove_account, removal, removal_free,
                    mq_account_remove_async, cancellable, callback, user_data);
}

gboolean
mq_account_remove_finish (GAsyncResult  *result,
                          GError       **error)
{
  return finish_account_work (result, error) > 0;
}
