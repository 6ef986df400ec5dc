-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 9: when a job first may have reached the server.
--
-- Mastodon keeps an Idempotency-Key for one hour only, so a job that is
-- maybe_posted and is sent again later than that is no longer protected by
-- its key: the sender first looks for the post among the account's own
-- statuses created since maybe_posted_at. It is set with maybe_posted (the
-- start of the try that may have posted) and cleared with it.
ALTER TABLE outbox_jobs ADD COLUMN maybe_posted_at TEXT;

-- When the try of a job already maybe_posted happened is not known; no try
-- came before the job was queued, so the search starts there.
UPDATE outbox_jobs SET maybe_posted_at = created_at WHERE maybe_posted = 1;
