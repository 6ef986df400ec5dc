/* test-hashtag-timeline.c: who is posting about a hashtag, against scripted servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fake-social-server.h"
#include "mq-error.h"
#include "mq-hashtag-timeline.h"
#include "mq-person-directory.h"
#include "mq-social-http.h"

/* Shaped like GET /api/v1/timelines/tag/:hashtag's documented example. */
#define TAG_TIMELINE \
  "[{\"id\":\"103206804533200177\",\"created_at\":\"2026-12-01T18:30:05.000Z\"," \
  "\"url\":\"https://films.example/@ana/103206804533200177\",\"uri\":\"https://films.example/users/ana/statuses/1\"," \
  "\"content\":\"<p>Who&#39;s coming to <a href=\\\"https://films.example/tags/filmclub\\\" class=\\\"mention hashtag\\\">" \
  "#<span>filmclub</span></a> &amp; Honeyland?</p><p>Me!<br />Tonight &lt;3</p>\"," \
  "\"account\":{\"id\":\"1\",\"username\":\"ana\",\"acct\":\"ana@films.example\",\"display_name\":\"Ana Q.\"}}," \
  "{\"id\":\"103206804533200178\",\"created_at\":\"2026-11-30T09:00:00.000Z\",\"url\":null," \
  "\"uri\":\"https://local.example/users/club/statuses/2\",\"content\":\"<p>Doors at 19:00 #filmclub</p>\"," \
  "\"account\":{\"id\":\"2\",\"username\":\"club\",\"acct\":\"club\",\"display_name\":\"\"}}]"

/* Shaped like app.bsky.feed.searchPosts: post views with author and record. */
#define SEARCH_POSTS \
  "{\"posts\":[{\"uri\":\"at://did:plc:ben/app.bsky.feed.post/3kabc\",\"cid\":\"bafyrei1\"," \
  "\"author\":{\"did\":\"did:plc:ben\",\"handle\":\"ben.bsky.social\",\"displayName\":\"Ben 🎬\"}," \
  "\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Ciné-club #filmclub ce soir\"," \
  "\"createdAt\":\"2026-12-02T08:15:00+01:00\"},\"indexedAt\":\"2026-12-02T07:15:01.000Z\"}," \
  "{\"uri\":\"at://did:plc:eve/app.bsky.feed.post/3kdef\",\"cid\":\"bafyrei2\"," \
  "\"author\":{\"did\":\"did:plc:eve\",\"handle\":\"eve.test\"}," \
  "\"record\":{\"text\":\"#filmclub\",\"createdAt\":\"2026-11-29T12:00:00Z\"}}],\"cursor\":\"2\"}"

typedef struct
{
  FakeSocial    *fake;
  MqStore       *store;
  MqOutbox      *outbox;
  MqSecretStore *secrets;
  gint64         ana;
  gint64         ben;
} Fixture;

static gint64
add_person (Fixture    *f,
            const char *name,
            const char *mastodon,
            const char *bluesky)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (f->store);
  g_autoptr(MqPerson) person = mq_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  mq_person_set_name (person, name);
  mq_person_set_mastodon (person, mastodon);
  mq_person_set_bluesky (person, bluesky);
  id = mq_person_directory_add (directory, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->fake = fake_social_start ();
  f->fake->tag_timeline = g_strdup (TAG_TIMELINE);
  f->fake->search_posts = g_strdup (SEARCH_POSTS);
  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->outbox = mq_outbox_new (f->store);
  f->secrets = mq_secret_store_memory_new ();
  f->ana = add_person (f, "Ana Quiroga", "ANA@Films.example", NULL);
  f->ben = add_person (f, "Ben Okafor", NULL, "@Ben.bsky.social");
  add_person (f, "Someone Else", "@eve@elsewhere.example", NULL);
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

static gint64
add_account (Fixture         *f,
             MqSocialNetwork  network,
             const char      *server,
             const char      *handle)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mq_outbox_add_account (f->outbox, network, server, handle, &error);

  g_assert_no_error (error);
  if (network == MQ_SOCIAL_NETWORK_MASTODON)
    mq_secret_store_store (f->secrets, id, MQ_SECRET_ACCESS_TOKEN, NULL, FAKE_MASTODON_TOKEN, NULL, &error);
  else
    mq_secret_store_store (f->secrets, id, MQ_SECRET_APP_PASSWORD, NULL, FAKE_APP_PASSWORD, NULL, &error);
  return id;
}

static void
check_posts (Fixture   *f,
             GPtrArray *posts)
{
  const MqHashtagPost *post;
  g_autofree char *club = NULL;

  g_assert_cmpuint (posts->len, ==, 4);

  /* Newest first, times in UTC. */
  post = g_ptr_array_index (posts, 0);
  g_assert_cmpint (post->network, ==, MQ_SOCIAL_NETWORK_BLUESKY);
  g_assert_cmpstr (post->author, ==, "ben.bsky.social");
  g_assert_cmpstr (post->display_name, ==, "Ben 🎬");
  g_assert_cmpstr (post->text, ==, "Ciné-club #filmclub ce soir");
  g_assert_cmpstr (post->url, ==, "https://bsky.app/profile/ben.bsky.social/post/3kabc");
  g_assert_cmpstr (post->created_at, ==, "2026-12-02T07:15:00Z");
  g_assert_cmpint (post->person_id, ==, f->ben);

  post = g_ptr_array_index (posts, 1);
  g_assert_cmpint (post->network, ==, MQ_SOCIAL_NETWORK_MASTODON);
  g_assert_cmpstr (post->author, ==, "@ana@films.example");
  g_assert_cmpstr (post->display_name, ==, "Ana Q.");
  g_assert_cmpstr (post->text, ==, "Who's coming to #filmclub & Honeyland?\n\nMe!\nTonight <3");
  g_assert_cmpstr (post->url, ==, "https://films.example/@ana/103206804533200177");
  g_assert_cmpstr (post->created_at, ==, "2026-12-01T18:30:05Z");
  g_assert_cmpint (post->person_id, ==, f->ana);

  /* A local account's handle takes the server's host; no url, so the uri. */
  post = g_ptr_array_index (posts, 2);
  club = g_strdup ("@club@127.0.0.1");
  g_assert_cmpstr (post->author, ==, club);
  g_assert_cmpstr (post->url, ==, "https://local.example/users/club/statuses/2");
  g_assert_cmpint (post->person_id, ==, 0);

  /* Nobody here has eve.test: not matched to the Mastodon @eve. */
  post = g_ptr_array_index (posts, 3);
  g_assert_cmpstr (post->author, ==, "eve.test");
  g_assert_null (post->display_name);
  g_assert_cmpint (post->person_id, ==, 0);
}

