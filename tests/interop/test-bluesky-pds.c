/* test-bluesky-pds.c: marquee-cli against the reference Bluesky PDS
 *
 * with-bluesky-pds.sh starts the PDS (@atproto/pds, pinned in
 * tests/peers/atproto) on 127.0.0.1 and a keyring of its own, and passes
 * PDS_URL and PDS_JWT_SECRET. Accounts and app passwords are made here over
 * HTTP, as a user makes them in the Bluesky settings; the rest goes through
 * the built marquee-cli, and what it posted is read back from the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "mq-secret-store.h"
#include "pds-test-steps.h"

#define POST "app.bsky.feed.post"

/* The screening every case announces. In C.UTF-8 (the tests' locale) the
 * date comes out in English; the tag, title and film carry accents, emoji
 * and CJK, so byte offsets and character counts differ everywhere.
 */
#define TEMPLATE \
  "{title} ({film}) 🎬👩‍👩‍👧 {date} {time}, {venue}: {seats_left} seats left. {hashtag} " \
  "Tickets: https://kino.example/e/42?lang=fr&seat=1 — merci @amelie.test! Ça va être génial ✨"
#define EXPECTED_TEXT \
  "Ciné-club: Spirited Away (千と千尋の神隠し) 🎬👩‍👩‍👧 Thu 3 Dec 2026 19:30, Kino Moviemento: " \
  "40 seats left. #cinéclub Tickets: https://kino.example/e/42?lang=fr&seat=1 — merci " \
  "@amelie.test! Ça va être génial ✨"

static PdsClient *pds;

/* The account the template mentions, whichever case makes it first. */
static char *
friend_did (void)
{
  char *did = pds_resolve_handle (pds, "amelie.test");

  if (did == NULL)
    {
      g_autoptr(PdsAccount) friend = pds_create_account (pds, "amelie.test");

      did = g_strdup (friend->did);
    }
  return did;
}

/* The facets a post of @text must carry, found here by plain byte search,
 * not by Marquee's scanner.
 */
static JsonNode *
expected_facets (const char *text,
                 const char *mention_did)
{
  const struct { const char *match, *type, *member, *value; } wanted[] = {
    { "#cinéclub", "app.bsky.richtext.facet#tag", "tag", "cinéclub" },
    { "https://kino.example/e/42?lang=fr&seat=1", "app.bsky.richtext.facet#link", "uri",
      "https://kino.example/e/42?lang=fr&seat=1" },
    { "@amelie.test", "app.bsky.richtext.facet#mention", "did", mention_did },
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      const char *at = strstr (text, wanted[i].match);

      g_assert_nonnull (at);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "byteStart");
      json_builder_add_int_value (builder, at - text);
      json_builder_set_member_name (builder, "byteEnd");
      json_builder_add_int_value (builder, at - text + strlen (wanted[i].match));
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "features");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "$type");
      json_builder_add_string_value (builder, wanted[i].type);
      json_builder_set_member_name (builder, wanted[i].member);
      json_builder_add_string_value (builder, wanted[i].value);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* The record behind the posted job, read back from the server, with the
 * text and facets Marquee sent compared byte for byte.
 */
