-- One vocabulary for work (ADR 007): an item's "problem" is its title and its "deadline" its
-- due date, as for milestones. Renamed in place, so no row loses its text or date.
ALTER TABLE "items" RENAME COLUMN "problem" TO "title";
ALTER TABLE "items" RENAME COLUMN "deadline" TO "dueDate";
ALTER INDEX "items_projectId_deadline_idx" RENAME TO "items_projectId_dueDate_idx";
ALTER INDEX "items_status_deadline_idx" RENAME TO "items_status_dueDate_idx";
ALTER TABLE "items" RENAME CONSTRAINT "items_problem_present" TO "items_title_present";

-- Reassigning an item is recorded in the responsibility history, as for milestones.
ALTER TABLE "responsibility_assignments" ADD COLUMN "itemId" UUID;
CREATE INDEX "responsibility_assignments_itemId_assignedAt_idx" ON "responsibility_assignments"("itemId", "assignedAt");
ALTER TABLE "responsibility_assignments" ADD CONSTRAINT "responsibility_assignments_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- An assignment is of the project, of one milestone or of one item: never of two records.
ALTER TABLE "responsibility_assignments" ADD CONSTRAINT "responsibility_assignments_one_record" CHECK ("milestoneId" IS NULL OR "itemId" IS NULL);
