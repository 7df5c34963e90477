-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Preference" (
    "userId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" BOOLEAN,
    "emailDigest" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "category", "channel"),
    CONSTRAINT "Preference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Preference" ("category", "channel", "emailDigest", "enabled", "updatedAt", "userId") SELECT "category", "channel", "emailDigest", "enabled", "updatedAt", "userId" FROM "Preference";
DROP TABLE "Preference";
ALTER TABLE "new_Preference" RENAME TO "Preference";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
