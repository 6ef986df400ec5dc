/* mq-mastodon-client.h: the parts of the Mastodon client API Marquee uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mq-post-image.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *url;
  /* Set when the server scheduled the post instead of publishing it: @id
   * is then a scheduled status and @url is NULL.
   */
  char *scheduled_at;
} MqPostResult;

void mq_post_result_free (MqPostResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqPostResult, mq_post_result_free)

/* What GET /api/v2/instance says about posting; defaults where it is silent. */
typedef struct
{
  int    max_characters;              /* 500 */
  int    characters_reserved_per_url; /* 23 */
  int    max_media_attachments;       /* 4 */
  int    description_limit;           /* 1500: alt text */
  gint64 image_size_limit;            /* 0: not said */
} MqMastodonInstance;

#define MQ_TYPE_MASTODON_CLIENT (mq_mastodon_client_get_type ())

G_DECLARE_FINAL_TYPE (MqMastodonClient, mq_mastodon_client, MQ, MASTODON_CLIENT, GObject)

/* @server: "https://example.social"; @access_token (nullable): from the
 * keyring, never logged.
 */
MqMastodonClient *mq_mastodon_client_new                  (const char           *server,
                                                           const char           *access_token);
/* When the server allows the next request, from the last answer that said
 * so (Retry-After, X-RateLimit-Reset); NULL if none.
 */
GDateTime        *mq_mastodon_client_get_retry_at         (MqMastodonClient     *self);
/* How long mq_mastodon_client_wait_for_media() waits in all (60 s). */
void              mq_mastodon_client_set_media_timeout    (MqMastodonClient     *self,
                                                           guint                 seconds);

/* POST /api/v2/media (multipart: file, description = @alt). Returns the
 * media id; *@ready is FALSE when the server answered 202 and is still
 * processing the file. Blocking.
 */
char             *mq_mastodon_client_upload_media         (MqMastodonClient     *self,
                                                           const MqPostImage    *image,
                                                           const char           *alt,
                                                           gboolean             *ready,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
/* Polls GET /api/v1/media/:id, waiting longer each time, until the server
 * has processed it (its url is set). MQ_SOCIAL_ERROR_SERVER (transient)
 * when the media timeout passes first; MQ_SOCIAL_ERROR_NOT_FOUND when the
 * server no longer has it (unattached media are deleted after a while).
 * Blocking.
 */
gboolean          mq_mastodon_client_wait_for_media       (MqMastodonClient     *self,
                                                           const char           *media_id,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

/* POST /api/v1/statuses with an Idempotency-Key: the server answers a repeat
 * of the same key with the first status instead of posting again.
 * @visibility, @language, @media_ids (NULL-terminated) and @scheduled_at
 * (UTC ISO 8601, at least 5 minutes ahead: the server then answers with a
 * scheduled status) are nullable. Blocking, for marquee-cli and the sender.
 */
MqPostResult     *mq_mastodon_client_post_status          (MqMastodonClient     *self,
                                                           const char           *text,
                                                           const char           *visibility,
                                                           const char           *language,
                                                           const char * const   *media_ids,
                                                           const char           *scheduled_at,
                                                           const char           *idempotency_key,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
/* The same in a worker thread; do not use @self from elsewhere meanwhile. */
void              mq_mastodon_client_post_status_async    (MqMastodonClient     *self,
                                                           const char           *text,
                                                           const char           *visibility,
                                                           const char           *language,
                                                           const char * const   *media_ids,
                                                           const char           *scheduled_at,
                                                           const char           *idempotency_key,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
MqPostResult     *mq_mastodon_client_post_status_finish   (MqMastodonClient     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* The scheduled status that was posted with @idempotency_key (its params
 * keep the key), from GET /api/v1/scheduled_statuses; NULL without an error
 * when there is none. Blocking.
 */
MqPostResult     *mq_mastodon_client_find_scheduled       (MqMastodonClient     *self,
                                                           const char           *idempotency_key,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

/* The account's own status created at or after @since whose source text
 * (GET /api/v1/statuses/:id/source) is exactly @text, looked for among its
 * latest statuses (GET /api/v1/accounts/:id/statuses, newest first); NULL
 * without an error when there is none. Statuses whose id is in @taken (a
 * set of strings, nullable: other posts already known to be theirs) are
 * passed over. For a post whose Idempotency-Key the server has forgotten.
 * Blocking.
 */
MqPostResult     *mq_mastodon_client_find_own_status      (MqMastodonClient     *self,
                                                           const char           *text,
                                                           GDateTime            *since,
                                                           GHashTable           *taken,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

/* GET /api/v2/instance (public). Blocking. */
gboolean          mq_mastodon_client_get_instance         (MqMastodonClient     *self,
                                                           MqMastodonInstance   *instance,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
/* configuration.statuses.max_characters (500 when the server does not
 * say), -1 on error. Blocking.
 */
int               mq_mastodon_client_get_max_characters   (MqMastodonClient     *self,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

/* GET /api/v1/timelines/tag/:tag (@tag without "#"): the newest statuses,
 * at most @limit (<= 40), as the JSON array the server sent. Blocking.
 */
JsonNode         *mq_mastodon_client_get_tag_timeline     (MqMastodonClient     *self,
                                                           const char           *tag,
                                                           guint                 limit,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

G_END_DECLS
