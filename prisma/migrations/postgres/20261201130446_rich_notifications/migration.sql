-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "icon" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "actedActionId" TEXT,
ADD COLUMN     "actedAt" TIMESTAMP(3),
ADD COLUMN     "actions" TEXT,
ADD COLUMN     "icon" TEXT;

-- AlterTable
ALTER TABLE "Send" ADD COLUMN     "actions" TEXT,
ADD COLUMN     "icon" TEXT;
