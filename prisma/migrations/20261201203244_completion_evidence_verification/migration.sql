-- CreateEnum
CREATE TYPE "VerificationKind" AS ENUM ('milestone', 'item', 'review_item');

-- AlterEnum
ALTER TYPE "WorkStatus" ADD VALUE 'awaiting_verification';

-- AlterTable
ALTER TABLE "items" ADD COLUMN     "completedOn" DATE,
ADD COLUMN     "completionNote" TEXT,
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMPTZ(3),
ADD COLUMN     "returnedById" UUID,
ADD COLUMN     "verifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "verifiedById" UUID;

-- AlterTable
ALTER TABLE "milestones" ADD COLUMN     "completedOn" DATE,
ADD COLUMN     "completionNote" TEXT,
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMPTZ(3),
ADD COLUMN     "returnedById" UUID,
ADD COLUMN     "verifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "verifiedById" UUID;

-- CreateTable
CREATE TABLE "evidence_files" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "milestoneId" UUID,
    "itemId" UUID,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" UUID,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnById" UUID,
    "withdrawReason" TEXT,

    CONSTRAINT "evidence_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_rules" (
    "kind" "VerificationKind" NOT NULL,
    "requiresVerification" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID,

    CONSTRAINT "verification_rules_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "evidence_files_storageKey_key" ON "evidence_files"("storageKey");

-- CreateIndex
CREATE INDEX "evidence_files_milestoneId_uploadedAt_idx" ON "evidence_files"("milestoneId", "uploadedAt");

-- CreateIndex
CREATE INDEX "evidence_files_itemId_uploadedAt_idx" ON "evidence_files"("itemId", "uploadedAt");

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "milestones"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_rules" ADD CONSTRAINT "verification_rules_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The new status is compared as text below: a value added to an enum cannot be used as one
-- in the transaction that adds it.

-- Done and 待复核 both carry the completion's time; no other status does.
ALTER TABLE "milestones" DROP CONSTRAINT "milestones_done_has_completed_at";
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_done_has_completed_at"
  CHECK (("status"::text IN ('done', 'awaiting_verification')) = ("completedAt" IS NOT NULL));
ALTER TABLE "items" DROP CONSTRAINT "items_done_has_completed_at";
ALTER TABLE "items" ADD CONSTRAINT "items_done_has_completed_at"
  CHECK (("status"::text IN ('done', 'awaiting_verification')) = ("completedAt" IS NOT NULL));

-- Done work from before completions existed: its completion day is the day it was marked done (in China).
UPDATE "milestones" SET "completedOn" = ("completedAt" AT TIME ZONE 'Asia/Shanghai')::date
  WHERE "status"::text = 'done' AND "completedOn" IS NULL;
UPDATE "items" SET "completedOn" = ("completedAt" AT TIME ZONE 'Asia/Shanghai')::date
  WHERE "status"::text = 'done' AND "completedOn" IS NULL;

-- A completion has its day (and, awaiting verification, its note); a verification only on done
-- work; a return always says why.
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_completion_check" CHECK (
  ("status"::text IN ('done', 'awaiting_verification')) = ("completedOn" IS NOT NULL)
  AND ("status"::text <> 'awaiting_verification' OR length(btrim(coalesce("completionNote", ''))) > 0)
  AND ("verifiedAt" IS NULL OR "status"::text = 'done')
  AND (("verifiedAt" IS NULL) = ("verifiedById" IS NULL))
  AND (("returnedAt" IS NULL) = ("returnReason" IS NULL)));
ALTER TABLE "items" ADD CONSTRAINT "items_completion_check" CHECK (
  ("status"::text IN ('done', 'awaiting_verification')) = ("completedOn" IS NOT NULL)
  AND ("status"::text <> 'awaiting_verification' OR length(btrim(coalesce("completionNote", ''))) > 0)
  AND ("verifiedAt" IS NULL OR "status"::text = 'done')
  AND (("verifiedAt" IS NULL) = ("verifiedById" IS NULL))
  AND (("returnedAt" IS NULL) = ("returnReason" IS NULL)));

-- Completed work, done or awaiting verification, is never withdrawn.
ALTER TABLE "milestones" DROP CONSTRAINT "milestones_withdrawal_check";
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_withdrawal_check"
  CHECK (("withdrawnAt" IS NULL) = ("withdrawReason" IS NULL)
    AND ("withdrawnAt" IS NULL OR "status"::text NOT IN ('done', 'awaiting_verification')));
ALTER TABLE "items" DROP CONSTRAINT "items_withdrawal_check";
ALTER TABLE "items" ADD CONSTRAINT "items_withdrawal_check"
  CHECK (("withdrawnAt" IS NULL) = ("withdrawReason" IS NULL)
    AND ("withdrawnAt" IS NULL OR "status"::text NOT IN ('done', 'awaiting_verification')));

-- A common problem is never completed with evidence nor verified.
ALTER TABLE "common_problems" ADD CONSTRAINT "common_problems_no_verification"
  CHECK ("status"::text <> 'awaiting_verification');

-- An evidence file belongs to exactly one milestone or item; its figures are sane; a withdrawal says when and why.
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_one_record"
  CHECK (("milestoneId" IS NULL) <> ("itemId" IS NULL));
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_figures"
  CHECK ("sizeBytes" >= 0 AND "sha256" ~ '^[0-9a-f]{64}$' AND length(btrim("fileName")) > 0);
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_withdrawal_check"
  CHECK (("withdrawnAt" IS NULL) = ("withdrawReason" IS NULL));

ALTER TABLE "verification_rules" ADD CONSTRAINT "verification_rules_version_positive" CHECK ("version" >= 1);

-- The defaults: only items raised by a review (研判会) wait for the office's verification.
INSERT INTO "verification_rules" ("kind", "requiresVerification") VALUES
  ('milestone', false), ('item', false), ('review_item', true);
