-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 6: a name for this database that no other database has.
--
-- Account secrets in the keyring are filed under it together with the
-- account id, so two databases on one keyring (two clubs, or a demo) never
-- read or overwrite each other's tokens. It is an identity, not a secret:
-- SQLite's randomblob () is enough.
CREATE TABLE database_identity (
  id TEXT NOT NULL CHECK (length (id) = 32)
);

INSERT INTO database_identity (id) VALUES (lower (hex (randomblob (16))));
