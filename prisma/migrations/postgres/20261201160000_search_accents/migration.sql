-- The inbox search folds accents on PostgreSQL as it does on SQLite (FTS5 `remove_diacritics 2`): "evenement"
-- finds "Événement" and "événement" finds "evenement", what French users type on a keyboard without accents.
-- A text search configuration of our own: 'simple' (no stemming, no stop words: French and English alike)
-- with the `unaccent` filter dictionary before it. `unaccent` ships with PostgreSQL (contrib) and is a trusted
-- extension since PostgreSQL 13, so the database owner may create it (see README "PostgreSQL").
-- Written by hand like the index it replaces (Prisma does not model expression indexes or configurations);
-- the search query repeats the index's expression exactly (server/services/notifications/searchStatements.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION "flashnotify_search" (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION "flashnotify_search"
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;

DROP INDEX "Notification_search_idx";
CREATE INDEX "Notification_search_idx" ON "Notification" USING GIN (to_tsvector('flashnotify_search'::regconfig, "title" || ' ' || "body"));
