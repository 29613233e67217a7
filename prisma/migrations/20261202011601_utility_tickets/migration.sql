-- CreateEnum
CREATE TYPE "UtilityKind" AS ENUM ('water', 'power', 'heating', 'other');

-- CreateEnum
CREATE TYPE "TicketChannel" AS ENUM ('household', 'petition', 'hotline_12345', 'inspection');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('open', 'in_progress', 'resolved', 'confirmed');

-- CreateTable
CREATE TABLE "utility_tickets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "householdId" UUID,
    "kind" "UtilityKind" NOT NULL,
    "channel" "TicketChannel" NOT NULL,
    "reportedAt" TIMESTAMPTZ(3) NOT NULL,
    "description" TEXT NOT NULL,
    "responsibleDepartmentId" UUID,
    "status" "TicketStatus" NOT NULL DEFAULT 'open',
    "deadlineAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "utility_tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ticketId" UUID NOT NULL,
    "fromStatus" "TicketStatus",
    "toStatus" "TicketStatus" NOT NULL,
    "note" TEXT,
    "byId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "utility_standards" (
    "kind" "UtilityKind" NOT NULL,
    "inSeasonHours" INTEGER NOT NULL,
    "offSeasonHours" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "utility_standards_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE INDEX "utility_tickets_status_deadlineAt_idx" ON "utility_tickets"("status", "deadlineAt");

-- CreateIndex
CREATE INDEX "utility_tickets_projectId_status_idx" ON "utility_tickets"("projectId", "status");

-- CreateIndex
CREATE INDEX "utility_tickets_responsibleDepartmentId_status_idx" ON "utility_tickets"("responsibleDepartmentId", "status");

-- CreateIndex
CREATE INDEX "utility_tickets_kind_status_idx" ON "utility_tickets"("kind", "status");

-- CreateIndex
CREATE INDEX "ticket_events_ticketId_at_idx" ON "ticket_events"("ticketId", "at");

-- AddForeignKey
ALTER TABLE "utility_tickets" ADD CONSTRAINT "utility_tickets_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "utility_tickets" ADD CONSTRAINT "utility_tickets_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "utility_tickets" ADD CONSTRAINT "utility_tickets_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "utility_tickets" ADD CONSTRAINT "utility_tickets_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "utility_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_byId_fkey" FOREIGN KEY ("byId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "utility_standards" ADD CONSTRAINT "utility_standards_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A standard is a positive number of hours; a ticket's deadline comes after it was reported,
-- and a resolved or confirmed ticket says when it was resolved.
ALTER TABLE "utility_standards" ADD CONSTRAINT "utility_standards_hours_check"
  CHECK ("inSeasonHours" > 0 AND "offSeasonHours" > 0);
ALTER TABLE "utility_tickets" ADD CONSTRAINT "utility_tickets_deadline_check" CHECK ("deadlineAt" > "reportedAt");
ALTER TABLE "utility_tickets" ADD CONSTRAINT "utility_tickets_resolved_check"
  CHECK (("status" IN ('resolved', 'confirmed')) = ("resolvedAt" IS NOT NULL));

-- Panjin's standards: heating 24 h in the heating season (7 days outside it), water and power 48 h, the rest 7 days.
INSERT INTO "utility_standards" ("kind", "inSeasonHours", "offSeasonHours", "updatedAt") VALUES
  ('heating', 24, 168, now()),
  ('water', 48, 48, now()),
  ('power', 48, 48, now()),
  ('other', 168, 168, now());
