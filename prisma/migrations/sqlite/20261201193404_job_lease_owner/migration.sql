-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "claimedBy" TEXT;

-- AlterTable
ALTER TABLE "DigestRun" ADD COLUMN "claimedBy" TEXT;

-- AlterTable
ALTER TABLE "Send" ADD COLUMN "claimedBy" TEXT;
