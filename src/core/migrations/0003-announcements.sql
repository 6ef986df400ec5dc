-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 3: social accounts, announcements and their outbox.
-- No secret is ever stored here: tokens and passwords live in the keyring,
-- keyed by the account's id (see mq-secret-store.c).

CREATE TABLE social_accounts (
  id           INTEGER PRIMARY KEY,
  network      TEXT    NOT NULL CHECK (network IN ('mastodon', 'bluesky')),
  -- Base URL of the server, no trailing slash ("https://mastodon.social").
  server       TEXT    NOT NULL CHECK (length (trim (server)) > 0),
  -- "@name" for Mastodon; the handle ("alice.bsky.social") for Bluesky.
  handle       TEXT    NOT NULL CHECK (length (trim (handle)) > 0),
  -- The Bluesky DID or the Mastodon account id, once known.
  remote_id    TEXT,
  display_name TEXT,
  avatar_url   TEXT,
  -- Mastodon's configuration.statuses.max_characters, cached from /api/v2/instance.
  max_characters INTEGER CHECK (max_characters IS NULL OR max_characters > 0),
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL,
  UNIQUE (network, server, handle)
);

CREATE TABLE announcements (
  id           INTEGER PRIMARY KEY,
  event_id     INTEGER REFERENCES events (id) ON DELETE SET NULL,
  -- The template as the organizer wrote it; each job keeps its rendered text.
  template     TEXT    NOT NULL,
  media_path   TEXT,
  media_alt    TEXT,
  language     TEXT,
  visibility   TEXT    NOT NULL DEFAULT 'public'
                       CHECK (visibility IN ('public', 'unlisted', 'private', 'direct')),
  scheduled_at TEXT,
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL,
  -- Alt text is required whenever there is an image.
  CHECK (media_path IS NULL OR length (trim (coalesce (media_alt, ''))) > 0)
);

-- One job per announcement x account: the unit the sender retries.
CREATE TABLE outbox_jobs (
  id              INTEGER PRIMARY KEY,
  announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  account_id      INTEGER NOT NULL REFERENCES social_accounts (id) ON DELETE CASCADE,
  text            TEXT    NOT NULL CHECK (length (text) > 0),
  media_path      TEXT,
  media_alt       TEXT,
  language        TEXT,
  visibility      TEXT    NOT NULL DEFAULT 'public'
                          CHECK (visibility IN ('public', 'unlisted', 'private', 'direct')),
  scheduled_at    TEXT,
  state           TEXT    NOT NULL DEFAULT 'queued'
                          CHECK (state IN ('draft', 'queued', 'sending', 'posted', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_try_at     TEXT,
  last_error      TEXT,
  remote_id       TEXT,
  remote_url      TEXT,
  -- Chosen once when the job is created and sent unchanged on every retry,
  -- so a retry after a lost answer never makes a second post.
  idempotency_key TEXT    NOT NULL UNIQUE CHECK (length (idempotency_key) >= 16),
  record_key      TEXT    NOT NULL CHECK (length (record_key) = 13),
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  UNIQUE (announcement_id, account_id),
  CHECK (state <> 'posted' OR remote_id IS NOT NULL)
);

CREATE INDEX outbox_jobs_due ON outbox_jobs (state, next_try_at);