static JsonObject *
assert_posted (JsonObject *job,
               PdsAccount *author,
               const char *mention_did,
               JsonNode  **keep)
{
  const char *uri = json_object_get_string_member (job, "remote_id");
  g_autofree char *prefix = g_strconcat ("at://", author->did, "/" POST "/", NULL);
  g_autofree char *url = NULL;
  g_autoptr(JsonNode) facets = NULL;
  JsonObject *record, *value;
  const char *text;

  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "posted");
  g_assert_true (json_object_get_null_member (job, "last_error"));
  g_assert_true (g_str_has_prefix (uri, prefix));
  url = g_strconcat ("https://bsky.app/profile/", author->handle, "/post/", uri + strlen (prefix), NULL);
  g_assert_cmpstr (json_object_get_string_member (job, "remote_url"), ==, url);

  *keep = pds_get_record (pds, author->did, POST, uri + strlen (prefix));
  record = json_node_get_object (*keep);
  g_assert_cmpstr (json_object_get_string_member (record, "uri"), ==, uri);
  value = json_object_get_object_member (record, "value");
  g_assert_cmpstr (json_object_get_string_member (value, "$type"), ==, POST);

  text = json_object_get_string_member (value, "text");
  g_assert_cmpuint (strlen (text), ==, strlen (json_object_get_string_member (job, "text")));
  g_assert_cmpstr (text, ==, json_object_get_string_member (job, "text"));

  facets = expected_facets (text, mention_did);
  assert_json_equal (facets, json_object_get_member (value, "facets"));
  /* Each range of the stored record covers exactly what it stands for. */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (facets)); i++)
    {
      JsonObject *facet = json_array_get_object_element (json_object_get_array_member (value, "facets"), i);
      JsonObject *index = json_object_get_object_member (facet, "index");
      JsonObject *feature = json_array_get_object_element (json_object_get_array_member (facet, "features"), 0);
      gint64 start = json_object_get_int_member (index, "byteStart");
      gint64 end = json_object_get_int_member (index, "byteEnd");
      const char *tag = json_object_get_string_member_with_default (feature, "tag", NULL);
      const char *uri_value = json_object_get_string_member_with_default (feature, "uri", NULL);
      g_autofree char *covered = NULL;
      g_autofree char *hashtag = NULL;

      g_assert_true (start >= 0 && start < end && end <= (gint64) strlen (text));
      covered = g_strndup (text + start, end - start);
      if (tag != NULL)
        g_assert_cmpstr (covered, ==, (hashtag = g_strconcat ("#", tag, NULL)));
      else if (uri_value != NULL)
        g_assert_cmpstr (covered, ==, uri_value);
      else
        g_assert_cmpstr (covered, ==, "@amelie.test");
    }
  return value;
}

static void
test_post_with_facets_once (Cli           *cli,
                            gconstpointer  data)
{
  g_autoptr(PdsAccount) club = pds_create_account (pds, "kinoclub.test");
  g_autofree char *friend = friend_did ();
  g_autoptr(JsonNode) jobs = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autofree char *account = add_account (cli, pds_client_get_url (pds), club);
  g_autofree char *event = add_screening (cli);
  g_autofree char *job_id = NULL;
  JsonObject *job, *value;

  job_id = run_ok (cli, "announce", event, "--account", account, "--text", TEMPLATE, NULL);
  job = last_job (cli, &jobs);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "queued");
  /* The template rendered exactly, accents, emoji and CJK as they were. */
  g_assert_cmpstr (json_object_get_string_member (job, "text"), ==, EXPECTED_TEXT);
  g_assert_cmpuint (pds_count_records (pds, club->did, POST), ==, 0);

  outbox_run (cli, "Tried 1 post");
  g_clear_pointer (&jobs, json_node_unref);
  job = last_job (cli, &jobs);
  g_assert_cmpint (json_object_get_int_member (job, "attempts"), ==, 1);
  value = assert_posted (job, club, friend, &record);
  g_assert_cmpstr (json_object_get_string_member (value, "text"), ==, EXPECTED_TEXT);
  g_assert_cmpuint (pds_count_records (pds, club->did, POST), ==, 1);

  /* A second run has nothing to send, and the server still has one post. */
  outbox_run (cli, "Tried 0 posts");
  g_assert_cmpuint (pds_count_records (pds, club->did, POST), ==, 1);
  job = last_job (cli, &again);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "posted");

  assert_no_secret_in_database (cli, g_ascii_strtoll (account, NULL, 10));
}

/* An access token the server itself would have issued, two hours ago. */
static void
plant_expired_access (Cli    *cli,
                      gint64  account_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (cli->db, &error);
  g_autoptr(MqSecretStore) secrets = mq_secret_store_libsecret_new (store);
  g_autoptr(MqSecret) access = mq_secret_store_lookup (secrets, account_id, MQ_SECRET_ACCESS_TOKEN, NULL, &error);
  g_autofree char *expired = NULL;
  g_autofree char *verdict = NULL;
  guint status;

  g_assert_no_error (error);
  g_assert_nonnull (access);
  expired = pds_expire_token (pds, access);
  /* The server's verdict, not ours: expired, not invalid. */
  verdict = pds_session_error (pds, expired, &status);
  g_assert_cmpstr (verdict, ==, "ExpiredToken");
  g_assert_cmpuint (status, ==, 400);
  mq_secret_store_store (secrets, account_id, MQ_SECRET_ACCESS_TOKEN, "Marquee test", expired, NULL, &error);
  g_assert_no_error (error);
}

