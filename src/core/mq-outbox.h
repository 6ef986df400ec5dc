/* mq-outbox.h: the durable queue of posts to social networks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mq-announcement-template.h"
#include "mq-post-image.h"
#include "mq-store.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_OUTBOX_STATE_DRAFT,
  MQ_OUTBOX_STATE_QUEUED,
  MQ_OUTBOX_STATE_SENDING,
  MQ_OUTBOX_STATE_POSTED,
  MQ_OUTBOX_STATE_FAILED,
} MqOutboxState;

const char *mq_outbox_state_to_string   (MqOutboxState  state);
gboolean    mq_outbox_state_from_string (const char    *text,
                                         MqOutboxState *state);

/* A job gives up after this many attempts that failed for passing reasons. */
#define MQ_OUTBOX_MAX_ATTEMPTS 8

/* Mastodon schedules a status itself when scheduled_at is at least 5
 * minutes ahead; Marquee hands it over only with a minute to spare, so a
 * slow request does not arrive too late. Closer times, and every Bluesky
 * post, wait in the local outbox.
 */
#define MQ_OUTBOX_SERVER_SCHEDULE_SECONDS (6 * 60)

typedef struct
{
  gint64           id;
  MqSocialNetwork  network;
  char            *server;
  char            *handle;
  char            *remote_id;       /* DID or Mastodon account id, once known */
  char            *display_name;
  int              max_characters;  /* 0: unknown */
  gint64           image_size_limit; /* bytes; 0: unknown */
} MqSocialAccount;

void             mq_social_account_free (MqSocialAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqSocialAccount, mq_social_account_free)

typedef struct
{
  gint64         id;
  gint64         announcement_id;
  gint64         account_id;
  gint64         event_id;          /* 0: none */
  MqOutboxState  state;
  char          *text;
  char          *media_path;
  char          *media_alt;
  char          *language;
  char          *visibility;
  char          *scheduled_at;
  int            attempts;
  char          *next_try_at;
  char          *last_error;
  char          *remote_id;
  char          *remote_url;
  /* Generated once when the job is queued, the same on every retry. */
  char          *idempotency_key;
  char          *record_key;
  char          *created_at;
  char          *updated_at;
  /* The Mastodon media attachment uploaded for this job, once there is one. */
  char          *media_remote_id;
  /* Posted as a status the server will publish at scheduled_at. */
  gboolean       remote_scheduled;
  /* A request that could have published it went out and its answer was
   * lost (Marquee stopped mid-send, a timeout, a server failure): the post
   * may be on the server, so the job is sent again, never cancelled.
   */
  gboolean       maybe_posted;
  /* When the first try that may have published it began (UTC ISO 8601);
   * NULL unless maybe_posted.
   */
  char          *maybe_posted_at;
} MqOutboxJob;

void             mq_outbox_job_free (MqOutboxJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqOutboxJob, mq_outbox_job_free)
/* Whether mq_outbox_cancel() takes @job: only a job that certainly never
 * reached the server (not sending, posted, or maybe_posted).
 */
gboolean         mq_outbox_job_can_cancel (const MqOutboxJob *job);

#define MQ_TYPE_OUTBOX (mq_outbox_get_type ())

G_DECLARE_FINAL_TYPE (MqOutbox, mq_outbox, MQ, OUTBOX, GObject)

MqOutbox        *mq_outbox_new                 (MqStore        *store);
MqStore         *mq_outbox_get_store           (MqOutbox       *self);

/* Accounts: only what is not secret. */
gint64           mq_outbox_add_account         (MqOutbox       *self,
                                                MqSocialNetwork network,
                                                const char     *server,
                                                const char     *handle,
                                                GError        **error);
gboolean         mq_outbox_update_account      (MqOutbox       *self,
                                                gint64          account_id,
                                                const char     *remote_id,
                                                const char     *display_name,
                                                int             max_characters,
                                                GError        **error);
/* The server's limits (from /api/v2/instance); <= 0 leaves one as it is. */
gboolean         mq_outbox_set_account_limits  (MqOutbox       *self,
                                                gint64          account_id,
                                                int             max_characters,
                                                gint64          image_size_limit,
                                                GError        **error);
MqSocialAccount *mq_outbox_get_account         (MqOutbox       *self,
                                                gint64          account_id,
                                                GError        **error);
/* The id of the account @handle on @server (spelled as
 * mq_outbox_add_account() would store them); 0 when there is none, -1
 * with @error set when the server address is not one or the database failed.
 */
gint64           mq_outbox_find_account        (MqOutbox       *self,
                                                MqSocialNetwork network,
                                                const char     *server,
                                                const char     *handle,
                                                GError        **error);
/* (element-type MqSocialAccount) */
GPtrArray       *mq_outbox_list_accounts       (MqOutbox       *self,
                                                GError        **error);
gboolean         mq_outbox_remove_account      (MqOutbox       *self,
                                                gint64          account_id,
                                                GError        **error);

/* Announcements and their jobs. @event_id 0 for none; @visibility NULL for
 * "public"; @scheduled_at (nullable) UTC ISO 8601. @media_path (nullable)
 * is read now and the image kept in the database with the announcement
 * (so it is posted even if the file moves); it must be a PNG, JPEG, GIF or
 * WebP and needs @media_alt.
 */
gint64           mq_outbox_add_announcement    (MqOutbox       *self,
                                                gint64          event_id,
                                                const char     *template_text,
                                                const char     *media_path,
                                                const char     *media_alt,
                                                const char     *language,
                                                const char     *visibility,
                                                const char     *scheduled_at,
                                                GError        **error);
