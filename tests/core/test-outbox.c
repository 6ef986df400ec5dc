/* test-outbox.c: the durable job store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

static void
test_draft_and_schedule (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MqOutboxJob) job = NULL;
  gint64 later, id;

  later = mq_outbox_add_announcement (f->outbox, 0, "t", "/tmp/p.png", "  ", NULL, NULL, NULL, &error);
  g_assert_error (error, MQ_ERROR, MQ_ERROR_INVALID);
  g_assert_cmpint (later, ==, 0);
  g_clear_error (&error);

  later = mq_outbox_add_announcement (f->outbox, 0, "t", NULL, NULL, NULL, "unlisted",
                                      "2026-11-27T10:00:00Z", &error);
  id = mq_outbox_enqueue (f->outbox, later, f->account_id, "scheduled", TRUE, &error);
  g_assert_no_error (error);
  g_assert_null (mq_outbox_claim_next (f->outbox, &error));
  g_assert_true (mq_outbox_queue (f->outbox, id, &error));
  g_assert_null (mq_outbox_claim_next (f->outbox, &error));
  set_now (f, "2026-11-27T10:00:00Z");
  job = mq_outbox_claim_next (f->outbox, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);
  g_assert_cmpstr (job->visibility, ==, "unlisted");
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

  return g_test_run ();
}
