/* mq-hashtag-timeline.h: who is posting about an event's hashtag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-outbox.h"
#include "mq-secret-store.h"

G_BEGIN_DECLS

typedef struct
{
  MqSocialNetwork  network;
  /* "@user@host" on Mastodon, "user.bsky.social" on Bluesky. */
  char            *author;
  char            *display_name;
  /* Plain text (Mastodon's HTML without its markup). */
  char            *text;
  char            *url;
  /* UTC, "2026-12-03T18:30:00Z". */
  char            *created_at;
  /* The directory's person with this handle, 0 for nobody. */
  gint64           person_id;
} MqHashtagPost;

void mq_hashtag_post_free (MqHashtagPost *post);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqHashtagPost, mq_hashtag_post_free)

/* Mastodon's HTML status content as plain text: paragraphs and line breaks
 * kept, tags dropped, entities decoded.
 */
char *mq_hashtag_html_to_text (const char *html);

#define MQ_TYPE_HASHTAG_TIMELINE (mq_hashtag_timeline_get_type ())

G_DECLARE_FINAL_TYPE (MqHashtagTimeline, mq_hashtag_timeline, MQ, HASHTAG_TIMELINE, GObject)

/* Reads through the accounts in @outbox, with their logins from @secrets:
 * each Mastodon server's tag timeline (GET /api/v1/timelines/tag/:tag) and
 * Bluesky's post search (app.bsky.feed.searchPosts?q=#tag) through each
 * PDS, once per server.
 */
MqHashtagTimeline *mq_hashtag_timeline_new          (MqOutbox           *outbox,
                                                     MqSecretStore      *secrets);

/* The newest public posts with @hashtag ("#filmclub" or "filmclub"), newest
 * first, each author matched to a person in the directory by handle. A
 * server that cannot be read is skipped and its error added to @problems
 * (nullable; a NULL-terminated array of messages to show); it is an error
 * only when no server could be read, or there is no account to read with.
 * (element-type MqHashtagPost). Blocking.
 */
GPtrArray         *mq_hashtag_timeline_fetch        (MqHashtagTimeline  *self,
                                                     const char         *hashtag,
                                                     char             ***problems,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
/* The same with the network part in a worker thread; the directory is read
 * in the caller's thread. The problems come with the result.
 */
void               mq_hashtag_timeline_fetch_async  (MqHashtagTimeline  *self,
                                                     const char         *hashtag,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
GPtrArray         *mq_hashtag_timeline_fetch_finish (MqHashtagTimeline  *self,
                                                     GAsyncResult       *result,
                                                     char             ***problems,
                                                     GError            **error);

G_END_DECLS
