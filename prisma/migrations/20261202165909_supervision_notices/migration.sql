-- CreateEnum
CREATE TYPE "NoticeLevel" AS ENUM ('blue', 'yellow', 'red');

-- CreateEnum
CREATE TYPE "NoticeTargetType" AS ENUM ('project', 'milestone', 'item', 'ticket');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('issued', 'received', 'replied', 'returned', 'closed');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('pending', 'approved', 'refused');

-- CreateTable
CREATE TABLE "supervision_notices" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "level" "NoticeLevel" NOT NULL,
    "targetType" "NoticeTargetType" NOT NULL,
    "targetId" UUID NOT NULL,
    "targetLabel" TEXT NOT NULL,
    "projectId" UUID,
    "departmentId" UUID NOT NULL,
    "requirement" TEXT NOT NULL,
    "replyBy" DATE NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'issued',
    "issuedById" UUID,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedAt" TIMESTAMPTZ(3),
    "repliedAt" TIMESTAMPTZ(3),
    "measures" TEXT,
    "reviewComment" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "extensionUntil" DATE,
    "extensionReason" TEXT,
    "extensionStatus" "ExtensionStatus",
    "extensionDecision" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "supervision_notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_notice_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "noticeId" UUID NOT NULL,
    "step" TEXT NOT NULL,
    "fromStatus" "NoticeStatus",
    "toStatus" "NoticeStatus" NOT NULL,
    "note" TEXT,
    "byId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supervision_notice_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_counters" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "notice_counters_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "supervision_notices_number_key" ON "supervision_notices"("number");

-- CreateIndex
CREATE INDEX "supervision_notices_departmentId_status_idx" ON "supervision_notices"("departmentId", "status");

-- CreateIndex
CREATE INDEX "supervision_notices_status_replyBy_idx" ON "supervision_notices"("status", "replyBy");

-- CreateIndex
CREATE INDEX "supervision_notices_level_status_idx" ON "supervision_notices"("level", "status");

-- CreateIndex
CREATE INDEX "supervision_notices_projectId_idx" ON "supervision_notices"("projectId");

-- CreateIndex
CREATE INDEX "supervision_notices_targetType_targetId_idx" ON "supervision_notices"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "supervision_notices_issuedAt_id_idx" ON "supervision_notices"("issuedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_notices_year_seq_key" ON "supervision_notices"("year", "seq");

-- CreateIndex
CREATE INDEX "supervision_notice_events_noticeId_at_idx" ON "supervision_notice_events"("noticeId", "at");

-- AddForeignKey
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notice_events" ADD CONSTRAINT "supervision_notice_events_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "supervision_notices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notice_events" ADD CONSTRAINT "supervision_notice_events_byId_fkey" FOREIGN KEY ("byId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
