-- CreateTable
CREATE TABLE "scoring_rule_sets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "rules" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scoring_rule_sets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scoring_rule_sets_version_key" ON "scoring_rule_sets"("version");

-- CreateIndex
CREATE INDEX "scoring_rule_sets_effectiveFrom_version_idx" ON "scoring_rule_sets"("effectiveFrom", "version");

-- AddForeignKey
ALTER TABLE "scoring_rule_sets" ADD CONSTRAINT "scoring_rule_sets_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Version 1 of the rules (DEFAULT_SCORING_RULES in packages/domain/src/scorecard.ts), in force from the plan's start.
INSERT INTO "scoring_rule_sets" ("version", "effectiveFrom", "rules", "note") VALUES (
  1,
  DATE '2018-01-01',
  '{"weights":{"onTime":30,"quota":30,"notices":15,"tickets":15,"freshness":10},"deductions":{"overdueEach":0.5,"overdueCap":10,"noticeBlue":0.5,"noticeYellow":1,"noticeRed":3,"arrears90Project":2},"freshnessDays":30}',
  '初始评分细则（系统默认，可由领导小组办公室修订）'
);
