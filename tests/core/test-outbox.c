/* test-outbox.c: the durable job store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mq-error.h"
#include "mq-outbox.h"

typedef struct
{
  MqStore  *store;
  MqOutbox *outbox;
  gint64    account_id;
  gint64    announcement_id;
} Fixture;

static void
set_now (Fixture    *f,
         const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  mq_store_set_fixed_now (f->store, now);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = mq_store_open (":memory:", &error);
  g_assert_no_error (error);
  set_now (f, "2026-11-26T20:00:00Z");
  f->outbox = mq_outbox_new (f->store);
  f->account_id = mq_outbox_add_account (f->outbox, MQ_SOCIAL_NETWORK_MASTODON,
                                         "https://Films.Example/", "@club", &error);
  g_assert_no_error (error);
  f->announcement_id = mq_outbox_add_announcement (f->outbox, 0, "{title}", NULL, NULL,
                                                   "fr", NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->outbox);
  g_assert_finalize_object (f->store);
}

static void
test_enqueue_once (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxJob) job = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(MqSocialAccount) account = NULL;
  gint64 id, again;

  id = mq_outbox_enqueue (f->outbox, f->announcement_id, f->account_id, "Ciné 🎬", FALSE, &error);
  g_assert_no_error (error);
  again = mq_outbox_enqueue (f->outbox, f->announcement_id, f->account_id, "other", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, again);

  jobs = mq_outbox_list_jobs (f->outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 1);
  job = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (job->text, ==, "Ciné 🎬");
  g_assert_cmpint (job->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_cmpstr (job->language, ==, "fr");
  g_assert_cmpstr (job->visibility, ==, "public");
  g_assert_cmpuint (strlen (job->idempotency_key), ==, 32);
  g_assert_cmpuint (strlen (job->record_key), ==, 13);
  g_assert_true (strspn (job->record_key, "234567abcdefghijklmnopqrstuvwxyz") == 13);
  /* The first character of a TID has its top bit clear. */
  g_assert_nonnull (strchr ("234567abcdefghij", job->record_key[0]));

  account = mq_outbox_get_account (f->outbox, f->account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->server, ==, "https://films.example");
  g_assert_cmpstr (account->handle, ==, "@club");

  g_assert_cmpint (mq_outbox_enqueue (f->outbox, 999, f->account_id, "x", FALSE, &error), ==, 0);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

static void
test_keys_are_fresh (void)
{
  g_autofree char *a = mq_outbox_new_idempotency_key ();
  g_autofree char *b = mq_outbox_new_idempotency_key ();
  g_autofree char *t1 = mq_outbox_new_record_key ();
  g_autofree char *t2 = mq_outbox_new_record_key ();

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (t1, !=, t2);
}

