-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 4: what a large import needs to stay fast.

-- The name folded as the directory search folds it (lower case, no accents,
-- punctuation to spaces, trimmed), so "the same name" is one index lookup.
-- mq_fold_name () is the core's own function, registered on every
-- connection the store opens (mq-store.c).
ALTER TABLE people ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE people SET name_key = mq_fold_name (name);
CREATE INDEX people_by_name_key ON people (name_key);

-- An import of many people fills the FTS index once at the end instead of
-- row by row: while it runs, this table holds the first id it created, and
-- the triggers leave rows from that id on alone. The import writes and
-- empties it inside its own transaction, so no other reader ever sees a row
-- here, and a rolled-back import takes it back with everything else.
CREATE TABLE people_fts_deferred (
  first_id INTEGER NOT NULL
);

DROP TRIGGER people_fts_insert;
DROP TRIGGER people_fts_delete;
DROP TRIGGER people_fts_update;

CREATE TRIGGER people_fts_insert AFTER INSERT ON people
WHEN NOT EXISTS (SELECT 1 FROM people_fts_deferred WHERE new.id >= first_id) BEGIN
  INSERT INTO people_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER people_fts_delete AFTER DELETE ON people
WHEN NOT EXISTS (SELECT 1 FROM people_fts_deferred WHERE old.id >= first_id) BEGIN
  INSERT INTO people_fts (people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

CREATE TRIGGER people_fts_update AFTER UPDATE OF search_text ON people
WHEN NOT EXISTS (SELECT 1 FROM people_fts_deferred WHERE old.id >= first_id) BEGIN
  INSERT INTO people_fts (people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO people_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

-- People in name order without a sort: the People page's list and the
-- export of a large event walk this index (rowid breaks ties, as id does
-- in their ORDER BY).
CREATE INDEX people_by_name ON people (name COLLATE NOCASE);