static void
test_session_refreshed (Cli           *cli,
                        gconstpointer  data)
{
  g_autoptr(PdsAccount) club = pds_create_account (pds, "kino-refresh.test");
  g_autofree char *friend = friend_did ();
  /* Only to see which requests Marquee makes; it changes none. */
  g_autoptr(CrashProxy) proxy = crash_proxy_new (pds_client_get_url (pds));
  g_autoptr(JsonNode) jobs = NULL;
  g_autofree char *account = add_account (cli, crash_proxy_get_url (proxy), club);
  g_autofree char *event = add_screening (cli);
  gint64 account_id = g_ascii_strtoll (account, NULL, 10);
  g_autoptr(MqSecret) old_refresh = keyring_secret (cli->db, account_id, MQ_SECRET_REFRESH_TOKEN);
  g_autoptr(MqSecret) expired = NULL;
  g_autoptr(MqSecret) access = NULL;
  g_autoptr(MqSecret) refresh = NULL;
  g_autoptr(MqSecret) relogin_access = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *relogin_verdict = NULL;
  g_autofree char *login_calls = NULL;
  g_autofree char *refresh_calls = NULL;
  g_autofree char *relogin_calls = NULL;
  guint seen = 0;
  guint status;
  JsonObject *job;

  login_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (login_calls, ==, "POST com.atproto.server.createSession");

  /* The access token ran out: the session is refreshed, not logged into anew. */
  plant_expired_access (cli, account_id);
  expired = keyring_secret (cli->db, account_id, MQ_SECRET_ACCESS_TOKEN);
  g_free (run_ok (cli, "announce", event, "--account", account, "--text", TEMPLATE, NULL));
  outbox_run (cli, "Tried 1 post");
  assert_posted (last_job (cli, &jobs), club, friend, &record);
  g_assert_cmpuint (pds_count_records (pds, club->did, POST), ==, 1);
  refresh_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (refresh_calls, ==,
                   "GET com.atproto.identity.resolveHandle\n"
                   "POST com.atproto.repo.createRecord\n"
                   "POST com.atproto.server.refreshSession\n"
                   "POST com.atproto.repo.createRecord");

  /* The new session went back to the keyring, and the server takes it. */
  access = keyring_secret (cli->db, account_id, MQ_SECRET_ACCESS_TOKEN);
  refresh = keyring_secret (cli->db, account_id, MQ_SECRET_REFRESH_TOKEN);
  g_assert_cmpstr (access, !=, expired);
  g_assert_cmpstr (refresh, !=, old_refresh);
  verdict = pds_session_error (pds, access, &status);
  g_assert_null (verdict);
  g_assert_cmpuint (status, ==, 200);

  /* Signed out elsewhere, so the refresh token is revoked too: Marquee
   * logs in again with the app password from the keyring.
   */
  pds_delete_session (pds, refresh);
  plant_expired_access (cli, account_id);
  g_free (run_ok (cli, "announce", event, "--account", account, "--text", "Second call: {title} {hashtag}", NULL));
  outbox_run (cli, "Tried 1 post");
  relogin_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (relogin_calls, ==,
                   "POST com.atproto.repo.createRecord\n"
                   "POST com.atproto.server.refreshSession\n"
                   "POST com.atproto.server.createSession\n"
                   "POST com.atproto.repo.createRecord");
  g_clear_pointer (&jobs, json_node_unref);
  job = last_job (cli, &jobs);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "posted");
  second = pds_get_record (pds, club->did, POST, strrchr (json_object_get_string_member (job, "remote_id"), '/') + 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (second), "value"),
                                                  "text"),
                   ==, "Second call: Ciné-club: Spirited Away #cinéclub");
  g_assert_cmpuint (pds_count_records (pds, club->did, POST), ==, 2);
  relogin_access = keyring_secret (cli->db, account_id, MQ_SECRET_ACCESS_TOKEN);
  relogin_verdict = pds_session_error (pds, relogin_access, &status);
  g_assert_null (relogin_verdict);
  g_assert_cmpuint (status, ==, 200);

  assert_no_secret_in_database (cli, account_id);
}

