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
 * @MQ_SOCIAL_ERROR_NOT_FOUND: the server does not have what was asked for (404)
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
  MQ_SOCIAL_ERROR_NOT_FOUND,
} MqSocialError;

GQuark      mq_social_error_quark          (void);

/* Whether a job that failed with @error may succeed if tried again. */
gboolean    mq_social_error_is_transient   (const GError  *error);

/* How long a request may wait for its answer, in seconds: 30, or
 * $MARQUEE_HTTP_TIMEOUT (for slow links, and the tests' slow servers).
 */
guint       mq_social_http_timeout         (void);
/* A session with Marquee's user agent and that timeout. */
SoupSession *mq_social_http_new_session    (void);

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
/* Sends @msg and parses its answer (blocking): transport failures are
 * mapped by mq_social_http_transport_error() naming @server, answers by
 * mq_social_http_parse_answer().
 */
JsonNode   *mq_social_http_send           (SoupSession   *session,
                                           SoupMessage   *msg,
                                           const char    *server,
                                           GDateTime    **retry_at,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* "14:05" for a time today, "2026-12-03 14:05" for another day, in the
 * local time zone: when a rate limit ends, as a user reads it.
 */
char       *mq_social_http_format_until   (GDateTime     *when);

G_END_DECLS
