-- DropIndex
DROP INDEX "Notification_userId_archivedAt_readAt_seenAt_idx";

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "snoozedUntil" DATETIME;

-- CreateIndex
CREATE INDEX "Notification_userId_archivedAt_snoozedUntil_readAt_seenAt_idx" ON "Notification"("userId", "archivedAt", "snoozedUntil", "readAt", "seenAt");

-- CreateIndex
CREATE INDEX "Notification_snoozedUntil_idx" ON "Notification"("snoozedUntil");
