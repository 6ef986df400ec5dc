/* test-mastodon-authorization.c: adding a Mastodon account, against a scripted server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "fake-social-server.h"
#include "mq-account-setup.h"
#include "mq-error.h"
#include "mq-mastodon-authorization.h"
#include "mq-social-http.h"

typedef struct
{
  FakeSocial    *fake;
  MqStore       *store;
  MqOutbox      *outbox;
  MqSecretStore *secrets;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->fake = fake_social_start ();
  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->outbox = mq_outbox_new (f->store);
  f->secrets = mq_secret_store_memory_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->outbox);
  g_clear_object (&f->store);
  g_clear_object (&f->secrets);
  fake_social_stop (f->fake);
}

static void
test_sign_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(MqMastodonAuthorization) authorization = mq_mastodon_authorization_new (f->fake->url);
  g_autoptr(MqMastodonAuthorization) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(MqSecret) token = NULL;
  g_autoptr(MqSecret) client_secret = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  g_autofree char *url_again = NULL;
  g_autofree char *code_again = NULL;
  g_autofree char *prefix = NULL;
  const char *challenge;
  gint64 id;

  url = mq_mastodon_authorization_start (authorization, NULL, &error);
  g_assert_no_error (error);
  prefix = g_strconcat (f->fake->url, "/oauth/authorize?", NULL);
  g_assert_true (g_str_has_prefix (url, prefix));
  g_assert_cmpuint (f->fake->apps_registered, ==, 1);
  g_assert_cmpstr (f->fake->app_scopes, ==, "read:accounts read:statuses write:statuses write:media");

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  query = soup_form_decode (g_uri_get_query (uri));
  g_assert_cmpstr (g_hash_table_lookup (query, "response_type"), ==, "code");
  g_assert_cmpstr (g_hash_table_lookup (query, "client_id"), ==, "client-1");
  g_assert_cmpstr (g_hash_table_lookup (query, "redirect_uri"), ==, "urn:ietf:wg:oauth:2.0:oob");
  g_assert_cmpstr (g_hash_table_lookup (query, "scope"), ==, MQ_MASTODON_SCOPES);
  g_assert_cmpstr (g_hash_table_lookup (query, "code_challenge_method"), ==, "S256");
  /* base64url of a SHA-256: 43 characters, no padding. */
  challenge = g_hash_table_lookup (query, "code_challenge");
  g_assert_cmpuint (strlen (challenge), ==, 43);
  g_assert_null (strpbrk (challenge, "+/="));
  g_assert_null (g_hash_table_lookup (query, "client_secret"));

  /* The user allows Marquee in a browser and pastes the code, with the
   * spaces a copy often brings along.
   */
  code = fake_social_authorize (f->fake, url);
  g_assert_nonnull (code);
  {
    g_autofree char *pasted = g_strdup_printf ("  %s\n", code);

    g_assert_true (mq_mastodon_authorization_complete (authorization, pasted, NULL, &error));
  }
  g_assert_no_error (error);
  g_assert_cmpstr (mq_mastodon_authorization_get_handle (authorization), ==, "@club");
  g_assert_cmpstr (mq_mastodon_authorization_get_account_id (authorization), ==, FAKE_MASTODON_ACCOUNT_ID);
  g_assert_cmpstr (mq_mastodon_authorization_get_display_name (authorization), ==, "Ciné-club Lumière");
  g_assert_cmpint (mq_mastodon_authorization_get_instance (authorization)->max_characters, ==, 500);
  g_assert_cmpint (mq_mastodon_authorization_get_instance (authorization)->image_size_limit, ==, 16777216);

  id = mq_mastodon_authorization_save (authorization, f->outbox, f->secrets, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  account = mq_outbox_get_account (f->outbox, id, &error);
  g_assert_cmpint (account->network, ==, MQ_SOCIAL_NETWORK_MASTODON);
  g_assert_cmpstr (account->server, ==, f->fake->url);
  g_assert_cmpstr (account->handle, ==, "@club");
  g_assert_cmpstr (account->remote_id, ==, FAKE_MASTODON_ACCOUNT_ID);
  g_assert_cmpstr (account->display_name, ==, "Ciné-club Lumière");
  g_assert_cmpint (account->max_characters, ==, 500);
  g_assert_cmpint (account->image_size_limit, ==, 16777216);
  token = mq_secret_store_lookup (f->secrets, id, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  client_secret = mq_secret_store_lookup (f->secrets, id, MQ_SECRET_CLIENT_SECRET, NULL, &error);
  g_assert_cmpstr (token, ==, FAKE_MASTODON_ISSUED_TOKEN);
  g_assert_cmpstr (client_secret, ==, FAKE_MASTODON_CLIENT_SECRET);
  g_assert_cmpuint (mq_secret_store_memory_count (MQ_SECRET_STORE_MEMORY (f->secrets)), ==, 3);

  /* A code is good once. */
  g_assert_false (mq_mastodon_authorization_complete (authorization, code, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  /* Signing in again (say, after the token was revoked) renews the same account. */
  again = mq_mastodon_authorization_new (f->fake->url);
  url_again = mq_mastodon_authorization_start (again, NULL, &error);
  code_again = fake_social_authorize (f->fake, url_again);
  g_assert_true (mq_mastodon_authorization_complete (again, code_again, NULL, &error));
  g_assert_cmpint (mq_mastodon_authorization_save (again, f->outbox, f->secrets, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpuint (mq_secret_store_memory_count (MQ_SECRET_STORE_MEMORY (f->secrets)), ==, 3);
}

static void
test_wrong_code (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(MqMastodonAuthorization) authorization = mq_mastodon_authorization_new (f->fake->url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;

  g_assert_false (mq_mastodon_authorization_complete (authorization, "code-1", NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  url = mq_mastodon_authorization_start (authorization, NULL, &error);
  code = fake_social_authorize (f->fake, url);
  g_assert_false (mq_mastodon_authorization_complete (authorization, "code-99", NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH);
  g_assert_true (g_str_has_prefix (error->message, "The server did not accept the code: copy the whole code"));
  g_assert_nonnull (strstr (error->message, "invalid_grant"));
  g_clear_error (&error);
  g_assert_false (mq_mastodon_authorization_complete (authorization, "   ", NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing to save before the sign-in completes. */
  g_assert_cmpint (mq_mastodon_authorization_save (authorization, f->outbox, f->secrets, &error), ==, 0);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  accounts = mq_outbox_list_accounts (f->outbox, NULL);
  g_assert_cmpuint (accounts->len, ==, 0);
  g_assert_cmpuint (mq_secret_store_memory_count (MQ_SECRET_STORE_MEMORY (f->secrets)), ==, 0);
}

/* A server before Mastodon 4.3 ignores PKCE; the fake checks it, so the
 * verifier must be the one the challenge was made from.
 */
static void
test_verifier_checked (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(MqMastodonAuthorization) first = mq_mastodon_authorization_new (f->fake->url);
  g_autoptr(MqMastodonAuthorization) second = mq_mastodon_authorization_new (f->fake->url);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_url = NULL;
  g_autofree char *second_url = NULL;
  g_autofree char *first_code = NULL;

  first_url = mq_mastodon_authorization_start (first, NULL, &error);
  second_url = mq_mastodon_authorization_start (second, NULL, &error);
  g_assert_cmpstr (first_url, !=, second_url);
  first_code = fake_social_authorize (f->fake, first_url);
  /* The other sign-in's verifier does not fit this code. */
  g_assert_false (mq_mastodon_authorization_complete (second, first_code, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH);
}

static void
test_not_mastodon (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MqMastodonAuthorization) unreachable = mq_mastodon_authorization_new ("http://127.0.0.1:9");
  g_autoptr(MqMastodonAuthorization) bad = mq_mastodon_authorization_new ("not a server");
  g_autofree char *path = g_strconcat (f->fake->url, "/xrpc", NULL);
  g_autoptr(MqMastodonAuthorization) other = mq_mastodon_authorization_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (mq_mastodon_authorization_start (unreachable, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_null (mq_mastodon_authorization_start (bad, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);
  /* An XRPC server answers 404 for /api/v1/apps. */
  g_assert_null (mq_mastodon_authorization_start (other, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not answer like a Mastodon server"));
}

static void
started (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  char **url = user_data;
  g_autoptr(GError) error = NULL;

  *url = mq_mastodon_authorization_start_finish (MQ_MASTODON_AUTHORIZATION (object), result, &error);
  g_assert_no_error (error);
}

static void
completed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  int *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (mq_mastodon_authorization_complete_finish (MQ_MASTODON_AUTHORIZATION (object), result, &error));
  g_assert_no_error (error);
  *done = 1;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(MqMastodonAuthorization) authorization = mq_mastodon_authorization_new (f->fake->url);
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  int done = 0;

  mq_mastodon_authorization_start_async (authorization, NULL, started, &url);
  while (url == NULL)
    g_main_context_iteration (NULL, TRUE);
  code = fake_social_authorize (f->fake, url);
  mq_mastodon_authorization_complete_async (authorization, code, NULL, completed, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (mq_mastodon_authorization_get_handle (authorization), ==, "@club");
}

static void
bluesky_added (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gint64 *id = user_data;
  g_autoptr(GError) error = NULL;

  *id = mq_account_setup_bluesky_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_bluesky_setup (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(MqSecret) password = NULL;
  g_autoptr(MqSecret) access = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  gint64 id = 0;

  g_assert_cmpint (mq_account_setup_bluesky (f->outbox, f->secrets, f->fake->url, "club.test", "wrong-wrong",
                                             NULL, &error), ==, 0);
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH);
  accounts = mq_outbox_list_accounts (f->outbox, NULL);
  g_assert_cmpuint (accounts->len, ==, 0);

  mq_account_setup_bluesky_async (f->outbox, f->secrets, f->fake->url, "@club.test", FAKE_APP_PASSWORD, NULL,
                                  bluesky_added, &id);
  while (id == 0)
    g_main_context_iteration (NULL, TRUE);
  account = mq_outbox_get_account (f->outbox, id, &error);
  g_assert_cmpstr (account->handle, ==, "club.test");
  g_assert_cmpstr (account->remote_id, ==, FAKE_DID);
  password = mq_secret_store_lookup (f->secrets, id, MQ_SECRET_APP_PASSWORD, NULL, &error);
  access = mq_secret_store_lookup (f->secrets, id, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_cmpstr (password, ==, FAKE_APP_PASSWORD);
  g_assert_cmpstr (access, ==, "access-1");
}

static void
test_refresh_limits (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqSocialAccount) account = NULL;
  gint64 id;

  id = mq_outbox_add_account (f->outbox, MQ_SOCIAL_NETWORK_MASTODON, f->fake->url, "@club", &error);
  f->fake->instance_max_characters = 5000;
  f->fake->instance_image_size_limit = 10485760;
  g_assert_true (mq_account_setup_refresh_limits (f->outbox, id, NULL, &error));
  g_assert_no_error (error);
  account = mq_outbox_get_account (f->outbox, id, &error);
  g_assert_cmpint (account->max_characters, ==, 5000);
  g_assert_cmpint (account->image_size_limit, ==, 10485760);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/mastodon-authorization/" path, Fixture, NULL, \
                                    fixture_set_up, func, fixture_tear_down)
  ADD ("pkce-sign-in-saved-and-renewed", test_sign_in);
  ADD ("wrong-code-saves-nothing", test_wrong_code);
  ADD ("verifier-checked", test_verifier_checked);
  ADD ("not-a-mastodon-server", test_not_mastodon);
  ADD ("async", test_async);
  ADD ("bluesky-setup", test_bluesky_setup);
  ADD ("refresh-limits", test_refresh_limits);
#undef ADD

  return g_test_run ();
}
