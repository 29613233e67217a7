-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('leading_group_office', 'district_government', 'municipal_department');

-- CreateEnum
CREATE TYPE "ResettlementApproach" AS ENUM ('on_site_rebuild', 'off_site_relocation', 'monetary');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('not_started', 'in_progress', 'stalled', 'completed');

-- CreateEnum
CREATE TYPE "ProblemCategory" AS ENUM ('none', 'common', 'individual');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('construction', 'procedures', 'relocation_site', 'acceptance', 'handover', 'move_back');

-- CreateEnum
CREATE TYPE "WorkStatus" AS ENUM ('planned', 'in_progress', 'done', 'blocked');

-- CreateTable
CREATE TABLE "plans" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT,
    "years" INTEGER[],
    "loadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "districts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "districts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "departments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL,
    "districtId" UUID,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "title" TEXT,
    "phone" TEXT,
    "departmentId" UUID NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "districtId" UUID NOT NULL,
    "totalHouseholds" INTEGER NOT NULL,
    "approach" "ResettlementApproach",
    "status" "ProjectStatus" NOT NULL DEFAULT 'in_progress',
    "problemCategory" "ProblemCategory" NOT NULL DEFAULT 'none',
    "causes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "responsibleDepartmentId" UUID,
    "responsiblePersonId" UUID,
    "movedBack" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "year_targets" (
    "projectId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "plannedHouseholds" INTEGER NOT NULL,

    CONSTRAINT "year_targets_pkey" PRIMARY KEY ("projectId","year")
);

-- CreateTable
CREATE TABLE "district_floors" (
    "districtId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "minCumulativePercent" DECIMAL(4,1) NOT NULL,

    CONSTRAINT "district_floors_pkey" PRIMARY KEY ("districtId","year")
);

-- CreateTable
CREATE TABLE "milestones" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "WorkStatus" NOT NULL DEFAULT 'planned',
    "responsibleDepartmentId" UUID,
    "responsiblePersonId" UUID,
    "completedAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "reportedOn" DATE NOT NULL,
    "households" INTEGER NOT NULL,
    "note" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "progress_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plans_code_key" ON "plans"("code");

-- CreateIndex
CREATE UNIQUE INDEX "districts_code_key" ON "districts"("code");

-- CreateIndex
CREATE UNIQUE INDEX "departments_code_key" ON "departments"("code");

-- CreateIndex
CREATE INDEX "departments_districtId_idx" ON "departments"("districtId");

-- CreateIndex
CREATE INDEX "departments_kind_idx" ON "departments"("kind");

-- CreateIndex
CREATE INDEX "persons_departmentId_idx" ON "persons"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "projects_code_key" ON "projects"("code");

-- CreateIndex
CREATE INDEX "projects_districtId_idx" ON "projects"("districtId");

-- CreateIndex
CREATE INDEX "projects_status_idx" ON "projects"("status");

-- CreateIndex
CREATE INDEX "projects_problemCategory_idx" ON "projects"("problemCategory");

-- CreateIndex
CREATE INDEX "projects_responsibleDepartmentId_idx" ON "projects"("responsibleDepartmentId");

-- CreateIndex
CREATE INDEX "projects_responsiblePersonId_idx" ON "projects"("responsiblePersonId");

-- CreateIndex
CREATE INDEX "year_targets_year_idx" ON "year_targets"("year");

-- CreateIndex
CREATE INDEX "milestones_projectId_dueDate_idx" ON "milestones"("projectId", "dueDate");

-- CreateIndex
CREATE INDEX "milestones_responsibleDepartmentId_status_idx" ON "milestones"("responsibleDepartmentId", "status");

-- CreateIndex
CREATE INDEX "milestones_responsiblePersonId_idx" ON "milestones"("responsiblePersonId");

-- CreateIndex
CREATE INDEX "milestones_status_dueDate_idx" ON "milestones"("status", "dueDate");

-- CreateIndex
CREATE INDEX "progress_reports_projectId_reportedOn_idx" ON "progress_reports"("projectId", "reportedOn");

-- CreateIndex
CREATE INDEX "progress_reports_reportedOn_idx" ON "progress_reports"("reportedOn");

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_responsiblePersonId_fkey" FOREIGN KEY ("responsiblePersonId") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "year_targets" ADD CONSTRAINT "year_targets_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "district_floors" ADD CONSTRAINT "district_floors_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_responsiblePersonId_fkey" FOREIGN KEY ("responsiblePersonId") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express (added by hand).
ALTER TABLE "districts" ADD CONSTRAINT "districts_code_format" CHECK ("code" ~ '^[a-z][a-z0-9-]*$');
ALTER TABLE "departments" ADD CONSTRAINT "departments_code_format" CHECK ("code" ~ '^[a-z][a-z0-9-]*$');
ALTER TABLE "departments" ADD CONSTRAINT "departments_district_government_has_district"
  CHECK ("kind" <> 'district_government' OR "districtId" IS NOT NULL);
ALTER TABLE "projects" ADD CONSTRAINT "projects_code_format" CHECK ("code" ~ '^[a-z][a-z0-9-]*$');
ALTER TABLE "projects" ADD CONSTRAINT "projects_total_households_nonnegative" CHECK ("totalHouseholds" >= 0);
ALTER TABLE "projects" ADD CONSTRAINT "projects_moved_back_within_total"
  CHECK ("movedBack" >= 0 AND "movedBack" <= "totalHouseholds");
ALTER TABLE "projects" ADD CONSTRAINT "projects_version_positive" CHECK ("version" >= 1);
ALTER TABLE "year_targets" ADD CONSTRAINT "year_targets_planned_nonnegative" CHECK ("plannedHouseholds" >= 0);
ALTER TABLE "district_floors" ADD CONSTRAINT "district_floors_percent_range"
  CHECK ("minCumulativePercent" >= 0 AND "minCumulativePercent" <= 100);
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_version_positive" CHECK ("version" >= 1);
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_done_has_completed_at"
  CHECK (("status" = 'done') = ("completedAt" IS NOT NULL));
