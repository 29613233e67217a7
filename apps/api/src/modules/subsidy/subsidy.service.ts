import {
  fenToYuan,
  nextMonth,
  maskIdNumber,
  type ArrearsQuery,
  type ArrearsReport,
  type HouseholdSubsidy,
  type HouseholdSubsidyDetail,
  type HouseholdSubsidyQuery,
  type Month,
  type ProjectArrears,
  type ProjectSubsidy,
  type SubsidyPayment,
  type SubsidyPaymentCreate,
  type SubsidyStandard,
  type SubsidyStandardCreate,
} from "@resettle/domain";
import { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { todayInChina, type Clock } from "../../lib/clock.js";
import type { Db, ServiceContext, Tx } from "../../lib/context.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { readPlanWindows } from "../../lib/plan-window.js";
import { lockProject } from "../../lib/projects.js";
import { escapeLikePattern } from "../../lib/text-search.js";
import { findProject, requireRegistryKeeper, searchWhere } from "../households/index.js";
import {
  readHouseholdAccounts,
  readHouseholdMonths,
  readOwingHouseholds,
  readProjectArrears,
  sumArrears,
  type AccountRow,
} from "./arrears.js";

const monthOf = (d: Date): Month => d.toISOString().slice(0, 7);
const firstDay = (m: Month) => fromIsoDate(`${m}-01`);

const standardSelect = {
  id: true,
  projectId: true,
  basis: true,
  rateFen: true,
  effectiveFrom: true,
  note: true,
  createdAt: true,
  createdBy: { select: { displayName: true } },
} satisfies Prisma.SubsidyStandardSelect;

function presentStandard(row: Prisma.SubsidyStandardGetPayload<{ select: typeof standardSelect }>): SubsidyStandard {
  const { effectiveFrom, createdAt, createdBy, ...rest } = row;
  return {
    ...rest,
    effectiveFrom: monthOf(effectiveFrom),
    createdAt: createdAt.toISOString(),
    createdBy: createdBy?.displayName ?? null,
  };
}

const emptyAgeing = { d1to30: 0, d31to90: 0, over90: 0 };

/** A project's standards (oldest first) and its arrears today. */
export async function readProjectSubsidy(
  ctx: ServiceContext,
  { projectId }: { projectId: string },
): Promise<ProjectSubsidy> {
  const project = await findProject(ctx.db, projectId);
  const standards = await ctx.db.subsidyStandard.findMany({
    where: { projectId },
    orderBy: { effectiveFrom: "asc" },
    select: standardSelect,
  });
  const report = standards.length ? await arrearsReport(ctx, { projectId: project.id }) : null;
  return {
    projectId,
    standards: standards.map(presentStandard),
    startMonth: standards[0] ? monthOf(standards[0].effectiveFrom) : null,
    arrears: report?.projects[0] ?? null,
  };
}

/**
 * Sets a project's rate from a month on (the office). Standards are appended in order: a new one
 * starts after the latest one's month, so the months before it keep their rate (one from a past
 * month changes what is due since). The first one also says from which month the project's
 * households are due (within the plan's span).
 */
export async function createStandard(
  ctx: ServiceContext,
  { projectId, input }: { projectId: string; input: SubsidyStandardCreate },
): Promise<SubsidyStandard> {
  return ctx.db.$transaction(async (tx) => {
    await lockProject(tx, projectId);
    const project = await findProject(tx, projectId);
    const latest = await tx.subsidyStandard.findFirst({
      where: { projectId },
      orderBy: { effectiveFrom: "desc" },
      select: { effectiveFrom: true },
    });
    const { reportedOn } = await readPlanWindows(tx, ctx.clock);
    const minimum = latest ? nextMonth(monthOf(latest.effectiveFrom)) : reportedOn.minimum.slice(0, 7);
    const maximum = nextMonth(reportedOn.maximum.slice(0, 7));
    if (input.effectiveFrom < minimum || input.effectiveFrom > maximum)
      throw AppError.invalid(
        "body.effectiveFrom",
        "out_of_bounds",
        latest
          ? `a new standard starts after the latest (${monthOf(latest.effectiveFrom)}) and by next month`
          : `the first standard starts within the plan (${minimum} to ${maximum})`,
        { minimum, maximum },
      );
    const row = await tx.subsidyStandard.create({
      data: {
        projectId: project.id,
        basis: input.basis,
        rateFen: input.rateFen,
        effectiveFrom: firstDay(input.effectiveFrom),
        note: input.note ?? null,
        createdById: ctx.actor.id,
      },
      select: standardSelect,
    });
    const standard = presentStandard(row);
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "subsidy_standard",
      entityId: standard.id,
      projectId: project.id,
      after: {
        basis: standard.basis,
        rate: fenToYuan(standard.rateFen),
        effectiveFrom: standard.effectiveFrom,
        note: standard.note,
      },
    });
    return standard;
  });
}

