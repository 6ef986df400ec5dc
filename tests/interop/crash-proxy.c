/* crash-proxy.c: an HTTP proxy on 127.0.0.1 that can kill its client mid-request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "crash-proxy.h"

#define CREATE_RECORD "/xrpc/com.atproto.repo.createRecord"

struct _CrashProxy
{
  GMutex        lock;
  GCond         cond;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  char         *upstream;
  char         *url;
  gboolean      armed;
  GPid          victim;
  gboolean      killed;
  GPtrArray    *calls;
  GPtrArray    *record_keys;
};

/* Headers about this hop, not the request; libsoup sets its own. */
static gboolean
is_hop_header (const char *name)
{
  static const char * const hop[] = {
    "Host", "Connection", "Keep-Alive", "Content-Length", "Transfer-Encoding",
    "Accept-Encoding", "Content-Encoding", NULL,
  };

  for (guint i = 0; hop[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, hop[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
copy_headers (SoupMessageHeaders *from,
              SoupMessageHeaders *to)
{
  SoupMessageHeadersIter iter;
  const char *name, *value;

  soup_message_headers_iter_init (&iter, from);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (!is_hop_header (name))
      soup_message_headers_append (to, name, value);
}

static char *
record_key_of (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
    return g_strdup ("");
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root), "rkey", ""));
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  CrashProxy *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autofree char *target = g_strconcat (self->upstream, path, raw_query ? "?" : "", raw_query, NULL);
  g_autoptr(SoupMessage) forward = soup_message_new (method, target);
  g_autoptr(GBytes) request = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  SoupSession *session = g_object_get_data (G_OBJECT (server), "session");
  gboolean create_record = g_str_equal (path, CREATE_RECORD);
  const char *type;
  gsize len;
  const char *data;

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->calls, g_strdup_printf ("%s %s", method,
                                                 g_str_has_prefix (path, "/xrpc/") ? path + 6 : path));
  if (create_record)
    g_ptr_array_add (self->record_keys, record_key_of (request));
  g_mutex_unlock (&self->lock);

  copy_headers (soup_server_message_get_request_headers (msg), soup_message_get_request_headers (forward));
  if (g_bytes_get_size (request) > 0)
    soup_message_set_request_body_from_bytes (forward, NULL, request);

  answer = soup_session_send_and_read (session, forward, NULL, &error);
  if (answer == NULL)
    {
      g_printerr ("crash-proxy: %s %s: %s\n", method, path, error->message);
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_GATEWAY, NULL);
      return;
    }

  g_mutex_lock (&self->lock);
  if (create_record && self->armed)
    {
      /* The record exists now; its author never learns so. */
      while (self->victim == 0)
        g_cond_wait (&self->cond, &self->lock);
      g_assert_cmpint (kill (self->victim, SIGKILL), ==, 0);
      self->armed = FALSE;
      self->killed = TRUE;
    }
  g_mutex_unlock (&self->lock);

  soup_server_message_set_status (msg, soup_message_get_status (forward),
                                  soup_message_get_reason_phrase (forward));
  copy_headers (soup_message_get_response_headers (forward), soup_server_message_get_response_headers (msg));
  data = g_bytes_get_data (answer, &len);
  type = soup_message_headers_get_one (soup_message_get_response_headers (forward), "Content-Type");
  soup_server_message_set_response (msg, type ? type : "application/octet-stream", SOUP_MEMORY_COPY, data, len);
}

static gpointer
serve (gpointer data)
{
  CrashProxy *self = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  server = soup_server_new (NULL, NULL);
  /* libsoup sessions belong to the thread that uses them: this one. */
  g_object_set_data_full (G_OBJECT (server), "session", soup_session_new (), g_object_unref);
  soup_server_add_handler (server, NULL, handle, self, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_mutex_lock (&self->lock);
  self->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (server);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

CrashProxy *
crash_proxy_new (const char *upstream)
{
  CrashProxy *self = g_new0 (CrashProxy, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->upstream = g_strdup (upstream);
  self->calls = g_ptr_array_new_with_free_func (g_free);
  self->record_keys = g_ptr_array_new_with_free_func (g_free);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("crash-proxy", serve, self);

  g_mutex_lock (&self->lock);
  while (self->url == NULL)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

void
crash_proxy_free (CrashProxy *self)
{
  g_main_loop_quit (self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_ptr_array_unref (self->calls);
  g_ptr_array_unref (self->record_keys);
  g_free (self->upstream);
  g_free (self->url);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
crash_proxy_get_url (CrashProxy *self)
{
  return self->url;
}

void
crash_proxy_arm (CrashProxy *self)
{
  g_mutex_lock (&self->lock);
  self->armed = TRUE;
  self->victim = 0;
  self->killed = FALSE;
  g_mutex_unlock (&self->lock);
}

void
crash_proxy_set_victim (CrashProxy *self,
                        GPid        victim)
{
  g_mutex_lock (&self->lock);
  self->victim = victim;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

gboolean
crash_proxy_killed (CrashProxy *self)
{
  gboolean killed;

  g_mutex_lock (&self->lock);
  killed = self->killed;
  g_mutex_unlock (&self->lock);
  return killed;
}

static GStrv
dup_strings (CrashProxy *self,
             GPtrArray  *strings)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < strings->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (strings, i));
  g_mutex_unlock (&self->lock);
  return g_strv_builder_end (builder);
}

GStrv
crash_proxy_dup_calls (CrashProxy *self)
{
  return dup_strings (self, self->calls);
}

GStrv
crash_proxy_dup_record_keys (CrashProxy *self)
{
  return dup_strings (self, self->record_keys);
}
