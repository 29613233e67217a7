-- AlterTable
ALTER TABLE "milestones" ADD COLUMN     "blockedReason" TEXT,
ADD COLUMN     "completedById" UUID;

-- AlterTable
ALTER TABLE "progress_reports" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "reason" TEXT;

-- CreateTable
CREATE TABLE "items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "problem" TEXT NOT NULL,
    "cause" TEXT,
    "measure" TEXT,
    "responsibleDepartmentId" UUID,
    "responsiblePersonId" UUID,
    "deadline" DATE NOT NULL,
    "status" "WorkStatus" NOT NULL DEFAULT 'planned',
    "blockedReason" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "completedById" UUID,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "items_projectId_deadline_idx" ON "items"("projectId", "deadline");

-- CreateIndex
CREATE INDEX "items_responsibleDepartmentId_status_idx" ON "items"("responsibleDepartmentId", "status");

-- CreateIndex
CREATE INDEX "items_responsiblePersonId_idx" ON "items"("responsiblePersonId");

-- CreateIndex
CREATE INDEX "items_status_deadline_idx" ON "items"("status", "deadline");

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_responsiblePersonId_fkey" FOREIGN KEY ("responsiblePersonId") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: rules the database itself enforces.
ALTER TABLE "items" ADD CONSTRAINT "items_version_positive" CHECK ("version" >= 1);
ALTER TABLE "items" ADD CONSTRAINT "items_problem_present" CHECK (length(btrim("problem")) > 0);
-- A done record knows when; a blocked one says why.
ALTER TABLE "items" ADD CONSTRAINT "items_done_has_completed_at" CHECK ("status" <> 'done' OR "completedAt" IS NOT NULL);
ALTER TABLE "items" ADD CONSTRAINT "items_blocked_has_reason" CHECK ("status" <> 'blocked' OR length(btrim(coalesce("blockedReason", ''))) > 0);
UPDATE "milestones" SET "blockedReason" = '（受阻原因未记录）' WHERE "status" = 'blocked' AND "blockedReason" IS NULL;
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_blocked_has_reason" CHECK ("status" <> 'blocked' OR length(btrim(coalesce("blockedReason", ''))) > 0);
-- Ledger entries: never zero; a correction (negative) carries its reason.
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_nonzero" CHECK ("households" <> 0);
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_correction_has_reason" CHECK ("households" > 0 OR length(btrim(coalesce("reason", ''))) > 0);
