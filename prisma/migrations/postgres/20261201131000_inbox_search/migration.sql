-- Full-text search over the inbox (issue 11), written by hand: Prisma does not model expression indexes
-- (the migration diff ignores them, so `db:migrate` leaves this one alone; tests/unit/searchMigrations.test.ts
-- checks it). An expression GIN index: nothing to keep in step on insert beyond the index itself, and no
-- column the ORM would have to know about. 'simple' configuration: no stemming and no stop words, so French
-- and English text are searched alike. The search query repeats this exact expression
-- (server/services/notifications/searchStatements.ts).
CREATE INDEX "Notification_search_idx" ON "Notification" USING GIN (to_tsvector('simple'::regconfig, "title" || ' ' || "body"));
