-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 2: RSVPs with their history, the check-in log, volunteers, greeters.

CREATE TABLE rsvps (
  id              INTEGER PRIMARY KEY,
  event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  status          TEXT    NOT NULL
                          CHECK (status IN ('going', 'maybe', 'waitlisted', 'declined', 'cancelled')),
  party_size      INTEGER NOT NULL DEFAULT 1 CHECK (party_size BETWEEN 1 AND 100),
  source          TEXT    NOT NULL DEFAULT 'manual',
  ticket_code     TEXT    NOT NULL UNIQUE,
  answers         TEXT,
  -- Place in the waitlist: smaller waits less. Set when the RSVP joins it.
  waitlist_seq    INTEGER,
  waitlisted_at   TEXT,
  override_reason TEXT,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  UNIQUE (event_id, person_id)
);

CREATE INDEX rsvps_by_event_status ON rsvps (event_id, status, waitlist_seq);
CREATE INDEX rsvps_by_person ON rsvps (person_id);

-- Append-only: rows may move to another RSVP when people are merged, nothing else.
CREATE TABLE rsvp_history (
  id          INTEGER PRIMARY KEY,
  rsvp_id     INTEGER NOT NULL REFERENCES rsvps (id) ON DELETE CASCADE,
  from_status TEXT,
  to_status   TEXT    NOT NULL,
  from_party  INTEGER,
  to_party    INTEGER NOT NULL,
  at          TEXT    NOT NULL,
  actor       TEXT    NOT NULL,
  reason      TEXT
);

CREATE INDEX rsvp_history_by_rsvp ON rsvp_history (rsvp_id, id);

CREATE TRIGGER rsvp_history_append_only
BEFORE UPDATE OF from_status, to_status, from_party, to_party, at, actor, reason ON rsvp_history
BEGIN
  SELECT RAISE (ABORT, 'the RSVP history is append-only');
END;

-- Append-only log of the door: admits and their undos. Who is in is derived.
CREATE TABLE check_ins (
  id         INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  rsvp_id    INTEGER NOT NULL REFERENCES rsvps (id) ON DELETE CASCADE,
  action     TEXT    NOT NULL CHECK (action IN ('admit', 'undo')),
  people     INTEGER NOT NULL CHECK (people >= 1),
  undoes_id  INTEGER REFERENCES check_ins (id),
  at         TEXT    NOT NULL,
  station    TEXT    NOT NULL DEFAULT '',
  volunteer  TEXT,
  reason     TEXT,
  CHECK (action = 'admit' OR (undoes_id IS NOT NULL AND length (trim (reason)) > 0))
);

CREATE INDEX check_ins_by_rsvp ON check_ins (rsvp_id, id);
CREATE INDEX check_ins_by_event ON check_ins (event_id, action);

CREATE TRIGGER check_ins_append_only
BEFORE UPDATE OF event_id, action, people, undoes_id, at, station, volunteer, reason ON check_ins
BEGIN
  SELECT RAISE (ABORT, 'the check-in log is append-only');
END;

CREATE TABLE volunteers (
  event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role      TEXT    NOT NULL CHECK (role IN ('organizer', 'door', 'greeter')),
  PRIMARY KEY (event_id, person_id, role)
) WITHOUT ROWID;

CREATE TABLE greeter_assignments (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  newcomer_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  greeter_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  status      TEXT    NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'met')),
  assigned_at TEXT    NOT NULL,
  met_at      TEXT,
  UNIQUE (event_id, newcomer_id)
);

CREATE TABLE introductions (
  id        INTEGER PRIMARY KEY,
  event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  person_a  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  person_b  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  by_person INTEGER REFERENCES people (id) ON DELETE SET NULL,
  note      TEXT,
  at        TEXT    NOT NULL,
  CHECK (person_a <> person_b)
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
