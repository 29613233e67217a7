-- DropIndex
DROP INDEX "working_group_projects_projectId_idx";

-- AlterTable
ALTER TABLE "projects" DROP COLUMN "causes";

-- AlterTable
ALTER TABLE "working_group_projects" ADD COLUMN     "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE UNIQUE INDEX "working_group_projects_projectId_key" ON "working_group_projects"("projectId");
