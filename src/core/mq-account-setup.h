/* mq-account-setup.h: adding social accounts, their secrets and limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-outbox.h"
#include "mq-secret-store.h"

G_BEGIN_DECLS

/* What an account is, after a successful login. */
typedef struct
{
  MqSocialNetwork  network;
  const char      *server;
  const char      *handle;
  const char      *remote_id;        /* nullable: DID or Mastodon account id */
  const char      *display_name;     /* nullable */
  int              max_characters;   /* 0: unknown */
  gint64           image_size_limit; /* 0: unknown */
} MqAccountDetails;

/* Writes the account row (or updates the one with the same network, server
 * and handle: logging in again) in one transaction, then stores the
 * NULL-terminated @secret_names / @secret_values in @secrets. A new row whose
 * secrets the keyring refused is taken back, so no account is left that
 * could never post. Returns the account id, 0 on error.
 */
gint64   mq_account_setup_save            (MqOutbox                *outbox,
                                           MqSecretStore           *secrets,
                                           const MqAccountDetails  *details,
                                           const char * const      *secret_names,
                                           const char * const      *secret_values,
                                           GError                 **error);

/* Logs in to the Bluesky PDS @server as @handle with @app_password
 * (createSession) and saves the account with its app password and session.
 * Nothing is saved when the login fails. Blocking.
 */
gint64   mq_account_setup_bluesky         (MqOutbox                *outbox,
                                           MqSecretStore           *secrets,
                                           const char              *server,
                                           const char              *handle,
                                           const char              *app_password,
                                           GCancellable            *cancellable,
                                           GError                 **error);
/* The same in a worker thread. */
void     mq_account_setup_bluesky_async   (MqOutbox                *outbox,
                                           MqSecretStore           *secrets,
                                           const char              *server,
                                           const char              *handle,
                                           const char              *app_password,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
gint64   mq_account_setup_bluesky_finish  (GAsyncResult            *result,
                                           GError                 **error);

/* Reads a Mastodon account's server limits again (GET /api/v2/instance)
 * and caches them with the account; a Bluesky account has fixed limits and
 * is left alone. Blocking.
 */
gboolean mq_account_setup_refresh_limits  (MqOutbox                *outbox,
                                           gint64                   account_id,
                                           GCancellable            *cancellable,
                                           GError                 **error);

G_END_DECLS
