/* test-cli-social.c: marquee-cli against scripted Mastodon and Bluesky servers
 *
 * Accounts are added through the binary as a user would (the Mastodon code
 * pasted on standard input, the app password piped in), with the secrets
 * in a real gnome-keyring-daemon of the test's own (run-with-keyring.sh);
 * then announcements are posted and the hashtag read. Everything the
 * binary printed, its debug log included, is kept to check that no secret
 * ever appears outside the keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-runner.h"
#include "fake-social-server.h"
#include "marquee-core.h"
#include "mq-outbox.h"
#include "mq-secret-store.h"

typedef struct
{
  Cli         cli;
  FakeSocial *fake;
  /* Every byte the binary wrote, for the secrets check. */
  GString    *transcript;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cli_setup (&f->cli, data);
  f->fake = fake_social_start ();
  f->transcript = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fake_social_stop (f->fake);
  g_string_free (f->transcript, TRUE);
  cli_teardown (&f->cli, data);
}

/* The binary with its debug log on: what it logs must not leak either. */
static GSubprocess *
spawn_cli (const char * const  *argv,
           GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  return g_subprocess_launcher_spawnv (launcher, argv, error);
}

static GPtrArray *
cli_argv (Fixture    *f,
          const char *first,
          va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("MARQUEE_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, f->cli.db);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* marquee-cli with @input on standard input; stdout and stderr in
 * f->cli.out and f->cli.err.
 */
static int
run_input_valist (Fixture    *f,
                  const char *input,
                  const char *first,
                  va_list     args)
{
  g_autoptr(GPtrArray) argv = cli_argv (f, first, args);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->cli.out, g_free);
  g_clear_pointer (&f->cli.err, g_free);
  process = spawn_cli ((const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &f->cli.out, &f->cli.err, &error);
  g_assert_no_error (error);
  g_string_append (f->transcript, f->cli.out);
  g_string_append (f->transcript, f->cli.err);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static int
run_input (Fixture    *f,
           const char *input,
           const char *first,
           ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_input_valist (f, input, first, args);
  va_end (args);
  return status;
}

/* A command that must succeed: its stdout. */
static char *
run_input_ok (Fixture    *f,
              const char *input,
              const char *first,
              ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_input_valist (f, input, first, args);
  va_end (args);
  if (status != 0)
    g_error ("marquee-cli %s … exited %d: %s", first, status, f->cli.err);
  return g_strdup (f->cli.out);
}

/* The last line of stdout, without its newline. */
static char *
last_line (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);

  while (n > 0 && *lines[n - 1] == '\0')
    n--;
  return n > 0 ? g_strdup (lines[n - 1]) : g_strdup ("");
}

/* account add mastodon: the address on stdout, the user allows Marquee in
 * a browser (the fake's /oauth/authorize), the code goes to stdin. @code
 * replaces the real code when not NULL. Returns the exit status.
 */
static int
add_mastodon (Fixture    *f,
              const char *code)
{
  const char *argv[] = {
    g_getenv ("MARQUEE_CLI"), "--db", f->cli.db, "account", "add", "mastodon", "--server", f->fake->url, NULL,
  };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *rest = NULL;
  g_autoptr(GBytes) err = NULL;
  gsize len;

  process = spawn_cli (argv, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  url = g_data_input_stream_read_line_utf8 (out, &len, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (url);
  g_string_append_printf (f->transcript, "%s\n", url);

  shown = fake_social_authorize (f->fake, url);
  g_assert_nonnull (shown);
  typed = g_strconcat (code != NULL ? code : shown, "\n", NULL);
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (process), typed, strlen (typed), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (g_subprocess_get_stdin_pipe (process), NULL, NULL);

  rest = g_data_input_stream_read_upto (out, "", 0, &len, NULL, &error);
  err = g_input_stream_read_bytes (g_subprocess_get_stderr_pipe (process), 65536, NULL, &error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  g_clear_pointer (&f->cli.out, g_free);
  g_clear_pointer (&f->cli.err, g_free);
  f->cli.out = g_strdup (rest != NULL ? rest : "");
  f->cli.err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  g_string_append (f->transcript, f->cli.out);
  g_string_append (f->transcript, f->cli.err);
  /* What to do is said on stderr, for the person at the terminal. */
  g_assert_nonnull (strstr (f->cli.err, "Open this address in a web browser"));
  return g_subprocess_get_exit_status (process);
}

static gboolean
bytes_contain (const char *data,
               gsize       len,
               const char *needle)
{
  gsize needle_len = strlen (needle);

  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (data + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

/* No secret in the database (and its WAL) or in anything the binary wrote. */
static void
assert_no_secrets (Fixture *f)
{
  const char * const secrets[] = {
    FAKE_MASTODON_ISSUED_TOKEN, FAKE_MASTODON_CLIENT_SECRET, FAKE_APP_PASSWORD, "access-1", "refresh-1", NULL,
  };
  g_autofree char *wal = g_strconcat (f->cli.db, "-wal", NULL);
  const char *files[] = { f->cli.db, wal, NULL };

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (files[i], &contents, &len, NULL))
        continue;
      for (guint k = 0; secrets[k] != NULL; k++)
        if (bytes_contain (contents, len, secrets[k]))
          g_error ("%s holds the secret %s", files[i], secrets[k]);
    }
  for (guint k = 0; secrets[k] != NULL; k++)
    if (bytes_contain (f->transcript->str, f->transcript->len, secrets[k]))
      g_error ("marquee-cli printed the secret %s", secrets[k]);
}

static char *
write_png (gsize size)
{
  static const guint8 header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x02, 0x80, 0, 0, 0x01, 0xe0, 8, 2, 0, 0, 0,
  };
  g_autofree guint8 *data = g_malloc0 (size);
  char *path = g_build_filename (g_get_user_data_dir (), "poster.png", NULL);
  g_autoptr(GError) error = NULL;

  memcpy (data, header, sizeof header);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
  return path;
}

static JsonObject *
job_json (JsonNode *root,
          guint     index)
{
  return json_array_get_object_element (json_node_get_array (root), index);
}

static void
test_accounts (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *mastodon = NULL;
  g_autofree char *bluesky = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *password = g_strconcat (FAKE_APP_PASSWORD, "\n", NULL);
  g_autoptr(MqStore) store = NULL;
  g_autoptr(MqSecretStore) secrets = NULL;
  g_autoptr(MqSecret) stored = NULL;
  g_autoptr(MqSecret) token = NULL;
  g_autoptr(MqSecret) gone = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *account;

  /* A code that is not the one shown: refused, nothing saved. */
  g_assert_cmpint (add_mastodon (f, "code-999"), ==, 1);
  g_assert_nonnull (strstr (f->cli.err, "The server did not accept the code"));
  g_assert_cmpstr (f->cli.out, ==, "");
  g_free (run_input_ok (f, NULL, "account", "list", "--json", NULL));
  g_assert_cmpstr (g_strchomp (f->cli.out), ==, "[]");

  g_assert_cmpint (add_mastodon (f, NULL), ==, 0);
  mastodon = last_line (f->cli.out);
  g_assert_cmpstr (mastodon, ==, "1");

  /* The wrong app password saves nothing either. */
  g_assert_cmpint (run_input (f, "wrong-wrong-wrong\n", "account", "add", "bluesky", "--server", f->fake->url,
                              "--handle", "club.test", NULL), ==, 1);
  g_assert_nonnull (strstr (f->cli.err, "Invalid identifier or password"));
  bluesky = run_input_ok (f, password, "account", "add", "bluesky", "--server", f->fake->url,
                          "--handle", "@club.test", NULL);
  g_assert_cmpstr (g_strchomp (bluesky), ==, "2");

  listed = run_input_ok (f, NULL, "account", "list", "--json", NULL);
  root = parse_json (listed);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  account = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (account, "network"), ==, "mastodon");
  g_assert_cmpstr (json_object_get_string_member (account, "handle"), ==, "@club");
  g_assert_cmpstr (json_object_get_string_member (account, "server"), ==, f->fake->url);
  g_assert_cmpstr (json_object_get_string_member (account, "remote_id"), ==, FAKE_MASTODON_ACCOUNT_ID);
  g_assert_cmpstr (json_object_get_string_member (account, "display_name"), ==, "Ciné-club Lumière");
  g_assert_cmpint (json_object_get_int_member (account, "max_characters"), ==, 500);
  g_assert_cmpint (json_object_get_int_member (account, "image_size_limit"), ==, 16777216);
  account = json_array_get_object_element (json_node_get_array (root), 1);
  g_assert_cmpstr (json_object_get_string_member (account, "handle"), ==, "club.test");
  g_assert_cmpstr (json_object_get_string_member (account, "remote_id"), ==, FAKE_DID);

  /* Logging in again renews the same account. */
  g_assert_cmpint (add_mastodon (f, NULL), ==, 0);
  g_free (mastodon);
  mastodon = last_line (f->cli.out);
  g_assert_cmpstr (mastodon, ==, "1");

  g_assert_cmpint (f->fake->token_requests, ==, 3);
  assert_no_secrets (f);

  /* The secrets are in the keyring (this test's own daemon), and removing
   * the account removes them.
   */
  store = mq_store_open (f->cli.db, &error);
  g_assert_no_error (error);
  secrets = mq_secret_store_libsecret_new (store);
  stored = mq_secret_store_lookup (secrets, 2, MQ_SECRET_APP_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, FAKE_APP_PASSWORD);
  token = mq_secret_store_lookup (secrets, 1, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_assert_cmpstr (token, ==, FAKE_MASTODON_ISSUED_TOKEN);
  g_free (run_input_ok (f, NULL, "account", "remove", "2", NULL));
  g_free (run_input_ok (f, NULL, "account", "list", "--json", NULL));
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (f->cli.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  gone = mq_secret_store_lookup (secrets, 2, MQ_SECRET_APP_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}

static void
test_post_both_once (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *password = g_strconcat (FAKE_APP_PASSWORD, "\n", NULL);
  g_autofree char *poster = write_png (200000);
  g_autofree char *event = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *job, *record, *image;

  g_assert_cmpint (add_mastodon (f, NULL), ==, 0);
  g_free (run_input_ok (f, password, "account", "add", "bluesky", "--server", f->fake->url,
                        "--handle", "club.test", NULL));
  event = run_input_ok (f, NULL, "event", "add", "--title", "Honeyland", "--starts", "2026-12-03T19:30",
                        "--tz", "Europe/Berlin", "--venue", "Kino Moviemento", "--capacity", "40",
                        "--hashtag", "filmclub", NULL);
  g_strchomp (event);

  g_free (run_input_ok (f, NULL, "announce", event, "--account", "1", "--text",
                        "{title} at {venue} #filmclub https://kino.example/e/1",
                        "--image", poster, "--alt", "Poster: a beekeeper on a cliff", NULL));
  g_free (run_input_ok (f, NULL, "announce", event, "--account", "2", "--text",
                        "{title} at {venue} #filmclub https://kino.example/e/1",
                        "--image", poster, "--alt", "Poster: a beekeeper on a cliff", NULL));

  /* `outbox run` keeps going until nothing is queued; both are due now. */
  g_free (run_input_ok (f, NULL, "outbox", "run", NULL));
  g_assert_cmpstr (g_strchomp (f->cli.out), ==, "Tried 2 posts");
  g_free (run_input_ok (f, NULL, "outbox", "list", "--json", NULL));
  root = parse_json (f->cli.out);
  job = job_json (root, 0);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "posted");
  g_assert_cmpstr (json_object_get_string_member (job, "remote_url"), ==, "https://films.example/@club/109");
  g_assert_cmpint (json_object_get_int_member (job, "attempts"), ==, 1);
  job = job_json (root, 1);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "posted");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (job, "remote_url"),
                                   "https://bsky.app/profile/club.test/post/"));

  /* Exactly one post on each server, the image uploaded once per job. */
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->records), ==, 1);
  g_assert_cmpuint (f->fake->media_uploads, ==, 1);
  g_assert_cmpuint (f->fake->blob_uploads, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, f->fake->last_record, -1, NULL));
  record = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (record, "text"), ==,
                   "Honeyland at Kino Moviemento #filmclub https://kino.example/e/1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "facets")), ==, 2);
  image = json_array_get_object_element (
    json_object_get_array_member (json_object_get_object_member (record, "embed"), "images"), 0);
  g_assert_cmpstr (json_object_get_string_member (image, "alt"), ==, "Poster: a beekeeper on a cliff");

  /* What was sent is in the debug log, which is on here. */
  g_assert_nonnull (strstr (f->transcript->str, "posted as 109"));

  /* A second run posts nothing new. */
  g_free (run_input_ok (f, NULL, "outbox", "run", "--once", NULL));
  g_assert_cmpstr (g_strchomp (f->cli.out), ==, "Tried 0 posts");
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->records), ==, 1);

  assert_no_secrets (f);
}

