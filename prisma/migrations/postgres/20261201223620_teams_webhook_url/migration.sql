-- AlterTable
ALTER TABLE "User" ADD COLUMN     "teamsWebhookUrl" TEXT;
