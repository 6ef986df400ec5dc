-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 5: images kept with their announcement, server-side scheduling,
-- and the Mastodon server's media limit.

-- The image itself, so a post scheduled for next week still has it when
-- the file it came from has moved; media_path stays as its name.
ALTER TABLE announcements ADD COLUMN media_data BLOB;
ALTER TABLE announcements ADD COLUMN media_type TEXT;

-- The Mastodon media attachment this job uploaded, kept so a retry asks
-- about it instead of uploading the image again.
ALTER TABLE outbox_jobs ADD COLUMN media_remote_id TEXT;
-- 1 when the server accepted the post as a scheduled status (Mastodon's
-- scheduled_at): remote_id is then the scheduled status.
ALTER TABLE outbox_jobs ADD COLUMN remote_scheduled INTEGER NOT NULL DEFAULT 0
  CHECK (remote_scheduled IN (0, 1));

-- configuration.media_attachments.image_size_limit, cached from /api/v2/instance.
ALTER TABLE social_accounts ADD COLUMN image_size_limit INTEGER
  CHECK (image_size_limit IS NULL OR image_size_limit > 0);