static void
test_scheduled (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *password = g_strconcat (FAKE_APP_PASSWORD, "\n", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
  g_autofree char *at = g_date_time_format (later, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *event = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *job;

  g_assert_cmpint (add_mastodon (f, NULL), ==, 0);
  g_free (run_input_ok (f, password, "account", "add", "bluesky", "--server", f->fake->url,
                        "--handle", "club.test", NULL));
  event = run_input_ok (f, NULL, "event", "add", "--title", "Honeyland", "--starts", "2026-12-03T19:30", NULL);
  g_strchomp (event);
  g_free (run_input_ok (f, NULL, "announce", event, "--account", "1", "--text", "{title} in two hours",
                        "--at", at, NULL));
  g_free (run_input_ok (f, NULL, "announce", event, "--account", "2", "--text", "{title} in two hours",
                        "--at", at, NULL));

  g_free (run_input_ok (f, NULL, "outbox", "run", "--once", NULL));
  g_assert_cmpstr (g_strchomp (f->cli.out), ==, "Tried 1 post");
  g_free (run_input_ok (f, NULL, "outbox", "list", "--json", NULL));
  root = parse_json (f->cli.out);

  /* Mastodon holds it until then; the Bluesky post waits here. */
  job = job_json (root, 0);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "posted");
  g_assert_true (json_object_get_boolean_member (job, "scheduled_by_server"));
  g_assert_cmpstr (json_object_get_string_member (job, "remote_id"), ==, "3221");
  g_assert_cmpstr (json_object_get_string_member (job, "scheduled_at"), ==, at);
  job = job_json (root, 1);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "queued");
  g_assert_false (json_object_get_boolean_member (job, "scheduled_by_server"));
  g_assert_cmpuint (g_hash_table_size (f->fake->scheduled), ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->statuses), ==, 0);
  g_assert_cmpuint (g_hash_table_size (f->fake->records), ==, 0);
}

