-- AlterTable
ALTER TABLE "progress_reports" ADD COLUMN     "backdated" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "project_year_progress" (
    "projectId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "project_year_progress_pkey" PRIMARY KEY ("projectId","year")
);

-- AddForeignKey
ALTER TABLE "project_year_progress" ADD CONSTRAINT "project_year_progress_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A back-dated report (补报) changed a closed year-end total: it always says why.
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_backdated_has_reason" CHECK (NOT "backdated" OR length(btrim(coalesce("reason", ''))) > 0);

-- The per-year sums move with every ledger entry, in the entry's own transaction, whoever
-- writes it (the API, the plan loader, the demo data). The ledger is append-only; a deleted
-- entry (a project deleted with its ledger) only takes its households back out.
CREATE FUNCTION "project_year_progress_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "project_year_progress"
       SET "households" = "households" - OLD."households"
     WHERE "projectId" = OLD."projectId" AND "year" = EXTRACT(YEAR FROM OLD."reportedOn")::int;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "project_year_progress" ("projectId", "year", "households")
    VALUES (NEW."projectId", EXTRACT(YEAR FROM NEW."reportedOn")::int, NEW."households")
    ON CONFLICT ("projectId", "year") DO UPDATE
      SET "households" = "project_year_progress"."households" + EXCLUDED."households";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "progress_reports_year_sums" AFTER INSERT OR DELETE OR UPDATE OF "projectId", "reportedOn", "households"
  ON "progress_reports" FOR EACH ROW EXECUTE FUNCTION "project_year_progress_keep"();

-- Backfill from the ledger as it stands.
INSERT INTO "project_year_progress" ("projectId", "year", "households")
SELECT "projectId", EXTRACT(YEAR FROM "reportedOn")::int, SUM("households")::int
FROM "progress_reports" GROUP BY 1, 2;
