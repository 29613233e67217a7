-- CreateTable
CREATE TABLE "cooperations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "departmentId" UUID NOT NULL,
    "projectId" UUID,
    "milestoneId" UUID,
    "itemId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cooperations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_notes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "milestoneId" UUID,
    "itemId" UUID,
    "departmentId" UUID,
    "text" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cooperations_departmentId_idx" ON "cooperations"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "cooperations_projectId_departmentId_key" ON "cooperations"("projectId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "cooperations_milestoneId_departmentId_key" ON "cooperations"("milestoneId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "cooperations_itemId_departmentId_key" ON "cooperations"("itemId", "departmentId");

-- CreateIndex
CREATE INDEX "work_notes_milestoneId_createdAt_idx" ON "work_notes"("milestoneId", "createdAt");

-- CreateIndex
CREATE INDEX "work_notes_itemId_createdAt_idx" ON "work_notes"("itemId", "createdAt");

-- AddForeignKey
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "milestones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_notes" ADD CONSTRAINT "work_notes_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "milestones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_notes" ADD CONSTRAINT "work_notes_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_notes" ADD CONSTRAINT "work_notes_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_notes" ADD CONSTRAINT "work_notes_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A cooperation is on exactly one record; a note on exactly one milestone or item, with text.
ALTER TABLE "cooperations" ADD CONSTRAINT "cooperations_one_target" CHECK (num_nonnulls("projectId", "milestoneId", "itemId") = 1);
ALTER TABLE "work_notes" ADD CONSTRAINT "work_notes_one_target" CHECK (num_nonnulls("milestoneId", "itemId") = 1);
ALTER TABLE "work_notes" ADD CONSTRAINT "work_notes_text_length" CHECK (char_length("text") BETWEEN 1 AND 1000);
