/* mq-bluesky-client-private.h: what the Bluesky client's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-bluesky-client.h"

G_BEGIN_DECLS

#define MQ_BLUESKY_POST_COLLECTION "app.bsky.feed.post"

/* One XRPC call: @body is JSON, or @raw is sent as it is with @raw_type;
 * @bearer (nullable) authorizes it. Keeps what the answer said about
 * waiting (mq_bluesky_client_get_retry_at()).
 */
JsonNode *mq_bluesky_client_xrpc         (MqBlueskyClient  *self,
                                          const char       *method,
                                          const char       *nsid,
                                          const char       *query,
                                          JsonNode         *body,
                                          GBytes           *raw,
                                          const char       *raw_type,
                                          const char       *bearer,
                                          GCancellable     *cancellable,
                                          GError          **error);
/* The same with the session's access token: logs in first when there is
 * no session, and refreshes it once when the server says it expired.
 */
JsonNode *mq_bluesky_client_authed_xrpc  (MqBlueskyClient  *self,
                                          const char       *method,
                                          const char       *nsid,
                                          const char       *query,
                                          JsonNode         *body,
                                          GBytes           *raw,
                                          const char       *raw_type,
                                          GCancellable     *cancellable,
                                          GError          **error);

/* The createRecord body for a post: text, language, facets (mentions
 * resolved to DIDs) and, with @image, the uploaded blob embedded with @alt.
 */
JsonNode *mq_bluesky_record_build        (MqBlueskyClient   *self,
                                          const char        *text,
                                          const char        *language,
                                          const MqPostImage *image,
                                          const char        *alt,
                                          const char        *record_key,
                                          GCancellable      *cancellable,
                                          GError           **error);

G_END_DECLS
