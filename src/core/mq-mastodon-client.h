/* mq-mastodon-client.h: the parts of the Mastodon client API Marquee uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *url;
} MqPostResult;

void mq_post_result_free (MqPostResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqPostResult, mq_post_result_free)

#define MQ_TYPE_MASTODON_CLIENT (mq_mastodon_client_get_type ())

G_DECLARE_FINAL_TYPE (MqMastodonClient, mq_mastodon_client, MQ, MASTODON_CLIENT, GObject)

/* @server: "https://example.social"; @access_token: from the keyring, never logged. */
MqMastodonClient *mq_mastodon_client_new                  (const char           *server,
                                                           const char           *access_token);
/* When the server allows the next request, from the last answer that said
 * so (Retry-After, X-RateLimit-Reset); NULL if none.
 */
GDateTime        *mq_mastodon_client_get_retry_at         (MqMastodonClient     *self);

/* POST /api/v1/statuses with an Idempotency-Key: the server answers a repeat
 * of the same key with the first status instead of posting again.
 * @visibility, @language (nullable).
 */
void              mq_mastodon_client_post_status_async    (MqMastodonClient     *self,
                                                           const char           *text,
                                                           const char           *visibility,
                                                           const char           *language,
                                                           const char           *idempotency_key,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
MqPostResult     *mq_mastodon_client_post_status_finish   (MqMastodonClient     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
/* Blocking, for marquee-cli. */
MqPostResult     *mq_mastodon_client_post_status          (MqMastodonClient     *self,
                                                           const char           *text,
                                                           const char           *visibility,
                                                           const char           *language,
                                                           const char           *idempotency_key,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

/* configuration.statuses.max_characters of GET /api/v2/instance (500 when
 * the server does not say). Blocking.
 */
int               mq_mastodon_client_get_max_characters   (MqMastodonClient     *self,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

G_END_DECLS
