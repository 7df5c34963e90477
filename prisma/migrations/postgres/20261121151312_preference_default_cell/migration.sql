-- AlterTable
ALTER TABLE "Preference" ALTER COLUMN "enabled" DROP NOT NULL;
