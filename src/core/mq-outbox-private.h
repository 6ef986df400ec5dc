/* mq-outbox-private.h: what the outbox's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-outbox.h"
#include "mq-store-private.h"

G_BEGIN_DECLS

/* The columns mq_outbox_job_from_row() reads, with the FROM clause. */
#define MQ_OUTBOX_JOB_COLUMNS \
  "j.id, j.announcement_id, j.account_id, coalesce (a.event_id, 0), j.state, j.text, " \
  "j.media_path, j.media_alt, j.language, j.visibility, j.scheduled_at, j.attempts, " \
  "j.next_try_at, j.last_error, j.remote_id, j.remote_url, j.idempotency_key, " \
  "j.record_key, j.created_at, j.updated_at, j.media_remote_id, j.remote_scheduled, " \
  "j.maybe_posted, j.maybe_posted_at " \
  "FROM outbox_jobs j JOIN announcements a ON a.id = j.announcement_id "

MqOutboxJob *mq_outbox_job_from_row (sqlite3_stmt *stmt);

G_END_DECLS
