-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "before" TEXT,
    "after" TEXT,
    "requestId" TEXT,
    "traceId" TEXT
);

-- AlterTable
-- Written by hand in place of the generated "RedefineTables" (which copies every Send row into a new table):
-- SQLite adds a NOT NULL column with a constant default in place, and the result is the same table.
ALTER TABLE "Send" ADD COLUMN "erasedReadCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Send" ADD COLUMN "erasedActionCounts" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_at_idx" ON "AuditEvent"("targetType", "targetId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- Written by hand: the audit log is append-only (server/services/audit/appendAuditEvent.ts). The services only
-- append and list; these triggers make the database refuse the rest too, whoever asks.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent" BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent" BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
