-- AlterTable
ALTER TABLE "Category" ADD COLUMN "icon" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "actedActionId" TEXT;
ALTER TABLE "Notification" ADD COLUMN "actedAt" DATETIME;
ALTER TABLE "Notification" ADD COLUMN "actions" TEXT;
ALTER TABLE "Notification" ADD COLUMN "icon" TEXT;

-- AlterTable
ALTER TABLE "Send" ADD COLUMN "actions" TEXT;
ALTER TABLE "Send" ADD COLUMN "icon" TEXT;
