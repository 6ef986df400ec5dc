/* mq-bluesky-client.c: the parts of the AT Protocol (Bluesky) API Marquee uses
 *
 * Posting is a short conversation (log in or refresh, create the record,
 * maybe ask whether an earlier attempt landed), so it is written once as
 * blocking code; the async API runs it in a worker thread, which libsoup
 * allows since 3.2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-bluesky-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "mq-announcement-template.h"
#include "mq-bluesky-client-private.h"
#include "mq-social-http.h"

struct _MqBlueskyClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *server;
  char        *handle;
  char        *app_password;
  char        *did;
  char        *access_jwt;
  char        *refresh_jwt;
  GDateTime   *retry_at;
};

G_DEFINE_FINAL_TYPE (MqBlueskyClient, mq_bluesky_client, G_TYPE_OBJECT)

/* Do not leave secrets in freed memory. */
static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
mq_bluesky_client_finalize (GObject *object)
{
  MqBlueskyClient *self = MQ_BLUESKY_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->handle, g_free);
  g_clear_pointer (&self->did, g_free);
  clear_secret (&self->app_password);
  clear_secret (&self->access_jwt);
  clear_secret (&self->refresh_jwt);
  g_clear_pointer (&self->retry_at, g_date_time_unref);
  G_OBJECT_CLASS (mq_bluesky_client_parent_class)->finalize (object);
}

static void
mq_bluesky_client_class_init (MqBlueskyClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_bluesky_client_finalize;
}

static void
mq_bluesky_client_init (MqBlueskyClient *self)
{
  self->session = mq_social_http_new_session ();
}

MqBlueskyClient *
mq_bluesky_client_new (const char *server,
                       const char *handle,
                       const char *app_password)
{
  MqBlueskyClient *self;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (handle != NULL, NULL);

  self = g_object_new (MQ_TYPE_BLUESKY_CLIENT, NULL);
  self->server = g_strdup (server);
  while (g_str_has_suffix (self->server, "/"))
    self->server[strlen (self->server) - 1] = '\0';
  self->handle = g_strdup (handle[0] == '@' ? handle + 1 : handle);
  self->app_password = g_strdup (app_password);
  return self;
}

void
mq_bluesky_client_set_session (MqBlueskyClient *self,
                               const char      *did,
                               const char      *access_jwt,
                               const char      *refresh_jwt)
{
  g_return_if_fail (MQ_IS_BLUESKY_CLIENT (self));

  if (did != self->did)
    {
      g_free (self->did);
      self->did = g_strdup (did);
    }
  clear_secret (&self->access_jwt);
  clear_secret (&self->refresh_jwt);
  self->access_jwt = g_strdup (access_jwt);
  self->refresh_jwt = g_strdup (refresh_jwt);
}

const char *
mq_bluesky_client_get_handle (MqBlueskyClient *self)
{
  g_return_val_if_fail (MQ_IS_BLUESKY_CLIENT (self), NULL);
  return self->handle;
}

const char *
mq_bluesky_client_get_did (MqBlueskyClient *self)
{
  g_return_val_if_fail (MQ_IS_BLUESKY_CLIENT (self), NULL);
  return self->did;
}

const char *
mq_bluesky_client_get_access_jwt (MqBlueskyClient *self)
{
  g_return_val_if_fail (MQ_IS_BLUESKY_CLIENT (self), NULL);
  return self->access_jwt;
}

const char *
mq_bluesky_client_get_refresh_jwt (MqBlueskyClient *self)
{
  g_return_val_if_fail (MQ_IS_BLUESKY_CLIENT (self), NULL);
  return self->refresh_jwt;
}

GDateTime *
mq_bluesky_client_get_retry_at (MqBlueskyClient *self)
{
  g_return_val_if_fail (MQ_IS_BLUESKY_CLIENT (self), NULL);
  return self->retry_at;
}

/* One XRPC call: @body is JSON, or @raw is sent as it is with @raw_type. */
JsonNode *
mq_bluesky_client_xrpc (MqBlueskyClient  *self,
                        const char       *method,
                        const char       *nsid,
                        const char       *query,
                        JsonNode         *body,
                        GBytes           *raw,
                        const char       *raw_type,
                        const char       *bearer,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autofree char *url = g_strconcat (self->server, "/xrpc/", nsid, query ? "?" : NULL, query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GDateTime) retry_at = NULL;
  JsonNode *root;

  if (msg == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_REJECTED,
                   _("“%s” is not a server address: edit the account"), self->server);
      return NULL;
    }
  if (bearer != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", bearer, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      memset (auth, 0, strlen (auth));
    }
  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GBytes) bytes = NULL;
      gsize len;
      char *json;

      json_generator_set_root (generator, body);
      json = json_generator_to_data (generator, &len);
      bytes = g_bytes_new_take (json, len);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  else if (raw != NULL)
    soup_message_set_request_body_from_bytes (msg, raw_type, raw);

  root = mq_social_http_send (self->session, msg, self->server, &retry_at, cancellable, error);
  g_clear_pointer (&self->retry_at, g_date_time_unref);
  self->retry_at = g_steal_pointer (&retry_at);
  return root;
}

