/* mq-outbox-sender.c: sends the outbox's due jobs through the right client
 *
 * A job is claimed ('sending', one more attempt) before any request, so a
 * crash mid-send leaves evidence that mq_outbox_recover() turns back into a
 * retry; the keys chosen when the job was queued make that retry harmless,
 * and past the hour Mastodon keeps a key, a look at the account does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-outbox-sender"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mq-bluesky-client.h"
#include "mq-mastodon-client.h"
#include "mq-outbox-sender.h"
#include "mq-social-http.h"
#include "mq-store-private.h"

struct _MqOutboxSender
{
  GObject        parent_instance;

  MqOutbox      *outbox;
  MqSecretStore *secrets;
  guint          recovered : 1;
};

G_DEFINE_FINAL_TYPE (MqOutboxSender, mq_outbox_sender, G_TYPE_OBJECT)

static void
mq_outbox_sender_finalize (GObject *object)
{
  MqOutboxSender *self = MQ_OUTBOX_SENDER (object);

  g_clear_object (&self->outbox);
  g_clear_object (&self->secrets);
  G_OBJECT_CLASS (mq_outbox_sender_parent_class)->finalize (object);
}

static void
mq_outbox_sender_class_init (MqOutboxSenderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_outbox_sender_finalize;
}

static void
mq_outbox_sender_init (MqOutboxSender *self)
{
}

MqOutboxSender *
mq_outbox_sender_new (MqOutbox      *outbox,
                      MqSecretStore *secrets)
{
  MqOutboxSender *self;

  g_return_val_if_fail (MQ_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (MQ_IS_SECRET_STORE (secrets), NULL);

  self = g_object_new (MQ_TYPE_OUTBOX_SENDER, NULL);
  self->outbox = g_object_ref (outbox);
  self->secrets = g_object_ref (secrets);
  return self;
}

static char *
account_label (const MqSocialAccount *account)
{
  return g_strdup_printf ("Marquee: %s on %s", account->handle, account->server);
}

/* The job's image as a media attachment that is ready to post, uploading
 * it only if an earlier attempt did not: a media id kept in the job is
 * asked about first, and uploaded again only if the server has deleted it.
 */
