/* fake-social-server.h: scripted Mastodon and Bluesky servers for tests
 *
 * A SoupServer on 127.0.0.1 runs on its own thread and GMainContext, so the
 * clients' blocking calls (and marquee-cli in a child process) can be
 * tested as they are. It follows the documented request and answer shapes
 * (docs.joinmastodon.org, the atproto lexicons; see
 * shared/research/social.md) and checks what it is sent. Each post-creating
 * request consumes one scripted fault; the fake keeps what it created so a
 * test can assert that a post exists exactly once.
 *
 * Tests read the fields below after the client's blocking call returned;
 * the fake writes them under @lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

enum
{
  FAKE_OK      = 0,
  /* Create the post, then close the connection without answering. */
  FAKE_DROP    = 1,
  /* Create the post, then answer only after the client's timeout. */
  FAKE_SLOW    = 2,
  FAKE_429     = 429,
  /* Create the post, then answer 500. */
  FAKE_500     = 500,
  FAKE_502     = 502,
};

#define FAKE_DID "did:plc:marqueeclub0000000000000"
#define FAKE_APP_PASSWORD "abcd-efgh-ijkl-mnop"
#define FAKE_MASTODON_TOKEN "secret-token"
/* What the fake's /oauth/token issues, and verify_credentials says. */
#define FAKE_MASTODON_ISSUED_TOKEN "issued-token-5f2b8c9d0e1a"
#define FAKE_MASTODON_CLIENT_SECRET "client-secret-7d1e4f"
#define FAKE_MASTODON_ACCOUNT_ID "1090"

typedef struct
{
  char  *description;
  char  *mime_type;
  char  *filename;
  gsize  size;
  /* GET /api/v1/media/:id answers 206 this many more times. */
  guint  polls_left;
} FakeMedia;

typedef struct
{
  GMutex        lock;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;
  GQueue        faults;
  guint         requests;
  /* How long FAKE_SLOW holds the answer back. */
  guint         slow_seconds;
  /* HTTPS with a certificate nobody trusts. */
  gboolean      tls;

  /* Mastodon. Idempotency-Key → status id of what was published, while
   * the server keeps the key (fake_social_expire_keys()).
   */
  GHashTable   *statuses;
  /* Status id → the request body it was made from: every status there is. */
  GHashTable   *status_requests;
  /* Status id → the Status JSON its POST answered, which a repeat of its
   * Idempotency-Key gets again.
   */
  GHashTable   *status_answers;
  /* Status id → its created_at (the fake's real clock). */
  GHashTable   *status_created_at;
  /* GET /api/v1/accounts/:id/statuses and /api/v1/statuses/:id/source
   * requests answered; a status (e.g. 502) the next list request fails with.
   */
  guint         account_status_lists;
  guint         source_requests;
  guint         account_statuses_fault;
  GPtrArray    *keys_seen;
  /* Idempotency-Key → scheduled status id; id → ScheduledStatus JSON. */
  GHashTable   *scheduled_keys;
  GHashTable   *scheduled;
  /* Media id → FakeMedia. */
  GHashTable   *media;
  guint         media_uploads;
  guint         media_polls;
  /* A new upload answers 202 and then 206 this many times. */
  guint         media_processing_polls;
  /* Tokens /api/v1 accepts; a test revokes one by removing it. */
  GHashTable   *tokens;
  /* OAuth: registered apps and the codes /oauth/authorize gave out. */
  guint         apps_registered;
  char         *app_scopes;
  char         *authorize_query;
  GHashTable   *codes;
  guint         token_requests;
  int           instance_max_characters;
  gint64        instance_image_size_limit;
  /* Answers /api/v2/instance with 404 (a server before 4.0). */
  gboolean      instance_missing;
  /* The body GET /api/v1/timelines/tag/:tag answers; the tag asked for. */
  char         *tag_timeline;
  char         *tag_asked;

  /* Bluesky. rkey → record JSON; sessions. */
  GHashTable   *records;
  GPtrArray    *rkeys_seen;
  char         *access;
  char         *refresh;
  guint         sessions;
  guint         logins;
  guint         refreshes;
  char         *last_record;
  /* CID → size of every uploaded blob; the MIME type of the last one. */
  GHashTable   *blobs;
  guint         blob_uploads;
  char         *last_blob_type;
  /* The body searchPosts answers; the q it was asked. */
  char         *search_posts;
  char         *search_asked;
} FakeSocial;

FakeSocial *fake_social_start      (void);
/* The same behind HTTPS with a self-signed certificate the client refuses. */
FakeSocial *fake_social_start_untrusted_tls (void);
void        fake_social_stop       (FakeSocial  *fake);
/* The next post-creating request meets @fault (FAKE_*). */
void        fake_social_fault      (FakeSocial  *fake,
                                    guint        fault);
/* Forgets every Idempotency-Key, as Mastodon does after an hour; the
 * statuses stay.
 */
void        fake_social_expire_keys (FakeSocial *fake);
/* The code /oauth/authorize shows for the authorize address @url (what a
 * user's browser would display), or NULL if the fake refused it.
 */
char       *fake_social_authorize  (FakeSocial  *fake,
                                    const char  *url);

G_END_DECLS
