-- CreateEnum
CREATE TYPE "HouseholdState" AS ENUM ('waiting', 'allocated', 'contracted', 'keys_handed', 'moved_back', 'monetary');

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "registeredHouseholds" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "households" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "headName" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "phone" TEXT,
    "address" TEXT NOT NULL,
    "areaM2" DECIMAL(7,2) NOT NULL,
    "approach" "ResettlementApproach" NOT NULL,
    "state" "HouseholdState" NOT NULL DEFAULT 'waiting',
    "stateOn" DATE NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "households_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "householdId" UUID NOT NULL,
    "fromState" "HouseholdState",
    "toState" "HouseholdState" NOT NULL,
    "on" DATE NOT NULL,
    "reason" TEXT,
    "byId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "progressReportId" UUID,

    CONSTRAINT "household_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "households_idNumber_key" ON "households"("idNumber");

-- CreateIndex
CREATE INDEX "households_projectId_state_idx" ON "households"("projectId", "state");

-- CreateIndex
CREATE INDEX "households_projectId_headName_idx" ON "households"("projectId", "headName");

-- CreateIndex
CREATE INDEX "households_state_idx" ON "households"("state");

-- CreateIndex
CREATE UNIQUE INDEX "household_events_progressReportId_key" ON "household_events"("progressReportId");

-- CreateIndex
CREATE INDEX "household_events_householdId_at_idx" ON "household_events"("householdId", "at");

-- AddForeignKey
ALTER TABLE "households" ADD CONSTRAINT "households_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "households" ADD CONSTRAINT "households_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_byId_fkey" FOREIGN KEY ("byId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_progressReportId_fkey" FOREIGN KEY ("progressReportId") REFERENCES "progress_reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The registry never holds more households than the plan's total for the project.
ALTER TABLE "projects" ADD CONSTRAINT "projects_registered_households_check"
  CHECK ("registeredHouseholds" BETWEEN 0 AND "totalHouseholds");

-- An ID number is stored in its one checked form (17 digits and a check digit); an area is above 0.
ALTER TABLE "households" ADD CONSTRAINT "households_id_number_check" CHECK ("idNumber" ~ '^[0-9]{17}[0-9X]$');
ALTER TABLE "households" ADD CONSTRAINT "households_area_check" CHECK ("areaM2" > 0);