static char *
mastodon_media (MqOutboxSender     *self,
                MqMastodonClient   *client,
                const MqOutboxJob  *job,
                const MqPostImage  *image,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autofree char *media_id = g_strdup (job->media_remote_id);
  g_autoptr(GError) local_error = NULL;
  gboolean ready = FALSE;

  if (media_id != NULL)
    {
      if (mq_mastodon_client_wait_for_media (client, media_id, cancellable, &local_error))
        return g_steal_pointer (&media_id);
      if (!g_error_matches (local_error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_debug ("media %s of job %" G_GINT64_FORMAT " is gone, uploading again", media_id, job->id);
      g_clear_pointer (&media_id, g_free);
    }

  if (!(media_id = mq_mastodon_client_upload_media (client, image, job->media_alt, &ready,
                                                    cancellable, error)))
    return NULL;
  if (!mq_outbox_set_media_remote_id (self->outbox, job->id, media_id, error))
    return NULL;
  if (!ready && !mq_mastodon_client_wait_for_media (client, media_id, cancellable, error))
    return NULL;
  return g_steal_pointer (&media_id);
}

static gboolean
is_future (MqStore    *store,
           const char *iso)
{
  g_autoptr(GDateTime) when = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) now = mq_store_now (store);

  return when != NULL && g_date_time_compare (when, now) > 0;
}

/* Mastodon keeps an Idempotency-Key "for up to 1 hour" (POST
 * /api/v1/statuses, docs.joinmastodon.org/methods/statuses). A job that
 * may be on the server is sent again with its key alone only well within
 * that hour, so a slow try does not outlive the key.
 */
#define MASTODON_KEY_TRUSTED_SECONDS (50 * 60)
/* How far the server's clock may be behind ours when its created_at is
 * compared with the time of our try.
 */
#define MASTODON_CLOCK_SKEW_SECONDS (5 * 60)

/* When to look for the post on the account instead of trusting the key:
 * NULL while the key still protects the job, else the earliest time the
 * post can have been created.
 */
static GDateTime *
mastodon_key_expired (MqStore           *store,
                      const MqOutboxJob *job)
{
  const char *iso = job->maybe_posted_at != NULL ? job->maybe_posted_at : job->created_at;
  g_autoptr(GDateTime) tried = NULL;
  g_autoptr(GDateTime) now = mq_store_now (store);

  if (!job->maybe_posted)
    return NULL;
  /* An unreadable time cannot prove the key is still kept. */
  if (iso == NULL || !(tried = g_date_time_new_from_iso8601 (iso, NULL)))
    tried = g_date_time_new_from_unix_utc (0);
  if (g_date_time_difference (now, tried) < MASTODON_KEY_TRUSTED_SECONDS * G_TIME_SPAN_SECOND)
    return NULL;
  return g_date_time_add_seconds (tried, -MASTODON_CLOCK_SKEW_SECONDS);
}

static MqPostResult *
post_mastodon (MqOutboxSender         *self,
               const MqSocialAccount  *account,
               const MqOutboxJob      *job,
               const MqPostImage      *image,
               GDateTime             **retry_at,
               gboolean               *lookup_failed,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autoptr(GDateTime) expired_since = NULL;
  g_autoptr(MqSecret) token = NULL;
  g_autoptr(MqMastodonClient) client = NULL;
  g_autofree char *media_id = NULL;
  const char *media_ids[2] = { NULL, NULL };
  const char *scheduled_at = NULL;
  GError *local_error = NULL;
  MqPostResult *result = NULL;

  token = mq_secret_store_lookup (self->secrets, account->id, MQ_SECRET_ACCESS_TOKEN, cancellable, &local_error);
  if (token == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_AUTH,
                     _("The keyring has no login for %s on %s: log in to this account again"),
                     account->handle, account->server);
      g_propagate_error (error, local_error);
      return NULL;
    }
  client = mq_mastodon_client_new (account->server, token);

  /* The outbox hands over a job still in the future only when the server
   * can schedule it (mq_outbox_claim_next()).
   */
  expired_since = mastodon_key_expired (mq_outbox_get_store (self->outbox), job);
  if (is_future (mq_outbox_get_store (self->outbox), job->scheduled_at))
    scheduled_at = job->scheduled_at;
  if (job->scheduled_at != NULL && job->attempts > 1 && (scheduled_at == NULL || expired_since != NULL))
    {
      /* An earlier attempt may have handed it to the server's schedule
       * and lost the answer: the scheduled status keeps the key for as
       * long as it waits, so it is found by it.
       */
      result = mq_mastodon_client_find_scheduled (client, job->idempotency_key, cancellable, &local_error);
      if (result != NULL || local_error != NULL)
        {
          if (local_error != NULL)
            {
              *lookup_failed = TRUE;
              g_propagate_error (error, local_error);
            }
          goto out;
        }
    }
  if (expired_since != NULL)
    {
      /* The server no longer knows the key: were the post there, sending
       * again would publish it twice. Not finding it is the only leave to
       * send, and a lookup that fails is a try that failed.
       */
      g_autoptr(GHashTable) taken = mq_outbox_get_posted_ids (self->outbox, job->account_id, &local_error);

      if (taken != NULL)
        result = mq_mastodon_client_find_own_status (client, job->text, expired_since, taken,
                                                     cancellable, &local_error);
      if (result != NULL || local_error != NULL)
        {
          if (local_error != NULL)
            {
              *lookup_failed = TRUE;
              g_propagate_error (error, local_error);
            }
          else
            g_debug ("job %" G_GINT64_FORMAT " was found on the account as %s", job->id, result->id);
          goto out;
        }
    }

  if (image != NULL)
    {
      if (!(media_id = mastodon_media (self, client, job, image, cancellable, error)))
        goto out;
      media_ids[0] = media_id;
    }
  result = mq_mastodon_client_post_status (client, job->text, job->visibility, job->language,
                                           media_ids, scheduled_at, job->idempotency_key,
                                           cancellable, error);

out:
  if (mq_mastodon_client_get_retry_at (client) != NULL)
    *retry_at = g_date_time_ref (mq_mastodon_client_get_retry_at (client));
  return result;
}

