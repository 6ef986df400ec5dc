/* mq-account-sign-in.h: connecting and removing social accounts off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-mastodon-authorization.h"
#include "mq-outbox.h"
#include "mq-secret-store.h"

G_BEGIN_DECLS

/* Logs in to Bluesky with @handle and @app_password (an app password, never
 * the account's own), then keeps the account in the database and its
 * password and session in @secrets. Nothing is saved when the login fails.
 * Signing in to an account that is already connected replaces its secrets,
 * which is how a revoked session is renewed. Returns the account id.
 */
void     mq_account_sign_in_bluesky_async  (MqStore              *store,
                                            MqSecretStore        *secrets,
                                            const char           *server,
                                            const char           *handle,
                                            const char           *app_password,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gint64   mq_account_sign_in_bluesky_finish (GAsyncResult         *result,
                                            GError              **error);

/* Keeps a completed Mastodon sign-in: the account row and its client id,
 * client secret and access token (mq_mastodon_authorization_save()).
 */
void     mq_account_save_mastodon_async    (MqStore                 *store,
                                            MqSecretStore           *secrets,
                                            MqMastodonAuthorization *authorization,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gint64   mq_account_save_mastodon_finish   (GAsyncResult            *result,
                                            GError                 **error);

/* Removes the account's secrets from @secrets, then the account (and its
 * jobs) from the database; a keyring that cannot be reached keeps both.
 */
void     mq_account_remove_async           (MqStore              *store,
                                            MqSecretStore        *secrets,
                                            gint64                account_id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean mq_account_remove_finish          (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
