/* mq-social-http.h: what the Mastodon and Bluesky clients share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define MQ_SOCIAL_ERROR (mq_social_error_quark ())

/**
 * MqSocialError:
 * @MQ_SOCIAL_ERROR_UNREACHABLE: no answer from the server (DNS, refused, timeout): retry later
 * @MQ_SOCIAL_ERROR_TLS: the server's certificate was not accepted: do not retry
 * @MQ_SOCIAL_ERROR_AUTH: the token or password was refused or revoked: log in again
 * @MQ_SOCIAL_ERROR_RATE_LIMITED: too many requests: retry at the time given
 * @MQ_SOCIAL_ERROR_REJECTED: the server refused the request for good (4xx)
 * @MQ_SOCIAL_ERROR_SERVER: the server failed (5xx): retry later
 * @MQ_SOCIAL_ERROR_PROTOCOL: the answer was not what the API documents
 */
typedef enum
{
  MQ_SOCIAL_ERROR_UNREACHABLE,
  MQ_SOCIAL_ERROR_TLS,
  MQ_SOCIAL_ERROR_AUTH,
  MQ_SOCIAL_ERROR_RATE_LIMITED,
  MQ_SOCIAL_ERROR_REJECTED,
  MQ_SOCIAL_ERROR_SERVER,
  MQ_SOCIAL_ERROR_PROTOCOL,
} MqSocialError;

GQuark      mq_social_error_quark          (void);

/* Whether a job that failed with @error may succeed if tried again. */
gboolean    mq_social_error_is_transient   (const GError  *error);

/* When the server allows the next request: Retry-After (seconds or an HTTP
 * date), else Mastodon's X-RateLimit-Reset (ISO 8601) or Bluesky's
 * RateLimit-Reset (epoch seconds) when no requests remain. NULL if none.
 */
GDateTime  *mq_social_http_retry_at       (SoupMessage   *msg);

/* Turns a transport failure into an MqSocialError the user understands. */
void        mq_social_http_transport_error (GError       **error,
                                            const char    *server,
                                            const GError  *cause);
/* Parses a JSON answer; on a non-2xx status sets the MqSocialError that
 * status means, with the server's own "error"/"message" text, and returns
 * NULL. @retry_at (out, nullable) receives mq_social_http_retry_at().
 */
JsonNode   *mq_social_http_parse_answer   (SoupMessage   *msg,
                                           GBytes        *body,
                                           GDateTime    **retry_at,
                                           GError       **error);

G_END_DECLS
