-- Full-text search over the inbox (issue 11), written by hand: Prisma does not model FTS5. The table and
-- its shadow tables are listed in scripts/db/externalTables.ts, so `db:migrate` never proposes to drop them.
--
-- An external-content FTS5 index over Notification (title and body, plus userId so a search reads only the
-- user's postings), keyed by Notification's rowid. Triggers keep it in step with every write, the group
-- commit's multi-row INSERT and the purge's DELETE included: no application code has to remember it.
-- Accents are folded (remove_diacritics 2): "deploiement" finds "Déploiement".
-- The rowid of a table without an INTEGER PRIMARY KEY may change in a VACUUM: after one, rebuild the index
-- with INSERT INTO "NotificationSearch"("NotificationSearch") VALUES ('rebuild') (see README).
CREATE VIRTUAL TABLE "NotificationSearch" USING fts5(
    "userId", "title", "body",
    content='Notification', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);

INSERT INTO "NotificationSearch"("NotificationSearch") VALUES ('rebuild');

CREATE TRIGGER "Notification_search_insert" AFTER INSERT ON "Notification" BEGIN
    INSERT INTO "NotificationSearch"(rowid, "userId", "title", "body") VALUES (new.rowid, new."userId", new."title", new."body");
END;

CREATE TRIGGER "Notification_search_delete" AFTER DELETE ON "Notification" BEGIN
    INSERT INTO "NotificationSearch"("NotificationSearch", rowid, "userId", "title", "body") VALUES ('delete', old.rowid, old."userId", old."title", old."body");
END;

CREATE TRIGGER "Notification_search_update" AFTER UPDATE OF "userId", "title", "body" ON "Notification" BEGIN
    INSERT INTO "NotificationSearch"("NotificationSearch", rowid, "userId", "title", "body") VALUES ('delete', old.rowid, old."userId", old."title", old."body");
    INSERT INTO "NotificationSearch"(rowid, "userId", "title", "body") VALUES (new.rowid, new."userId", new."title", new."body");
END;