static gboolean
take_session (MqBlueskyClient  *self,
              JsonNode         *root,
              GError          **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *access = NULL, *refresh = NULL, *did = NULL, *handle = NULL;

  if (object != NULL)
    {
      access = json_object_get_string_member_with_default (object, "accessJwt", NULL);
      refresh = json_object_get_string_member_with_default (object, "refreshJwt", NULL);
      did = json_object_get_string_member_with_default (object, "did", NULL);
      handle = json_object_get_string_member_with_default (object, "handle", NULL);
    }
  if (access == NULL || refresh == NULL || did == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("The server accepted the login but sent no session"));
      return FALSE;
    }
  mq_bluesky_client_set_session (self, did, access, refresh);
  if (handle != NULL && g_strcmp0 (handle, self->handle) != 0)
    {
      g_free (self->handle);
      self->handle = g_strdup (handle);
    }
  return TRUE;
}

gboolean
mq_bluesky_client_login (MqBlueskyClient  *self,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MQ_IS_BLUESKY_CLIENT (self), FALSE);

  if (self->app_password == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH,
                   _("The Bluesky session for %s has ended: log in to this account again "
                     "with an app password"), self->handle);
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "identifier");
  json_builder_add_string_value (builder, self->handle);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, self->app_password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  root = mq_bluesky_client_xrpc (self, "POST", "com.atproto.server.createSession", NULL, body, NULL, NULL, NULL, cancellable, error);
  return root != NULL && take_session (self, root, error);
}

