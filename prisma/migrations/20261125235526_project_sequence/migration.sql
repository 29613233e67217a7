-- 序号: each project's row in the plan's task table, the lists' default order.
-- AlterTable (existing rows are numbered in the order they were loaded; the plan loader
-- then sets the plan's own numbering on its next run)
ALTER TABLE "projects" ADD COLUMN     "sequence" INTEGER;
UPDATE "projects" AS p SET "sequence" = o.n
FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "code") AS n FROM "projects") AS o
WHERE o."id" = p."id";
ALTER TABLE "projects" ALTER COLUMN "sequence" SET NOT NULL;
ALTER TABLE "projects" ADD CONSTRAINT "projects_sequence_positive" CHECK ("sequence" >= 1);

-- CreateIndex
CREATE INDEX "projects_sequence_idx" ON "projects"("sequence");
