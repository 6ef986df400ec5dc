/* mq-outbox.c: the durable queue of posts to social networks
 *
 * Every announcement x account is one row in outbox_jobs. The keys that make
 * a retry harmless (Mastodon's Idempotency-Key, the Bluesky record key) are
 * chosen when the row is written and never again, so a sender that dies
 * between sending and hearing back sends the very same request next time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-outbox"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#include "mq-error.h"
#include "mq-outbox.h"
#include "mq-store-private.h"

struct _MqOutbox
{
  GObject  parent_instance;
  MqStore *store;
};

G_DEFINE_FINAL_TYPE (MqOutbox, mq_outbox, G_TYPE_OBJECT)

static const char * const state_names[] = {
  "draft", "queued", "sending", "posted", "failed",
};

#define JOB_COLUMNS \
  "j.id, j.announcement_id, j.account_id, coalesce (a.event_id, 0), j.state, j.text, " \
  "j.media_path, j.media_alt, j.language, j.visibility, j.scheduled_at, j.attempts, " \
  "j.next_try_at, j.last_error, j.remote_id, j.remote_url, j.idempotency_key, " \
  "j.record_key, j.created_at, j.updated_at " \
  "FROM outbox_jobs j JOIN announcements a ON a.id = j.announcement_id "

const char *
mq_outbox_state_to_string (MqOutboxState state)
{
  g_return_val_if_fail (state <= MQ_OUTBOX_STATE_FAILED, NULL);
  return state_names[state];
}

gboolean
mq_outbox_state_from_string (const char    *text,
                             MqOutboxState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

void
mq_outbox_job_free (MqOutboxJob *job)
{
  if (job == NULL)
    return;
  g_free (job->text);
  g_free (job->media_path);
  g_free (job->media_alt);
  g_free (job->language);
  g_free (job->visibility);
  g_free (job->scheduled_at);
  g_free (job->next_try_at);
  g_free (job->last_error);
  g_free (job->remote_id);
  g_free (job->remote_url);
  g_free (job->idempotency_key);
  g_free (job->record_key);
  g_free (job->created_at);
  g_free (job->updated_at);
  g_free (job);
}

static void
mq_outbox_finalize (GObject *object)
{
  MqOutbox *self = MQ_OUTBOX (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (mq_outbox_parent_class)->finalize (object);
}

static void
mq_outbox_class_init (MqOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_outbox_finalize;
}

static void
mq_outbox_init (MqOutbox *self)
{
}

MqOutbox *
mq_outbox_new (MqStore *store)
{
  MqOutbox *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  self = g_object_new (MQ_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  return self;
}

MqStore *
mq_outbox_get_store (MqOutbox *self)
{
  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);
  return self->store;
}

/* Keys. getrandom() rather than g_random: these must not be guessable
 * or repeat across processes.
 */
static gboolean
fill_random (guint8 *buf,
             gsize   len)
{
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = getrandom (buf + done, len - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      done += n;
    }
  return TRUE;
}

char *
mq_outbox_new_idempotency_key (void)
{
  guint8 bytes[16];
  GString *out = g_string_sized_new (33);

  if (!fill_random (bytes, sizeof bytes))
    g_error ("getrandom() failed: %s", g_strerror (errno));
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (out, "%02x", bytes[i]);
  return g_string_free (out, FALSE);
}

char *
mq_outbox_new_record_key (void)
{
  /* A TID: 1 zero bit, 53 bits of microseconds since the epoch, 10 bits of
   * random clock id, written as 13 characters of base32-sortable.
   */
  static const char alphabet[] = "234567abcdefghijklmnopqrstuvwxyz";
  guint16 clock_id;
  guint64 tid;
  char out[14];

  if (!fill_random ((guint8 *) &clock_id, sizeof clock_id))
    g_error ("getrandom() failed: %s", g_strerror (errno));
  tid = (((guint64) g_get_real_time () & ((G_GUINT64_CONSTANT (1) << 53) - 1)) << 10) |
        (clock_id & 0x3FF);
  for (int i = 12; i >= 0; i--)
    {
      out[i] = alphabet[tid & 0x1F];
      tid >>= 5;
    }
  out[13] = '\0';
  return g_strdup (out);
}