static void
test_both_networks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MqHashtagTimeline) timeline = mq_hashtag_timeline_new (f->outbox, f->secrets);
  g_autoptr(GPtrArray) posts = NULL;
  g_auto(GStrv) problems = NULL;
  g_autoptr(GError) error = NULL;

  add_account (f, MQ_SOCIAL_NETWORK_MASTODON, f->fake->url, "@club");
  add_account (f, MQ_SOCIAL_NETWORK_BLUESKY, f->fake->url, "club.test");
  /* A second account on the same server reads nothing twice. */
  add_account (f, MQ_SOCIAL_NETWORK_MASTODON, f->fake->url, "@other");

  posts = mq_hashtag_timeline_fetch (timeline, "#filmclub", &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->fake->tag_asked, ==, "filmclub");
  g_assert_cmpstr (f->fake->search_asked, ==, "#filmclub");
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  check_posts (f, posts);
}

static void
test_one_server_down (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(MqHashtagTimeline) timeline = mq_hashtag_timeline_new (f->outbox, f->secrets);
  g_autoptr(GPtrArray) posts = NULL;
  g_auto(GStrv) problems = NULL;
  g_autoptr(GError) error = NULL;

  add_account (f, MQ_SOCIAL_NETWORK_MASTODON, "http://127.0.0.1:9", "@club");
  add_account (f, MQ_SOCIAL_NETWORK_BLUESKY, f->fake->url, "club.test");

  posts = mq_hashtag_timeline_fetch (timeline, "filmclub", &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 2);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_true (g_str_has_prefix (problems[0], "http://127.0.0.1:9: http://127.0.0.1:9 could not be reached"));
}

static void
test_nothing_readable (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(MqHashtagTimeline) timeline = mq_hashtag_timeline_new (f->outbox, f->secrets);
  g_autoptr(GError) error = NULL;
  gint64 account;

  g_assert_null (mq_hashtag_timeline_fetch (timeline, "#filmclub", NULL, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Add a Mastodon or Bluesky account first"));
  g_clear_error (&error);

  /* A Bluesky account whose app password was revoked. */
  account = add_account (f, MQ_SOCIAL_NETWORK_BLUESKY, f->fake->url, "club.test");
  mq_secret_store_store (f->secrets, account, MQ_SECRET_APP_PASSWORD, NULL, "revoked-revoked", NULL, &error);
  g_assert_null (mq_hashtag_timeline_fetch (timeline, "#filmclub", NULL, NULL, &error));
  g_assert_error (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH);
  g_assert_true (g_str_has_suffix (error->message, "log in to this account again"));
  g_clear_error (&error);

  g_assert_null (mq_hashtag_timeline_fetch (timeline, "#film club", NULL, NULL, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
}

static void
fetched (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GPtrArray **posts = user_data;
  g_auto(GStrv) problems = NULL;
  g_autoptr(GError) error = NULL;

  *posts = mq_hashtag_timeline_fetch_finish (MQ_HASHTAG_TIMELINE (object), result, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(MqHashtagTimeline) timeline = mq_hashtag_timeline_new (f->outbox, f->secrets);
  g_autoptr(GPtrArray) posts = NULL;

  add_account (f, MQ_SOCIAL_NETWORK_MASTODON, f->fake->url, "@club");
  add_account (f, MQ_SOCIAL_NETWORK_BLUESKY, f->fake->url, "club.test");
  mq_hashtag_timeline_fetch_async (timeline, "#filmclub", NULL, fetched, &posts);
  while (posts == NULL)
    g_main_context_iteration (NULL, TRUE);
  check_posts (f, posts);
}

static void
test_html_to_text (void)
{
  struct { const char *html, *text; } cases[] = {
    { "<p>Hello</p>", "Hello" },
    { "<p>One</p><p>Two<br>three<br/>four</p>", "One\n\nTwo\nthree\nfour" },
    { "&lt;b&gt; &amp;amp; &#233;&#x1F3AC; &quot;x&quot; &apos;", "<b> &amp; é🎬 \"x\" '" },
    { "a & b &unknown; &#0; &#xZZ;", "a & b &unknown; &#0; &#xZZ;" },
    { "<span class=\"p\">pre</span><pre>x</pre>", "prex" },
    { "unclosed <a href", "unclosed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mq_hashtag_html_to_text (cases[i].html);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/hashtag-timeline/" path, Fixture, NULL, \
                                    fixture_set_up, func, fixture_tear_down)
  ADD ("both-networks-matched-newest-first", test_both_networks);
  ADD ("one-server-down-is-a-problem", test_one_server_down);
  ADD ("nothing-readable-is-an-error", test_nothing_readable);
  ADD ("async", test_async);
#undef ADD
  g_test_add_func ("/core/hashtag-timeline/html-to-text", test_html_to_text);

  return g_test_run ();
}
