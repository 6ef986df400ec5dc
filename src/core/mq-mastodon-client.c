/* mq-mastodon-client.c: the parts of the Mastodon client API Marquee uses
 *
 * Every call is blocking: posting is a short conversation (upload, wait
 * for the server to process the image, post), written once; the async API
 * runs it in a worker thread, which libsoup allows since 3.2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-mastodon-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "mq-announcement-template.h"
#include "mq-mastodon-client-private.h"
#include "mq-social-http.h"

/* GET /api/v1/scheduled_statuses gives at most 40 a page; Mastodon keeps
 * at most 300 per account.
 */
#define SCHEDULED_PAGES 8

struct _MqMastodonClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *server;
  char        *access_token;
  GDateTime   *retry_at;
  guint        media_timeout;
};

G_DEFINE_FINAL_TYPE (MqMastodonClient, mq_mastodon_client, G_TYPE_OBJECT)

void
mq_post_result_free (MqPostResult *result)
{
  if (result == NULL)
    return;
  g_free (result->id);
  g_free (result->url);
  g_free (result->scheduled_at);
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
  self->session = mq_social_http_new_session ();
  self->media_timeout = 60;
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

const char *
mq_mastodon_client_get_server (MqMastodonClient *self)
{
  return self->server;
}

const char *
mq_mastodon_client_get_access_token (MqMastodonClient *self)
{
  return self->access_token;
}

guint
mq_mastodon_client_get_media_timeout (MqMastodonClient *self)
{
  return self->media_timeout;
}

void
mq_mastodon_client_set_media_timeout (MqMastodonClient *self,
                                      guint             seconds)
{
  g_return_if_fail (MQ_IS_MASTODON_CLIENT (self));
  self->media_timeout = seconds;
}

SoupMessage *
mq_mastodon_client_new_message (MqMastodonClient  *self,
                                const char        *method,
                                const char        *path,
                                GError           **error)
{
  g_autofree char *url = g_str_has_prefix (path, "http") ? g_strdup (path)
                                                          : g_strconcat (self->server, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  if (msg == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_REJECTED,
                   _("“%s” is not a server address: edit the account"), self->server);
      return NULL;
    }
  if (self->access_token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->access_token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      memset (auth, 0, strlen (auth));
    }
  return msg;
}

/* Sends and keeps what the answer said about waiting. */
JsonNode *
mq_mastodon_client_call (MqMastodonClient  *self,
                         SoupMessage       *msg,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(GDateTime) retry_at = NULL;
  JsonNode *root;

  root = mq_social_http_send (self->session, msg, self->server, &retry_at, cancellable, error);
  g_clear_pointer (&self->retry_at, g_date_time_unref);
  self->retry_at = g_steal_pointer (&retry_at);
  return root;
}

JsonObject *
mq_mastodon_client_object_or_error (JsonNode    *root,
                                    const char  *required,
                                    GError     **error)
{
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  if (object == NULL || json_object_get_string_member_with_default (object, required, NULL) == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("The server’s answer has no “%s”: is this a Mastodon server?"), required);
      return NULL;
    }
  return object;
}

static GBytes *
build_post_status (const char         *text,
                   const char         *visibility,
                   const char         *language,
                   const char * const *media_ids,
                   const char         *scheduled_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
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
  if (media_ids != NULL && media_ids[0] != NULL)
    {
      json_builder_set_member_name (builder, "media_ids");
      json_builder_begin_array (builder);
      for (guint i = 0; media_ids[i] != NULL; i++)
        json_builder_add_string_value (builder, media_ids[i]);
      json_builder_end_array (builder);
    }
  if (scheduled_at != NULL)
    {
      json_builder_set_member_name (builder, "scheduled_at");
      json_builder_add_string_value (builder, scheduled_at);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &len);
  return g_bytes_new_take (json, len);
}

