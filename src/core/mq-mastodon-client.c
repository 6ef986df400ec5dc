/* mq-mastodon-client.c: the parts of the Mastodon client API Marquee uses
 *
 * Requests are built and answers read by the same functions for the async
 * API (the app) and the blocking one (marquee-cli), so both behave alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-mastodon-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "mq-announcement-template.h"
#include "mq-mastodon-client.h"
#include "mq-social-http.h"

struct _MqMastodonClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *server;
  char        *access_token;
  GDateTime   *retry_at;
};

G_DEFINE_FINAL_TYPE (MqMastodonClient, mq_mastodon_client, G_TYPE_OBJECT)

void
mq_post_result_free (MqPostResult *result)
{
  if (result == NULL)
    return;
  g_free (result->id);
  g_free (result->url);
  g_free (result);
}

static void
mq_mastodon_client_finalize (GObject *object)
{
  MqMastodonClient *self = MQ_MASTODON_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->server, g_free);
  /* Do not leave the token in freed memory. */
  if (self->access_token != NULL)
    memset (self->access_token, 0, strlen (self->access_token));
  g_clear_pointer (&self->access_token, g_free);
  g_clear_pointer (&self->retry_at, g_date_time_unref);
  G_OBJECT_CLASS (mq_mastodon_client_parent_class)->finalize (object);
}

static void
mq_mastodon_client_class_init (MqMastodonClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_mastodon_client_finalize;
}

static void
mq_mastodon_client_init (MqMastodonClient *self)
{
  self->session = soup_session_new_with_options ("timeout", 30, "user-agent", "Marquee/" PACKAGE_VERSION, NULL);
}

MqMastodonClient *
mq_mastodon_client_new (const char *server,
                        const char *access_token)
{
  MqMastodonClient *self;

  g_return_val_if_fail (server != NULL, NULL);

  self = g_object_new (MQ_TYPE_MASTODON_CLIENT, NULL);
  self->server = g_strdup (server);
  while (g_str_has_suffix (self->server, "/"))
    self->server[strlen (self->server) - 1] = '\0';
  self->access_token = g_strdup (access_token);
  return self;
}

GDateTime *
mq_mastodon_client_get_retry_at (MqMastodonClient *self)
{
  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), NULL);
  return self->retry_at;
}

static SoupMessage *
new_message (MqMastodonClient *self,
             const char       *method,
             const char       *path)
{
  g_autofree char *url = g_strconcat (self->server, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  if (msg != NULL && self->access_token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->access_token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  return msg;
}

static SoupMessage *
build_post_status (MqMastodonClient *self,
                   const char       *text,
                   const char       *visibility,
                   const char       *language,
                   const char       *idempotency_key)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  SoupMessage *msg;
  char *json;
  gsize len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, text);
  if (visibility != NULL)
    {
      json_builder_set_member_name (builder, "visibility");
      json_builder_add_string_value (builder, visibility);
    }
  if (language != NULL)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, language);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &len);
  body = g_bytes_new_take (json, len);

  msg = new_message (self, "POST", "/api/v1/statuses");
  if (msg == NULL)
    return NULL;
  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "Idempotency-Key", idempotency_key);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  return msg;
}

static MqPostResult *
read_post_status (MqMastodonClient  *self,
                  SoupMessage       *msg,
                  GBytes            *body,
                  GError           **error)
{
  g_autoptr(JsonNode) root = NULL;
  MqPostResult *result;
  JsonObject *object;

  g_clear_pointer (&self->retry_at, g_date_time_unref);
  if (!(root = mq_social_http_parse_answer (msg, body, &self->retry_at, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      json_object_get_string_member_with_default (json_node_get_object (root), "id", NULL) == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("The server accepted the post but did not say its id"));
      return NULL;
    }
  object = json_node_get_object (root);
  result = g_new0 (MqPostResult, 1);
  result->id = g_strdup (json_object_get_string_member (object, "id"));
  result->url = g_strdup (json_object_get_string_member_with_default (object, "url", NULL));
  return result;
}

static gboolean
check_server (MqMastodonClient  *self,
              SoupMessage       *msg,
              GError           **error)
{
  if (msg == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_REJECTED,
                   _("“%s” is not a server address: edit the account"), self->server);
      return FALSE;
    }
  return TRUE;
}

static void
post_status_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MqMastodonClient *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  MqPostResult *post;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      GError *mapped = NULL;

      mq_social_http_transport_error (&mapped, self->server, error);
      g_task_return_error (task, mapped);
      return;
    }
  if (!(post = read_post_status (self, msg, body, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, post, (GDestroyNotify) mq_post_result_free);
}

void
mq_mastodon_client_post_status_async (MqMastodonClient    *self,
                                      const char          *text,
                                      const char          *visibility,
                                      const char          *language,
                                      const char          *idempotency_key,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg;

  g_return_if_fail (MQ_IS_MASTODON_CLIENT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (idempotency_key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_mastodon_client_post_status_async);
  msg = build_post_status (self, text, visibility, language, idempotency_key);
  if (!check_server (self, msg, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, msg, g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    post_status_cb, g_object_ref (task));
}

MqPostResult *
mq_mastodon_client_post_status_finish (MqMastodonClient  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

MqPostResult *
mq_mastodon_client_post_status (MqMastodonClient  *self,
                                const char        *text,
                                const char        *visibility,
                                const char        *language,
                                const char        *idempotency_key,
                                GCancellable      *cancellable,
                                GError           **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (idempotency_key != NULL, NULL);

  msg = build_post_status (self, text, visibility, language, idempotency_key);
  if (!check_server (self, msg, error))
    return NULL;
  body = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
  if (body == NULL)
    {
      mq_social_http_transport_error (error, self->server, local_error);
      return NULL;
    }
  return read_post_status (self, msg, body, error);
}

int
mq_mastodon_client_get_max_characters (MqMastodonClient  *self,
                                       GCancellable      *cancellable,
                                       GError           **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  gint64 max = MQ_MASTODON_DEFAULT_MAX_CHARACTERS;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), -1);

  msg = new_message (self, "GET", "/api/v2/instance");
  if (!check_server (self, msg, error))
    return -1;
  body = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
  if (body == NULL)
    {
      mq_social_http_transport_error (error, self->server, local_error);
      return -1;
    }
  if (!(root = mq_social_http_parse_answer (msg, body, NULL, error)))
    return -1;

  /* configuration.statuses.max_characters, each level optional. */
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object != NULL && json_object_has_member (object, "configuration"))
    object = json_object_get_object_member (object, "configuration");
  if (object != NULL && json_object_has_member (object, "statuses"))
    {
      object = json_object_get_object_member (object, "statuses");
      if (object != NULL)
        max = json_object_get_int_member_with_default (object, "max_characters", max);
    }
  return max > 0 ? (int) max : MQ_MASTODON_DEFAULT_MAX_CHARACTERS;
}
