/* mq-mastodon-client-private.h: what the Mastodon client's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "mq-mastodon-client.h"

G_BEGIN_DECLS

const char  *mq_mastodon_client_get_server        (MqMastodonClient  *self);
/* The token; never log it. */
const char  *mq_mastodon_client_get_access_token  (MqMastodonClient  *self);
guint        mq_mastodon_client_get_media_timeout (MqMastodonClient  *self);

/* A request to @path on the server (or to @path itself when it is a full
 * address), with the token; NULL with an error when the address is not one.
 */
SoupMessage *mq_mastodon_client_new_message       (MqMastodonClient  *self,
                                                   const char        *method,
                                                   const char        *path,
                                                   GError           **error);
/* Sends @msg, parses the answer, and keeps what it said about waiting. */
JsonNode    *mq_mastodon_client_call              (MqMastodonClient  *self,
                                                   SoupMessage       *msg,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
/* The answer's object when it has the string member @required, else NULL
 * with MQ_SOCIAL_ERROR_PROTOCOL.
 */
JsonObject  *mq_mastodon_client_object_or_error   (JsonNode          *root,
                                                   const char        *required,
                                                   GError           **error);

/* The rel="next" address of @msg's Link header when it is on this server
 * (the token goes nowhere else), else NULL.
 */
char        *mq_mastodon_client_next_page         (MqMastodonClient  *self,
                                                   SoupMessage       *msg);
/* A Status, or a ScheduledStatus (which has scheduled_at and params), with
 * a string "id".
 */
MqPostResult *mq_mastodon_client_post_result_from (JsonObject        *object);

G_END_DECLS