const accountHouseholdSelect = {
  id: true,
  projectId: true,
  headName: true,
  idNumber: true,
  state: true,
} satisfies Prisma.HouseholdSelect;
type AccountHousehold = Prisma.HouseholdGetPayload<{ select: typeof accountHouseholdSelect }>;

function presentAccount(h: AccountHousehold, account: AccountRow | undefined): HouseholdSubsidy {
  return {
    householdId: h.id,
    headName: h.headName,
    idNumberMasked: maskIdNumber(h.idNumber),
    state: h.state,
    monthsDue: account?.monthsDue ?? 0,
    dueFen: account?.dueFen ?? 0,
    paidFen: account?.paidFen ?? 0,
    owedFen: account?.owedFen ?? 0,
    oldestDueMonth: account?.oldestDueMonth ?? null,
    buckets: account?.buckets ?? emptyAgeing,
  };
}

/** The search of the accounts list: the head's name or the address, or the ID number's last digits. */
function searchSql(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  const like = `%${escapeLikePattern(q)}%`;
  const tail = q.toUpperCase();
  return Prisma.sql`(h."headName" ILIKE ${like} OR h.address ILIKE ${like}${
    /^[0-9X]{4,6}$/.test(tail) ? Prisma.sql` OR h."idNumber" LIKE ${`%${escapeLikePattern(tail)}`}` : Prisma.empty
  })`;
}

/**
 * A page of a project's households with their accounts: all of them in registry order, or (owing)
 * only those owed money, the oldest unpaid month first.
 */
