-- CreateIndex
CREATE INDEX "projects_name_code_idx" ON "projects"("name", "code");
