import { daysBetween, type Briefing } from "@resettle/domain";
import { chinaDayEnd, chinaDayStart } from "../../lib/clock.js";
import type { Db } from "../../lib/context.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { notWithdrawn } from "../../lib/withdrawal.js";
import { overdueWorkWhere } from "../work/index.js";

/** The window's timestamps: from the first day's midnight in China to the midnight after the last. */
const momentsOf = (from: string, to: string) => ({ gte: chinaDayStart(from), lt: chinaDayEnd(to) });

/**
 * Work completed in the window: by the day the department says it was finished, or, for work
 * done before completions carried a day, by when it was marked done. Done only: 待复核 is not done.
 */
const completedWithin = (from: string, to: string) => ({
  ...notWithdrawn,
  status: "done" as const,
  OR: [
    { completedOn: { gte: fromIsoDate(from), lte: fromIsoDate(to) } },
    { completedOn: null, completedAt: momentsOf(from, to) },
  ],
});

/**
 * What changed in the window, each from the records' own dates, counted in the database (one
 * aggregate per kind, never a loop over records): households reported moved back (by the
 * report's date; corrections subtract), milestones and items completed, notices issued, tickets
 * recorded and resolved.
 */
export async function readWeekChanges(db: Db, from: string, to: string) {
  const moments = momentsOf(from, to);
  const [ledger, milestonesCompleted, itemsCompleted, noticesIssued, ticketsOpened, ticketsResolved] =
    await Promise.all([
      db.$queryRaw<{ districtId: string; households: number; entries: number }[]>`
        SELECT p."districtId" AS "districtId", SUM(r.households)::int AS households, COUNT(*)::int AS entries
        FROM progress_reports r JOIN projects p ON p.id = r."projectId"
        WHERE r."reportedOn" BETWEEN ${fromIsoDate(from)} AND ${fromIsoDate(to)}
        GROUP BY 1`,
      db.milestone.count({ where: completedWithin(from, to) }),
      db.item.count({ where: completedWithin(from, to) }),
      db.supervisionNotice.count({ where: { issuedAt: moments } }),
      db.utilityTicket.count({ where: { reportedAt: moments } }),
      db.utilityTicket.count({ where: { resolvedAt: moments } }),
    ]);
  return {
    movedBackByDistrict: new Map(ledger.map((row) => [row.districtId, row.households])),
    counts: {
      movedBack: {
        households: ledger.reduce((sum, row) => sum + row.households, 0),
        entries: ledger.reduce((sum, row) => sum + row.entries, 0),
      },
      milestonesCompleted,
      itemsCompleted,
      noticesIssued,
      ticketsOpened,
      ticketsResolved,
    },
  };
}

/**
 * Open milestones and items past due on the date (`overdueWorkWhere`, as the dashboard and the
 * overdue board count them), grouped by responsible department in the database: the count of
 * each and the oldest due date. Most overdue work first, then the oldest.
 */
export async function readOverdueByDepartment(db: Db, date: string): Promise<Briefing["overdueByDepartment"]> {
  const where = overdueWorkWhere(date);
  const [milestones, items] = await Promise.all([
    db.milestone.groupBy({
      by: ["responsibleDepartmentId"],
      where,
      _count: { _all: true },
      _min: { dueDate: true },
    }),
    db.item.groupBy({ by: ["responsibleDepartmentId"], where, _count: { _all: true }, _min: { dueDate: true } }),
  ]);
  const rows = new Map<string | null, { milestones: number; items: number; oldest: Date }>();
  const add = (kind: "milestones" | "items", departmentId: string | null, n: number, oldest: Date) => {
    const row = rows.get(departmentId) ?? { milestones: 0, items: 0, oldest };
    row[kind] += n;
    if (oldest < row.oldest) row.oldest = oldest;
    rows.set(departmentId, row);
  };
  // A group's earliest due date is never null: the due date is a required column.
  for (const g of milestones) add("milestones", g.responsibleDepartmentId, g._count._all, g._min.dueDate!);
  for (const g of items) add("items", g.responsibleDepartmentId, g._count._all, g._min.dueDate!);
  const ids = [...rows.keys()].filter((id): id is string => id !== null);
  const departments = new Map(
    (await db.department.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((d) => [
      d.id,
      d,
    ]),
  );
  return [...rows.entries()]
    .map(([id, row]) => {
      const oldestDueDate = toIsoDate(row.oldest);
      return {
        department: id ? (departments.get(id) ?? null) : null,
        milestones: row.milestones,
        items: row.items,
        oldestDueDate,
        mostDaysOverdue: daysBetween(oldestDueDate, date),
      };
    })
    .sort(
      (a, b) => b.milestones + b.items - (a.milestones + a.items) || a.oldestDueDate.localeCompare(b.oldestDueDate),
    );
}

/**
 * The notices issued in the window, in the order issued, and those open at the end of the date
 * by colour: issued by then and not closed (销号) by then.
 */
export async function readNotices(db: Db, from: string, to: string): Promise<Briefing["notices"]> {
  const moments = momentsOf(from, to);
  const [issued, open] = await Promise.all([
    db.supervisionNotice.findMany({
      where: { issuedAt: moments },
      orderBy: [{ issuedAt: "asc" }, { seq: "asc" }],
      select: {
        id: true,
        number: true,
        level: true,
        status: true,
        targetLabel: true,
        issuedAt: true,
        replyBy: true,
        department: { select: { id: true, name: true } },
      },
    }),
    db.supervisionNotice.groupBy({
      by: ["level"],
      where: { issuedAt: { lt: moments.lt }, OR: [{ closedAt: null }, { closedAt: { gte: moments.lt } }] },
      _count: { _all: true },
    }),
  ]);
  const byLevel = { blue: 0, yellow: 0, red: 0 };
  for (const g of open) byLevel[g.level] = g._count._all;
  return {
    issued: issued.map((n) => ({ ...n, issuedAt: n.issuedAt.toISOString(), replyBy: toIsoDate(n.replyBy) })),
    open: byLevel,
  };
}
