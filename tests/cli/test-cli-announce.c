/* test-cli-announce.c: marquee-cli account, announce and outbox, run against the built binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-runner.h"
#include "marquee-core.h"


#include "mq-outbox.h"

static char *
add_event (Cli *cli)
{
  return run_ok (cli, "event", "add", "--title", "Honeyland", "--kind", "screening",
                 "--starts", "2026-12-03T19:30", "--tz", "Europe/Berlin",
                 "--venue", "Kino Moviemento", "--capacity", "40",
                 "--film-title", "Honeyland", "--runtime", "85", NULL);
}

/* The CLI adds accounts only after a login it cannot make here, so the row
 * goes in through the core; no secret is needed until something is sent.
 */
static char *
add_account_row (Cli             *cli,
                 MqSocialNetwork  network,
                 int              max_characters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqStore) store = mq_store_open (cli->db, &error);
  g_autoptr(MqOutbox) outbox = NULL;
  gint64 id;

  g_assert_no_error (error);
  outbox = mq_outbox_new (store);
  id = mq_outbox_add_account (outbox, network, "https://club.example", "club.example", &error);
  g_assert_no_error (error);
  mq_outbox_update_account (outbox, id, NULL, NULL, max_characters, &error);
  g_assert_no_error (error);

  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
test_account_list_and_remove (Cli           *cli,
                              gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *account = NULL;
  JsonObject *object;

  g_free (run_ok (cli, "account", "list", "--json", NULL));
  g_assert_cmpstr (g_strchomp (cli->out), ==, "[]");

  account = add_account_row (cli, MQ_SOCIAL_NETWORK_BLUESKY, 0);
  g_free (run_ok (cli, "account", "list", "--json", NULL));
  root = parse_json (cli->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  object = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (account, ==, "1");
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "network"), ==, "bluesky");
  g_assert_cmpstr (json_object_get_string_member (object, "server"), ==, "https://club.example");
  g_assert_cmpstr (json_object_get_string_member (object, "handle"), ==, "club.example");
  g_assert_true (json_object_get_null_member (object, "max_characters"));
  g_assert_true (json_object_get_null_member (object, "image_size_limit"));
  /* Only what is not secret exists to be listed. */
  g_assert_cmpuint (json_object_get_size (object), ==, 8);

  assert_user_error (cli, run (cli, "account", "remove", "9", NULL), "Account 9 does not exist");
  assert_user_error (cli, run (cli, "account", "remove", "x", NULL), "not a valid account id");
  g_assert_cmpint (run (cli, "account", "remove", NULL), ==, 2);
}

static void
test_account_add_errors (Cli           *cli,
                         gconstpointer  data)
{
  /* A server that cannot be reached: said plainly, nothing saved, no address printed. */
  assert_user_error (cli, run (cli, "account", "add", "mastodon", "--server", "http://127.0.0.1:9", NULL),
                     "could not be reached");
  g_assert_cmpint (run (cli, "account", "add", "mastodon", "--server", "https://m.example",
                        "--handle", "club", NULL), ==, 2);
  g_assert_cmpint (run (cli, "account", "add", "myspace", "--server", "https://m.example", NULL), ==, 2);
  g_assert_cmpint (run (cli, "account", "add", "bluesky", "--server", "https://b.example", NULL), ==, 2);

  /* No password on stdin (the test's stdin is empty): refused before any network. */
  assert_user_error (cli, run (cli, "account", "add", "bluesky", "--server", "http://127.0.0.1:9",
                               "--handle", "club.test", NULL),
                     "No app password");
  g_free (run_ok (cli, "account", "list", "--json", NULL));
  g_assert_cmpstr (g_strchomp (cli->out), ==, "[]");
}

