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
    "updatedAt" DATETIME NOT NULL,
    "localeChosen" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_User" ("createdAt", "digestTime", "email", "externalId", "id", "inboxSeq", "locale", "name", "passwordHash", "phone", "quietHoursEnd", "quietHoursStart", "role", "smsConsentAt", "smsConsentSource", "stateVersion", "timezone", "updatedAt") SELECT "createdAt", "digestTime", "email", "externalId", "id", "inboxSeq", "locale", "name", "passwordHash", "phone", "quietHoursEnd", "quietHoursStart", "role", "smsConsentAt", "smsConsentSource", "stateVersion", "timezone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_externalId_key" ON "User"("externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Hand-added: before this column only a service (v1 users API) could set a language other than en,
-- so those were chosen; everyone else now follows their browser until they choose.
UPDATE "User" SET "localeChosen" = true WHERE "locale" <> 'en';
