-- AlterTable
ALTER TABLE "User" ADD COLUMN "whatsappConsentAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "whatsappConsentSource" TEXT;
