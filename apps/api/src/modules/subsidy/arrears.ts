import type { Ageing, Month } from "@resettle/domain";
import { Prisma } from "@resettle/prisma/client";
import type { Db } from "../../lib/context.js";

/**
 * The subsidy ledger's one computation, in SQL: every month each household of the given projects
 * is due (from its project's first standard to this month, or to the month it moved back or took
 * money), at the standard in force that month, against what was paid for it. Months are summed
 * in the database, so an answer is a row per household (or per project), never per month.
 *
 * A month falls due on its last day; owed is due minus paid (never below zero) for months already
 * past that day; its age is the days since.
 */
function householdAccountsSql(projects: Prisma.Sql, today: string, householdId?: string) {
  const currentMonth = `${today.slice(0, 7)}-01`;
  return Prisma.sql`
    WITH std AS (
      SELECT s."projectId", s.basis, s."rateFen", s."effectiveFrom",
             lead(s."effectiveFrom") OVER (PARTITION BY s."projectId" ORDER BY s."effectiveFrom") AS "nextFrom",
             min(s."effectiveFrom") OVER (PARTITION BY s."projectId") AS start
      FROM subsidy_standards s
      WHERE s."projectId" IN (${projects})
    ),
    hh AS (
      SELECT h.id, h."projectId", h."areaM2", st.start,
             CASE WHEN h.state IN ('moved_back', 'monetary') THEN date_trunc('month', h."stateOn")::date
                  ELSE ${currentMonth}::date END AS "lastMonth"
      FROM households h
      JOIN (SELECT DISTINCT "projectId", start FROM std) st ON st."projectId" = h."projectId"
      ${householdId ? Prisma.sql`WHERE h.id = ${householdId}::uuid` : Prisma.empty}
    ),
    due AS (
      SELECT hh.id AS "householdId", hh."projectId", m::date AS month,
             CASE WHEN std.basis = 'per_household' THEN std."rateFen"::bigint
                  ELSE round(std."rateFen" * hh."areaM2")::bigint END AS "dueFen"
      FROM hh
      CROSS JOIN LATERAL generate_series(hh.start, hh."lastMonth", interval '1 month') AS m
      JOIN std ON std."projectId" = hh."projectId" AND std."effectiveFrom" <= m
              AND (std."nextFrom" IS NULL OR m < std."nextFrom")
    ),
    paid AS (
      SELECT p."householdId", p.month, sum(p."amountFen")::bigint AS "paidFen"
      FROM subsidy_payments p
      WHERE p."projectId" IN (${projects})
      ${householdId ? Prisma.sql`AND p."householdId" = ${householdId}::uuid` : Prisma.empty}
      GROUP BY p."householdId", p.month
    ),
    months AS (
      SELECT due."householdId", due."projectId", due.month, due."dueFen",
             coalesce(paid."paidFen", 0) AS "paidFen",
             greatest(due."dueFen" - coalesce(paid."paidFen", 0), 0) AS "openFen",
             ${today}::date - (due.month + interval '1 month' - interval '1 day')::date AS "daysLate"
      FROM due LEFT JOIN paid ON paid."householdId" = due."householdId" AND paid.month = due.month
    )`;
}

const perHouseholdColumns = Prisma.sql`
  count(*)::int AS "monthsDue",
  sum("dueFen")::bigint AS "dueFen",
  sum(least("paidFen", "dueFen"))::bigint AS "paidFen",
  sum(CASE WHEN "daysLate" > 0 THEN "openFen" ELSE 0 END)::bigint AS "owedFen",
  min(CASE WHEN "daysLate" > 0 AND "openFen" > 0 THEN month END) AS "oldestDueMonth",
  sum(CASE WHEN "daysLate" BETWEEN 1 AND 30 THEN "openFen" ELSE 0 END)::bigint AS d1to30,
  sum(CASE WHEN "daysLate" BETWEEN 31 AND 90 THEN "openFen" ELSE 0 END)::bigint AS d31to90,
  sum(CASE WHEN "daysLate" > 90 THEN "openFen" ELSE 0 END)::bigint AS over90`;

export type AccountRow = {
  householdId: string;
  projectId: string;
  monthsDue: number;
  dueFen: number;
  paidFen: number;
  owedFen: number;
  oldestDueMonth: Month | null;
  buckets: Ageing;
};

type RawAccount = {
  householdId: string;
  projectId: string;
  monthsDue: number;
  dueFen: bigint;
  paidFen: bigint;
  owedFen: bigint;
  oldestDueMonth: Date | null;
  d1to30: bigint;
  d31to90: bigint;
  over90: bigint;
};

const month = (d: Date | null): Month | null => (d ? d.toISOString().slice(0, 7) : null);

/** Fen sums arrive as bigint; a project's sums stay far below 2^53, so they read as numbers. */
const fen = (value: bigint | null) => Number(value ?? 0n);

function presentAccount(r: RawAccount): AccountRow {
  return {
    householdId: r.householdId,
    projectId: r.projectId,
    monthsDue: r.monthsDue,
    dueFen: fen(r.dueFen),
    paidFen: fen(r.paidFen),
    owedFen: fen(r.owedFen),
    oldestDueMonth: month(r.oldestDueMonth),
    buckets: { d1to30: fen(r.d1to30), d31to90: fen(r.d31to90), over90: fen(r.over90) },
  };
}

/** Each household's account, for the given households of one project (a page), in one query. */
export async function readHouseholdAccounts(
  db: Db,
  projectId: string,
  today: string,
  householdIds: string[],
): Promise<Map<string, AccountRow>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db.$queryRaw<RawAccount[]>`
    ${householdAccountsSql(Prisma.sql`${projectId}::uuid`, today)}
    SELECT "householdId", "projectId", ${perHouseholdColumns}
    FROM months
    WHERE "householdId" IN (${Prisma.join(householdIds.map((id) => Prisma.sql`${id}::uuid`))})
    GROUP BY "householdId", "projectId"`;
  return new Map(rows.map((r) => [r.householdId, presentAccount(r)]));
}