/* A refreshed or new session goes back to the keyring, so the next run
 * does not log in again (createSession allows 30 logins per 5 minutes).
 */
static void
save_bluesky_session (MqOutboxSender        *self,
                      const MqSocialAccount *account,
                      MqBlueskyClient       *client,
                      const char            *old_access)
{
  const char *access = mq_bluesky_client_get_access_jwt (client);
  const char *did = mq_bluesky_client_get_did (client);
  g_autofree char *label = account_label (account);
  g_autoptr(GError) error = NULL;

  if (access == NULL || g_strcmp0 (access, old_access) == 0)
    return;
  if (!mq_secret_store_store (self->secrets, account->id, MQ_SECRET_ACCESS_TOKEN, label, access, NULL, &error) ||
      !mq_secret_store_store (self->secrets, account->id, MQ_SECRET_REFRESH_TOKEN, label,
                              mq_bluesky_client_get_refresh_jwt (client), NULL, &error))
    g_warning ("The new Bluesky session of account %" G_GINT64_FORMAT " was not saved: %s",
               account->id, error->message);
  if (did != NULL && g_strcmp0 (did, account->remote_id) != 0 &&
      !mq_outbox_update_account (self->outbox, account->id, did, account->display_name,
                                 account->max_characters, &error))
    g_warning ("The DID of account %" G_GINT64_FORMAT " was not saved: %s", account->id, error->message);
}

static MqPostResult *
post_bluesky (MqOutboxSender         *self,
              const MqSocialAccount  *account,
              const MqOutboxJob      *job,
              const MqPostImage      *image,
              GDateTime             **retry_at,
              GCancellable           *cancellable,
              GError                **error)
{
  g_autoptr(MqSecret) password = NULL;
  g_autoptr(MqSecret) access = NULL;
  g_autoptr(MqSecret) refresh = NULL;
  g_autoptr(MqBlueskyClient) client = NULL;
  MqPostResult *result;

  if (!(password = mq_secret_store_lookup (self->secrets, account->id, MQ_SECRET_APP_PASSWORD, cancellable, error)) &&
      error != NULL && *error != NULL)
    return NULL;
  if (!(access = mq_secret_store_lookup (self->secrets, account->id, MQ_SECRET_ACCESS_TOKEN, cancellable, error)) &&
      error != NULL && *error != NULL)
    return NULL;
  if (!(refresh = mq_secret_store_lookup (self->secrets, account->id, MQ_SECRET_REFRESH_TOKEN, cancellable, error)) &&
      error != NULL && *error != NULL)
    return NULL;

  client = mq_bluesky_client_new (account->server, account->handle, password);
  if (access != NULL && account->remote_id != NULL)
    mq_bluesky_client_set_session (client, account->remote_id, access, refresh);
  result = mq_bluesky_client_create_post (client, job->text, job->language, image, job->media_alt,
                                          job->record_key, cancellable, error);
  save_bluesky_session (self, account, client, access);
  if (mq_bluesky_client_get_retry_at (client) != NULL)
    *retry_at = g_date_time_ref (mq_bluesky_client_get_retry_at (client));
  return result;
}

/* Whether the request behind @error may have been acted on although its
 * answer never came: a timeout or broken connection, a server failure, an
 * answer Marquee could not read, or the send cancelled midway. DNS and
 * refused connections are in UNREACHABLE too; taking them as "maybe" only
 * means the job is sent again rather than cancelled.
 */
static gboolean
may_have_posted (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  return error->domain == MQ_SOCIAL_ERROR &&
         (error->code == MQ_SOCIAL_ERROR_UNREACHABLE ||
          error->code == MQ_SOCIAL_ERROR_SERVER ||
          error->code == MQ_SOCIAL_ERROR_PROTOCOL);
}

/* Sends one claimed job and records the outcome; FALSE only when the
 * database could not record it.
 */
