-- AlterTable
ALTER TABLE "items" ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnById" UUID;

-- AlterTable
ALTER TABLE "milestones" ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnById" UUID;

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnById" UUID;

-- CreateIndex
CREATE INDEX "items_withdrawnAt_idx" ON "items"("withdrawnAt");

-- CreateIndex
CREATE INDEX "milestones_withdrawnAt_idx" ON "milestones"("withdrawnAt");

-- CreateIndex
CREATE INDEX "reviews_withdrawnAt_idx" ON "reviews"("withdrawnAt");

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A withdrawal always says when and why; a done milestone or item is never withdrawn.
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_withdrawal_check"
  CHECK (("withdrawnAt" IS NULL) = ("withdrawReason" IS NULL) AND ("withdrawnAt" IS NULL OR "status" <> 'done'));
ALTER TABLE "items" ADD CONSTRAINT "items_withdrawal_check"
  CHECK (("withdrawnAt" IS NULL) = ("withdrawReason" IS NULL) AND ("withdrawnAt" IS NULL OR "status" <> 'done'));
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_withdrawal_check"
  CHECK (("withdrawnAt" IS NULL) = ("withdrawReason" IS NULL) AND ("withdrawnAt" IS NULL OR "lockedAt" IS NULL));
