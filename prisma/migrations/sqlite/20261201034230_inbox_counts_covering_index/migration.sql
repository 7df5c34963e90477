-- DropIndex
DROP INDEX "Notification_userId_archivedAt_readAt_idx";

-- CreateIndex
CREATE INDEX "Notification_userId_archivedAt_readAt_seenAt_idx" ON "Notification"("userId", "archivedAt", "readAt", "seenAt");
