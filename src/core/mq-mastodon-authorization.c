/* mq-mastodon-authorization.c: adding a Mastodon account with OAuth 2 and PKCE
 *
 * Mastodon has only confidential clients, so each sign-in registers
 * Marquee and gets a client secret; PKCE (S256, Mastodon 4.3+, ignored by
 * older servers) keeps a code that leaks on its way through the user's
 * clipboard useless to anyone without the verifier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-mastodon-authorization"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#include "mq-account-setup.h"
#include "mq-error.h"
#include "mq-mastodon-authorization.h"
#include "mq-social-http.h"

struct _MqMastodonAuthorization
{
  GObject             parent_instance;

  SoupSession        *session;
  char               *server;
  char               *client_id;
  char               *client_secret;
  char               *verifier;
  char               *access_token;
  char               *account_id;
  char               *handle;
  char               *display_name;
  MqMastodonInstance  instance;
};

G_DEFINE_FINAL_TYPE (MqMastodonAuthorization, mq_mastodon_authorization, G_TYPE_OBJECT)

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
mq_mastodon_authorization_finalize (GObject *object)
{
  MqMastodonAuthorization *self = MQ_MASTODON_AUTHORIZATION (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->client_id, g_free);
  clear_secret (&self->client_secret);
  clear_secret (&self->verifier);
  clear_secret (&self->access_token);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->handle, g_free);
  g_clear_pointer (&self->display_name, g_free);
  G_OBJECT_CLASS (mq_mastodon_authorization_parent_class)->finalize (object);
}

static void
mq_mastodon_authorization_class_init (MqMastodonAuthorizationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_mastodon_authorization_finalize;
}

static void
mq_mastodon_authorization_init (MqMastodonAuthorization *self)
{
  self->session = mq_social_http_new_session ();
  self->instance.max_characters = MQ_MASTODON_DEFAULT_MAX_CHARACTERS;
  self->instance.characters_reserved_per_url = MQ_MASTODON_CHARACTERS_PER_URL;
  self->instance.max_media_attachments = 4;
  self->instance.description_limit = 1500;
}

MqMastodonAuthorization *
mq_mastodon_authorization_new (const char *server)
{
  MqMastodonAuthorization *self;

  g_return_val_if_fail (server != NULL, NULL);

  self = g_object_new (MQ_TYPE_MASTODON_AUTHORIZATION, NULL);
  self->server = g_strstrip (g_strdup (server));
  while (g_str_has_suffix (self->server, "/"))
    self->server[strlen (self->server) - 1] = '\0';
  return self;
}

const char *
mq_mastodon_authorization_get_server (MqMastodonAuthorization *self)
{
  g_return_val_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self), NULL);
  return self->server;
}

/* base64url without padding (RFC 7636, appendix A). */
static char *
base64url (const guint8 *data,
           gsize         len)
{
  char *text = g_base64_encode (data, len);
  char *pad;

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  if ((pad = strchr (text, '=')) != NULL)
    *pad = '\0';
  return text;
}

/* 32 bytes from getrandom(): a 43-character verifier. */
static char *
new_verifier (void)
{
  guint8 bytes[32];
  gsize done = 0;
  char *verifier;

  while (done < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + done, sizeof bytes - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        g_error ("getrandom() failed: %s", g_strerror (errno));
      done += n;
    }
  verifier = base64url (bytes, sizeof bytes);
  memset (bytes, 0, sizeof bytes);
  return verifier;
}

static char *
challenge_for (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &len);
  return base64url (digest, len);
}

/* A form POST (what /oauth/token takes; /api/v1/apps takes it too). */
static JsonNode *
post_form (MqMastodonAuthorization  *self,
           const char               *path,
           GHashTable               *form,
           GCancellable             *cancellable,
           GError                  **error)
{
  g_autofree char *url = g_strconcat (self->server, path, NULL);
  g_autoptr(SoupMessage) msg = NULL;

  if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL) ||
      !(msg = soup_message_new_from_encoded_form ("POST", url, soup_form_encode_hash (form))))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("“%s” is not a server address: write it like https://mastodon.social"), self->server);
      return NULL;
    }
  return mq_social_http_send (self->session, msg, self->server, NULL, cancellable, error);
}

