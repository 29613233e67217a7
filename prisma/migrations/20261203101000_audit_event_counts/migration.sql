-- CreateTable
CREATE TABLE "audit_event_counts" (
    "slot" SMALLINT NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "audit_event_counts_pkey" PRIMARY KEY ("slot")
);

-- The audit trail's size, kept with every insert in the inserting transaction (written by hand:
-- Prisma has no triggers). One statement-level trigger adds the statement's rows to the slot of
-- the session (16 slots), so concurrent writers seldom queue on one row; readers sum the slots.
-- audit_events is append-only (no UPDATE, DELETE or TRUNCATE), so inserts are all there is to count.
INSERT INTO "audit_event_counts" ("slot", "n") SELECT 0, count(*) FROM "audit_events";

CREATE FUNCTION "audit_events_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "audit_event_counts" ("slot", "n")
  SELECT pg_backend_pid() % 16, count(*) FROM new_rows
  ON CONFLICT ("slot") DO UPDATE SET "n" = "audit_event_counts"."n" + EXCLUDED."n";
  RETURN NULL;
END
$$;

CREATE TRIGGER "audit_events_count" AFTER INSERT ON "audit_events"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_count"();