static void
test_announce_validation (Cli           *cli,
                          gconstpointer  data)
{
  g_autofree char *event = add_event (cli);
  g_autofree char *bluesky = add_account_row (cli, MQ_SOCIAL_NETWORK_BLUESKY, 0);
  g_autofree char *mastodon = add_account_row (cli, MQ_SOCIAL_NETWORK_MASTODON, 20);
  g_autofree char *long_text = NULL;
  GString *text = g_string_new (NULL);

  assert_user_error (cli, run (cli, "announce", "99", "--account", bluesky, "--text", "{title}", NULL),
                     "99");
  assert_user_error (cli, run (cli, "announce", event, "--account", "99", "--text", "{title}", NULL),
                     "Account 99 does not exist");
  assert_user_error (cli, run (cli, "announce", event, "--account", bluesky, "--text", "{titel}", NULL),
                     "titel");
  assert_user_error (cli, run (cli, "announce", event, "--account", bluesky, "--text", "{title}",
                               "--at", "tomorrow", NULL),
                     "not a date and time");
  g_assert_cmpint (run (cli, "announce", event, "--text", "x", NULL), ==, 2);

  /* 301 graphemes for Bluesky's 300, accents and emoji counted as one each. */
  for (int i = 0; i < 301; i++)
    g_string_append (text, i % 3 == 0 ? "é" : i % 3 == 1 ? "🎬" : "a");
  long_text = g_string_free (text, FALSE);
  assert_user_error (cli, run (cli, "announce", event, "--account", bluesky, "--text", long_text, NULL),
                     "1 character too long");
  /* This Mastodon server allows 20: "Honeyland at Kino Moviemento" is 28. */
  assert_user_error (cli, run (cli, "announce", event, "--account", mastodon,
                               "--text", "{title} at {venue}", NULL),
                     "8 characters too long");

  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  g_assert_cmpstr (g_strchomp (cli->out), ==, "[]");
}