static void
test_hashtag (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *password = g_strconcat (FAKE_APP_PASSWORD, "\n", NULL);
  g_autofree char *event = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *person = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *post;
  JsonArray *posts;

  f->fake->tag_timeline = g_strdup ("[{\"id\":\"1\",\"created_at\":\"2026-12-01T18:30:05.000Z\","
                                    "\"url\":\"https://films.example/@ana/1\",\"content\":\"<p>See you at "
                                    "#filmclub &amp; after</p>\",\"account\":{\"id\":\"7\",\"username\":\"ana\","
                                    "\"acct\":\"ana@films.example\",\"display_name\":\"Ana\"}}]");
  f->fake->search_posts = g_strdup ("{\"posts\":[{\"uri\":\"at://did:plc:ben/app.bsky.feed.post/3kabc\","
                                    "\"author\":{\"did\":\"did:plc:ben\",\"handle\":\"ben.bsky.social\"},"
                                    "\"record\":{\"text\":\"#filmclub tonight\","
                                    "\"createdAt\":\"2026-12-02T07:15:00Z\"}}]}");

  event = run_input_ok (f, NULL, "event", "add", "--title", "Honeyland", "--starts", "2026-12-03T19:30",
                        "--hashtag", "#filmclub", NULL);
  g_strchomp (event);
  bare = run_input_ok (f, NULL, "event", "add", "--title", "Stalker", "--starts", "2026-12-10T19:30", NULL);
  g_strchomp (bare);
  person = run_input_ok (f, NULL, "person", "add", "--name", "Ana Quiroga", "--mastodon", "ana@films.example", NULL);
  g_strchomp (person);

  /* No account yet, and an event without a hashtag: said what to do. */
  g_assert_cmpint (run_input (f, NULL, "hashtag", event, "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (f->cli.err, "Add a Mastodon or Bluesky account first"));
  g_assert_cmpint (run_input (f, NULL, "hashtag", bare, "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (f->cli.err, "has no hashtag"));

  g_assert_cmpint (add_mastodon (f, NULL), ==, 0);
  g_free (run_input_ok (f, password, "account", "add", "bluesky", "--server", f->fake->url,
                        "--handle", "club.test", NULL));
  g_free (run_input_ok (f, NULL, "hashtag", event, "--json", NULL));
  root = parse_json (f->cli.out);
  object = json_node_get_object (root);
  posts = json_object_get_array_member (object, "posts");
  g_assert_cmpuint (json_array_get_length (posts), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "problems")), ==, 0);

  post = json_array_get_object_element (posts, 0);
  g_assert_cmpstr (json_object_get_string_member (post, "network"), ==, "bluesky");
  g_assert_cmpstr (json_object_get_string_member (post, "author"), ==, "ben.bsky.social");
  g_assert_true (json_object_get_null_member (post, "display_name"));
  g_assert_cmpstr (json_object_get_string_member (post, "text"), ==, "#filmclub tonight");
  g_assert_cmpstr (json_object_get_string_member (post, "url"), ==,
                   "https://bsky.app/profile/ben.bsky.social/post/3kabc");
  g_assert_cmpstr (json_object_get_string_member (post, "created_at"), ==, "2026-12-02T07:15:00Z");
  g_assert_true (json_object_get_null_member (post, "person_id"));

  post = json_array_get_object_element (posts, 1);
  g_assert_cmpstr (json_object_get_string_member (post, "network"), ==, "mastodon");
  g_assert_cmpstr (json_object_get_string_member (post, "author"), ==, "@ana@films.example");
  g_assert_cmpstr (json_object_get_string_member (post, "display_name"), ==, "Ana");
  g_assert_cmpstr (json_object_get_string_member (post, "text"), ==, "See you at #filmclub & after");
  g_assert_cmpint (json_object_get_int_member (post, "person_id"), ==, g_ascii_strtoll (person, NULL, 10));
  g_assert_cmpuint (json_object_get_size (post), ==, 7);
  g_assert_cmpstr (f->fake->tag_asked, ==, "filmclub");
  g_assert_cmpstr (f->fake->search_asked, ==, "#filmclub");

  /* The plain listing: one line per post. */
  g_free (run_input_ok (f, NULL, "hashtag", event, NULL));
  g_assert_cmpstr (f->cli.out, ==,
                   "2026-12-02T07:15:00Z\tbluesky\tben.bsky.social\t\t#filmclub tonight\n"
                   "2026-12-01T18:30:05Z\tmastodon\t@ana@films.example\t1\tSee you at #filmclub & after\n");
  assert_no_secrets (f);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/cli/social/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("accounts-added-in-the-keyring-only", test_accounts);
  ADD ("post-both-networks-once-with-image", test_post_both_once);
  ADD ("scheduled-mastodon-server-bluesky-local", test_scheduled);
  ADD ("hashtag-json", test_hashtag);
#undef ADD

  return g_test_run ();
}