static const char *
string_member (JsonNode   *root,
               const char *name)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_get_string_member_with_default (json_node_get_object (root), name, NULL);
}

char *
mq_mastodon_authorization_start (MqMastodonAuthorization  *self,
                                 GCancellable             *cancellable,
                                 GError                  **error)
{
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(JsonNode) app = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *query = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self), NULL);

  form = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (form, "client_name", "Marquee");
  g_hash_table_insert (form, "redirect_uris", MQ_MASTODON_REDIRECT_URI);
  g_hash_table_insert (form, "scopes", MQ_MASTODON_SCOPES);
  if (!(app = post_form (self, "/api/v1/apps", form, cancellable, &local_error)))
    {
      if (local_error->domain == MQ_SOCIAL_ERROR &&
          (local_error->code == MQ_SOCIAL_ERROR_NOT_FOUND || local_error->code == MQ_SOCIAL_ERROR_PROTOCOL))
        g_set_error (error, MQ_SOCIAL_ERROR, local_error->code,
                     _("%s does not answer like a Mastodon server (%s): check the address"),
                     self->server, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (string_member (app, "client_id") == NULL || string_member (app, "client_secret") == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("%s registered Marquee but sent no client id and secret: is it a Mastodon server?"),
                   self->server);
      return NULL;
    }
  g_free (self->client_id);
  self->client_id = g_strdup (string_member (app, "client_id"));
  clear_secret (&self->client_secret);
  self->client_secret = g_strdup (string_member (app, "client_secret"));
  clear_secret (&self->verifier);
  self->verifier = new_verifier ();
  challenge = challenge_for (self->verifier);

  query = soup_form_encode ("response_type", "code",
                            "client_id", self->client_id,
                            "redirect_uri", MQ_MASTODON_REDIRECT_URI,
                            "scope", MQ_MASTODON_SCOPES,
                            "code_challenge", challenge,
                            "code_challenge_method", "S256",
                            NULL);
  return g_strconcat (self->server, "/oauth/authorize?", query, NULL);
}

static gboolean
read_account (MqMastodonAuthorization  *self,
              GCancellable             *cancellable,
              GError                  **error)
{
  g_autofree char *url = g_strconcat (self->server, "/api/v1/accounts/verify_credentials", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", self->access_token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(JsonNode) account = NULL;
  const char *username;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  memset (auth, 0, strlen (auth));
  if (!(account = mq_social_http_send (self->session, msg, self->server, NULL, cancellable, error)))
    return FALSE;
  if (string_member (account, "id") == NULL || (username = string_member (account, "username")) == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("%s did not say which account signed in"), self->server);
      return FALSE;
    }
  g_free (self->account_id);
  self->account_id = g_strdup (string_member (account, "id"));
  g_free (self->handle);
  self->handle = g_strconcat ("@", username, NULL);
  g_free (self->display_name);
  self->display_name = g_strdup (string_member (account, "display_name"));
  return TRUE;
}