static void
test_announce_enqueue (Cli           *cli,
                       gconstpointer  data)
{
  g_autofree char *event = add_event (cli);
  g_autofree char *account = add_account_row (cli, MQ_SOCIAL_NETWORK_BLUESKY, 0);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *scheduled = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *jobs;
  JsonObject *job;

  first = run_ok (cli, "announce", event, "--account", account,
                  "--text", "{title} ({film}) at {venue}, {seats_left} seats left {hashtag}", NULL);
  g_assert_cmpstr (first, ==, "1");
  /* The same command again is the same job, not a second post. */
  again = run_ok (cli, "announce", event, "--account", account,
                  "--text", "{title} ({film}) at {venue}, {seats_left} seats left {hashtag}", NULL);
  g_assert_cmpstr (again, ==, "1");
  /* A scheduled one is another job; local time is the event's (Berlin, UTC+1). */
  scheduled = run_ok (cli, "announce", event, "--account", account, "--text", "Tonight: {title}",
                      "--at", "2026-12-03T12:00", NULL);
  g_assert_cmpstr (scheduled, ==, "2");

  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  root = parse_json (cli->out);
  jobs = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (jobs), ==, 2);

  job = json_array_get_object_element (jobs, 0);
  g_assert_cmpint (json_object_get_int_member (job, "id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (job, "account_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (job, "event_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (job, "state"), ==, "queued");
  g_assert_cmpstr (json_object_get_string_member (job, "text"), ==,
                   "Honeyland (Honeyland) at Kino Moviemento, 40 seats left ");
  g_assert_cmpint (json_object_get_int_member (job, "attempts"), ==, 0);
  g_assert_true (json_object_has_member (job, "next_try_at"));
  g_assert_true (json_object_get_null_member (job, "last_error"));
  g_assert_true (json_object_get_null_member (job, "remote_url"));
  g_assert_true (json_object_get_null_member (job, "remote_id"));
  g_assert_true (json_object_get_null_member (job, "scheduled_at"));
  /* The keys that keep a retry from posting twice are not printed. */
  g_assert_false (json_object_has_member (job, "idempotency_key"));
  g_assert_false (json_object_has_member (job, "record_key"));

  job = json_array_get_object_element (jobs, 1);
  g_assert_cmpstr (json_object_get_string_member (job, "text"), ==, "Tonight: Honeyland");
  g_assert_cmpstr (json_object_get_string_member (job, "scheduled_at"), ==, "2026-12-03T11:00:00Z");

  g_free (run_ok (cli, "outbox", "list", NULL));
  g_assert_cmpstr (cli->out, ==,
                   "1\t1\tqueued\t0\t\n2\t1\tqueued\t0\t\n");
}

static char *
write_png (Cli   *cli,
           gsize  size)
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

static void
test_announce_image (Cli           *cli,
                     gconstpointer  data)
{
  g_autofree char *event = add_event (cli);
  g_autofree char *bluesky = add_account_row (cli, MQ_SOCIAL_NETWORK_BLUESKY, 0);
  g_autofree char *mastodon = add_account_row (cli, MQ_SOCIAL_NETWORK_MASTODON, 0);
  g_autofree char *large = write_png (cli, 1400000);
  g_autofree char *notes = g_build_filename (g_get_user_data_dir (), "notes.txt", NULL);
  g_autofree char *job = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  /* No alt text: said what to do; --alt alone is a usage error. */
  assert_user_error (cli, run (cli, "announce", event, "--account", bluesky, "--text", "{title}",
                               "--image", large, NULL),
                     "needs a description (alt text)");
  g_assert_true (strstr (cli->err, "--alt") != NULL);
  g_assert_cmpint (run (cli, "announce", event, "--account", bluesky, "--text", "{title}",
                        "--alt", "The poster", NULL), ==, 2);

  /* Marquee checks Bluesky's limit itself. */
  assert_user_error (cli, run (cli, "announce", event, "--account", bluesky, "--text", "{title}",
                               "--image", large, "--alt", "The poster", NULL),
                     "The image is too large: 1.4\u00a0MB, the limit on Bluesky is 1\u00a0MB");
  g_file_set_contents (notes, "Honeyland at 19:30", -1, NULL);
  assert_user_error (cli, run (cli, "announce", event, "--account", bluesky, "--text", "{title}",
                               "--image", notes, "--alt", "The poster", NULL),
                     "not an image Marquee can post");
  assert_user_error (cli, run (cli, "announce", event, "--account", bluesky, "--text", "{title}",
                               "--image", "/nonexistent/poster.png", "--alt", "The poster", NULL),
                     "could not be read");
  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  g_assert_cmpstr (g_strchomp (cli->out), ==, "[]");

  /* This Mastodon server has not said its limit: queued. */
  job = run_ok (cli, "announce", event, "--account", mastodon, "--text", "{title} tonight",
                "--image", large, "--alt", "Poster: a beekeeper on a cliff", NULL);
  again = run_ok (cli, "announce", event, "--account", mastodon, "--text", "{title} tonight",
                  "--image", large, "--alt", "Poster: a beekeeper on a cliff", NULL);
  g_assert_cmpstr (job, ==, again);
  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  root = parse_json (cli->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  object = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "media_path"), ==, large);
  g_assert_cmpstr (json_object_get_string_member (object, "media_alt"), ==, "Poster: a beekeeper on a cliff");
  g_assert_false (json_object_get_boolean_member (object, "scheduled_by_server"));
}

/* A job the sender gave up on goes back by hand; one that never left goes away. */
static void
test_outbox_retry_and_cancel (Cli           *cli,
                              gconstpointer  data)
{
  g_autofree char *event = add_event (cli);
  g_autofree char *account = add_account_row (cli, MQ_SOCIAL_NETWORK_MASTODON, 0);
  g_autofree char *job = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  job = run_ok (cli, "announce", event, "--account", account, "--text", "{title} tonight", NULL);
  g_strchomp (job);
  assert_user_error (cli, run (cli, "outbox", "retry", job, NULL),
                     "This post is already waiting to be sent");

  /* The server refused it for good, as the sender would record it. */
  {
    g_autoptr(MqStore) store = mq_store_open (cli->db, &error);
    g_autoptr(MqOutbox) outbox = NULL;
    g_autoptr(MqOutboxJob) claimed = NULL;

    g_assert_no_error (error);
    outbox = mq_outbox_new (store);
    claimed = mq_outbox_claim_next (outbox, &error);
    g_assert_no_error (error);
    g_assert_nonnull (claimed);
    g_assert_true (mq_outbox_mark_failed (outbox, claimed->id, "HTTP 422: Validation failed", &error));
    g_assert_no_error (error);
  }

  g_free (run_ok (cli, "outbox", "retry", job, NULL));
  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  root = parse_json (cli->out);
  object = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "queued");
  g_assert_cmpint (json_object_get_int_member (object, "attempts"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "last_error"), ==, "HTTP 422: Validation failed");

  g_free (run_ok (cli, "outbox", "cancel", job, NULL));
  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  g_assert_cmpstr (g_strchomp (cli->out), ==, "[]");
  assert_user_error (cli, run (cli, "outbox", "cancel", job, NULL), "does not exist");
  assert_user_error (cli, run (cli, "outbox", "retry", "x", NULL), "not a valid outbox job id");
  g_assert_cmpint (run (cli, "outbox", "cancel", NULL), ==, 2);
  g_assert_cmpint (run (cli, "outbox", "retry", "1", "2", NULL), ==, 2);
}

