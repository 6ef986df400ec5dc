/* mq-bluesky-client.h: the parts of the AT Protocol (Bluesky) API Marquee uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mq-mastodon-client.h"
#include "mq-post-image.h"

G_BEGIN_DECLS

#define MQ_TYPE_BLUESKY_CLIENT (mq_bluesky_client_get_type ())

G_DECLARE_FINAL_TYPE (MqBlueskyClient, mq_bluesky_client, MQ, BLUESKY_CLIENT, GObject)

/* @server: the account's PDS, "https://bsky.social"; @handle and
 * @app_password (nullable, from the keyring, never logged) are what
 * createSession needs when there is no session or its refresh token died.
 */
MqBlueskyClient *mq_bluesky_client_new               (const char          *server,
                                                      const char          *handle,
                                                      const char          *app_password);
/* A session kept from earlier (the keyring), so posting does not log in
 * every time: createSession is limited to 30 per 5 minutes.
 */
void             mq_bluesky_client_set_session       (MqBlueskyClient     *self,
                                                      const char          *did,
                                                      const char          *access_jwt,
                                                      const char          *refresh_jwt);
/* The handle as the server spells it once logged in (createSession
 * answers with it), else as given.
 */
const char      *mq_bluesky_client_get_handle        (MqBlueskyClient     *self);
const char      *mq_bluesky_client_get_did           (MqBlueskyClient     *self);
const char      *mq_bluesky_client_get_access_jwt    (MqBlueskyClient     *self);
const char      *mq_bluesky_client_get_refresh_jwt   (MqBlueskyClient     *self);
/* When the server allows the next request, from the last answer that said
 * so (Retry-After, RateLimit-Reset); NULL if none.
 */
GDateTime       *mq_bluesky_client_get_retry_at      (MqBlueskyClient     *self);

/* com.atproto.server.createSession with the handle and app password. Blocking. */
gboolean         mq_bluesky_client_login             (MqBlueskyClient     *self,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
/* com.atproto.server.refreshSession; logs in again when the refresh token
 * is expired or revoked and an app password is known. Blocking.
 */
gboolean         mq_bluesky_client_refresh           (MqBlueskyClient     *self,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

/* Creates the app.bsky.feed.post record @record_key (a TID chosen once per
 * job) with the link, tag and mention facets of @text. A record that
 * already exists under that key (an earlier attempt whose answer was lost)
 * counts as posted: never a second record. Logs in or refreshes the session
 * as needed. @language (nullable). @image (nullable) is uploaded with
 * uploadBlob on every attempt (the same bytes give the same blob, so that
 * is harmless) and embedded as app.bsky.embed.images with @alt (required)
 * and its aspect ratio; larger than 1,000,000 bytes is refused before any
 * upload. Blocking, for marquee-cli.
 */
MqPostResult    *mq_bluesky_client_create_post       (MqBlueskyClient     *self,
                                                      const char          *text,
                                                      const char          *language,
                                                      const MqPostImage   *image,
                                                      const char          *alt,
                                                      const char          *record_key,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
/* The same in a worker thread; do not use @self from elsewhere meanwhile. */
void             mq_bluesky_client_create_post_async (MqBlueskyClient     *self,
                                                      const char          *text,
                                                      const char          *language,
                                                      const MqPostImage   *image,
                                                      const char          *alt,
                                                      const char          *record_key,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
MqPostResult    *mq_bluesky_client_create_post_finish (MqBlueskyClient    *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* app.bsky.feed.searchPosts (through the account's PDS, which needs the
 * session): at most @limit (<= 100) posts matching @query, as the JSON
 * object the server sent ({"posts": [...], "cursor"}). Blocking.
 */
JsonNode        *mq_bluesky_client_search_posts      (MqBlueskyClient     *self,
                                                      const char          *query,
                                                      guint               limit,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

/* The web address of the post at-uri @uri by @handle, or NULL. */
char            *mq_bluesky_post_url                 (const char          *handle,
                                                      const char          *uri);

G_END_DECLS