/* Queues @text for @account_id once: queuing the same announcement for the
 * same account again returns the existing job's id and changes nothing.
 * @as_draft keeps it out of the sender until mq_outbox_queue(). An image
 * larger than the account's network takes, or an alt text longer than it
 * takes (mq_post_image_check_alt_length()), is refused here
 * (MQ_ERROR_INVALID) and nothing is queued.
 */
gint64           mq_outbox_enqueue             (MqOutbox       *self,
                                                gint64          announcement_id,
                                                gint64          account_id,
                                                const char     *text,
                                                gboolean        as_draft,
                                                GError        **error);
gboolean         mq_outbox_queue               (MqOutbox       *self,
                                                gint64          job_id,
                                                GError        **error);
MqOutboxJob     *mq_outbox_get_job             (MqOutbox       *self,
                                                gint64          job_id,
                                                GError        **error);
/* (element-type MqOutboxJob) in id order */
GPtrArray       *mq_outbox_list_jobs           (MqOutbox       *self,
                                                GError        **error);
/* The image kept with announcement @announcement_id; NULL without an
 * error when it has none.
 */
MqPostImage     *mq_outbox_load_image          (MqOutbox       *self,
                                                gint64          announcement_id,
                                                GError        **error);

/* After a crash, jobs left in 'sending' may or may not have reached the
 * server: they go back to 'queued' with their keys, so the retry is
 * deduplicated by the server, and are maybe_posted (no longer cancelled).
 * Returns how many.
 */
int              mq_outbox_recover             (MqOutbox       *self,
                                                GError        **error);
/* The next due job (queued, next try and schedule reached, or a Mastodon
 * job scheduled at least MQ_OUTBOX_SERVER_SCHEDULE_SECONDS ahead, which
 * the server will schedule), moved to 'sending' with one more attempt;
 * NULL without error when none is due.
 */
MqOutboxJob     *mq_outbox_claim_next          (MqOutbox       *self,
                                                GError        **error);
gboolean         mq_outbox_mark_posted         (MqOutbox       *self,
                                                gint64          job_id,
                                                const char     *remote_id,
                                                const char     *remote_url,
                                                GError        **error);
/* The server accepted the job as a scheduled status @remote_id: posted,
 * as far as Marquee is concerned; the server publishes it at scheduled_at.
 */
gboolean         mq_outbox_mark_scheduled      (MqOutbox       *self,
                                                gint64          job_id,
                                                const char     *remote_id,
                                                GError        **error);
/* What the attempt of a job in 'sending' says about the server: TRUE when
 * its request may have been acted on though the answer was lost (timeout,
 * broken connection, server failure); FALSE when the server refused a
 * request carrying the job's keys, which it would have answered with the
 * post had an earlier attempt published it.
 */
/* The remote ids of the account's posted jobs, a set of strings. */
GHashTable      *mq_outbox_get_posted_ids      (MqOutbox       *self,
                                                gint64          account_id,
                                                GError        **error);
gboolean         mq_outbox_set_maybe_posted    (MqOutbox       *self,
                                                gint64          job_id,
                                                gboolean        maybe_posted,
                                                GError        **error);
/* Remembers the media attachment uploaded for a job in 'sending'. */
gboolean         mq_outbox_set_media_remote_id (MqOutbox       *self,
                                                gint64          job_id,
                                                const char     *media_id,
                                                GError        **error);
/* When the sender has something to do next: the earliest time a queued job
 * becomes due (now if one is due already), NULL when no job is queued.
 */
GDateTime       *mq_outbox_next_due            (MqOutbox       *self,
                                                GError        **error);
/* Back to 'queued' after a passing failure: the next try waits for the
 * backoff of the attempts so far, or @not_before if later (Retry-After,
 * rate-limit reset). After MQ_OUTBOX_MAX_ATTEMPTS the job fails instead.
 */
gboolean         mq_outbox_mark_retry          (MqOutbox       *self,
                                                gint64          job_id,
                                                const char     *reason,
                                                GDateTime      *not_before,
                                                GError        **error);
/* The server said no for good: @reason is its own text. */
gboolean         mq_outbox_mark_failed         (MqOutbox       *self,
                                                gint64          job_id,
                                                const char     *reason,
                                                GError        **error);

/* By hand: a failed job goes back to 'queued', due now, with its attempts
 * counted from 0 again and its last error kept until the next try. Any
 * other state is refused (MQ_ERROR_INVALID) with the reason.
 */
gboolean         mq_outbox_retry               (MqOutbox       *self,
                                                gint64          job_id,
                                                GError        **error);
/* By hand: a draft, queued or failed job that never reached the server is
 * removed (with its announcement, once no job is left). A job 'sending' or
 * 'posted' is refused (MQ_ERROR_INVALID): it has to be deleted on the
 * server. So is a maybe_posted one, with a message that says to send it
 * again instead: the retry is harmless, a forgotten post is not.
 */
gboolean         mq_outbox_cancel              (MqOutbox       *self,
                                                gint64          job_id,
                                                GError        **error);

/* Seconds to wait after @attempts failed attempts: 30 s doubling, at most
 * an hour, plus up to half again of random jitter so many clients do not
 * retry in step.
 */
gint64           mq_outbox_backoff_seconds     (int             attempts);

/* A fresh record key: an atproto TID (13 base32-sortable characters). */
char            *mq_outbox_new_record_key      (void);
/* A fresh Idempotency-Key: 32 hex digits from getrandom(). */
char            *mq_outbox_new_idempotency_key (void);

G_END_DECLS