/* Marquee stopped between sending a job and hearing back: the post may be
 * on the server, so `outbox cancel` refuses it and says to let it be sent
 * again; a job that was never sent is still cancelled.
 */
static void
test_outbox_cancel_maybe_posted (Cli           *cli,
                                 gconstpointer  data)
{
  g_autofree char *event = add_event (cli);
  g_autofree char *account = add_account_row (cli, MQ_SOCIAL_NETWORK_MASTODON, 0);
  g_autofree char *sent = NULL;
  g_autofree char *never_sent = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  sent = run_ok (cli, "announce", event, "--account", account, "--text", "{title} tonight", NULL);
  g_strchomp (sent);
  {
    g_autoptr(MqStore) store = mq_store_open (cli->db, &error);
    g_autoptr(MqOutbox) outbox = NULL;
    g_autoptr(MqOutboxJob) claimed = NULL;

    g_assert_no_error (error);
    outbox = mq_outbox_new (store);
    claimed = mq_outbox_claim_next (outbox, &error);
    g_assert_no_error (error);
    g_assert_nonnull (claimed);
    /* The process ends here; the next sender recovers the job. */
    g_assert_cmpint (mq_outbox_recover (outbox, &error), ==, 1);
  }
  never_sent = run_ok (cli, "announce", event, "--account", account, "--text", "{title} next week", NULL);
  g_strchomp (never_sent);

  assert_user_error (cli, run (cli, "outbox", "cancel", sent, NULL),
                     "This post may already be on the server: the answer to an earlier try was lost. "
                     "Let Marquee send it again (the server will not post it twice)");
  g_free (run_ok (cli, "outbox", "cancel", never_sent, NULL));
  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  root = parse_json (cli->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (root), 0), "id"),
                   ==, g_ascii_strtoll (sent, NULL, 10));
}

/* Mastodon takes 1,500 characters of alt text; Bluesky takes more. */
static void
test_announce_alt_text_limit (Cli           *cli,
                              gconstpointer  data)
{
  g_autofree char *event = add_event (cli);
  g_autofree char *bluesky = add_account_row (cli, MQ_SOCIAL_NETWORK_BLUESKY, 0);
  g_autofree char *mastodon = add_account_row (cli, MQ_SOCIAL_NETWORK_MASTODON, 0);
  g_autofree char *poster = write_png (cli, 2000);
  g_autoptr(GString) alt = g_string_new (NULL);
  g_autofree char *job = NULL;

  for (int i = 0; i < 1501; i++)
    g_string_append (alt, "ñ");
  assert_user_error (cli, run (cli, "announce", event, "--account", mastodon, "--text", "{title}",
                               "--image", poster, "--alt", alt->str, NULL),
                     "The image description (alt text) is 1501 characters long; Mastodon takes at most 1500");
  g_free (run_ok (cli, "outbox", "list", "--json", NULL));
  g_assert_cmpstr (g_strchomp (cli->out), ==, "[]");
  job = run_ok (cli, "announce", event, "--account", bluesky, "--text", "{title}",
                "--image", poster, "--alt", alt->str, NULL);
  g_assert_cmpstr (job, ==, "1");
}

int
main (int   argc,
      char *argv[])
{
  /* The isolated dirs have no GNOME proxy settings; none are needed for 127.0.0.1. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/cli/" path, Cli, NULL, cli_setup, func, cli_teardown)
  ADD ("account/list-and-remove", test_account_list_and_remove);
  ADD ("account/add-errors", test_account_add_errors);
  ADD ("announce/validation", test_announce_validation);
  ADD ("announce/enqueue-once", test_announce_enqueue);
  ADD ("announce/image-alt-and-limits", test_announce_image);
  ADD ("outbox/retry-and-cancel", test_outbox_retry_and_cancel);
  ADD ("outbox/cancel-refuses-maybe-posted", test_outbox_cancel_maybe_posted);
  ADD ("announce/mastodon-alt-text-limit", test_announce_alt_text_limit);
#undef ADD

  return g_test_run ();
}
