-- AlterTable
ALTER TABLE "User" ADD COLUMN     "whatsappConsentAt" TIMESTAMP(3),
ADD COLUMN     "whatsappConsentSource" TEXT;
