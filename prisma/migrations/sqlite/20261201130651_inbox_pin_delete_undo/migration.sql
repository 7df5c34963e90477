-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "deletedAt" DATETIME;
ALTER TABLE "Notification" ADD COLUMN "pinnedAt" DATETIME;

-- CreateTable
CREATE TABLE "InboxUndo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InboxUndo_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InboxUndo_expiresAt_idx" ON "InboxUndo"("expiresAt");

-- CreateIndex
CREATE INDEX "InboxUndo_userId_idx" ON "InboxUndo"("userId");

-- CreateIndex
CREATE INDEX "Notification_deletedAt_idx" ON "Notification"("deletedAt");