/* A Status, or a ScheduledStatus (which has scheduled_at and params). */
MqPostResult *
mq_mastodon_client_post_result_from (JsonObject *object)
{
  MqPostResult *result = g_new0 (MqPostResult, 1);

  result->id = g_strdup (json_object_get_string_member (object, "id"));
  if (json_object_has_member (object, "params"))
    result->scheduled_at = g_strdup (json_object_get_string_member_with_default (object, "scheduled_at", NULL));
  else
    result->url = g_strdup (json_object_get_string_member_with_default (object, "url", NULL));
  return result;
}

MqPostResult *
mq_mastodon_client_post_status (MqMastodonClient    *self,
                                const char          *text,
                                const char          *visibility,
                                const char          *language,
                                const char * const  *media_ids,
                                const char          *scheduled_at,
                                const char          *idempotency_key,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (idempotency_key != NULL, NULL);

  if (!(msg = mq_mastodon_client_new_message (self, "POST", "/api/v1/statuses", error)))
    return NULL;
  body = build_post_status (text, visibility, language, media_ids, scheduled_at);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", idempotency_key);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);

  if (!(root = mq_mastodon_client_call (self, msg, cancellable, error)))
    return NULL;
  if (!(object = mq_mastodon_client_object_or_error (root, "id", &local_error)))
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("The server accepted the post but did not say its id"));
      return NULL;
    }
  return mq_mastodon_client_post_result_from (object);
}

typedef struct
{
  char  *text;
  char  *visibility;
  char  *language;
  GStrv  media_ids;
  char  *scheduled_at;
  char  *idempotency_key;
} PostStatus;

static void
post_status_free (PostStatus *data)
{
  g_free (data->text);
  g_free (data->visibility);
  g_free (data->language);
  g_strfreev (data->media_ids);
  g_free (data->scheduled_at);
  g_free (data->idempotency_key);
  g_free (data);
}

static void
post_status_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  PostStatus *data = task_data;
  GError *error = NULL;
  MqPostResult *result;

  result = mq_mastodon_client_post_status (source_object, data->text, data->visibility, data->language,
                                           (const char * const *) data->media_ids, data->scheduled_at,
                                           data->idempotency_key, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) mq_post_result_free);
}

void
mq_mastodon_client_post_status_async (MqMastodonClient    *self,
                                      const char          *text,
                                      const char          *visibility,
                                      const char          *language,
                                      const char * const  *media_ids,
                                      const char          *scheduled_at,
                                      const char          *idempotency_key,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PostStatus *data;

  g_return_if_fail (MQ_IS_MASTODON_CLIENT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (idempotency_key != NULL);

  data = g_new0 (PostStatus, 1);
  data->text = g_strdup (text);
  data->visibility = g_strdup (visibility);
  data->language = g_strdup (language);
  data->media_ids = g_strdupv ((char **) media_ids);
  data->scheduled_at = g_strdup (scheduled_at);
  data->idempotency_key = g_strdup (idempotency_key);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_mastodon_client_post_status_async);
  g_task_set_task_data (task, data, (GDestroyNotify) post_status_free);
  g_task_run_in_thread (task, post_status_thread);
}

