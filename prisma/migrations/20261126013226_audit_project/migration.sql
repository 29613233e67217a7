-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "projectId" UUID;

-- Hand-written backfill: the trail is append-only, so the guard steps aside for this one
-- migration, inside its transaction, and only to fill the new column.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update_delete";
UPDATE "audit_events" SET "projectId" = CASE
  WHEN "entityType" = 'project' THEN "entityId"::uuid
  WHEN "before" ? 'projectId' THEN ("before"->>'projectId')::uuid
  ELSE NULL END
WHERE "entityType" IN ('project', 'milestone', 'item', 'progress_report');
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update_delete";

-- CreateIndex
CREATE INDEX "audit_events_projectId_at_idx" ON "audit_events"("projectId", "at");
