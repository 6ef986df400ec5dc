/* mq-outbox-sending.c: a job's way through the sender
 *
 * queued → sending → posted | failed, or back to queued with a next-try
 * time. Every move names the state it starts from, so two senders (the
 * app and `marquee-cli outbox run`) never both take the same job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-outbox"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-outbox-private.h"

static char *
iso_in (MqStore *store,
        int      seconds)
{
  g_autoptr(GDateTime) now = mq_store_now (store);
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, seconds);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* Runs @stmt, an UPDATE of job @job_id that applies only in state @from:
 * FALSE with NOT_FOUND when nothing changed.
 */
static gboolean
update_job_in_state (MqStore       *store,
                     sqlite3_stmt  *stmt,
                     gint64         job_id,
                     const char    *from,
                     GError       **error)
{
  if (!mq_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (mq_store_get_db (store)) == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("Outbox job %" PRId64 " is not %s"), job_id, from);
      return FALSE;
    }
  return TRUE;
}

/* One UPDATE of a job's state; FALSE with NOT_FOUND when @from does not
 * match, so a job is never moved from a state it is not in.
 */
static gboolean
set_state (MqOutbox   *self,
           gint64      job_id,
           const char *from,
           const char *to,
           const char *next_try_at,
           const char *last_error,
           const char *remote_id,
           const char *remote_url,
           gboolean    remote_scheduled,
           GError    **error)
{
  MqStore *store = mq_outbox_get_store (self);
  g_autofree char *now = mq_store_now_iso (store);
  sqlite3_stmt *stmt;

  stmt = mq_store_prepare (store,
                           "UPDATE outbox_jobs SET state = ?3, next_try_at = ?4, "
                           "last_error = coalesce (?5, last_error), "
                           "remote_id = coalesce (?6, remote_id), "
                           "remote_url = coalesce (?7, remote_url), updated_at = ?8, "
                           "remote_scheduled = max (remote_scheduled, ?9) "
                           "WHERE id = ?1 AND (?2 IS NULL OR state = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  mq_bind_text_or_null (stmt, 2, from);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);
  mq_bind_text_or_null (stmt, 4, next_try_at);
  mq_bind_text_or_null (stmt, 5, last_error);
  mq_bind_text_or_null (stmt, 6, remote_id);
  mq_bind_text_or_null (stmt, 7, remote_url);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 9, remote_scheduled ? 1 : 0);
  if (!update_job_in_state (store, stmt, job_id, from, error))
    return FALSE;
  mq_store_notify_changed (store, "outbox");
  return TRUE;
}

gboolean
mq_outbox_queue (MqOutbox  *self,
                 gint64     job_id,
                 GError   **error)
{
  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);
  return set_state (self, job_id, "draft", "queued", NULL, NULL, NULL, NULL, FALSE, error);
}

int
mq_outbox_recover (MqOutbox  *self,
                   GError   **error)
{
  sqlite3_stmt *stmt;
  int changes;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), -1);

  stmt = mq_store_prepare (mq_outbox_get_store (self),
                           "UPDATE outbox_jobs SET state = 'queued', next_try_at = NULL, "
                           "maybe_posted = 1, maybe_posted_at = coalesce (maybe_posted_at, updated_at) "
                           "WHERE state = 'sending'", error);
  if (stmt == NULL || !mq_store_step_done (mq_outbox_get_store (self), stmt, error))
    return -1;
  changes = sqlite3_changes (mq_store_get_db (mq_outbox_get_store (self)));
  if (changes > 0)
    mq_store_notify_changed (mq_outbox_get_store (self), "outbox");
  return changes;
}

