/* mq-mastodon-authorization.h: adding a Mastodon account with OAuth 2 and PKCE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-mastodon-client.h"
#include "mq-outbox.h"
#include "mq-secret-store.h"

G_BEGIN_DECLS

/* The server shows the code for the user to paste instead of redirecting. */
#define MQ_MASTODON_REDIRECT_URI "urn:ietf:wg:oauth:2.0:oob"
/* Only what Marquee uses: the account's name, reading statuses (scheduled
 * ones, tag timelines on servers that want a login), posting with media.
 */
#define MQ_MASTODON_SCOPES "read:accounts read:statuses write:statuses write:media"

#define MQ_TYPE_MASTODON_AUTHORIZATION (mq_mastodon_authorization_get_type ())

G_DECLARE_FINAL_TYPE (MqMastodonAuthorization, mq_mastodon_authorization, MQ, MASTODON_AUTHORIZATION, GObject)

/* One sign-in to @server ("https://films.example"): start, let the user
 * allow Marquee in a browser, complete with the code, save.
 */
MqMastodonAuthorization *mq_mastodon_authorization_new              (const char               *server);
const char              *mq_mastodon_authorization_get_server       (MqMastodonAuthorization  *self);

/* Registers Marquee with the server (POST /api/v1/apps: client name
 * "Marquee", the out-of-band redirect, MQ_MASTODON_SCOPES) and returns the
 * address where the user allows it: /oauth/authorize with a PKCE S256
 * challenge whose verifier never leaves this object. Blocking.
 */
char                    *mq_mastodon_authorization_start            (MqMastodonAuthorization  *self,
                                                                     GCancellable             *cancellable,
                                                                     GError                  **error);
void                     mq_mastodon_authorization_start_async      (MqMastodonAuthorization  *self,
                                                                     GCancellable             *cancellable,
                                                                     GAsyncReadyCallback       callback,
                                                                     gpointer                  user_data);
char                    *mq_mastodon_authorization_start_finish     (MqMastodonAuthorization  *self,
                                                                     GAsyncResult             *result,
                                                                     GError                  **error);

/* Trades @code (what the server showed after the user allowed Marquee) for
 * an access token (POST /oauth/token with the code verifier), then reads
 * the account (GET /api/v1/accounts/verify_credentials) and the server's
 * limits (GET /api/v2/instance; a server without it keeps the defaults).
 * Blocking; the async variant runs it in a worker thread.
 */
gboolean                 mq_mastodon_authorization_complete         (MqMastodonAuthorization  *self,
                                                                     const char               *code,
                                                                     GCancellable             *cancellable,
                                                                     GError                  **error);
void                     mq_mastodon_authorization_complete_async   (MqMastodonAuthorization  *self,
                                                                     const char               *code,
                                                                     GCancellable             *cancellable,
                                                                     GAsyncReadyCallback       callback,
                                                                     gpointer                  user_data);
gboolean                 mq_mastodon_authorization_complete_finish  (MqMastodonAuthorization  *self,
                                                                     GAsyncResult             *result,
                                                                     GError                  **error);

/* After completing: "@name", the account's id on the server, its display
 * name, and the server's limits (max_characters 500 and image_size_limit 0
 * when the server did not say).
 */
const char              *mq_mastodon_authorization_get_handle       (MqMastodonAuthorization  *self);
const char              *mq_mastodon_authorization_get_account_id   (MqMastodonAuthorization  *self);
const char              *mq_mastodon_authorization_get_display_name (MqMastodonAuthorization  *self);
const MqMastodonInstance *mq_mastodon_authorization_get_instance    (MqMastodonAuthorization  *self);

/* Saves the completed sign-in: the account row with only what is not
 * secret (an existing row for the same server and handle is reused, which
 * is how a revoked login is renewed), and the client id, client secret and
 * access token in @secrets. If the keyring refuses, a new row is taken back.
 * Returns the account id, 0 on error.
 */
gint64                   mq_mastodon_authorization_save             (MqMastodonAuthorization  *self,
                                                                     MqOutbox                 *outbox,
                                                                     MqSecretStore            *secrets,
                                                                     GError                  **error);

G_END_DECLS
