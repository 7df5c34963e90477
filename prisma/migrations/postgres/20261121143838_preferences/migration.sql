-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "escalation" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "deferredReason" TEXT,
ADD COLUMN     "escalationStep" INTEGER;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "digest" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestTime" TEXT NOT NULL DEFAULT '08:00',
ADD COLUMN     "quietHoursEnd" TEXT,
ADD COLUMN     "quietHoursStart" TEXT,
ADD COLUMN     "smsConsentSource" TEXT;

-- CreateTable
CREATE TABLE "Preference" (
    "userId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "emailDigest" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Preference_pkey" PRIMARY KEY ("userId","category","channel")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sending',
    "leaseUntil" TIMESTAMP(3),
    "notificationCount" INTEGER NOT NULL DEFAULT 0,
    "providerMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_userId_period_periodKey_key" ON "DigestRun"("userId", "period", "periodKey");

-- CreateIndex
CREATE INDEX "Notification_digest_createdAt_idx" ON "Notification"("digest", "createdAt");

-- AddForeignKey
ALTER TABLE "Preference" ADD CONSTRAINT "Preference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
