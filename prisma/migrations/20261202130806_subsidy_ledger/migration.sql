-- CreateEnum
CREATE TYPE "SubsidyBasis" AS ENUM ('per_household', 'per_m2');

-- CreateTable
CREATE TABLE "subsidy_standards" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "basis" "SubsidyBasis" NOT NULL,
    "rateFen" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "note" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subsidy_standards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subsidy_payments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "householdId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "paidOn" DATE NOT NULL,
    "voucherNo" TEXT NOT NULL,
    "note" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subsidy_payments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "subsidy_standards_projectId_effectiveFrom_key" ON "subsidy_standards"("projectId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "subsidy_payments_householdId_month_idx" ON "subsidy_payments"("householdId", "month");

-- CreateIndex
CREATE INDEX "subsidy_payments_projectId_month_idx" ON "subsidy_payments"("projectId", "month");

-- AddForeignKey
ALTER TABLE "subsidy_standards" ADD CONSTRAINT "subsidy_standards_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsidy_standards" ADD CONSTRAINT "subsidy_standards_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Money is whole fen, above zero; months are their first day (written by hand: Prisma has no CHECK).
ALTER TABLE "subsidy_standards" ADD CONSTRAINT "subsidy_standards_rate_positive" CHECK ("rateFen" > 0);
ALTER TABLE "subsidy_standards" ADD CONSTRAINT "subsidy_standards_month_start" CHECK (EXTRACT(DAY FROM "effectiveFrom") = 1);
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_month_start" CHECK (EXTRACT(DAY FROM "month") = 1);
