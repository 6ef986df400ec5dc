-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 7: people are listed in the order of their folded names.
--
-- Lists, searches and exports sort by name_key (lower case, no accents,
-- punctuation as spaces), so "Élodie" stands among the E's as she does in
-- door mode and on the printed door list, not after "Zoë" as ASCII case
-- folding put her. people_by_name_key (schema 4) gives that order without
-- a sort; the index on the raw name has nothing left to do.
DROP INDEX people_by_name;