static void
test_crash_between_send_and_answer (Cli           *cli,
                                    gconstpointer  data)
{
  g_autoptr(PdsAccount) club = pds_create_account (pds, "kino-crash.test");
  g_autoptr(PdsAccount) friend = pds_create_account (pds, "amelie-crash.test");
  g_autoptr(CrashProxy) proxy = crash_proxy_new (pds_client_get_url (pds));
  g_autofree char *account = add_account (cli, crash_proxy_get_url (proxy), club);
  g_autofree char *event = add_screening (cli);
  g_autoptr(GSubprocess) sender = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) jobs = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *out = NULL;
  g_autofree char *login_calls = NULL;
  g_autofree char *crashed_calls = NULL;
  g_autofree char *recovery_calls = NULL;
  g_autofree char *idle_calls = NULL;
  JsonObject *job;
  guint seen = 0;

  g_free (run_ok (cli, "announce", event, "--account", account, "--text", "{title} {hashtag} 🎬 @amelie-crash.test",
                  NULL));
  login_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (login_calls, ==, "POST com.atproto.server.createSession");

  /* outbox run dies the moment the server has created the record. */
  crash_proxy_arm (proxy);
  sender = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             g_getenv ("MARQUEE_CLI"), "--db", cli->db, "outbox", "run", NULL);
  g_assert_no_error (error);
  crash_proxy_set_victim (proxy, (GPid) g_ascii_strtoll (g_subprocess_get_identifier (sender), NULL, 10));
  g_subprocess_communicate_utf8 (sender, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (sender));
  g_assert_cmpint (g_subprocess_get_term_sig (sender), ==, SIGKILL);
  g_assert_true (crash_proxy_killed (proxy));
  crashed_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (crashed_calls, ==,
                   "GET com.atproto.identity.resolveHandle\n"
                   "POST com.atproto.repo.createRecord");

  /* Left mid-send: Marquee does not know, the server has the post. */
  job = last_job (cli, &jobs);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "sending");
  g_assert_cmpint (json_object_get_int_member (job, "attempts"), ==, 1);
  g_assert_cmpuint (pds_count_records (pds, club->did, POST), ==, 1);

  /* The next run retries with the same record key, finds the record, and
   * calls the job posted: still one post.
   */
  outbox_run (cli, "Tried 1 post");
  g_clear_pointer (&jobs, json_node_unref);
  job = last_job (cli, &jobs);
  g_assert_cmpint (json_object_get_int_member (job, "attempts"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "posted");
  g_assert_cmpuint (pds_count_records (pds, club->did, POST), ==, 1);
  listed = pds_list_records (pds, club->did, POST);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (listed), 0), "uri"),
                   ==, json_object_get_string_member (job, "remote_id"));

  /* The same key both times: the second create was refused (the key was
   * taken) and the record it named was found instead.
   */
  keys = crash_proxy_dup_record_keys (proxy);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[0], ==, keys[1]);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (job, "remote_id"), keys[0]));
  recovery_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (recovery_calls, ==,
                   "GET com.atproto.identity.resolveHandle\n"
                   "POST com.atproto.repo.createRecord\n"
                   "GET com.atproto.repo.getRecord");
  outbox_run (cli, "Tried 0 posts");
  idle_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (idle_calls, ==, "");

  record = pds_get_record (pds, club->did, POST, keys[0]);
  {
    JsonObject *value = json_object_get_object_member (json_node_get_object (record), "value");
    JsonArray *facets = json_object_get_array_member (value, "facets");
    JsonObject *mention = json_array_get_object_element (facets, 1);

    g_assert_cmpstr (json_object_get_string_member (value, "text"), ==,
                     "Ciné-club: Spirited Away #cinéclub 🎬 @amelie-crash.test");
    g_assert_cmpuint (json_array_get_length (facets), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                       json_object_get_array_member (mention, "features"), 0), "did"), ==, friend->did);
  }
}

