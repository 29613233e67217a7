-- Sign-in throttling by (username, address) and by address, reserved by one atomic upsert per
-- key (replaces the per-failure rows of login_failures); accounts whose password an administrator
-- chose must change it; the audit keeps the client's request id beside the server's, and is
-- filtered by action.
-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "clientRequestId" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

-- DropTable
DROP TABLE "login_failures";

-- CreateTable
CREATE TABLE "login_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "login_throttles_updatedAt_idx" ON "login_throttles"("updatedAt");

-- CreateIndex
CREATE INDEX "audit_events_action_at_idx" ON "audit_events"("action", "at");
