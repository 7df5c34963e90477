-- AlterTable
ALTER TABLE "User" ADD COLUMN "slackUserId" TEXT;