gint64
mq_outbox_backoff_seconds (int attempts)
{
  gint64 delay = 30;

  for (int i = 1; i < attempts && delay < 3600; i++)
    delay *= 2;
  delay = MIN (delay, 3600);
  /* Jitter is not a secret: g_random is fine here. */
  return delay + g_random_int_range (0, (gint32) (delay / 2) + 1);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gint64
mq_outbox_add_announcement (MqOutbox   *self,
                            gint64      event_id,
                            const char *template_text,
                            const char *media_path,
                            const char *media_alt,
                            const char *language,
                            const char *visibility,
                            const char *scheduled_at,
                            GError    **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), 0);
  g_return_val_if_fail (template_text != NULL, 0);

  if (media_path != NULL && *media_path != '\0' && is_blank (media_alt))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("The image needs a description (alt text) for people who cannot see it"));
      return 0;
    }

  now = mq_store_now_iso (self->store);
  stmt = mq_store_prepare (self->store,
                           "INSERT INTO announcements (event_id, template, media_path, media_alt, "
                           "language, visibility, scheduled_at, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  if (event_id > 0)
    sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, template_text, -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 3, media_path);
  mq_bind_text_or_null (stmt, 4, media_alt);
  mq_bind_text_or_null (stmt, 5, language);
  sqlite3_bind_text (stmt, 6, visibility != NULL ? visibility : "public", -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 7, scheduled_at);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (self->store, stmt, error))
    return 0;

  mq_store_notify_changed (self->store, "outbox");
  return sqlite3_last_insert_rowid (mq_store_get_db (self->store));
}

static MqOutboxJob *
job_from_row (sqlite3_stmt *stmt)
{
  MqOutboxJob *job = g_new0 (MqOutboxJob, 1);

  job->id = sqlite3_column_int64 (stmt, 0);
  job->announcement_id = sqlite3_column_int64 (stmt, 1);
  job->account_id = sqlite3_column_int64 (stmt, 2);
  job->event_id = sqlite3_column_int64 (stmt, 3);
  mq_outbox_state_from_string (mq_column_text (stmt, 4), &job->state);
  job->text = g_strdup (mq_column_text (stmt, 5));
  job->media_path = g_strdup (mq_column_text (stmt, 6));
  job->media_alt = g_strdup (mq_column_text (stmt, 7));
  job->language = g_strdup (mq_column_text (stmt, 8));
  job->visibility = g_strdup (mq_column_text (stmt, 9));
  job->scheduled_at = g_strdup (mq_column_text (stmt, 10));
  job->attempts = sqlite3_column_int (stmt, 11);
  job->next_try_at = g_strdup (mq_column_text (stmt, 12));
  job->last_error = g_strdup (mq_column_text (stmt, 13));
  job->remote_id = g_strdup (mq_column_text (stmt, 14));
  job->remote_url = g_strdup (mq_column_text (stmt, 15));
  job->idempotency_key = g_strdup (mq_column_text (stmt, 16));
  job->record_key = g_strdup (mq_column_text (stmt, 17));
  job->created_at = g_strdup (mq_column_text (stmt, 18));
  job->updated_at = g_strdup (mq_column_text (stmt, 19));
  return job;
}

gint64
mq_outbox_enqueue (MqOutbox   *self,
                   gint64      announcement_id,
                   gint64      account_id,
                   const char *text,
                   gboolean    as_draft,
                   GError    **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autofree char *now = NULL;
  g_autofree char *key = NULL;
  g_autofree char *rkey = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  if (*text == '\0')
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID, _("The announcement is empty: write some text"));
      return 0;
    }
  if (!mq_transaction_begin (&tx, self->store, error))
    return 0;

  stmt = mq_store_prepare (self->store,
                           "SELECT id FROM outbox_jobs WHERE announcement_id = ? AND account_id = ?",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, announcement_id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return mq_store_propagate (self->store, rc, error), 0;
  sqlite3_reset (stmt);
  if (id > 0)
    return mq_transaction_commit (&tx, error) ? id : 0;

  now = mq_store_now_iso (self->store);
  key = mq_outbox_new_idempotency_key ();
  rkey = mq_outbox_new_record_key ();
  stmt = mq_store_prepare (self->store,
                           "INSERT INTO outbox_jobs (announcement_id, account_id, text, media_path, "
                           "media_alt, language, visibility, scheduled_at, state, idempotency_key, "
                           "record_key, created_at, updated_at) "
                           "SELECT id, ?2, ?3, media_path, media_alt, language, visibility, "
                           "scheduled_at, ?4, ?5, ?6, ?7, ?7 FROM announcements WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, announcement_id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, as_draft ? "draft" : "queued", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, rkey, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (self->store, stmt, error))
    return 0;
  if (sqlite3_changes (mq_store_get_db (self->store)) == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("Announcement %" PRId64 " does not exist"), announcement_id);
      return 0;
    }
  id = sqlite3_last_insert_rowid (mq_store_get_db (self->store));
  mq_store_notify_changed (self->store, "outbox");
  if (!mq_transaction_commit (&tx, error))
    return 0;
  return id;
}

