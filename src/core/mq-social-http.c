/* mq-social-http.c: what the Mastodon and Bluesky clients share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-social-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "mq-social-http.h"

G_DEFINE_QUARK (mq-social-error-quark, mq_social_error)

gboolean
mq_social_error_is_transient (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != MQ_SOCIAL_ERROR)
    return FALSE;
  return error->code == MQ_SOCIAL_ERROR_UNREACHABLE ||
         error->code == MQ_SOCIAL_ERROR_RATE_LIMITED ||
         error->code == MQ_SOCIAL_ERROR_SERVER;
}

guint
mq_social_http_timeout (void)
{
  const char *text = g_getenv ("MARQUEE_HTTP_TIMEOUT");
  guint64 seconds;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 600, &seconds, NULL))
    return (guint) seconds;
  return 30;
}

SoupSession *
mq_social_http_new_session (void)
{
  return soup_session_new_with_options ("timeout", mq_social_http_timeout (),
                                        "user-agent", "Marquee/" PACKAGE_VERSION,
                                        NULL);
}

char *
mq_social_http_format_until (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  local = g_date_time_to_local (when);
  now = g_date_time_new_now_local ();
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GDateTime *
parse_epoch_or_iso (const char *text)
{
  char *end = NULL;
  gint64 seconds;

  if (text == NULL)
    return NULL;
  seconds = g_ascii_strtoll (text, &end, 10);
  if (end != text && *end == '\0' && seconds > 0)
    return g_date_time_new_from_unix_utc (seconds);
  return g_date_time_new_from_iso8601 (text, NULL);
}

GDateTime *
mq_social_http_retry_at (SoupMessage *msg)
{
  SoupMessageHeaders *headers;
  const char *value;

  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), NULL);

  headers = soup_message_get_response_headers (msg);
  if ((value = soup_message_headers_get_one (headers, "Retry-After")) != NULL)
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (value, &end, 10);

      if (end != value && *end == '\0' && seconds >= 0)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          return g_date_time_add_seconds (now, seconds);
        }
      else
        {
          g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (value);
          if (date != NULL)
            return g_date_time_to_utc (date);
        }
    }

  /* The rate-limit headers only say when the window ends; they matter once
   * nothing remains (or the answer is a 429 anyway).
   */
  if ((value = soup_message_headers_get_one (headers, "X-RateLimit-Remaining")) != NULL &&
      (atoi (value) == 0 || soup_message_get_status (msg) == 429))
    return parse_epoch_or_iso (soup_message_headers_get_one (headers, "X-RateLimit-Reset"));
  if ((value = soup_message_headers_get_one (headers, "RateLimit-Remaining")) != NULL &&
      (atoi (value) == 0 || soup_message_get_status (msg) == 429))
    return parse_epoch_or_iso (soup_message_headers_get_one (headers, "RateLimit-Reset"));

  return NULL;
}

void
mq_social_http_transport_error (GError       **error,
                                const char    *server,
                                const GError  *cause)
{
  if (cause->domain == G_TLS_ERROR)
    g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_TLS,
                 _("The secure connection to %s failed (%s): check the server address "
                   "and the system's date and certificates"), server, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else
    g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE,
                 _("%s could not be reached (%s): check the network"),
                 server, cause->message);
}

/* The server's own words: Mastodon {"error": …, "error_description": …},
 * XRPC {"error": "Name", "message": "…"}.
 */
static char *
server_text (JsonNode *node)
{
  JsonObject *object;
  const char *name, *message;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  name = json_object_get_string_member_with_default (object, "error", NULL);
  message = json_object_get_string_member_with_default (object, "message", NULL);
  if (message == NULL)
    message = json_object_get_string_member_with_default (object, "error_description", NULL);
  if (name != NULL && message != NULL)
    return g_strdup_printf ("%s: %s", name, message);
  return g_strdup (name != NULL ? name : message);
}

JsonNode *
mq_social_http_parse_answer (SoupMessage  *msg,
                             GBytes       *body,
                             GDateTime   **retry_at,
                             GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;
  const char *data;
  gsize len = 0;
  guint status;
  gboolean parsed;

  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), NULL);

  status = soup_message_get_status (msg);
  data = body != NULL ? g_bytes_get_data (body, &len) : NULL;
  parsed = len > 0 && json_parser_load_from_data (parser, data, len, NULL);
  when = mq_social_http_retry_at (msg);
  if (retry_at != NULL)
    *retry_at = when != NULL ? g_date_time_ref (when) : NULL;

  if (status >= 200 && status < 300)
    {
      if (!parsed)
        {
          g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                       _("The server answered with something other than JSON (HTTP %u)"), status);
          return NULL;
        }
      return json_parser_steal_root (parser);
    }

  text = parsed ? server_text (json_parser_get_root (parser)) : NULL;
  if (text == NULL)
    text = g_strdup_printf ("HTTP %u %s", status, soup_message_get_reason_phrase (msg));

  if (status == 429)
    {
      g_autofree char *until = when != NULL ? mq_social_http_format_until (when)
                                            : g_strdup (_("later"));
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_RATE_LIMITED,
                   _("Rate limited until %s (%s)"), until, text);
    }
  else if (status == 401 || status == 403 ||
           (status == 400 && (g_str_has_prefix (text, "ExpiredToken") ||
                              g_str_has_prefix (text, "InvalidToken"))))
    g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH,
                 _("The server refused the login (%s): log in to this account again"), text);
  else if (status == 404)
    g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_NOT_FOUND,
                 _("The server does not have what Marquee asked for (%s): check the server "
                   "address of the account"), text);
  else if (status >= 500)
    g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_SERVER,
                 _("The server failed (%s)"), text);
  else
    g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_REJECTED,
                 _("The server refused the post: %s"), text);
  return NULL;
}

JsonNode *
mq_social_http_send (SoupSession   *session,
                     SoupMessage   *msg,
                     const char    *server,
                     GDateTime    **retry_at,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), NULL);

  if (retry_at != NULL)
    *retry_at = NULL;
  body = soup_session_send_and_read (session, msg, cancellable, &local_error);
  if (body == NULL)
    {
      mq_social_http_transport_error (error, server, local_error);
      return NULL;
    }
  return mq_social_http_parse_answer (msg, body, retry_at, error);
}