gboolean
mq_bluesky_client_refresh (MqBlueskyClient  *self,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MQ_IS_BLUESKY_CLIENT (self), FALSE);

  if (self->refresh_jwt == NULL)
    return mq_bluesky_client_login (self, cancellable, error);

  root = mq_bluesky_client_xrpc (self, "POST", "com.atproto.server.refreshSession", NULL, NULL, NULL, NULL,
               self->refresh_jwt, cancellable, &local_error);
  if (root != NULL)
    return take_session (self, root, error);

  /* A dead refresh token (90 days, or revoked) only needs a new login. */
  if (g_error_matches (local_error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH) && self->app_password != NULL)
    {
      g_debug ("refresh token refused, logging in again");
      return mq_bluesky_client_login (self, cancellable, error);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* A call with the session's access token: logs in first when there is no
 * session, and refreshes it once when the server says the token expired
 * (a 400 ExpiredToken, not a 401).
 */
JsonNode *
mq_bluesky_client_authed_xrpc (MqBlueskyClient  *self,
                               const char       *method,
                               const char       *nsid,
                               const char       *query,
                               JsonNode         *body,
                               GBytes           *raw,
                               const char       *raw_type,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if ((self->access_jwt == NULL || self->did == NULL) &&
      !mq_bluesky_client_login (self, cancellable, error))
    return NULL;

  root = mq_bluesky_client_xrpc (self, method, nsid, query, body, raw, raw_type, self->access_jwt, cancellable, &local_error);
  if (root == NULL && g_error_matches (local_error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH))
    {
      g_clear_error (&local_error);
      if (!mq_bluesky_client_refresh (self, cancellable, error))
        return NULL;
      root = mq_bluesky_client_xrpc (self, method, nsid, query, body, raw, raw_type, self->access_jwt, cancellable, &local_error);
    }
  if (root == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return root;
}

char *
mq_bluesky_post_url (const char *handle,
                     const char *uri)
{
  const char *rkey;

  g_return_val_if_fail (handle != NULL, NULL);

  if (uri == NULL || !g_str_has_prefix (uri, "at://") ||
      (rkey = strrchr (uri, '/')) == NULL || rkey[1] == '\0')
    return NULL;
  return g_strdup_printf ("https://bsky.app/profile/%s/post/%s", handle, rkey + 1);
}

static MqPostResult *
post_result_from (MqBlueskyClient  *self,
                  JsonNode         *root,
                  GError          **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *uri = object ? json_object_get_string_member_with_default (object, "uri", NULL) : NULL;
  MqPostResult *result;

  if (uri == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("The server accepted the post but did not say its address"));
      return NULL;
    }
  result = g_new0 (MqPostResult, 1);
  result->id = g_strdup (uri);
  result->url = mq_bluesky_post_url (self->handle, uri);
  return result;
}

/* Whether an earlier attempt created the record: the answer to a
 * createRecord can be lost after the record was written, and a second
 * createRecord with the same key fails (with a 500 on the reference PDS).
 */
static MqPostResult *
find_record (MqBlueskyClient *self,
             const char      *record_key,
             GCancellable    *cancellable)
{
  g_autofree char *repo = g_uri_escape_string (self->did, NULL, FALSE);
  g_autofree char *rkey = g_uri_escape_string (record_key, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("repo=%s&collection=" MQ_BLUESKY_POST_COLLECTION "&rkey=%s", repo, rkey);
  g_autoptr(GDateTime) retry_at = self->retry_at ? g_date_time_ref (self->retry_at) : NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  MqPostResult *result;

  root = mq_bluesky_client_xrpc (self, "GET", "com.atproto.repo.getRecord", query, NULL, NULL, NULL, NULL, cancellable, &error);
  /* What the failed createRecord said about waiting still holds. */
  g_clear_pointer (&self->retry_at, g_date_time_unref);
  self->retry_at = g_steal_pointer (&retry_at);
  if (root == NULL)
    {
      g_debug ("record %s not found: %s", record_key, error->message);
      return NULL;
    }
  if ((result = post_result_from (self, root, NULL)))
    g_debug ("record %s already exists: the earlier attempt was posted", record_key);
  return result;
}

static gboolean
should_look_for_record (const GError *error)
{
  if (error->domain != MQ_SOCIAL_ERROR)
    return FALSE;
  return error->code == MQ_SOCIAL_ERROR_SERVER ||
         error->code == MQ_SOCIAL_ERROR_UNREACHABLE ||
         error->code == MQ_SOCIAL_ERROR_PROTOCOL ||
         error->code == MQ_SOCIAL_ERROR_REJECTED;
}

MqPostResult *
mq_bluesky_client_create_post (MqBlueskyClient    *self,
                               const char         *text,
                               const char         *language,
                               const MqPostImage  *image,
                               const char         *alt,
                               const char         *record_key,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  MqPostResult *found;

  g_return_val_if_fail (MQ_IS_BLUESKY_CLIENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (record_key != NULL, NULL);

  if (image != NULL && !mq_post_image_check_alt (alt, error))
    return NULL;

  if ((self->access_jwt == NULL || self->did == NULL) &&
      !mq_bluesky_client_login (self, cancellable, error))
    return NULL;
  if (!(body = mq_bluesky_record_build (self, text, language, image, alt, record_key, cancellable, error)))
    return NULL;
  root = mq_bluesky_client_authed_xrpc (self, "POST", "com.atproto.repo.createRecord", NULL, body,
                                        NULL, NULL, cancellable, &local_error);
  if (root != NULL)
    return post_result_from (self, root, error);

  if (should_look_for_record (local_error) &&
      (found = find_record (self, record_key, cancellable)) != NULL)
    return found;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

JsonNode *
mq_bluesky_client_search_posts (MqBlueskyClient  *self,
                                const char       *query,
                                guint             limit,
                                GCancellable     *cancellable,
                                GError          **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *params = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *posts;

  g_return_val_if_fail (MQ_IS_BLUESKY_CLIENT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  escaped = g_uri_escape_string (query, NULL, FALSE);
  params = g_strdup_printf ("q=%s&limit=%u", escaped, CLAMP (limit, 1, 100));
  root = mq_bluesky_client_authed_xrpc (self, "GET", "app.bsky.feed.searchPosts", params, NULL,
                                        NULL, NULL, cancellable, error);
  if (root == NULL)
    return NULL;
  posts = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "posts") : NULL;
  if (posts == NULL || !JSON_NODE_HOLDS_ARRAY (posts))
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("The server’s search answer has no list of posts"));
      return NULL;
    }
  return g_steal_pointer (&root);
}

typedef struct
{
  char        *text;
  char        *language;
  MqPostImage *image;
  char        *alt;
  char        *record_key;
} CreatePost;

static void
create_post_free (CreatePost *data)
{
  g_free (data->text);
  g_free (data->language);
  g_clear_pointer (&data->image, mq_post_image_free);
  g_free (data->alt);
  g_free (data->record_key);
  g_free (data);
}

static void
create_post_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CreatePost *data = task_data;
  GError *error = NULL;
  MqPostResult *result;

  result = mq_bluesky_client_create_post (source_object, data->text, data->language, data->image,
                                          data->alt, data->record_key, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) mq_post_result_free);
}

void
mq_bluesky_client_create_post_async (MqBlueskyClient     *self,
                                     const char          *text,
                                     const char          *language,
                                     const MqPostImage   *image,
                                     const char          *alt,
                                     const char          *record_key,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CreatePost *data;

  g_return_if_fail (MQ_IS_BLUESKY_CLIENT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (record_key != NULL);

  data = g_new0 (CreatePost, 1);
  data->text = g_strdup (text);
  data->language = g_strdup (language);
  data->image = image != NULL ? mq_post_image_copy (image) : NULL;
  data->alt = g_strdup (alt);
  data->record_key = g_strdup (record_key);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_bluesky_client_create_post_async);
  g_task_set_task_data (task, data, (GDestroyNotify) create_post_free);
  g_task_run_in_thread (task, create_post_thread);
}

MqPostResult *
mq_bluesky_client_create_post_finish (MqBlueskyClient  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
