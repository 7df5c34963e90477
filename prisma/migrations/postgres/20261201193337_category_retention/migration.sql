-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "retentionDays" INTEGER;

-- CreateIndex
CREATE INDEX "Notification_category_createdAt_idx" ON "Notification"("category", "createdAt");
