/* test-secret-store-keyring.c: the libsecret store against a real gnome-keyring-daemon
 *
 * Run by tests/run-with-keyring.sh, which starts a keyring daemon of the
 * test's own in a private D-Bus session and unlocks it with a test password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>
#include <string.h>

#include "mq-error.h"
#include "mq-secret-store.h"

#define TOKEN "tok-9f3a7c1e5b2d4068a1c3e5f7"

/* The raw keyring, without Marquee's code: what another program sees. */
static char *
lookup_raw (gint64      account_id,
            const char *name)
{
  static const SecretSchema schema = {
    "io.github.marqueeapp.Marquee.Account", SECRET_SCHEMA_NONE,
    {
      { "account-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "name", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  g_autoptr(GError) error = NULL;
  char *secret, *copy;

  secret = secret_password_lookup_sync (&schema, NULL, &error, "account-id", id, "name", name, NULL);
  g_assert_no_error (error);
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

/* Whether any keyring file holds @needle in the clear. */
static gboolean
keyring_files_contain (const char *needle)
{
  const char *folder = g_getenv ("MARQUEE_TEST_KEYRINGS");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean found = FALSE;
  guint files = 0;

  g_assert_nonnull (folder);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      files++;
      for (gsize i = 0; i + strlen (needle) <= len; i++)
        if (memcmp (contents + i, needle, strlen (needle)) == 0)
          found = TRUE;
    }
  g_assert_cmpuint (files, >, 0);
  return found;
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(MqStore) store = mq_store_open (":memory:", NULL);
  g_autoptr(MqSecretStore) secrets = mq_secret_store_libsecret_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqSecret) token = NULL;
  g_autoptr(MqSecret) replaced = NULL;
  g_autoptr(MqSecret) other = NULL;
  g_autoptr(MqSecret) gone = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *raw_gone = NULL;

  g_assert_true (mq_secret_store_store (secrets, 41, MQ_SECRET_ACCESS_TOKEN, "Marquee: @club on films.example",
                                        "first-token", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mq_secret_store_store (secrets, 41, MQ_SECRET_ACCESS_TOKEN, "Marquee: @club on films.example",
                                        TOKEN, NULL, &error));
  g_assert_true (mq_secret_store_store (secrets, 41, MQ_SECRET_CLIENT_SECRET, NULL, "client-secret-41", NULL, &error));
  g_assert_true (mq_secret_store_store (secrets, 42, MQ_SECRET_APP_PASSWORD, NULL, "abcd-efgh-ijkl-mnop", NULL, &error));
  g_assert_no_error (error);

  /* Replaced, not added: one item per account and name. */
  token = mq_secret_store_lookup (secrets, 41, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN);
  raw = lookup_raw (41, MQ_SECRET_ACCESS_TOKEN);
  g_assert_cmpstr (raw, ==, TOKEN);

  /* The daemon keeps it encrypted on disk. */
  g_assert_false (keyring_files_contain (TOKEN));

  g_assert_true (mq_secret_store_clear_account (secrets, 41, NULL, &error));
  g_assert_no_error (error);
  gone = mq_secret_store_lookup (secrets, 41, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);
  raw_gone = lookup_raw (41, MQ_SECRET_CLIENT_SECRET);
  g_assert_null (raw_gone);
  other = mq_secret_store_lookup (secrets, 42, MQ_SECRET_APP_PASSWORD, NULL, &error);
  g_assert_cmpstr (other, ==, "abcd-efgh-ijkl-mnop");

  /* Clearing an account with nothing stored is not an error. */
  g_assert_true (mq_secret_store_clear_account (secrets, 99, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mq_secret_store_clear_account (secrets, 42, NULL, &error));
  replaced = mq_secret_store_lookup (secrets, 42, MQ_SECRET_APP_PASSWORD, NULL, &error);
  g_assert_null (replaced);
}

/* Two databases on one keyring (two clubs, or the demo) both have an
 * account 1: neither may read, overwrite or remove the other's secrets.
 */
static void
test_databases_apart (void)
{
  g_autoptr(MqStore) club = mq_store_open (":memory:", NULL);
  g_autoptr(MqStore) demo = mq_store_open (":memory:", NULL);
  g_autoptr(MqSecretStore) club_secrets = mq_secret_store_libsecret_new (club);
  g_autoptr(MqSecretStore) demo_secrets = mq_secret_store_libsecret_new (demo);
  g_autoptr(GError) error = NULL;
  g_autoptr(MqSecret) club_token = NULL;
  g_autoptr(MqSecret) demo_token = NULL;
  g_autoptr(MqSecret) club_after = NULL;

  g_assert_cmpstr (mq_store_get_identity (club), !=, mq_store_get_identity (demo));
  g_assert_cmpuint (strlen (mq_store_get_identity (club)), ==, 32);

  g_assert_true (mq_secret_store_store (club_secrets, 1, MQ_SECRET_ACCESS_TOKEN, NULL, "club-token", NULL, &error));
  g_assert_true (mq_secret_store_store (demo_secrets, 1, MQ_SECRET_ACCESS_TOKEN, NULL, "demo-token", NULL, &error));
  g_assert_no_error (error);

  club_token = mq_secret_store_lookup (club_secrets, 1, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  demo_token = mq_secret_store_lookup (demo_secrets, 1, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (club_token, ==, "club-token");
  g_assert_cmpstr (demo_token, ==, "demo-token");

  g_assert_true (mq_secret_store_clear_account (demo_secrets, 1, NULL, &error));
  g_assert_no_error (error);
  club_after = mq_secret_store_lookup (club_secrets, 1, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (club_after, ==, "club-token");
  g_assert_true (mq_secret_store_clear_account (club_secrets, 1, NULL, &error));
}

static void
test_remove_account (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (":memory:", &error);
  g_autoptr(MqOutbox) outbox = mq_outbox_new (store);
  g_autoptr(MqSecretStore) secrets = mq_secret_store_libsecret_new (store);
  g_autoptr(MqSecret) gone = NULL;
  g_autoptr(MqSecret) kept = NULL;
  gint64 club, other;

  club = mq_outbox_add_account (outbox, MQ_SOCIAL_NETWORK_MASTODON, "https://films.example", "@club", &error);
  other = mq_outbox_add_account (outbox, MQ_SOCIAL_NETWORK_BLUESKY, "https://pds.example", "club.test", &error);
  g_assert_no_error (error);
  mq_secret_store_store (secrets, club, MQ_SECRET_ACCESS_TOKEN, NULL, TOKEN, NULL, &error);
  mq_secret_store_store (secrets, club, MQ_SECRET_CLIENT_SECRET, NULL, "client-secret", NULL, &error);
  mq_secret_store_store (secrets, other, MQ_SECRET_APP_PASSWORD, NULL, "wxyz-wxyz-wxyz-wxyz", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (mq_secret_store_remove_account (secrets, outbox, club, &error));
  g_assert_no_error (error);
  gone = mq_secret_store_lookup (secrets, club, MQ_SECRET_CLIENT_SECRET, NULL, &error);
  g_assert_null (gone);
  kept = mq_secret_store_lookup (secrets, other, MQ_SECRET_APP_PASSWORD, NULL, &error);
  g_assert_cmpstr (kept, ==, "wxyz-wxyz-wxyz-wxyz");
  mq_secret_store_clear_account (secrets, other, NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/secret-store/keyring/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/core/secret-store/keyring/databases-apart", test_databases_apart);
  g_test_add_func ("/core/secret-store/keyring/remove-account", test_remove_account);

  return g_test_run ();
}
