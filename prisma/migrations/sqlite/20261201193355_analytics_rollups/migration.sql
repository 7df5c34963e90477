-- AlterTable
ALTER TABLE "DeliveryAttempt" ADD COLUMN "provider" TEXT;

-- AlterTable
ALTER TABLE "Preference" ADD COLUMN "optedOutAt" DATETIME;

-- CreateTable
CREATE TABLE "AnalyticsRollup" (
    "bucketStart" DATETIME NOT NULL,
    "metric" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "channel" TEXT NOT NULL DEFAULT '',
    "provider" TEXT NOT NULL DEFAULT '',
    "priority" TEXT NOT NULL DEFAULT '',
    "bin" INTEGER NOT NULL DEFAULT -1,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("bucketStart", "metric", "category", "channel", "provider", "priority", "bin")
);

-- CreateTable
CREATE TABLE "AnalyticsCursor" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "watermark" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DeliveryAttempt_startedAt_idx" ON "DeliveryAttempt"("startedAt");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- CreateIndex
CREATE INDEX "Notification_readAt_idx" ON "Notification"("readAt");

-- CreateIndex
CREATE INDEX "Preference_optedOutAt_idx" ON "Preference"("optedOutAt");

-- CreateIndex
CREATE INDEX "Send_sentAt_idx" ON "Send"("sentAt");