static void
test_claim_retry_recover (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxJob) first = NULL;
  g_autoptr(MqOutboxJob) after = NULL;
  g_autoptr(MqOutboxJob) recovered = NULL;
  g_autoptr(MqOutboxJob) none = NULL;
  g_autoptr(MqOutboxJob) done = NULL;
  g_autoptr(GDateTime) retry_at = g_date_time_new_from_iso8601 ("2026-11-26T21:00:00Z", NULL);
  gint64 id;

  id = mq_outbox_enqueue (f->outbox, f->announcement_id, f->account_id, "hello", FALSE, &error);
  g_assert_no_error (error);

  first = mq_outbox_claim_next (f->outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->id, ==, id);
  g_assert_cmpint (first->state, ==, MQ_OUTBOX_STATE_SENDING);
  g_assert_cmpint (first->attempts, ==, 1);
  /* Nothing else is due while it is being sent. */
  g_assert_null (mq_outbox_claim_next (f->outbox, &error));
  g_assert_no_error (error);

  /* A 429 with Retry-After: the next try is no earlier than the server says. */
  g_assert_true (mq_outbox_mark_retry (f->outbox, id, "Rate limited", retry_at, &error));
  g_assert_no_error (error);
  after = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (after->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_cmpstr (after->next_try_at, ==, "2026-11-26T21:00:00Z");
  g_assert_cmpstr (after->last_error, ==, "Rate limited");
  g_assert_null (mq_outbox_claim_next (f->outbox, &error));

  /* The sender claims it, then the process dies in the middle of sending. */
  set_now (f, "2026-11-26T21:00:00Z");
  g_clear_pointer (&first, mq_outbox_job_free);
  first = mq_outbox_claim_next (f->outbox, &error);
  g_assert_nonnull (first);
  g_assert_cmpint (first->attempts, ==, 2);
  g_assert_cmpint (mq_outbox_recover (f->outbox, &error), ==, 1);
  recovered = mq_outbox_claim_next (f->outbox, &error);
  g_assert_nonnull (recovered);
  g_assert_cmpstr (recovered->idempotency_key, ==, after->idempotency_key);
  g_assert_cmpstr (recovered->record_key, ==, after->record_key);
  g_assert_cmpint (recovered->attempts, ==, 3);

  g_assert_true (mq_outbox_mark_posted (f->outbox, id, "109", "https://films.example/@club/109", &error));
  g_assert_no_error (error);
  done = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (done->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_cmpstr (done->remote_url, ==, "https://films.example/@club/109");
  /* A posted job can not be moved again. */
  g_assert_false (mq_outbox_mark_failed (f->outbox, id, "no", &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  none = mq_outbox_claim_next (f->outbox, NULL);
  g_assert_null (none);
}

static void
test_backoff_and_give_up (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxJob) job = NULL;
  gint64 id;

  for (int i = 0; i < 200; i++)
    {
      gint64 d1 = mq_outbox_backoff_seconds (1);
      gint64 d3 = mq_outbox_backoff_seconds (3);
      gint64 d20 = mq_outbox_backoff_seconds (20);

      g_assert_cmpint (d1, >=, 30);
      g_assert_cmpint (d1, <=, 45);
      g_assert_cmpint (d3, >=, 120);
      g_assert_cmpint (d3, <=, 180);
      g_assert_cmpint (d20, >=, 3600);
      g_assert_cmpint (d20, <=, 5400);
    }

  id = mq_outbox_enqueue (f->outbox, f->announcement_id, f->account_id, "hello", FALSE, &error);
  for (int i = 1; i <= MQ_OUTBOX_MAX_ATTEMPTS; i++)
    {
      g_autoptr(MqOutboxJob) claimed = NULL;
      g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 1, i, 0, 0, 0);

      mq_store_set_fixed_now (f->store, later);
      claimed = mq_outbox_claim_next (f->outbox, &error);
      g_assert_no_error (error);
      g_assert_nonnull (claimed);
      g_assert_true (mq_outbox_mark_retry (f->outbox, id, "HTTP 503", NULL, &error));
    }
  job = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (job->state, ==, MQ_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (job->last_error, ==, "Gave up after 8 attempts: HTTP 503");
}

static char *
write_png (gsize size)
{
  static const guint8 header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x02, 0x80, 0, 0, 0x01, 0xe0, 8, 2, 0, 0, 0,
  };
  g_autofree guint8 *data = g_malloc0 (size);
  char *path = g_build_filename (g_get_user_data_dir (), "poster.png", NULL);
  g_autoptr(GError) error = NULL;

  memcpy (data, header, sizeof header);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_draft_and_schedule (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxJob) server_side = NULL;
  g_autoptr(MqOutboxJob) local = NULL;
  g_autoptr(MqOutboxJob) close = NULL;
  g_autoptr(GDateTime) due = NULL;
  gint64 later, soon, bluesky, id;

  later = mq_outbox_add_announcement (f->outbox, 0, "t", NULL, NULL, NULL, "unlisted",
                                      "2026-11-27T10:00:00Z", &error);
  soon = mq_outbox_add_announcement (f->outbox, 0, "t", NULL, NULL, NULL, NULL,
                                     "2026-11-26T20:04:00Z", &error);
  bluesky = mq_outbox_add_account (f->outbox, MQ_SOCIAL_NETWORK_BLUESKY, "https://pds.example", "club.test", &error);
  g_assert_no_error (error);

  /* A draft waits for mq_outbox_queue(). */
  id = mq_outbox_enqueue (f->outbox, later, f->account_id, "scheduled", TRUE, &error);
  g_assert_no_error (error);
  g_assert_null (mq_outbox_claim_next (f->outbox, &error));
  g_assert_null (mq_outbox_next_due (f->outbox, &error));
  g_assert_no_error (error);

  /* Mastodon schedules it itself: due now, 14 hours ahead of the time. */
  g_assert_true (mq_outbox_queue (f->outbox, id, &error));
  due = mq_outbox_next_due (f->outbox, &error);
  g_assert_cmpint (g_date_time_to_unix (due), ==, 1795723200);
  g_clear_pointer (&due, g_date_time_unref);
  server_side = mq_outbox_claim_next (f->outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpint (server_side->id, ==, id);
  g_assert_cmpstr (server_side->visibility, ==, "unlisted");
  g_assert_true (mq_outbox_mark_scheduled (f->outbox, id, "3221", &error));
  g_clear_pointer (&server_side, mq_outbox_job_free);
  server_side = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (server_side->state, ==, MQ_OUTBOX_STATE_POSTED);
  g_assert_true (server_side->remote_scheduled);
  g_assert_cmpstr (server_side->remote_id, ==, "3221");
  g_assert_null (server_side->remote_url);

  /* Bluesky has no schedule: the local sender waits; so does Mastodon for
   * a time less than six minutes ahead.
   */
  mq_outbox_enqueue (f->outbox, later, bluesky, "scheduled", FALSE, &error);
  mq_outbox_enqueue (f->outbox, soon, f->account_id, "soon", FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (mq_outbox_claim_next (f->outbox, &error));
  due = mq_outbox_next_due (f->outbox, &error);
  g_assert_cmpint (g_date_time_to_unix (due), ==, 1795723200 + 4 * 60);
  g_clear_pointer (&due, g_date_time_unref);

  set_now (f, "2026-11-26T20:04:00Z");
  close = mq_outbox_claim_next (f->outbox, &error);
  g_assert_cmpstr (close->text, ==, "soon");
  g_assert_true (mq_outbox_mark_posted (f->outbox, close->id, "110", NULL, &error));
  due = mq_outbox_next_due (f->outbox, &error);
  g_assert_cmpint (g_date_time_to_unix (due), ==, 1795773600);
  g_assert_null (mq_outbox_claim_next (f->outbox, &error));

  set_now (f, "2026-11-27T10:00:00Z");
  local = mq_outbox_claim_next (f->outbox, &error);
  g_assert_no_error (error);
  g_assert_nonnull (local);
  g_assert_cmpint (local->account_id, ==, bluesky);
  g_assert_false (local->remote_scheduled);
}

static void
test_image_kept_and_checked (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_png (1000001);
  g_autofree char *text_path = g_build_filename (g_get_user_data_dir (), "notes.txt", NULL);
  g_autoptr(MqPostImage) image = NULL;
  g_autoptr(MqPostImage) none = NULL;
  g_autoptr(MqOutboxJob) job = NULL;
  g_autoptr(MqOutboxJob) claimed = NULL;
  g_autoptr(MqSocialAccount) account = NULL;
  gint64 announcement, bluesky, id;

  /* No alt text, or not an image: refused. */
  g_assert_cmpint (mq_outbox_add_announcement (f->outbox, 0, "t", path, "  ", NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);
  g_file_set_contents (text_path, "Honeyland, 19:30", -1, NULL);
  g_assert_cmpint (mq_outbox_add_announcement (f->outbox, 0, "t", text_path, "alt", NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);

  announcement = mq_outbox_add_announcement (f->outbox, 0, "t", path, "The poster", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Kept in the database: the file may go. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  image = mq_outbox_load_image (f->outbox, announcement, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (image->mime_type, ==, "image/png");
  g_assert_cmpuint (image->width, ==, 640);
  g_assert_cmpuint (image->height, ==, 480);
  g_assert_cmpuint (mq_post_image_get_size (image), ==, 1000001);
  none = mq_outbox_load_image (f->outbox, f->announcement_id, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* One byte over Bluesky's limit. */
  bluesky = mq_outbox_add_account (f->outbox, MQ_SOCIAL_NETWORK_BLUESKY, "https://pds.example", "club.test", &error);
  g_assert_cmpint (mq_outbox_enqueue (f->outbox, announcement, bluesky, "t", FALSE, &error), ==, 0);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The image is too large"));
  g_clear_error (&error);

  /* Mastodon: the server's limit once known. */
  id = mq_outbox_enqueue (f->outbox, announcement, f->account_id, "t", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (mq_outbox_set_account_limits (f->outbox, f->account_id, 1000, 500000, &error));
  account = mq_outbox_get_account (f->outbox, f->account_id, &error);
  g_assert_cmpint (account->max_characters, ==, 1000);
  g_assert_cmpint (account->image_size_limit, ==, 500000);
  g_assert_cmpint (mq_outbox_enqueue (f->outbox, mq_outbox_add_announcement (f->outbox, 0, "u", NULL, NULL, NULL,
                                                                            NULL, NULL, NULL),
                                      f->account_id, "u", FALSE, &error), >, 0);
  g_assert_no_error (error);

  /* The media id uploaded for a job is remembered for its retries. */
  g_assert_true (mq_outbox_queue (f->outbox, id, &error));
  claimed = mq_outbox_claim_next (f->outbox, &error);
  g_assert_cmpint (claimed->id, ==, id);
  g_assert_true (mq_outbox_set_media_remote_id (f->outbox, id, "110", &error));
  g_assert_true (mq_outbox_mark_retry (f->outbox, id, "HTTP 503", NULL, &error));
  job = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpstr (job->media_remote_id, ==, "110");
  g_assert_cmpstr (job->media_path, ==, path);
  g_assert_cmpstr (job->media_alt, ==, "The poster");
  g_assert_false (mq_outbox_set_media_remote_id (f->outbox, id, "111", &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

static gint64
count_jobs (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = mq_outbox_list_jobs (f->outbox, &error);

  g_assert_no_error (error);
  return jobs->len;
}

/* Mastodon counts the description's characters, not its bytes: 1,500 "é"
 * (3,000 bytes) go, 1,501 do not, and nothing is queued then. Bluesky has
 * no limit.
 */
static void
test_alt_text_limit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_png (2000);
  g_autoptr(GString) alt = g_string_new (NULL);
  g_autoptr(MqOutboxJob) job = NULL;
  gint64 at_limit, over_limit, bluesky, id;

  for (int i = 0; i < MQ_MASTODON_MAX_ALT_CHARACTERS; i++)
    g_string_append (alt, i % 2 == 0 ? "é" : "🎬");
  g_assert_cmpint (MQ_MASTODON_MAX_ALT_CHARACTERS, ==, 1500);
  g_assert_cmpuint (alt->len, >, 1500 * 2);
  at_limit = mq_outbox_add_announcement (f->outbox, 0, "t", path, alt->str, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  id = mq_outbox_enqueue (f->outbox, at_limit, f->account_id, "t", FALSE, &error);
  g_assert_no_error (error);
  job = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpstr (job->media_alt, ==, alt->str);
  g_assert_cmpint (count_jobs (f), ==, 1);

  g_string_append (alt, "é");
  over_limit = mq_outbox_add_announcement (f->outbox, 0, "t", path, alt->str, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mq_outbox_enqueue (f->outbox, over_limit, f->account_id, "t", FALSE, &error), ==, 0);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The image description (alt text) is 1501 characters long; Mastodon takes at most 1500: "
                   "shorten it");
  g_clear_error (&error);
  g_assert_cmpint (count_jobs (f), ==, 1);

  /* As a draft too: it would fail once queued. */
  g_assert_cmpint (mq_outbox_enqueue (f->outbox, over_limit, f->account_id, "t", TRUE, &error), ==, 0);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_jobs (f), ==, 1);

  bluesky = mq_outbox_add_account (f->outbox, MQ_SOCIAL_NETWORK_BLUESKY, "https://pds.example", "club.test", &error);
  g_assert_cmpint (mq_outbox_enqueue (f->outbox, over_limit, bluesky, "t", FALSE, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_jobs (f), ==, 2);
}

static void
test_find_account (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mq_outbox_find_account (f->outbox, MQ_SOCIAL_NETWORK_MASTODON, "https://films.example",
                                           "@club", &error), ==, f->account_id);
  g_assert_cmpint (mq_outbox_find_account (f->outbox, MQ_SOCIAL_NETWORK_MASTODON, "https://FILMS.example/",
                                           "@club", &error), ==, f->account_id);
  g_assert_cmpint (mq_outbox_find_account (f->outbox, MQ_SOCIAL_NETWORK_BLUESKY, "https://films.example",
                                           "@club", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (mq_outbox_find_account (f->outbox, MQ_SOCIAL_NETWORK_MASTODON, "films", "@club", &error), ==, -1);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
}

static void
count_changed (MqStore    *store,
               const char *what,
               int        *count)
{
  (*count)++;
}

/* A job of its own announcement, moved to @state the way the sender would. */
static gint64
job_in_state (Fixture       *f,
              MqOutboxState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxJob) claimed = NULL;
  gint64 announcement_id, id;

  announcement_id = mq_outbox_add_announcement (f->outbox, 0, "{title}", NULL, NULL,
                                                NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  id = mq_outbox_enqueue (f->outbox, announcement_id, f->account_id, "hello",
                          state == MQ_OUTBOX_STATE_DRAFT, &error);
  g_assert_no_error (error);
  if (state == MQ_OUTBOX_STATE_DRAFT || state == MQ_OUTBOX_STATE_QUEUED)
    return id;

  claimed = mq_outbox_claim_next (f->outbox, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claimed);
  g_assert_cmpint (claimed->id, ==, id);
  if (state == MQ_OUTBOX_STATE_POSTED)
    g_assert_true (mq_outbox_mark_posted (f->outbox, id, "109", "https://films.example/@club/109", &error));
  else if (state == MQ_OUTBOX_STATE_FAILED)
    g_assert_true (mq_outbox_mark_failed (f->outbox, id, "HTTP 422: Text too long", &error));
  g_assert_no_error (error);
  return id;
}

static void
assert_refused (Fixture    *f,
                gint64      id,
                gboolean    retry,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxJob) before = mq_outbox_get_job (f->outbox, id, NULL);
  g_autoptr(MqOutboxJob) after = NULL;
  int changed = 0;
  gulong handler;

  handler = g_signal_connect (f->store, "changed::outbox", G_CALLBACK (count_changed), &changed);
  if (retry)
    g_assert_false (mq_outbox_retry (f->outbox, id, &error));
  else
    g_assert_false (mq_outbox_cancel (f->outbox, id, &error));
  g_signal_handler_disconnect (f->store, handler);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (changed, ==, 0);

  after = mq_outbox_get_job (f->outbox, id, NULL);
  g_assert_nonnull (after);
  g_assert_cmpint (after->state, ==, before->state);
  g_assert_cmpstr (after->updated_at, ==, before->updated_at);
}

static void
test_retry_by_hand (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxJob) before = NULL;
  g_autoptr(MqOutboxJob) job = NULL;
  g_autoptr(MqOutboxJob) claimed = NULL;
  int changed = 0;
  gint64 id;

  assert_refused (f, job_in_state (f, MQ_OUTBOX_STATE_DRAFT), TRUE,
                  "This post is a draft: send it instead");
  id = job_in_state (f, MQ_OUTBOX_STATE_QUEUED);
  assert_refused (f, id, TRUE, "This post is already waiting to be sent");
  /* It would be claimed before the next ones: clear the way. */
  g_assert_true (mq_outbox_cancel (f->outbox, id, &error));
  g_assert_no_error (error);
  assert_refused (f, job_in_state (f, MQ_OUTBOX_STATE_SENDING), TRUE,
                  "This post is being sent right now");
  assert_refused (f, job_in_state (f, MQ_OUTBOX_STATE_POSTED), TRUE,
                  "This post is already published");

  id = job_in_state (f, MQ_OUTBOX_STATE_FAILED);
  before = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_no_error (error);
  set_now (f, "2026-11-26T21:00:00Z");
  g_signal_connect (f->store, "changed::outbox", G_CALLBACK (count_changed), &changed);
  g_assert_true (mq_outbox_retry (f->outbox, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 1);

  job = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (job->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_cmpint (job->attempts, ==, 0);
  g_assert_cmpstr (job->next_try_at, ==, "2026-11-26T21:00:00Z");
  g_assert_cmpstr (job->last_error, ==, "HTTP 422: Text too long");
  g_assert_cmpstr (job->idempotency_key, ==, before->idempotency_key);
  g_assert_cmpstr (job->record_key, ==, before->record_key);

  /* Due at once, and it can be retried only once. */
  assert_refused (f, id, TRUE, "This post is already waiting to be sent");
  claimed = mq_outbox_claim_next (f->outbox, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claimed);
  g_assert_cmpint (claimed->id, ==, id);
  g_assert_cmpint (claimed->attempts, ==, 1);

  g_assert_false (mq_outbox_retry (f->outbox, 999, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

static void
test_cancel_by_hand (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  MqOutboxState cancellable[] = {
    MQ_OUTBOX_STATE_DRAFT, MQ_OUTBOX_STATE_QUEUED, MQ_OUTBOX_STATE_FAILED,
  };
  gint64 shared, other_account, sending, posted;

  for (guint i = 0; i < G_N_ELEMENTS (cancellable); i++)
    {
      g_autoptr(MqOutboxJob) job = NULL;
      g_autoptr(MqOutboxJob) gone = NULL;
      int changed = 0;
      gulong handler;
      gint64 id = job_in_state (f, cancellable[i]);

      job = mq_outbox_get_job (f->outbox, id, &error);
      g_assert_no_error (error);
      handler = g_signal_connect (f->store, "changed::outbox", G_CALLBACK (count_changed), &changed);
      g_assert_true (mq_outbox_cancel (f->outbox, id, &error));
      g_signal_handler_disconnect (f->store, handler);
      g_assert_no_error (error);
      g_assert_cmpint (changed, ==, 1);
      gone = mq_outbox_get_job (f->outbox, id, &error);
      g_assert_null (gone);
      g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
      g_clear_error (&error);
      /* Its announcement, with no job left, went with it. */
      g_assert_true (mq_outbox_enqueue (f->outbox, job->announcement_id, f->account_id,
                                        "again", FALSE, &error) == 0);
      g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }

  /* An announcement still posted by another account stays. */
  other_account = mq_outbox_add_account (f->outbox, MQ_SOCIAL_NETWORK_BLUESKY,
                                         "https://bsky.social", "club.bsky.social", &error);
  g_assert_no_error (error);
  shared = mq_outbox_enqueue (f->outbox, f->announcement_id, f->account_id, "one", TRUE, &error);
  g_assert_no_error (error);
  mq_outbox_enqueue (f->outbox, f->announcement_id, other_account, "two", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (mq_outbox_cancel (f->outbox, shared, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mq_outbox_enqueue (f->outbox, f->announcement_id, f->account_id,
                                      "one again", TRUE, &error), >, shared);
  g_assert_no_error (error);

  sending = job_in_state (f, MQ_OUTBOX_STATE_SENDING);
  assert_refused (f, sending, FALSE,
                  "This post is being sent right now: if it reaches the server, delete it there");
  g_assert_true (mq_outbox_mark_posted (f->outbox, sending, "110", NULL, &error));
  g_assert_no_error (error);
  posted = job_in_state (f, MQ_OUTBOX_STATE_POSTED);
  assert_refused (f, posted, FALSE, "This post was already sent: delete it on the server");
  assert_refused (f, sending, FALSE, "This post was already sent: delete it on the server");

  jobs = mq_outbox_list_jobs (f->outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 4);
  g_assert_false (mq_outbox_cancel (f->outbox, 999, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
}

#define MAYBE_ON_SERVER_QUEUED \
  "This post may already be on the server: the answer to an earlier try was lost. Let Marquee send it " \
  "again (the server will not post it twice), then delete it there if you do not want it"
#define MAYBE_ON_SERVER_FAILED \
  "This post may already be on the server: the answer to an earlier try was lost. Retry it instead " \
  "(the server will not post it twice), then delete it there if you do not want it"

/* A job whose answer was lost may be on the server: cancelling it would
 * leave a post Marquee forgot, so it is refused until the server has said
 * either way. Having been tried is not enough to refuse: a rate limit
 * says the post did not happen.
 */
static void
test_cancel_maybe_posted (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxJob) never = NULL;
  g_autoptr(MqOutboxJob) recovered = NULL;
  g_autoptr(MqOutboxJob) claimed = NULL;
  g_autoptr(MqOutboxJob) failed = NULL;
  g_autoptr(MqOutboxJob) retried = NULL;
  g_autoptr(MqOutboxJob) refused = NULL;
  g_autoptr(MqOutboxJob) limited = NULL;
  g_autoptr(GDateTime) retry_at = g_date_time_new_from_iso8601 ("2026-11-26T20:05:00Z", NULL);
  gint64 id, other;

  /* Never tried: cancelled as before. */
  id = mq_outbox_enqueue (f->outbox, f->announcement_id, f->account_id, "hello", FALSE, &error);
  g_assert_no_error (error);
  never = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_false (never->maybe_posted);
  g_assert_true (mq_outbox_job_can_cancel (never));

  g_assert_null (never->maybe_posted_at);

  /* Marquee stopped while sending it: recovered, and no longer cancelled.
   * The post may date from when that try began.
   */
  set_now (f, "2026-11-26T19:00:00Z");
  claimed = mq_outbox_claim_next (f->outbox, &error);
  g_assert_cmpint (claimed->id, ==, id);
  set_now (f, "2026-11-26T19:02:00Z");
  g_assert_cmpint (mq_outbox_recover (f->outbox, &error), ==, 1);
  recovered = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_cmpint (recovered->state, ==, MQ_OUTBOX_STATE_QUEUED);
  g_assert_true (recovered->maybe_posted);
  g_assert_cmpstr (recovered->maybe_posted_at, ==, "2026-11-26T19:00:00Z");
  g_assert_false (mq_outbox_job_can_cancel (recovered));
  assert_refused (f, id, FALSE, MAYBE_ON_SERVER_QUEUED);

  /* Its next try times out too, then it gives up: retry, not cancel. */
  g_clear_pointer (&claimed, mq_outbox_job_free);
  set_now (f, "2026-11-26T19:30:00Z");
  claimed = mq_outbox_claim_next (f->outbox, &error);
  g_assert_true (claimed->maybe_posted);
  g_assert_true (mq_outbox_set_maybe_posted (f->outbox, id, TRUE, &error));
  g_assert_true (mq_outbox_mark_failed (f->outbox, id, "Gave up after 8 attempts", &error));
  failed = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_true (failed->maybe_posted);
  /* The first try that may have posted is the one that counts. */
  g_assert_cmpstr (failed->maybe_posted_at, ==, "2026-11-26T19:00:00Z");
  assert_refused (f, id, FALSE, MAYBE_ON_SERVER_FAILED);
  /* Only a job being sent takes the mark. */
  g_assert_false (mq_outbox_set_maybe_posted (f->outbox, id, FALSE, &error));
  g_assert_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Retried by hand, it keeps the mark with its keys... */
  g_assert_true (mq_outbox_retry (f->outbox, id, &error));
  retried = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_true (retried->maybe_posted);
  g_assert_cmpstr (retried->maybe_posted_at, ==, "2026-11-26T19:00:00Z");
  g_assert_cmpint (retried->attempts, ==, 0);
  assert_refused (f, id, FALSE, MAYBE_ON_SERVER_QUEUED);

  /* ...until the server refuses the request with those keys: then the
   * post is not there, and the job can go.
   */
  g_clear_pointer (&claimed, mq_outbox_job_free);
  claimed = mq_outbox_claim_next (f->outbox, &error);
  g_assert_true (mq_outbox_set_maybe_posted (f->outbox, id, FALSE, &error));
  g_assert_true (mq_outbox_mark_failed (f->outbox, id, "Validation failed", &error));
  refused = mq_outbox_get_job (f->outbox, id, &error);
  g_assert_false (refused->maybe_posted);
  g_assert_null (refused->maybe_posted_at);
  g_assert_true (mq_outbox_job_can_cancel (refused));
  g_assert_true (mq_outbox_cancel (f->outbox, id, &error));
  g_assert_no_error (error);

  /* Tried and rate-limited: the server said no, so it is cancelled. */
  other = mq_outbox_enqueue (f->outbox, mq_outbox_add_announcement (f->outbox, 0, "u", NULL, NULL, NULL,
                                                                    NULL, NULL, NULL),
                             f->account_id, "later", FALSE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&claimed, mq_outbox_job_free);
  claimed = mq_outbox_claim_next (f->outbox, &error);
  g_assert_cmpint (claimed->id, ==, other);
  g_assert_true (mq_outbox_mark_retry (f->outbox, other, "Rate limited", retry_at, &error));
  limited = mq_outbox_get_job (f->outbox, other, &error);
  g_assert_cmpint (limited->attempts, ==, 1);
  g_assert_false (limited->maybe_posted);
  g_assert_true (mq_outbox_cancel (f->outbox, other, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/outbox/enqueue/once-per-account", Fixture, NULL,
              fixture_setup, test_enqueue_once, fixture_teardown);
  g_test_add_func ("/core/outbox/keys/fresh", test_keys_are_fresh);
  g_test_add ("/core/outbox/send/claim-retry-recover-same-keys", Fixture, NULL,
              fixture_setup, test_claim_retry_recover, fixture_teardown);
  g_test_add ("/core/outbox/send/backoff-then-give-up", Fixture, NULL,
              fixture_setup, test_backoff_and_give_up, fixture_teardown);
  g_test_add ("/core/outbox/enqueue/draft-and-schedule", Fixture, NULL,
              fixture_setup, test_draft_and_schedule, fixture_teardown);
  g_test_add ("/core/outbox/image/kept-in-database-and-checked", Fixture, NULL,
              fixture_setup, test_image_kept_and_checked, fixture_teardown);
  g_test_add ("/core/outbox/image/mastodon-alt-text-limit", Fixture, NULL,
              fixture_setup, test_alt_text_limit, fixture_teardown);
  g_test_add ("/core/outbox/accounts/find", Fixture, NULL,
              fixture_setup, test_find_account, fixture_teardown);
  g_test_add ("/core/outbox/by-hand/retry", Fixture, NULL,
              fixture_setup, test_retry_by_hand, fixture_teardown);
  g_test_add ("/core/outbox/by-hand/cancel-refuses-maybe-posted", Fixture, NULL,
              fixture_setup, test_cancel_maybe_posted, fixture_teardown);
  g_test_add ("/core/outbox/by-hand/cancel", Fixture, NULL,
              fixture_setup, test_cancel_by_hand, fixture_teardown);

  return g_test_run ();
}