static void
test_image_with_alt (Cli           *cli,
                     gconstpointer  data)
{
  const char *alt = "Affiche « Le Voyage de Chihiro » (千と千尋の神隠し) 🎬: a girl on a train at dusk";
  g_autoptr(PdsAccount) club = pds_create_account (pds, "kino-poster.test");
  g_autofree char *friend = friend_did ();
  /* Only to see which requests Marquee makes; it changes none. */
  g_autoptr(CrashProxy) proxy = crash_proxy_new (pds_client_get_url (pds));
  g_autofree char *account = add_account (cli, crash_proxy_get_url (proxy), club);
  g_autofree char *event = add_screening (cli);
  g_autofree char *poster = write_poster (cli, "poster.png", 300, 200, FALSE);
  g_autofree char *huge = write_poster (cli, "huge.png", 600, 600, TRUE);
  g_autofree char *poster_bytes = NULL;
  g_autofree char *login_calls = NULL;
  g_autofree char *post_calls = NULL;
  g_autofree char *huge_calls = NULL;
  g_autoptr(JsonNode) jobs = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) huge_info = NULL;
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge);
  JsonObject *value, *embed, *image, *blob;
  JsonArray *images;
  gsize poster_len;
  guint seen = 0;
  int status;

  g_file_get_contents (poster, &poster_bytes, &poster_len, &error);
  g_assert_no_error (error);
  login_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (login_calls, ==, "POST com.atproto.server.createSession");

  g_free (run_ok (cli, "announce", event, "--account", account, "--text", TEMPLATE,
                  "--image", poster, "--alt", alt, NULL));
  outbox_run (cli, "Tried 1 post");
  post_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (post_calls, ==,
                   "POST com.atproto.repo.uploadBlob\n"
                   "GET com.atproto.identity.resolveHandle\n"
                   "POST com.atproto.repo.createRecord");
  value = assert_posted (last_job (cli, &jobs), club, friend, &record);
  g_assert_cmpuint (pds_count_records (pds, club->did, POST), ==, 1);

  embed = json_object_get_object_member (value, "embed");
  g_assert_nonnull (embed);
  g_assert_cmpstr (json_object_get_string_member (embed, "$type"), ==, "app.bsky.embed.images");
  images = json_object_get_array_member (embed, "images");
  g_assert_cmpuint (json_array_get_length (images), ==, 1);
  image = json_array_get_object_element (images, 0);
  g_assert_cmpuint (strlen (json_object_get_string_member (image, "alt")), ==, strlen (alt));
  g_assert_cmpstr (json_object_get_string_member (image, "alt"), ==, alt);

  /* The blob is the file, byte for byte, with the type the server found. */
  blob = json_object_get_object_member (image, "image");
  g_assert_cmpstr (json_object_get_string_member (blob, "$type"), ==, "blob");
  g_assert_cmpstr (json_object_get_string_member (blob, "mimeType"), ==, "image/png");
  g_assert_cmpint (json_object_get_int_member (blob, "size"), ==, (gint64) poster_len);
  stored = pds_get_blob (pds, club->did,
                         json_object_get_string_member (json_object_get_object_member (blob, "ref"), "$link"));
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), poster_bytes, poster_len);

  /* This server would take a 1 MB image that Bluesky refuses; Marquee
   * refuses it first, and nothing reaches the server.
   */
  huge_info = g_file_query_info (huge_file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_file_info_get_size (huge_info), >, 1000000);
  status = run (cli, "announce", event, "--account", account, "--text", "Poster: {title}",
                "--image", huge, "--alt", alt, NULL);
  assert_user_error (cli, status, "too large");
  huge_calls = calls_since (proxy, &seen);
  g_assert_cmpstr (huge_calls, ==, "");
  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  g_clear_pointer (&jobs, json_node_unref);
  jobs = parse_json (cli->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (jobs)), ==, 1);
  g_assert_cmpuint (pds_count_records (pds, club->did, POST), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  const char *url = g_getenv ("PDS_URL");
  const char *secret = g_getenv ("PDS_JWT_SECRET");
  int status;

  /* The tests' GSettings have no proxy schema; and a proxy would be wrong here. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Run through with-bluesky-pds.sh, which starts the server or skips. */
  if (url == NULL || secret == NULL || g_getenv ("MARQUEE_CLI") == NULL)
    g_error ("PDS_URL, PDS_JWT_SECRET and MARQUEE_CLI must be set: run through with-bluesky-pds.sh");
  pds = pds_client_new (url, secret);

#define ADD(path, func) g_test_add ("/interop/bluesky-pds/" path, Cli, NULL, cli_setup, func, cli_teardown)
  ADD ("post-with-facets-once", test_post_with_facets_once);
  ADD ("session-refreshed-and-relogin", test_session_refreshed);
  ADD ("crash-between-send-and-answer", test_crash_between_send_and_answer);
  ADD ("image-with-alt", test_image_with_alt);
#undef ADD

  status = g_test_run ();
  pds_client_free (pds);
  return status;
}
