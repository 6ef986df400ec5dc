/* test-secret-store.c: the in-memory secret store and account removal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-error.h"
#include "mq-secret-store.h"

static void
test_store_lookup_replace (void)
{
  g_autoptr(MqSecretStore) secrets = mq_secret_store_memory_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MqSecret) token = NULL;
  g_autoptr(MqSecret) missing = NULL;

  g_assert_true (mq_secret_store_store (secrets, 1, MQ_SECRET_ACCESS_TOKEN, NULL, "first", NULL, &error));
  g_assert_true (mq_secret_store_store (secrets, 1, MQ_SECRET_ACCESS_TOKEN, NULL, "second", NULL, &error));
  g_assert_no_error (error);
  token = mq_secret_store_lookup (secrets, 1, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_cmpstr (token, ==, "second");
  missing = mq_secret_store_lookup (secrets, 2, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_cmpuint (mq_secret_store_memory_count (MQ_SECRET_STORE_MEMORY (secrets)), ==, 1);
}

static void
test_remove_account_removes_secrets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (":memory:", &error);
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  g_autoptr(MqSecretStore) secrets = mq_secret_store_memory_new ();
  g_autoptr(MqSecret) kept = NULL;
  g_autoptr(MqSecret) gone = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  gint64 club, other;

  club = mq_outbox_add_account (outbox, MQ_SOCIAL_NETWORK_BLUESKY, "https://pds.example", "club.test", &error);
  other = mq_outbox_add_account (outbox, MQ_SOCIAL_NETWORK_MASTODON, "https://films.example", "@club", &error);
  g_assert_no_error (error);
  mq_secret_store_store (secrets, club, MQ_SECRET_APP_PASSWORD, NULL, "abcd-efgh-ijkl-mnop", NULL, &error);
  mq_secret_store_store (secrets, club, MQ_SECRET_ACCESS_TOKEN, NULL, "access-1", NULL, &error);
  mq_secret_store_store (secrets, other, MQ_SECRET_ACCESS_TOKEN, NULL, "mastodon-token", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (mq_secret_store_remove_account (secrets, outbox, club, &error));
  g_assert_no_error (error);
  gone = mq_secret_store_lookup (secrets, club, MQ_SECRET_APP_PASSWORD, NULL, &error);
  g_assert_null (gone);
  kept = mq_secret_store_lookup (secrets, other, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_cmpstr (kept, ==, "mastodon-token");
  g_assert_cmpuint (mq_secret_store_memory_count (MQ_SECRET_STORE_MEMORY (secrets)), ==, 1);
  accounts = mq_outbox_list_accounts (outbox, &error);
  g_assert_cmpuint (accounts->len, ==, 1);

  g_assert_false (mq_secret_store_remove_account (secrets, outbox, club, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/secret-store/memory/store-lookup-replace", test_store_lookup_replace);
  g_test_add_func ("/core/secret-store/remove-account-removes-secrets", test_remove_account_removes_secrets);

  return g_test_run ();
}
