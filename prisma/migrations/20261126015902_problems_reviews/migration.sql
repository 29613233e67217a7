-- AlterTable
ALTER TABLE "items" ADD COLUMN     "reviewProjectId" UUID;

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "problemStatement" TEXT;

-- CreateTable
CREATE TABLE "causes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "causes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_causes" (
    "projectId" UUID NOT NULL,
    "causeId" UUID NOT NULL,

    CONSTRAINT "project_causes_pkey" PRIMARY KEY ("projectId","causeId")
);

-- CreateTable
CREATE TABLE "common_problems" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "description" TEXT,
    "measure" TEXT,
    "districtId" UUID,
    "responsibleDepartmentId" UUID,
    "status" "WorkStatus" NOT NULL DEFAULT 'planned',
    "blockedReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "common_problems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "common_problem_projects" (
    "commonProblemId" UUID NOT NULL,
    "projectId" UUID NOT NULL,

    CONSTRAINT "common_problem_projects_pkey" PRIMARY KEY ("commonProblemId","projectId")
);

-- CreateTable
CREATE TABLE "working_groups" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "leadDepartmentId" UUID NOT NULL,
    "reviewIntervalDays" INTEGER NOT NULL DEFAULT 30,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "working_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "working_group_departments" (
    "groupId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,

    CONSTRAINT "working_group_departments_pkey" PRIMARY KEY ("groupId","departmentId")
);

-- CreateTable
CREATE TABLE "working_group_persons" (
    "groupId" UUID NOT NULL,
    "personId" UUID NOT NULL,

    CONSTRAINT "working_group_persons_pkey" PRIMARY KEY ("groupId","personId")
);

-- CreateTable
CREATE TABLE "working_group_projects" (
    "groupId" UUID NOT NULL,
    "projectId" UUID NOT NULL,

    CONSTRAINT "working_group_projects_pkey" PRIMARY KEY ("groupId","projectId")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "groupId" UUID NOT NULL,
    "heldOn" DATE NOT NULL,
    "createdById" UUID,
    "lockedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_projects" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reviewId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "findings" TEXT NOT NULL,
    "decisions" TEXT NOT NULL,

    CONSTRAINT "review_projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_attendees" (
    "reviewId" UUID NOT NULL,
    "personId" UUID NOT NULL,

    CONSTRAINT "review_attendees_pkey" PRIMARY KEY ("reviewId","personId")
);

-- CreateTable
CREATE TABLE "review_signatures" (
    "reviewId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "signedById" UUID NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_signatures_pkey" PRIMARY KEY ("reviewId","departmentId")
);

-- CreateTable
CREATE TABLE "review_addenda" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reviewId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_addenda_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "causes_code_key" ON "causes"("code");

-- CreateIndex
CREATE INDEX "project_causes_causeId_idx" ON "project_causes"("causeId");

-- CreateIndex
CREATE INDEX "common_problems_districtId_idx" ON "common_problems"("districtId");

-- CreateIndex
CREATE INDEX "common_problems_responsibleDepartmentId_idx" ON "common_problems"("responsibleDepartmentId");

-- CreateIndex
CREATE INDEX "common_problem_projects_projectId_idx" ON "common_problem_projects"("projectId");

-- CreateIndex
CREATE INDEX "working_groups_leadDepartmentId_idx" ON "working_groups"("leadDepartmentId");

-- CreateIndex
CREATE INDEX "working_group_departments_departmentId_idx" ON "working_group_departments"("departmentId");

-- CreateIndex
CREATE INDEX "working_group_persons_personId_idx" ON "working_group_persons"("personId");

-- CreateIndex
CREATE INDEX "working_group_projects_projectId_idx" ON "working_group_projects"("projectId");

-- CreateIndex
CREATE INDEX "reviews_groupId_heldOn_idx" ON "reviews"("groupId", "heldOn");

-- CreateIndex
CREATE INDEX "review_projects_projectId_idx" ON "review_projects"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "review_projects_reviewId_projectId_key" ON "review_projects"("reviewId", "projectId");

-- CreateIndex
CREATE INDEX "review_attendees_personId_idx" ON "review_attendees"("personId");

-- CreateIndex
CREATE INDEX "review_addenda_reviewId_createdAt_idx" ON "review_addenda"("reviewId", "createdAt");

-- CreateIndex
CREATE INDEX "items_reviewProjectId_idx" ON "items"("reviewProjectId");

-- AddForeignKey
ALTER TABLE "items" ADD CONSTRAINT "items_reviewProjectId_fkey" FOREIGN KEY ("reviewProjectId") REFERENCES "review_projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_causes" ADD CONSTRAINT "project_causes_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_causes" ADD CONSTRAINT "project_causes_causeId_fkey" FOREIGN KEY ("causeId") REFERENCES "causes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "common_problems" ADD CONSTRAINT "common_problems_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "common_problems" ADD CONSTRAINT "common_problems_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "common_problem_projects" ADD CONSTRAINT "common_problem_projects_commonProblemId_fkey" FOREIGN KEY ("commonProblemId") REFERENCES "common_problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "common_problem_projects" ADD CONSTRAINT "common_problem_projects_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_groups" ADD CONSTRAINT "working_groups_leadDepartmentId_fkey" FOREIGN KEY ("leadDepartmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_departments" ADD CONSTRAINT "working_group_departments_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_departments" ADD CONSTRAINT "working_group_departments_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_persons" ADD CONSTRAINT "working_group_persons_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_persons" ADD CONSTRAINT "working_group_persons_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_projects" ADD CONSTRAINT "working_group_projects_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_projects" ADD CONSTRAINT "working_group_projects_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "working_groups"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_projects" ADD CONSTRAINT "review_projects_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_projects" ADD CONSTRAINT "review_projects_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_attendees" ADD CONSTRAINT "review_attendees_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_attendees" ADD CONSTRAINT "review_attendees_personId_fkey" FOREIGN KEY ("personId") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_signatures" ADD CONSTRAINT "review_signatures_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_signatures" ADD CONSTRAINT "review_signatures_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_signatures" ADD CONSTRAINT "review_signatures_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_addenda" ADD CONSTRAINT "review_addenda_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_addenda" ADD CONSTRAINT "review_addenda_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: rules the database itself enforces.
ALTER TABLE "causes" ADD CONSTRAINT "causes_code_format" CHECK ("code" ~ '^[a-z][a-z0-9_]*$');
ALTER TABLE "causes" ADD CONSTRAINT "causes_version_positive" CHECK ("version" >= 1);
ALTER TABLE "common_problems" ADD CONSTRAINT "common_problems_version_positive" CHECK ("version" >= 1);
ALTER TABLE "common_problems" ADD CONSTRAINT "common_problems_blocked_has_reason"
  CHECK ("status" <> 'blocked' OR length(btrim(coalesce("blockedReason", ''))) > 0);
ALTER TABLE "working_groups" ADD CONSTRAINT "working_groups_review_interval" CHECK ("reviewIntervalDays" BETWEEN 1 AND 366);
ALTER TABLE "working_groups" ADD CONSTRAINT "working_groups_version_positive" CHECK ("version" >= 1);
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_version_positive" CHECK ("version" >= 1);
ALTER TABLE "review_addenda" ADD CONSTRAINT "review_addenda_text_present" CHECK (length(btrim("text")) > 0);