gboolean
mq_mastodon_authorization_complete (MqMastodonAuthorization  *self,
                                    const char               *code,
                                    GCancellable             *cancellable,
                                    GError                  **error)
{
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(JsonNode) token = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) instance_error = NULL;
  g_autoptr(MqMastodonClient) client = NULL;
  g_autofree char *clean_code = NULL;

  g_return_val_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (self->verifier == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("The sign-in was not started: ask for the authorization address first"));
      return FALSE;
    }
  clean_code = g_strstrip (g_strdup (code));
  if (*clean_code == '\0')
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("No authorization code: paste the code the server showed after you allowed Marquee"));
      return FALSE;
    }

  form = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (form, "grant_type", "authorization_code");
  g_hash_table_insert (form, "code", clean_code);
  g_hash_table_insert (form, "client_id", self->client_id);
  g_hash_table_insert (form, "client_secret", self->client_secret);
  g_hash_table_insert (form, "redirect_uri", MQ_MASTODON_REDIRECT_URI);
  g_hash_table_insert (form, "code_verifier", self->verifier);
  g_hash_table_insert (form, "scope", MQ_MASTODON_SCOPES);
  if (!(token = post_form (self, "/oauth/token", form, cancellable, &local_error)))
    {
      /* invalid_grant (400) or invalid_client (401): the code, not the post. */
      if (local_error->domain == MQ_SOCIAL_ERROR &&
          (local_error->code == MQ_SOCIAL_ERROR_REJECTED || local_error->code == MQ_SOCIAL_ERROR_AUTH))
        g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH,
                     _("The server did not accept the code: copy the whole code it shows after you "
                       "allow Marquee, or start again (%s)"), local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (string_member (token, "access_token") == NULL)
    {
      g_set_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_PROTOCOL,
                   _("%s accepted the code but sent no access token"), self->server);
      return FALSE;
    }
  clear_secret (&self->access_token);
  self->access_token = g_strdup (string_member (token, "access_token"));
  /* A code and its verifier are good once. */
  clear_secret (&self->verifier);

  if (!read_account (self, cancellable, error))
    return FALSE;

  client = mq_mastodon_client_new (self->server, NULL);
  if (!mq_mastodon_client_get_instance (client, &self->instance, cancellable, &instance_error))
    g_debug ("%s did not say its limits, keeping the defaults: %s", self->server, instance_error->message);
  return TRUE;
}

static void
start_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  char *url = mq_mastodon_authorization_start (source_object, cancellable, &error);

  if (url == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, url, g_free);
}

void
mq_mastodon_authorization_start_async (MqMastodonAuthorization *self,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_mastodon_authorization_start_async);
  g_task_run_in_thread (task, start_thread);
}

char *
mq_mastodon_authorization_start_finish (MqMastodonAuthorization  *self,
                                        GAsyncResult             *result,
                                        GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
complete_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (mq_mastodon_authorization_complete (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mq_mastodon_authorization_complete_async (MqMastodonAuthorization *self,
                                          const char              *code,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self));
  g_return_if_fail (code != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mq_mastodon_authorization_complete_async);
  g_task_set_task_data (task, g_strdup (code), (GDestroyNotify) mq_secret_free);
  g_task_run_in_thread (task, complete_thread);
}

gboolean
mq_mastodon_authorization_complete_finish (MqMastodonAuthorization  *self,
                                           GAsyncResult             *result,
                                           GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
mq_mastodon_authorization_get_handle (MqMastodonAuthorization *self)
{
  g_return_val_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self), NULL);
  return self->handle;
}

const char *
mq_mastodon_authorization_get_account_id (MqMastodonAuthorization *self)
{
  g_return_val_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self), NULL);
  return self->account_id;
}

const char *
mq_mastodon_authorization_get_display_name (MqMastodonAuthorization *self)
{
  g_return_val_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self), NULL);
  return self->display_name;
}

const MqMastodonInstance *
mq_mastodon_authorization_get_instance (MqMastodonAuthorization *self)
{
  g_return_val_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self), NULL);
  return &self->instance;
}

gint64
mq_mastodon_authorization_save (MqMastodonAuthorization  *self,
                                MqOutbox                 *outbox,
                                MqSecretStore            *secrets,
                                GError                  **error)
{
  const char * const names[] = {
    MQ_SECRET_CLIENT_ID, MQ_SECRET_CLIENT_SECRET, MQ_SECRET_ACCESS_TOKEN, NULL,
  };
  const char *values[4] = { NULL, };
  MqAccountDetails details = { 0, };

  g_return_val_if_fail (MQ_IS_MASTODON_AUTHORIZATION (self), 0);

  if (self->access_token == NULL || self->handle == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("The sign-in is not complete: paste the authorization code first"));
      return 0;
    }

  details.network = MQ_SOCIAL_NETWORK_MASTODON;
  details.server = self->server;
  details.handle = self->handle;
  details.remote_id = self->account_id;
  details.display_name = self->display_name;
  details.max_characters = self->instance.max_characters;
  details.image_size_limit = self->instance.image_size_limit;
  values[0] = self->client_id;
  values[1] = self->client_secret;
  values[2] = self->access_token;
  return mq_account_setup_save (outbox, secrets, &details, names, values, error);
}
