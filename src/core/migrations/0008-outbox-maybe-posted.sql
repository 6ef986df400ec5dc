-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 8: jobs that may be on the server although Marquee never heard so.
--
-- maybe_posted is 1 once a request that could publish the job went out and
-- its answer was lost: Marquee stopped while sending it (mq_outbox_recover()),
-- or the request timed out, the connection broke, or the server failed.
-- Such a job is not cancelled, only sent again: its Idempotency-Key or
-- record key makes the server answer with the post if there is one. It is
-- 0 again when the server refuses a request carrying those keys, which it
-- would not do if the post existed.
ALTER TABLE outbox_jobs ADD COLUMN maybe_posted INTEGER NOT NULL DEFAULT 0
  CHECK (maybe_posted IN (0, 1));

-- Before this column nothing told a retry after a lost answer from one
-- after a refusal: a job waiting for its next try, or still marked as
-- sending, may be on the server. The sender sends those again anyway.
UPDATE outbox_jobs SET maybe_posted = 1
  WHERE state IN ('queued', 'sending') AND attempts > 0;
