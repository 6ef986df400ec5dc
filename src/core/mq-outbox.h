/* mq-outbox.h: the durable queue of posts to social networks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mq-announcement-template.h"
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

typedef struct
{
  gint64           id;
  MqSocialNetwork  network;
  char            *server;
  char            *handle;
  char            *remote_id;       /* DID or Mastodon account id, once known */
  char            *display_name;
  int              max_characters;  /* 0: unknown */
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
} MqOutboxJob;

void             mq_outbox_job_free (MqOutboxJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqOutboxJob, mq_outbox_job_free)

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
MqSocialAccount *mq_outbox_get_account         (MqOutbox       *self,
                                                gint64          account_id,
                                                GError        **error);
/* (element-type MqSocialAccount) */
GPtrArray       *mq_outbox_list_accounts       (MqOutbox       *self,
                                                GError        **error);
gboolean         mq_outbox_remove_account      (MqOutbox       *self,
                                                gint64          account_id,
                                                GError        **error);

/* Announcements and their jobs. @event_id 0 for none; @visibility NULL for
 * "public"; @scheduled_at (nullable) UTC ISO 8601.
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
 * @as_draft keeps it out of the sender until mq_outbox_queue().
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

/* After a crash, jobs left in 'sending' may or may not have reached the
 * server: they go back to 'queued' with their keys, so the retry is
 * deduplicated by the server. Returns how many.
 */
int              mq_outbox_recover             (MqOutbox       *self,
                                                GError        **error);
/* The next due job (queued, next try and schedule reached), moved to
 * 'sending' with one more attempt; NULL without error when none is due.
 */
MqOutboxJob     *mq_outbox_claim_next          (MqOutbox       *self,
                                                GError        **error);
gboolean         mq_outbox_mark_posted         (MqOutbox       *self,
                                                gint64          job_id,
                                                const char     *remote_id,
                                                const char     *remote_url,
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
