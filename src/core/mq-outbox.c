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
#include "mq-outbox-private.h"

struct _MqOutbox
{
  GObject  parent_instance;
  MqStore *store;
};

G_DEFINE_FINAL_TYPE (MqOutbox, mq_outbox, G_TYPE_OBJECT)

static const char * const state_names[] = {
  "draft", "queued", "sending", "posted", "failed",
};

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
  g_free (job->media_remote_id);
  g_free (job->maybe_posted_at);
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

gboolean
mq_outbox_job_can_cancel (const MqOutboxJob *job)
{
  g_return_val_if_fail (job != NULL, FALSE);

  return (job->state == MQ_OUTBOX_STATE_DRAFT ||
          job->state == MQ_OUTBOX_STATE_QUEUED ||
          job->state == MQ_OUTBOX_STATE_FAILED) &&
         job->remote_id == NULL && !job->maybe_posted;
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
  g_autoptr(MqPostImage) image = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), 0);
  g_return_val_if_fail (template_text != NULL, 0);

  if (media_path != NULL && *media_path == '\0')
    media_path = NULL;
  if (media_path != NULL &&
      (!mq_post_image_check_alt (media_alt, error) ||
       !(image = mq_post_image_new_from_file (media_path, error))))
    return 0;

  now = mq_store_now_iso (self->store);
  stmt = mq_store_prepare (self->store,
                           "INSERT INTO announcements (event_id, template, media_path, media_alt, "
                           "language, visibility, scheduled_at, created_at, updated_at, "
                           "media_data, media_type) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  if (event_id > 0)
    sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_text (stmt, 2, template_text, -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 3, media_path);
  mq_bind_text_or_null (stmt, 4, image != NULL ? media_alt : NULL);
  mq_bind_text_or_null (stmt, 5, language);
  sqlite3_bind_text (stmt, 6, visibility != NULL ? visibility : "public", -1, SQLITE_TRANSIENT);
  mq_bind_text_or_null (stmt, 7, scheduled_at);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (image != NULL)
    {
      gsize len;
      gconstpointer data = g_bytes_get_data (image->bytes, &len);

      /* The statement is reset right after the step, while @image lives. */
      sqlite3_bind_blob64 (stmt, 10, data, len, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, image->mime_type, -1, SQLITE_TRANSIENT);
    }
  if (!mq_store_step_done (self->store, stmt, error))
    return 0;

  mq_store_notify_changed (self->store, "outbox");
  return sqlite3_last_insert_rowid (mq_store_get_db (self->store));
}

MqPostImage *
mq_outbox_load_image (MqOutbox  *self,
                      gint64     announcement_id,
                      GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_OUTBOX (self), NULL);

  stmt = mq_store_prepare (self->store,
                           "SELECT media_data FROM announcements WHERE id = ? AND media_data IS NOT NULL",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, announcement_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mq_store_propagate (self->store, rc, error), NULL;
  if (bytes == NULL)
    return NULL;
  return mq_post_image_new (bytes, error);
}

static char *
dup_media_alt (MqOutbox  *self,
               gint64     announcement_id,
               GError   **error)
{
  g_autofree char *alt = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = mq_store_prepare (self->store, "SELECT media_alt FROM announcements WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, announcement_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    alt = g_strdup (mq_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mq_store_propagate (self->store, rc, error), NULL;
  return g_steal_pointer (&alt);
}

/* An image too large for the account's network, or a description longer
 * than it takes, would fail on every try: say so while the organizer is
 * still at the composer.
 */
static gboolean
check_image_fits (MqOutbox   *self,
                  gint64      announcement_id,
                  gint64      account_id,
                  GError    **error)
{
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(MqPostImage) image = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *alt = NULL;

  if (!(image = mq_outbox_load_image (self, announcement_id, &local_error)))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!(account = mq_outbox_get_account (self, account_id, error)))
    return FALSE;
  alt = dup_media_alt (self, announcement_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return mq_post_image_check_size (image, account->network, account->image_size_limit, error) &&
         mq_post_image_check_alt_length (alt, account->network, error);
}

MqOutboxJob *
mq_outbox_job_from_row (sqlite3_stmt *stmt)
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
  job->media_remote_id = g_strdup (mq_column_text (stmt, 20));
  job->remote_scheduled = sqlite3_column_int (stmt, 21) != 0;
  job->maybe_posted = sqlite3_column_int (stmt, 22) != 0;
  job->maybe_posted_at = g_strdup (mq_column_text (stmt, 23));
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
  if (!check_image_fits (self, announcement_id, account_id, error))
    return 0;

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

  stmt = mq_store_prepare (self->store, "SELECT " MQ_OUTBOX_JOB_COLUMNS "WHERE j.id = ?", error);
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
  job = mq_outbox_job_from_row (stmt);
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

  stmt = mq_store_prepare (self->store, "SELECT " MQ_OUTBOX_JOB_COLUMNS "ORDER BY j.id", error);
  if (stmt == NULL)
    return NULL;
  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_outbox_job_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (jobs, mq_outbox_job_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return mq_store_propagate (self->store, rc, error), NULL;
  return g_steal_pointer (&jobs);
}