MqOutboxJob *
mq_outbox_get_job (MqOutbox  *self,
                   gint64     job_id,
                   GError   **error)
{
  sqlite3_stmt *stmt;
  MqOutboxJob *job;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);

  stmt = mq_store_prepare (self->store, "SELECT " JOB_COLUMNS "WHERE j.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("Outbox job %" PRId64 " does not exist"), job_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      mq_store_propagate (self->store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  job = job_from_row (stmt);
  sqlite3_reset (stmt);
  return job;
}

GPtrArray *
mq_outbox_list_jobs (MqOutbox  *self,
                     GError   **error)
{
  g_autoptr(GPtrArray) jobs = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);

  stmt = mq_store_prepare (self->store, "SELECT " JOB_COLUMNS "ORDER BY j.id", error);
  if (stmt == NULL)
    return NULL;
  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_outbox_job_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (jobs, job_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return mq_store_propagate (self->store, rc, error), NULL;
  return g_steal_pointer (&jobs);
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
           GError    **error)
{
  g_autofree char *now = mq_store_now_iso (self->store);
  sqlite3_stmt *stmt;

  stmt = mq_store_prepare (self->store,
                           "UPDATE outbox_jobs SET state = ?3, next_try_at = ?4, "
                           "last_error = coalesce (?5, last_error), "
                           "remote_id = coalesce (?6, remote_id), "
                           "remote_url = coalesce (?7, remote_url), updated_at = ?8 "
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
  if (!mq_store_step_done (self->store, stmt, error))
    return FALSE;
  if (sqlite3_changes (mq_store_get_db (self->store)) == 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("Outbox job %" PRId64 " is not %s"), job_id, from);
      return FALSE;
    }
  mq_store_notify_changed (self->store, "outbox");
  return TRUE;
}

gboolean
mq_outbox_queue (MqOutbox  *self,
                 gint64     job_id,
                 GError   **error)
{
  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);
  return set_state (self, job_id, "draft", "queued", NULL, NULL, NULL, NULL, error);
}

int
mq_outbox_recover (MqOutbox  *self,
                   GError   **error)
{
  sqlite3_stmt *stmt;
  int changes;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), -1);

  stmt = mq_store_prepare (self->store,
                           "UPDATE outbox_jobs SET state = 'queued', next_try_at = NULL "
                           "WHERE state = 'sending'", error);
  if (stmt == NULL || !mq_store_step_done (self->store, stmt, error))
    return -1;
  changes = sqlite3_changes (mq_store_get_db (self->store));
  if (changes > 0)
    mq_store_notify_changed (self->store, "outbox");
  return changes;
}

MqOutboxJob *
mq_outbox_claim_next (MqOutbox  *self,
                      GError   **error)
{
  g_auto(MqTransaction) tx = { 0 };
  g_autofree char *now = NULL;
  MqOutboxJob *job = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);

  if (!mq_transaction_begin (&tx, self->store, error))
    return NULL;
  now = mq_store_now_iso (self->store);
  stmt = mq_store_prepare (self->store,
                           "SELECT " JOB_COLUMNS "WHERE j.state = 'queued' "
                           "AND (j.next_try_at IS NULL OR j.next_try_at <= ?1) "
                           "AND (j.scheduled_at IS NULL OR j.scheduled_at <= ?1) "
                           "ORDER BY coalesce (j.next_try_at, j.created_at), j.id LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    job = job_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mq_store_propagate (self->store, rc, error), NULL;
  if (job == NULL)
    {
      mq_transaction_commit (&tx, error);
      return NULL;
    }

  stmt = mq_store_prepare (self->store,
                           "UPDATE outbox_jobs SET state = 'sending', attempts = attempts + 1, "
                           "updated_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return mq_outbox_job_free (job), NULL;
  sqlite3_bind_int64 (stmt, 1, job->id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!mq_store_step_done (self->store, stmt, error) || !mq_transaction_commit (&tx, error))
    return mq_outbox_job_free (job), NULL;

  mq_store_notify_changed (self->store, "outbox");
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

  return set_state (self, job_id, "sending", "posted", NULL, NULL, remote_id, remote_url, error);
}

gboolean
mq_outbox_mark_failed (MqOutbox    *self,
                       gint64       job_id,
                       const char  *reason,
                       GError     **error)
{
  g_return_val_if_fail (MQ_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  return set_state (self, job_id, "sending", "failed", NULL, reason, NULL, NULL, error);
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

  now = mq_store_now (self->store);
  next = g_date_time_add_seconds (now, mq_outbox_backoff_seconds (job->attempts));
  if (not_before != NULL && g_date_time_compare (not_before, next) > 0)
    {
      g_date_time_unref (next);
      next = g_date_time_to_utc (not_before);
    }
  next_iso = g_date_time_format (next, "%Y-%m-%dT%H:%M:%SZ");
  return set_state (self, job_id, "sending", "queued", next_iso, reason, NULL, NULL, error);
}