/**
 * The households of a project owed money now, the oldest unpaid month first, one page of them,
 * with how many there are.
 */
export async function readOwingHouseholds(
  db: Db,
  projectId: string,
  today: string,
  page: { skip: number; take: number },
  householdWhere: Prisma.Sql,
): Promise<{ rows: AccountRow[]; total: number }> {
  const rows = await db.$queryRaw<(RawAccount & { total: number })[]>`
    ${householdAccountsSql(Prisma.sql`${projectId}::uuid`, today)},
    accounts AS (
      SELECT "householdId", "projectId", ${perHouseholdColumns}
      FROM months GROUP BY "householdId", "projectId"
    )
    SELECT a.*, count(*) OVER ()::int AS total
    FROM accounts a JOIN households h ON h.id = a."householdId"
    WHERE a."owedFen" > 0 AND ${householdWhere}
    ORDER BY a."oldestDueMonth" ASC, h."createdAt" ASC, h.id ASC
    OFFSET ${page.skip} LIMIT ${page.take}`;
  return { rows: rows.map(presentAccount), total: rows[0]?.total ?? 0 };
}

/** One household's months, latest first. */
export async function readHouseholdMonths(db: Db, projectId: string, householdId: string, today: string) {
  const rows = await db.$queryRaw<
    { month: Date; dueFen: bigint; paidFen: bigint; openFen: bigint; daysLate: number }[]
  >`
    ${householdAccountsSql(Prisma.sql`${projectId}::uuid`, today, householdId)}
    SELECT month, "dueFen", "paidFen", "openFen", "daysLate" FROM months ORDER BY month DESC`;
  return rows.map((r) => ({
    month: month(r.month)!,
    dueFen: fen(r.dueFen),
    paidFen: fen(r.paidFen),
    owedFen: fen(r.openFen),
    daysOverdue: r.openFen > 0n ? Math.max(0, r.daysLate) : 0,
  }));
}

export type ProjectArrearsRow = {
  projectId: string;
  households: number;
  amountOwed: number;
  oldestDueMonth: Month | null;
  buckets: Ageing;
};

/**
 * Arrears per project, for the projects the filter selects that have a standard: households owed,
 * amount, oldest unpaid month, ageing. One query, whatever the number of projects.
 */
export async function readProjectArrears(db: Db, projects: Prisma.Sql, today: string): Promise<ProjectArrearsRow[]> {
  const rows = await db.$queryRaw<
    {
      projectId: string;
      households: number;
      amountOwed: bigint;
      oldestDueMonth: Date | null;
      d1to30: bigint;
      d31to90: bigint;
      over90: bigint;
    }[]
  >`
    ${householdAccountsSql(projects, today)},
    accounts AS (
      SELECT "householdId", "projectId", ${perHouseholdColumns}
      FROM months GROUP BY "householdId", "projectId"
    )
    SELECT std."projectId",
           count(a."householdId") FILTER (WHERE a."owedFen" > 0)::int AS households,
           coalesce(sum(a."owedFen"), 0)::bigint AS "amountOwed",
           min(a."oldestDueMonth") AS "oldestDueMonth",
           coalesce(sum(a.d1to30), 0)::bigint AS d1to30,
           coalesce(sum(a.d31to90), 0)::bigint AS d31to90,
           coalesce(sum(a.over90), 0)::bigint AS over90
    FROM (SELECT DISTINCT "projectId" FROM std) std
    LEFT JOIN accounts a ON a."projectId" = std."projectId"
    GROUP BY std."projectId"`;
  return rows.map((r) => ({
    projectId: r.projectId,
    households: r.households,
    amountOwed: fen(r.amountOwed),
    oldestDueMonth: month(r.oldestDueMonth),
    buckets: { d1to30: fen(r.d1to30), d31to90: fen(r.d31to90), over90: fen(r.over90) },
  }));
}

/** Sums arrears rows (a district's projects, or all of them). */
export function sumArrears(rows: Omit<ProjectArrearsRow, "projectId">[]) {
  return rows.reduce(
    (sum, r) => ({
      households: sum.households + r.households,
      amountOwed: sum.amountOwed + r.amountOwed,
      oldestDueMonth:
        r.oldestDueMonth && (!sum.oldestDueMonth || r.oldestDueMonth < sum.oldestDueMonth)
          ? r.oldestDueMonth
          : sum.oldestDueMonth,
      buckets: {
        d1to30: sum.buckets.d1to30 + r.buckets.d1to30,
        d31to90: sum.buckets.d31to90 + r.buckets.d31to90,
        over90: sum.buckets.over90 + r.buckets.over90,
      },
    }),
    {
      households: 0,
      amountOwed: 0,
      oldestDueMonth: null as Month | null,
      buckets: { d1to30: 0, d31to90: 0, over90: 0 },
    },
  );
}

/** What is still open for each month of the given households (a month absent: not due), in one query. */
export async function readOpenMonths(
  db: Db,
  projectId: string,
  today: string,
  householdIds: string[],
): Promise<Map<string, number>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ householdId: string; month: Date; openFen: bigint }[]>`
    ${householdAccountsSql(Prisma.sql`${projectId}::uuid`, today)}
    SELECT "householdId", month, "openFen" FROM months
    WHERE "householdId" = ANY(${householdIds}::uuid[])`;
  return new Map(rows.map((r) => [`${r.householdId}|${month(r.month)}`, fen(r.openFen)]));
}
