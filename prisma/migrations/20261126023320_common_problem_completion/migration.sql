-- AlterTable
ALTER TABLE "common_problems" ADD COLUMN     "completedAt" TIMESTAMPTZ(3),
ADD COLUMN     "completedById" UUID;

-- CreateIndex
CREATE INDEX "common_problems_status_createdAt_idx" ON "common_problems"("status", "createdAt");

-- CreateIndex
CREATE INDEX "common_problems_createdAt_idx" ON "common_problems"("createdAt");

-- AddForeignKey
ALTER TABLE "common_problems" ADD CONSTRAINT "common_problems_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a done common problem records when (as items and milestones do).
UPDATE "common_problems" SET "completedAt" = "updatedAt" WHERE "status" = 'done' AND "completedAt" IS NULL;
ALTER TABLE "common_problems" ADD CONSTRAINT "common_problems_done_has_completed_at"
  CHECK ("status" <> 'done' OR "completedAt" IS NOT NULL);
