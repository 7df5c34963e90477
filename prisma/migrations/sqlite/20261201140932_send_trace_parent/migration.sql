-- AlterTable
ALTER TABLE "Send" ADD COLUMN "traceParent" TEXT;