MqPostResult *
mq_mastodon_client_post_status_finish (MqMastodonClient  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The rel="next" address of a Link header, or NULL. */
static char *
link_next (SoupMessage *msg)
{
  const char *link = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Link");
  g_auto(GStrv) parts = NULL;

  if (link == NULL)
    return NULL;
  parts = g_strsplit (link, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *open = strchr (parts[i], '<');
      const char *close = open != NULL ? strchr (open, '>') : NULL;

      if (close != NULL && strstr (close, "rel=\"next\"") != NULL)
        return g_strndup (open + 1, close - open - 1);
    }
  return NULL;
}

char *
mq_mastodon_client_next_page (MqMastodonClient *self,
                              SoupMessage      *msg)
{
  g_autofree char *next = link_next (msg);

  /* The token goes to this server only. */
  if (next != NULL && !(g_str_has_prefix (next, self->server) && next[strlen (self->server)] == '/'))
    g_clear_pointer (&next, g_free);
  return g_steal_pointer (&next);
}

MqPostResult *
mq_mastodon_client_find_scheduled (MqMastodonClient  *self,
                                   const char        *idempotency_key,
                                   GCancellable      *cancellable,
                                   GError           **error)
{
  g_autofree char *next = NULL;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), NULL);
  g_return_val_if_fail (idempotency_key != NULL, NULL);

  next = g_strdup ("/api/v1/scheduled_statuses?limit=40");
  for (guint page = 0; next != NULL && page < SCHEDULED_PAGES; page++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonArray *array;

      if (!(msg = mq_mastodon_client_new_message (self, "GET", next, error)) || !(root = mq_mastodon_client_call (self, msg, cancellable, error)))
        return NULL;
      if (!JSON_NODE_HOLDS_ARRAY (root))
        {
          g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                       _("The server’s list of scheduled posts is not a list"));
          return NULL;
        }
      array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          JsonNode *params = object != NULL ? json_object_get_member (object, "params") : NULL;

          if (params != NULL && JSON_NODE_HOLDS_OBJECT (params) &&
              json_object_get_string_member_with_default (object, "id", NULL) != NULL &&
              g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (params),
                                                                     "idempotency", NULL),
                         idempotency_key) == 0)
            return mq_mastodon_client_post_result_from (object);
        }
      g_free (next);
      next = json_array_get_length (array) > 0 ? mq_mastodon_client_next_page (self, msg) : NULL;
    }
  return NULL;
}

static gint64
int_member (JsonObject *object,
            const char *group,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, group) : NULL;
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fallback;
  value = json_object_get_int_member_with_default (json_node_get_object (node), name, fallback);
  return value > 0 ? value : fallback;
}

gboolean
mq_mastodon_client_get_instance (MqMastodonClient    *self,
                                 MqMastodonInstance  *instance,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *configuration = NULL;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), FALSE);
  g_return_val_if_fail (instance != NULL, FALSE);

  if (!(msg = mq_mastodon_client_new_message (self, "GET", "/api/v2/instance", error)) ||
      !(root = mq_mastodon_client_call (self, msg, cancellable, error)))
    return FALSE;

  /* Every level is optional: compatible servers say less. */
  if (JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "configuration") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "configuration")))
    configuration = json_object_get_object_member (json_node_get_object (root), "configuration");

  instance->max_characters = int_member (configuration, "statuses", "max_characters",
                                         MQ_MASTODON_DEFAULT_MAX_CHARACTERS);
  instance->characters_reserved_per_url = int_member (configuration, "statuses", "characters_reserved_per_url",
                                                      MQ_MASTODON_CHARACTERS_PER_URL);
  instance->max_media_attachments = int_member (configuration, "statuses", "max_media_attachments", 4);
  instance->description_limit = int_member (configuration, "media_attachments", "description_limit", 1500);
  instance->image_size_limit = int_member (configuration, "media_attachments", "image_size_limit", 0);
  return TRUE;
}

int
mq_mastodon_client_get_max_characters (MqMastodonClient  *self,
                                       GCancellable      *cancellable,
                                       GError           **error)
{
  MqMastodonInstance instance;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), -1);

  if (!mq_mastodon_client_get_instance (self, &instance, cancellable, error))
    return -1;
  return instance.max_characters;
}

JsonNode *
mq_mastodon_client_get_tag_timeline (MqMastodonClient  *self,
                                     const char        *tag,
                                     guint              limit,
                                     GCancellable      *cancellable,
                                     GError           **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MQ_IS_MASTODON_CLIENT (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  if (tag[0] == '#')
    tag++;
  escaped = g_uri_escape_string (tag, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/timelines/tag/%s?limit=%u", escaped, CLAMP (limit, 1, 40));
  if (!(msg = mq_mastodon_client_new_message (self, "GET", path, error)) || !(root = mq_mastodon_client_call (self, msg, cancellable, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("The server’s hashtag timeline is not a list of posts"));
      return NULL;
    }
  return g_steal_pointer (&root);
}
