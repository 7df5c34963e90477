-- AlterTable
ALTER TABLE "Category" ADD COLUMN "escalation" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "deferredReason" TEXT;
ALTER TABLE "Delivery" ADD COLUMN "escalationStep" INTEGER;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "digest" TEXT;

-- CreateTable
CREATE TABLE "Preference" (
    "userId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "emailDigest" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "category", "channel"),
    CONSTRAINT "Preference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sending',
    "leaseUntil" DATETIME,
    "notificationCount" INTEGER NOT NULL DEFAULT 0,
    "providerMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "DigestRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'user',
    "passwordHash" TEXT,
    "phone" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "externalId" TEXT,
    "smsConsentAt" DATETIME,
    "smsConsentSource" TEXT,
    "quietHoursStart" TEXT,
    "quietHoursEnd" TEXT,
    "digestTime" TEXT NOT NULL DEFAULT '08:00',
    "inboxSeq" INTEGER NOT NULL DEFAULT 0,
    "stateVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "externalId", "id", "inboxSeq", "locale", "name", "passwordHash", "phone", "role", "smsConsentAt", "stateVersion", "timezone", "updatedAt") SELECT "createdAt", "email", "externalId", "id", "inboxSeq", "locale", "name", "passwordHash", "phone", "role", "smsConsentAt", "stateVersion", "timezone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_externalId_key" ON "User"("externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_userId_period_periodKey_key" ON "DigestRun"("userId", "period", "periodKey");

-- CreateIndex
CREATE INDEX "Notification_digest_createdAt_idx" ON "Notification"("digest", "createdAt");
