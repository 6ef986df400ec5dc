/* pds-client.c: what the Bluesky interop test asks the PDS itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "pds-client.h"

struct _PdsClient
{
  SoupSession *session;
  char        *url;
  char        *jwt_secret;
};

PdsClient *
pds_client_new (const char *url,
                const char *jwt_secret)
{
  PdsClient *self = g_new0 (PdsClient, 1);

  self->session = soup_session_new ();
  self->url = g_strdup (url);
  self->jwt_secret = g_strdup (jwt_secret);
  return self;
}

void
pds_client_free (PdsClient *self)
{
  g_clear_object (&self->session);
  g_free (self->url);
  g_free (self->jwt_secret);
  g_free (self);
}

const char *
pds_client_get_url (PdsClient *self)
{
  return self->url;
}

void
pds_account_free (PdsAccount *account)
{
  g_free (account->handle);
  g_free (account->did);
  g_free (account->password);
  g_free (account->app_password);
  g_free (account);
}

/* One XRPC call. With @status NULL anything but 200 fails the test. */
static JsonNode *
xrpc (PdsClient  *self,
      const char *method,
      const char *nsid,
      const char *query,
      JsonNode   *body,
      const char *bearer,
      guint      *status)
{
  g_autofree char *url = g_strconcat (self->url, "/xrpc/", nsid, query ? "?" : NULL, query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data;

  g_assert_nonnull (msg);
  if (bearer != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", bearer, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body != NULL)
    {
      g_autofree char *json = json_to_string (body, FALSE);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  answer = soup_session_send_and_read (self->session, msg, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (answer, &len);
  if (status != NULL)
    *status = soup_message_get_status (msg);
  else if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    g_error ("%s %s: %u %.*s", method, nsid, soup_message_get_status (msg), (int) len, data);

  if (len == 0)
    return NULL;
  json_parser_load_from_data (parser, data, len, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* {"name": "value", …} from NULL-terminated pairs of strings. */
static JsonNode *
object_of (const char *first_name,
           ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_string_value (builder, va_arg (args, const char *));
    }
  va_end (args);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

PdsAccount *
pds_create_account (PdsClient  *self,
                    const char *handle)
{
  PdsAccount *account = g_new0 (PdsAccount, 1);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *email = g_strconcat (handle, "@example.com", NULL);
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) app_request = NULL;
  g_autoptr(JsonNode) app = NULL;
  JsonObject *object;

  account->handle = g_strdup (handle);
  account->password = g_strconcat ("pw-", uuid, NULL);
  request = object_of ("handle", handle, "email", email, "password", account->password, NULL);
  created = xrpc (self, "POST", "com.atproto.server.createAccount", NULL, request, NULL, NULL);
  object = json_node_get_object (created);
  g_assert_cmpstr (json_object_get_string_member (object, "handle"), ==, handle);
  account->did = g_strdup (json_object_get_string_member (object, "did"));

  /* What a user makes under Settings → App Passwords for Marquee. */
  app_request = object_of ("name", "Marquee", NULL);
  app = xrpc (self, "POST", "com.atproto.server.createAppPassword", NULL, app_request,
              json_object_get_string_member (object, "accessJwt"), NULL);
  account->app_password = g_strdup (json_object_get_string_member (json_node_get_object (app), "password"));
  g_assert_nonnull (account->app_password);
  g_assert_cmpstr (account->app_password, !=, account->password);

  return account;
}

char *
pds_resolve_handle (PdsClient  *self,
                    const char *handle)
{
  g_autofree char *escaped = g_uri_escape_string (handle, NULL, FALSE);
  g_autofree char *query = g_strconcat ("handle=", escaped, NULL);
  g_autoptr(JsonNode) root = NULL;
  guint status;

  root = xrpc (self, "GET", "com.atproto.identity.resolveHandle", query, NULL, NULL, &status);
  if (status != SOUP_STATUS_OK)
    return NULL;
  return g_strdup (json_object_get_string_member (json_node_get_object (root), "did"));
}

JsonNode *
pds_get_record (PdsClient  *self,
                const char *did,
                const char *collection,
                const char *rkey)
{
  g_autofree char *repo = g_uri_escape_string (did, NULL, FALSE);
  g_autofree char *key = g_uri_escape_string (rkey, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("repo=%s&collection=%s&rkey=%s", repo, collection, key);

  return xrpc (self, "GET", "com.atproto.repo.getRecord", query, NULL, NULL, NULL);
}

JsonNode *
pds_list_records (PdsClient  *self,
                  const char *did,
                  const char *collection)
{
  g_autofree char *repo = g_uri_escape_string (did, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("repo=%s&collection=%s&limit=100", repo, collection);
  g_autoptr(JsonNode) root = xrpc (self, "GET", "com.atproto.repo.listRecords", query, NULL, NULL, NULL);

  return json_node_copy (json_object_get_member (json_node_get_object (root), "records"));
}

guint
pds_count_records (PdsClient  *self,
                   const char *did,
                   const char *collection)
{
  g_autoptr(JsonNode) records = pds_list_records (self, did, collection);

  return json_array_get_length (json_node_get_array (records));
}

GBytes *
pds_get_blob (PdsClient  *self,
              const char *did,
              const char *cid)
{
  g_autofree char *repo = g_uri_escape_string (did, NULL, FALSE);
  g_autofree char *link = g_uri_escape_string (cid, NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("%s/xrpc/com.atproto.sync.getBlob?did=%s&cid=%s", self->url, repo, link);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = soup_session_send_and_read (self->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  return bytes;
}

char *
pds_session_error (PdsClient  *self,
                   const char *access_jwt,
                   guint      *status)
{
  g_autoptr(JsonNode) root = xrpc (self, "GET", "com.atproto.server.getSession", NULL, NULL, access_jwt, status);

  if (*status == SOUP_STATUS_OK)
    return NULL;
  g_assert_nonnull (root);
  return g_strdup (json_object_get_string_member (json_node_get_object (root), "error"));
}

void
pds_delete_session (PdsClient  *self,
                    const char *refresh_jwt)
{
  g_autoptr(JsonNode) root = xrpc (self, "POST", "com.atproto.server.deleteSession", NULL, NULL, refresh_jwt, NULL);
}

static char *
base64url_encode (const guint8 *data,
                  gsize         len)
{
  char *text = g_base64_encode (data, len);
  char *end = strchr (text, '=');

  if (end != NULL)
    *end = '\0';
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  return text;
}

static char *
base64url_decode (const char *text,
                  gsize      *len)
{
  g_autoptr(GString) padded = g_string_new (text);

  g_strdelimit (padded->str, "-", '+');
  g_strdelimit (padded->str, "_", '/');
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  g_autofree guchar *bytes = g_base64_decode (padded->str, len);

  return g_strndup ((const char *) bytes, *len);
}

/* HS256, the only algorithm the PDS signs its session tokens with. */
static char *
sign (PdsClient  *self,
      const char *header_and_payload)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) self->jwt_secret,
                                      strlen (self->jwt_secret));
  guint8 digest[32];
  gsize len = sizeof digest;

  g_hmac_update (hmac, (const guchar *) header_and_payload, -1);
  g_hmac_get_digest (hmac, digest, &len);
  return base64url_encode (digest, len);
}

char *
pds_expire_token (PdsClient  *self,
                  const char *jwt)
{
  g_auto(GStrv) parts = g_strsplit (jwt, ".", -1);
  g_autofree char *signed_part = NULL;
  g_autofree char *check = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *claims_json = NULL;
  g_autofree char *claims_b64 = NULL;
  g_autofree char *header_and_payload = NULL;
  g_autofree char *signature = NULL;
  g_autoptr(JsonNode) claims = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gsize len;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  /* The secret is the server's: its own signature comes out the same. */
  signed_part = g_strconcat (parts[0], ".", parts[1], NULL);
  check = sign (self, signed_part);
  g_assert_cmpstr (check, ==, parts[2]);

  payload = base64url_decode (parts[1], &len);
  claims = json_from_string (payload, NULL);
  g_assert_nonnull (claims);
  g_assert_true (json_object_has_member (json_node_get_object (claims), "exp"));
  json_object_set_int_member (json_node_get_object (claims), "iat", now - 3 * 3600);
  json_object_set_int_member (json_node_get_object (claims), "exp", now - 3600);
  claims_json = json_to_string (claims, FALSE);
  claims_b64 = base64url_encode ((const guint8 *) claims_json, strlen (claims_json));

  header_and_payload = g_strconcat (parts[0], ".", claims_b64, NULL);
  signature = sign (self, header_and_payload);
  return g_strconcat (header_and_payload, ".", signature, NULL);
}
