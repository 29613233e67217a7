-- AlterTable
ALTER TABLE "cooperations" ADD COLUMN     "noticeId" UUID;

-- AlterTable
ALTER TABLE "work_notes" ADD COLUMN     "noticeId" UUID;

-- CreateTable
CREATE TABLE "cooperation_history" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "departmentId" UUID NOT NULL,
    "projectId" UUID,
    "milestoneId" UUID,
    "itemId" UUID,
    "noticeId" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cooperation_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cooperation_history_departmentId_endedAt_idx" ON "cooperation_history"("departmentId", "endedAt");

-- CreateIndex
CREATE UNIQUE INDEX "cooperations_noticeId_departmentId_key" ON "cooperations"("noticeId", "departmentId");

-- CreateIndex
CREATE INDEX "work_notes_noticeId_createdAt_idx" ON "work_notes"("noticeId", "createdAt");

-- CreateIndex
CREATE INDEX "work_notes_departmentId_createdAt_idx" ON "work_notes"("departmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "supervision_notices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cooperation_history" ADD CONSTRAINT "cooperation_history_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_notes" ADD CONSTRAINT "work_notes_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "supervision_notices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A cooperation is on exactly one record now that a 督办单 may have them too; a note likewise.
ALTER TABLE "cooperations" DROP CONSTRAINT "cooperations_one_target";
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_one_target" CHECK (num_nonnulls("projectId", "milestoneId", "itemId", "noticeId") = 1);
ALTER TABLE "work_notes" DROP CONSTRAINT "work_notes_one_target";
ALTER TABLE "work_notes" ADD CONSTRAINT "work_notes_one_target" CHECK (num_nonnulls("milestoneId", "itemId", "noticeId") = 1);
ALTER TABLE "cooperation_history" ADD CONSTRAINT "cooperation_history_one_target" CHECK (num_nonnulls("projectId", "milestoneId", "itemId", "noticeId") = 1);
ALTER TABLE "cooperation_history" ADD CONSTRAINT "cooperation_history_span" CHECK ("endedAt" >= "startedAt");

-- Every cooperation that ends (its set replaced, its department made the lead) keeps its span, so
-- a past period's scorecard counts the departments cooperating then, whoever does now.
CREATE FUNCTION "cooperation_ended"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "cooperation_history" ("departmentId", "projectId", "milestoneId", "itemId", "noticeId", "startedAt", "endedAt")
  VALUES (OLD."departmentId", OLD."projectId", OLD."milestoneId", OLD."itemId", OLD."noticeId", OLD."createdAt",
          greatest(OLD."createdAt", now()));
  RETURN NULL;
END $$;
CREATE TRIGGER "cooperations_keep_history" AFTER DELETE ON "cooperations"
  FOR EACH ROW EXECUTE FUNCTION "cooperation_ended"();
