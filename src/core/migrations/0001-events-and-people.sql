-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 1: events and the people directory.
-- Times are UTC ISO 8601 ("2026-12-01T18:30:00Z"); an event also keeps its IANA time zone.

CREATE TABLE events (
  id                  INTEGER PRIMARY KEY,
  kind                TEXT    NOT NULL DEFAULT 'screening'
                              CHECK (kind IN ('screening', 'meetup', 'addon')),
  parent_id           INTEGER REFERENCES events (id) ON DELETE SET NULL,
  title               TEXT    NOT NULL CHECK (length (trim (title)) > 0),
  starts_at           TEXT    NOT NULL,
  ends_at             TEXT,
  time_zone           TEXT    NOT NULL,
  venue               TEXT,
  address             TEXT,
  online_url          TEXT,
  capacity            INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  waitlist_policy     TEXT    NOT NULL DEFAULT 'auto'
                              CHECK (waitlist_policy IN ('auto', 'manual')),
  hashtag             TEXT,
  description         TEXT,
  status              TEXT    NOT NULL DEFAULT 'published'
                              CHECK (status IN ('draft', 'published', 'cancelled')),
  accessibility_notes TEXT,
  film_title          TEXT,
  film_director       TEXT,
  film_year           INTEGER,
  film_runtime        INTEGER CHECK (film_runtime IS NULL OR film_runtime > 0),
  film_language       TEXT,
  film_subtitles      TEXT,
  content_notes       TEXT,
  rights_note         TEXT,
  poster_path         TEXT,
  doors_minutes       INTEGER NOT NULL DEFAULT 30 CHECK (doors_minutes >= 0),
  qa_minutes          INTEGER NOT NULL DEFAULT 0 CHECK (qa_minutes >= 0),
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL,
  CHECK (kind <> 'addon' OR parent_id IS NOT NULL),
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);

CREATE INDEX events_by_start ON events (starts_at);

CREATE TABLE people (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  email           TEXT,
  phone           TEXT,
  mastodon        TEXT,
  bluesky         TEXT,
  organization    TEXT,
  pronouns        TEXT,
  languages       TEXT,
  notes           TEXT,
  consent_contact INTEGER NOT NULL DEFAULT 0,
  consent_photo   INTEGER NOT NULL DEFAULT 0,
  consent_listed  INTEGER NOT NULL DEFAULT 0,
  -- Name, email and handles folded to lower case without accents: what the
  -- directory search matches, written by the core whenever a person changes.
  search_text     TEXT    NOT NULL DEFAULT '',
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL
);

CREATE INDEX people_by_email ON people (email COLLATE NOCASE);
CREATE INDEX people_by_mastodon ON people (mastodon COLLATE NOCASE);
CREATE INDEX people_by_bluesky ON people (bluesky COLLATE NOCASE);

CREATE TABLE person_tags (
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  tag       TEXT    NOT NULL CHECK (length (trim (tag)) > 0),
  PRIMARY KEY (person_id, tag)
) WITHOUT ROWID;

-- Who was merged into whom, with the dropped record as it was.
CREATE TABLE person_merges (
  id          INTEGER PRIMARY KEY,
  kept_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  dropped_id  INTEGER NOT NULL,
  dropped     TEXT    NOT NULL,
  merged_at   TEXT    NOT NULL,
  actor       TEXT
);

-- The directory index: an external-content FTS5 table over people.search_text.
CREATE VIRTUAL TABLE people_fts USING fts5 (
  search_text,
  content = 'people',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
  INSERT INTO people_fts (people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

CREATE TRIGGER people_fts_update AFTER UPDATE OF search_text ON people BEGIN
  INSERT INTO people_fts (people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO people_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