static gboolean
send_job (MqOutboxSender  *self,
          MqOutboxJob     *job,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(MqPostImage) image = NULL;
  g_autoptr(MqPostResult) result = NULL;
  g_autoptr(GDateTime) retry_at = NULL;
  g_autoptr(GError) post_error = NULL;
  g_auto(MqTransaction) tx = { 0 };
  gboolean lookup_failed = FALSE;
  gboolean maybe_posted;

  if (!(account = mq_outbox_get_account (self->outbox, job->account_id, error)))
    return FALSE;

  /* A text or an image the server will refuse is not worth eight attempts.
   * Unless the job may be on the server already: then only the server can
   * say, by answering with the post or refusing the request.
   */
  if (!job->maybe_posted &&
      !mq_announcement_check_length (account->network, job->text, account->max_characters, &post_error))
    return mq_outbox_mark_failed (self->outbox, job->id, post_error->message, error);
  image = mq_outbox_load_image (self->outbox, job->announcement_id, &post_error);
  if (post_error != NULL ||
      (image != NULL && !job->maybe_posted &&
       (!mq_post_image_check_alt (job->media_alt, &post_error) ||
        !mq_post_image_check_alt_length (job->media_alt, account->network, &post_error) ||
        !mq_post_image_check_size (image, account->network, account->image_size_limit, &post_error))))
    return mq_outbox_mark_failed (self->outbox, job->id, post_error->message, error);

  if (account->network == MQ_SOCIAL_NETWORK_MASTODON)
    result = post_mastodon (self, account, job, image, &retry_at, &lookup_failed, cancellable, &post_error);
  else
    result = post_bluesky (self, account, job, image, &retry_at, cancellable, &post_error);

  if (result != NULL && result->scheduled_at != NULL)
    {
      g_debug ("job %" G_GINT64_FORMAT " scheduled on the server as %s", job->id, result->id);
      return mq_outbox_mark_scheduled (self->outbox, job->id, result->id, error);
    }
  if (result != NULL)
    {
      g_debug ("job %" G_GINT64_FORMAT " posted as %s", job->id, result->id);
      return mq_outbox_mark_posted (self->outbox, job->id, result->id, result->url, error);
    }

  g_debug ("job %" G_GINT64_FORMAT " attempt %d: %s", job->id, job->attempts, post_error->message);
  /* A refusal of this request, with the job's keys, also says no earlier
   * attempt published it: the server would have answered with that post
   * (Mastodon's Idempotency-Key; the Bluesky client looks the record up
   * after a failed createRecord). A rate limit, a refused login or
   * certificate say nothing either way, and neither does a failed look
   * for the post on the account.
   */
  if (lookup_failed)
    maybe_posted = job->maybe_posted;
  else if (may_have_posted (post_error))
    maybe_posted = TRUE;
  else if (g_error_matches (post_error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_REJECTED))
    maybe_posted = FALSE;
  else
    maybe_posted = job->maybe_posted;
  if (!mq_transaction_begin (&tx, mq_outbox_get_store (self->outbox), error))
    return FALSE;
  if (maybe_posted != job->maybe_posted &&
      !mq_outbox_set_maybe_posted (self->outbox, job->id, maybe_posted, error))
    return FALSE;
  if (g_error_matches (post_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      mq_social_error_is_transient (post_error))
    {
      if (!mq_outbox_mark_retry (self->outbox, job->id, post_error->message, retry_at, error))
        return FALSE;
    }
  else if (!mq_outbox_mark_failed (self->outbox, job->id, post_error->message, error))
    return FALSE;
  return mq_transaction_commit (&tx, error);
}

int
mq_outbox_sender_run_once (MqOutboxSender  *self,
                           GCancellable    *cancellable,
                           GError         **error)
{
  int tried = 0;

  g_return_val_if_fail (MQ_IS_OUTBOX_SENDER (self), -1);

  /* Only a sender that just started may assume a job in 'sending' was
   * abandoned by a process that ended.
   */
  if (!self->recovered)
    {
      int recovered = mq_outbox_recover (self->outbox, error);

      if (recovered < 0)
        return -1;
      if (recovered > 0)
        g_debug ("%d interrupted job(s) will be retried with their keys", recovered);
      self->recovered = TRUE;
    }

  while (!g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(MqOutboxJob) job = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(job = mq_outbox_claim_next (self->outbox, &local_error)))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return -1;
            }
          break;
        }
      tried++;
      if (!send_job (self, job, cancellable, error))
        return -1;
    }
  return tried;
}
