-- CreateIndex
CREATE INDEX "households_projectId_createdAt_id_idx" ON "households"("projectId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "households_headName_id_idx" ON "households"("headName", "id");

-- CreateIndex
CREATE INDEX "households_stateOn_id_idx" ON "households"("stateOn", "id");