MqOutboxJob *
mq_outbox_claim_next (MqOutbox  *self,
                      GError   **error)
{
  MqStore *store;
  g_auto(MqTransaction) tx = { 0 };
  g_autofree char *now = NULL;
  g_autofree char *server_from = NULL;
  MqOutboxJob *job = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);

  store = mq_outbox_get_store (self);
  if (!mq_transaction_begin (&tx, store, error))
    return NULL;
  now = mq_store_now_iso (store);
  server_from = iso_in (store, MQ_OUTBOX_SERVER_SCHEDULE_SECONDS);
  stmt = mq_store_prepare (store,
                           "SELECT " MQ_OUTBOX_JOB_COLUMNS
                           "JOIN social_accounts s ON s.id = j.account_id "
                           "WHERE j.state = 'queued' "
                           "AND (j.next_try_at IS NULL OR j.next_try_at <= ?1) "
                           "AND (j.scheduled_at IS NULL OR j.scheduled_at <= ?1 "
                           "     OR (s.network = 'mastodon' AND j.scheduled_at >= ?2)) "
                           "ORDER BY coalesce (j.next_try_at, j.created_at), j.id LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, server_from, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    job = mq_outbox_job_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mq_store_propagate (store, rc, error), NULL;
  if (job == NULL)
    {
      mq_transaction_commit (&tx, error);
      return NULL;
    }

  stmt = mq_store_prepare (store,
                           "UPDATE outbox_jobs SET state = 'sending', attempts = attempts + 1, "
                           "updated_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return mq_outbox_job_free (job), NULL;
  sqlite3_bind_int64 (stmt, 1, job->id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (store, stmt, error) || !mq_transaction_commit (&tx, error))
    return mq_outbox_job_free (job), NULL;

  mq_store_notify_changed (store, "outbox");
  job->state = MQ_OUTBOX_STATE_SENDING;
  job->attempts++;
  return job;
}

gboolean
mq_outbox_mark_posted (MqOutbox    *self,
                       gint64       job_id,
                       const char  *remote_id,
                       const char  *remote_url,
                       GError     **error)
{
  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (remote_id != NULL && *remote_id != '\0', FALSE);

  return set_state (self, job_id, "sending", "posted", NULL, NULL, remote_id, remote_url, FALSE, error);
}

gboolean
mq_outbox_mark_scheduled (MqOutbox    *self,
                          gint64       job_id,
                          const char  *remote_id,
                          GError     **error)
{
  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (remote_id != NULL && *remote_id != '\0', FALSE);

  return set_state (self, job_id, "sending", "posted", NULL, NULL, remote_id, NULL, TRUE, error);
}

/**
 * mq_outbox_get_posted_ids:
 *
 * What a lookup for a lost post must not mistake for it: the statuses other
 * jobs of the account are known to have made.
 *
 * Returns: (transfer full): remote ids, as a set of strings, or %NULL on error
 */
GHashTable *
mq_outbox_get_posted_ids (MqOutbox  *self,
                          gint64     account_id,
                          GError   **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  MqStore *store;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);

  store = mq_outbox_get_store (self);
  if (!(stmt = mq_store_prepare (store,
                                 "SELECT remote_id FROM outbox_jobs"
                                 " WHERE account_id = ?1 AND state = 'posted' AND remote_id IS NOT NULL",
                                 error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (!mq_store_propagate (store, rc, error))
    return NULL;

  return g_steal_pointer (&ids);
}

gboolean
mq_outbox_set_maybe_posted (MqOutbox  *self,
                            gint64     job_id,
                            gboolean   maybe_posted,
                            GError   **error)
{
  MqStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);

  /* A job in 'sending' was last updated when it was claimed, as the try
   * began; the first such try is kept, since the post may date from it.
   */
  store = mq_outbox_get_store (self);
  stmt = mq_store_prepare (store,
                           "UPDATE outbox_jobs SET maybe_posted = ?2, maybe_posted_at = "
                           "CASE WHEN ?2 = 0 THEN NULL ELSE coalesce (maybe_posted_at, updated_at) END "
                           "WHERE id = ?1 AND state = 'sending'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_int (stmt, 2, maybe_posted ? 1 : 0);
  if (!update_job_in_state (store, stmt, job_id, "sending", error))
    return FALSE;
  return TRUE;
}

gboolean
mq_outbox_set_media_remote_id (MqOutbox    *self,
                               gint64       job_id,
                               const char  *media_id,
                               GError     **error)
{
  MqStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);

  store = mq_outbox_get_store (self);
  stmt = mq_store_prepare (store,
                           "UPDATE outbox_jobs SET media_remote_id = ?2 "
                           "WHERE id = ?1 AND state = 'sending'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  mq_bind_text_or_null (stmt, 2, media_id);
  if (!update_job_in_state (store, stmt, job_id, "sending", error))
    return FALSE;
  return TRUE;
}

GDateTime *
mq_outbox_next_due (MqOutbox  *self,
                    GError   **error)
{
  MqStore *store;
  g_autofree char *server_from = NULL;
  g_autofree char *due = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);

  /* A job is due at the later of its next try and its local schedule;
   * '' sorts first and stands for "now". Mirrors mq_outbox_claim_next().
   */
  store = mq_outbox_get_store (self);
  server_from = iso_in (store, MQ_OUTBOX_SERVER_SCHEDULE_SECONDS);
  stmt = mq_store_prepare (store,
                           "SELECT min (max (coalesce (j.next_try_at, ''), "
                           "  CASE WHEN j.scheduled_at IS NULL "
                           "         OR (s.network = 'mastodon' AND j.scheduled_at >= ?1) "
                           "       THEN '' ELSE j.scheduled_at END)) "
                           "FROM outbox_jobs j JOIN social_accounts s ON s.id = j.account_id "
                           "WHERE j.state = 'queued'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, server_from, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    due = g_strdup (mq_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return mq_store_propagate (store, rc, error), NULL;
  if (due == NULL)
    return NULL;
  if (*due == '\0')
    return mq_store_now (store);
  return g_date_time_new_from_iso8601 (due, NULL);
}

gboolean
mq_outbox_mark_failed (MqOutbox    *self,
                       gint64       job_id,
                       const char  *reason,
                       GError     **error)
{
  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  return set_state (self, job_id, "sending", "failed", NULL, reason, NULL, NULL, FALSE, error);
}

gboolean
mq_outbox_mark_retry (MqOutbox    *self,
                      gint64       job_id,
                      const char  *reason,
                      GDateTime   *not_before,
                      GError     **error)
{
  g_autoptr(MqOutboxJob) job = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *next_iso = NULL;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  if (!(job = mq_outbox_get_job (self, job_id, error)))
    return FALSE;
  if (job->attempts >= MQ_OUTBOX_MAX_ATTEMPTS)
    {
      g_autofree char *final = g_strdup_printf (_("Gave up after %d attempts: %s"),
                                                job->attempts, reason);
      return mq_outbox_mark_failed (self, job_id, final, error);
    }

  now = mq_store_now (mq_outbox_get_store (self));
  next = g_date_time_add_seconds (now, mq_outbox_backoff_seconds (job->attempts));
  if (not_before != NULL && g_date_time_compare (not_before, next) > 0)
    {
      g_date_time_unref (next);
      next = g_date_time_to_utc (not_before);
    }
  next_iso = g_date_time_format (next, "%Y-%m-%dT%H:%M:%SZ");
  return set_state (self, job_id, "sending", "queued", next_iso, reason, NULL, NULL, FALSE, error);
}

/* What the organizer is told when a job cannot be retried or cancelled by
 * hand from @state: the reason, and what to do instead.
 */
static void
set_refusal (GError        **error,
             MqOutboxState   state,
             gboolean        retrying)
{
  const char *message = NULL;

  switch (state)
    {
    case MQ_OUTBOX_STATE_DRAFT:
      message = _("This post is a draft: send it instead");
      break;
    case MQ_OUTBOX_STATE_QUEUED:
      message = _("This post is already waiting to be sent");
      break;
    case MQ_OUTBOX_STATE_SENDING:
      message = retrying ? _("This post is being sent right now")
                         : _("This post is being sent right now: if it reaches the server, delete it there");
      break;
    case MQ_OUTBOX_STATE_POSTED:
      message = retrying ? _("This post is already published")
                         : _("This post was already sent: delete it on the server");
      break;
    case MQ_OUTBOX_STATE_FAILED:
    default:
      g_return_if_reached ();
    }
  g_set_error_literal (error, MQ_ERROR, MQ_ERROR_INVALID, message);
}

gboolean
mq_outbox_retry (MqOutbox  *self,
                 gint64     job_id,
                 GError   **error)
{
  MqStore *store;
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(MqOutboxJob) job = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);

  store = mq_outbox_get_store (self);
  if (!mq_transaction_begin (&tx, store, error))
    return FALSE;
  if (!(job = mq_outbox_get_job (self, job_id, error)))
    return FALSE;
  if (job->state != MQ_OUTBOX_STATE_FAILED)
    {
      set_refusal (error, job->state, TRUE);
      return FALSE;
    }

  /* Attempts start again from 0: a job that gave up after
   * MQ_OUTBOX_MAX_ATTEMPTS would otherwise fail for good at its first
   * passing error, and wait the longest backoff before that. last_error
   * stays, so the row still says what went wrong until the next try does.
   * The keys stay too: a retry of a post the server may have seen is
   * still deduplicated.
   */
  now = mq_store_now_iso (store);
  stmt = mq_store_prepare (store,
                           "UPDATE outbox_jobs SET state = 'queued', attempts = 0, "
                           "next_try_at = ?2, updated_at = ?2 "
                           "WHERE id = ?1 AND state = 'failed'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (store, stmt, error))
    return FALSE;
  mq_store_notify_changed (store, "outbox");
  return mq_transaction_commit (&tx, error);
}

gboolean
mq_outbox_cancel (MqOutbox  *self,
                  gint64     job_id,
                  GError   **error)
{
  MqStore *store;
  g_auto(MqTransaction) tx = { 0 };
  g_autoptr(MqOutboxJob) job = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);

  store = mq_outbox_get_store (self);
  if (!mq_transaction_begin (&tx, store, error))
    return FALSE;
  if (!(job = mq_outbox_get_job (self, job_id, error)))
    return FALSE;
  if (job->state == MQ_OUTBOX_STATE_SENDING || job->state == MQ_OUTBOX_STATE_POSTED)
    {
      set_refusal (error, job->state, FALSE);
      return FALSE;
    }
  if (job->remote_id != NULL)
    {
      set_refusal (error, MQ_OUTBOX_STATE_POSTED, FALSE);
      return FALSE;
    }
  /* Deleting it here would leave a post on the server that Marquee forgot;
   * sending it again is harmless: the server answers a request with the
   * same Idempotency-Key or record key with the post it already has.
   */
  if (job->maybe_posted)
    {
      g_set_error_literal (error, MQ_ERROR, MQ_ERROR_INVALID,
                           job->state == MQ_OUTBOX_STATE_FAILED
                             ? _("This post may already be on the server: the answer to an earlier try "
                                 "was lost. Retry it instead (the server will not post it twice), then "
                                 "delete it there if you do not want it")
                             : _("This post may already be on the server: the answer to an earlier try "
                                 "was lost. Let Marquee send it again (the server will not post it twice), "
                                 "then delete it there if you do not want it"));
      return FALSE;
    }
  g_assert (mq_outbox_job_can_cancel (job));

  /* outbox_jobs has no state for "cancelled": a job that never reached
   * the server leaves no trace worth keeping, so it goes.
   */
  stmt = mq_store_prepare (store,
                           "DELETE FROM outbox_jobs WHERE id = ?1 "
                           "AND state IN ('draft', 'queued', 'failed') AND remote_id IS NULL "
                           "AND maybe_posted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  if (!mq_store_step_done (store, stmt, error))
    return FALSE;

  /* An announcement with no job left would keep its image for nothing. */
  stmt = mq_store_prepare (store,
                           "DELETE FROM announcements WHERE id = ?1 AND NOT EXISTS "
                           "(SELECT 1 FROM outbox_jobs WHERE announcement_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->announcement_id);
  if (!mq_store_step_done (store, stmt, error))
    return FALSE;
  mq_store_notify_changed (store, "outbox");
  return mq_transaction_commit (&tx, error);
}