export async function listHouseholdAccounts(
  { db, clock }: ServiceContext,
  { projectId, query }: { projectId: string; query: HouseholdSubsidyQuery },
): Promise<{ items: HouseholdSubsidy[]; total: number; page: number; pageSize: number }> {
  await findProject(db, projectId);
  const today = todayInChina(clock);
  const skip = (query.page - 1) * query.pageSize;
  if (query.owing) {
    const { rows, total } = await readOwingHouseholds(
      db,
      projectId,
      today,
      { skip, take: query.pageSize },
      searchSql(query.q),
    );
    const households = await db.household.findMany({
      where: { id: { in: rows.map((r) => r.householdId) } },
      select: accountHouseholdSelect,
    });
    const byId = new Map(households.map((h) => [h.id, h]));
    return {
      items: rows.map((r) => presentAccount(byId.get(r.householdId)!, r)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
  const where: Prisma.HouseholdWhereInput = { projectId, ...searchWhere(query.q) };

  const [total, households] = await Promise.all([
    db.household.count({ where }),
    db.household.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip,
      take: query.pageSize,
      select: accountHouseholdSelect,
    }),
  ]);
  const accounts = await readHouseholdAccounts(
    db,
    projectId,
    today,
    households.map((h) => h.id),
  );
  return {
    items: households.map((h) => presentAccount(h, accounts.get(h.id))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

const paymentSelect = {
  id: true,
  householdId: true,
  month: true,
  amountFen: true,
  paidOn: true,
  voucherNo: true,
  note: true,
  createdAt: true,
  createdBy: { select: { displayName: true } },
} satisfies Prisma.SubsidyPaymentSelect;

function presentPayment(row: Prisma.SubsidyPaymentGetPayload<{ select: typeof paymentSelect }>): SubsidyPayment {
  return {
    id: row.id,
    householdId: row.householdId,
    month: monthOf(row.month),
    amountFen: row.amountFen,
    paidOn: toIsoDate(row.paidOn),
    voucherNo: row.voucherNo,
    note: row.note,
    by: row.createdBy?.displayName ?? null,
    at: row.createdAt.toISOString(),
  };
}

async function findHousehold(db: Db, id: string): Promise<AccountHousehold> {
  const household = await db.household.findUnique({ where: { id }, select: accountHouseholdSelect });
  if (!household) throw AppError.notFound("Household");
  return household;
}

/** One household's account, its months (latest first) and its payments (latest first). */
export async function readHouseholdSubsidy(
  { db, clock }: ServiceContext,
  { householdId }: { householdId: string },
): Promise<HouseholdSubsidyDetail> {
  const household = await findHousehold(db, householdId);
  const today = todayInChina(clock);
  const [accounts, months, payments] = await Promise.all([
    readHouseholdAccounts(db, household.projectId, today, [household.id]),
    readHouseholdMonths(db, household.projectId, household.id, today),
    db.subsidyPayment.findMany({
      where: { householdId },
      orderBy: [{ month: "desc" }, { createdAt: "desc" }],
      select: paymentSelect,
    }),
  ]);
  return {
    account: presentAccount(household, accounts.get(household.id)),
    months,
    payments: payments.map(presentPayment),
  };
}

/**
 * Checks one payment against the household's months (as they are inside the transaction that
 * holds the project's lock): the month must be one it is due for, the amount no more than is
 * still open for it, the day paid within the plan's span and not after today.
 */
async function checkPayment(
  tx: Tx,
  ctx: ServiceContext,
  household: AccountHousehold,
  input: SubsidyPaymentCreate,
  path = "body",
): Promise<void> {
  const today = todayInChina(ctx.clock);
  const months = await readHouseholdMonths(tx, household.projectId, household.id, today);
  const due = months.find((m) => m.month === input.month);
  if (!due) {
    const first = months[months.length - 1]?.month ?? null;
    const last = months[0]?.month ?? null;
    throw AppError.invalid(
      `${path}.month`,
      "not_due",
      first ? `the household is due for ${first} to ${last} only` : "the household is due for no month",
      { minimum: first, maximum: last },
    );
  }
  // owedFen of a month is what is still open for it, late or not.
  if (input.amountFen > due.owedFen)
    throw AppError.invalid(
      `${path}.amountFen`,
      "overpaid",
      due.owedFen === 0 ? "the month is paid in full" : "more than is still open for the month",
      { maximum: due.owedFen, amount: fenToYuan(due.owedFen) },
    );
  const { reportedOn } = await readPlanWindows(tx, ctx.clock);
  if (input.paidOn > today)
    throw AppError.invalid(`${path}.paidOn`, "date_in_future", "a payment is recorded once made", { maximum: today });
  if (input.paidOn < reportedOn.minimum)
    throw AppError.invalid(`${path}.paidOn`, "out_of_bounds", `not before ${reportedOn.minimum}`, {
      minimum: reportedOn.minimum,
      maximum: today,
    });
}

/**
 * Records one payment for one household and month (whoever keeps the project's registry, and the
 * office). Under the project's lock, so two payments of the same month cannot both fit the open amount.
 */
export async function createPayment(
  ctx: ServiceContext,
  { householdId, input }: { householdId: string; input: SubsidyPaymentCreate },
): Promise<SubsidyPayment> {
  return ctx.db.$transaction(async (tx) => {
    const found = await findHousehold(tx, householdId);
    await lockProject(tx, found.projectId);
    const project = await findProject(tx, found.projectId);
    await requireRegistryKeeper(tx, ctx, project, "subsidy.record");
    await checkPayment(tx, ctx, found, input);
    const row = await tx.subsidyPayment.create({
      data: {
        householdId,
        projectId: project.id,
        month: firstDay(input.month),
        amountFen: input.amountFen,
        paidOn: fromIsoDate(input.paidOn),
        voucherNo: input.voucherNo,
        note: input.note ?? null,
        createdById: ctx.actor.id,
      },
      select: paymentSelect,
    });
    const payment = presentPayment(row);
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "subsidy_payment",
      entityId: payment.id,
      projectId: project.id,
      after: {
        household: found.headName,
        idNumber: maskIdNumber(found.idNumber),
        month: payment.month,
        amount: fenToYuan(payment.amountFen),
        paidOn: payment.paidOn,
        voucherNo: payment.voucherNo,
      },
    });
    return payment;
  });
}

/**
 * Arrears per project (those with a standard), by district and in all, as of today in China.
 * Filters by district or project. One query for the figures, one for the names.
 */
export async function arrearsReport(
  { db, clock }: { db: Db; clock: Clock },
  query: ArrearsQuery,
): Promise<ArrearsReport> {
  const today = todayInChina(clock);
  const projects = await db.project.findMany({
    where: {
      ...(query.projectId ? { id: query.projectId } : {}),
      ...(query.districtId ? { districtId: query.districtId } : {}),
      subsidyStandards: { some: {} },
    },
    orderBy: [{ district: { code: "asc" } }, { code: "asc" }],
    select: { id: true, name: true, districtId: true, district: { select: { name: true } } },
  });
  const rows = projects.length
    ? await readProjectArrears(db, Prisma.join(projects.map((p) => Prisma.sql`${p.id}::uuid`)), today)
    : [];
  const byProject = new Map(rows.map((r) => [r.projectId, r]));
  const items: ProjectArrears[] = projects.map((p) => {
    const r = byProject.get(p.id);
    return {
      projectId: p.id,
      projectName: p.name,
      districtId: p.districtId,
      districtName: p.district.name,
      households: r?.households ?? 0,
      amountOwed: r?.amountOwed ?? 0,
      oldestDueMonth: r?.oldestDueMonth ?? null,
      buckets: r?.buckets ?? emptyAgeing,
    };
  });
  const districts = [...new Map(items.map((p) => [p.districtId, p.districtName])).entries()].map(([id, name]) => ({
    districtId: id,
    districtName: name,
    ...sumArrears(items.filter((p) => p.districtId === id)),
  }));
  return { asOf: today, projects: items, districts, total: sumArrears(items) };
}

/** Arrears more than 90 days old, per project: what the health rule reads. */
export async function readOldArrears(db: Db, projectIds: string[], today: string) {
  if (projectIds.length === 0) return new Map<string, { amountFen: number; oldestDueMonth: Month | null }>();
  const withStandard = await db.subsidyStandard.findMany({
    where: { projectId: { in: projectIds } },
    distinct: ["projectId"],
    select: { projectId: true },
  });
  return readOldArrearsWithStandard(
    db,
    withStandard.map((p) => p.projectId),
    today,
  );
}

/** `readOldArrears` of projects the caller knows to have a subsidy standard (a project's page reads whether it has). */
export async function readOldArrearsWithStandard(db: Db, projectIds: string[], today: string) {
  if (projectIds.length === 0) return new Map<string, { amountFen: number; oldestDueMonth: Month | null }>();
  const rows = await readProjectArrears(db, Prisma.join(projectIds.map((id) => Prisma.sql`${id}::uuid`)), today);
  return new Map(
    rows
      .filter((r) => r.buckets.over90 > 0)
      .map((r) => [r.projectId, { amountFen: r.buckets.over90, oldestDueMonth: r.oldestDueMonth }]),
  );
}
