-- CreateIndex
CREATE INDEX "milestones_kind_dueDate_idx" ON "milestones"("kind", "dueDate");
