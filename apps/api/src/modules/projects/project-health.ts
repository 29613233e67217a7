import {
  addDays,
  assessProjectHealth,
  computeTrajectory,
  DEFAULT_HEALTH_MARGINS,
  type HealthLevel,
  type ProjectHealth,
  type Trajectory,
  type WorkRef,
  type WorkStatus,
} from "@resettle/domain";
import type { Db } from "../../lib/context.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { readLedgerEntries, type LedgerEntry } from "./progress-sums.js";
import { notWithdrawn } from "../../lib/withdrawal.js";
import { readOldArrears } from "../subsidy/index.js";

type ProjectFigures = {
  id: string;
  totalHouseholds: number;
  yearTargets: { year: number; plannedHouseholds: number }[];
};

/**
 * Trajectory and green / amber / red for a page of projects: a fixed number of queries whatever
 * the page size (per-year sums and the recent entries, milestones, items, subsidy arrears), then
 * the domain's pure rules.
 */
/** A milestone's or an item's row as the health rules read it: the same fields for both (ADR 007). */
const workRef = (w: { id: string; title: string; dueDate: Date; status: WorkStatus }): WorkRef => ({
  id: w.id,
  title: w.title,
  dueDate: toIsoDate(w.dueDate),
  status: w.status,
});

/**
 * The only work a health rule can fire on: done work never does, and open work due after the
 * due-soon window only when it is blocked. The rest is left in the database (at a province's
 * size most of the 200,000 milestones and items): the rules see the same.
 */
const workThatMayFire = (asOf: string) => ({
  ...notWithdrawn,
  status: { not: "done" as const },
  OR: [
    { status: "blocked" as const },
    { dueDate: { lte: fromIsoDate(addDays(asOf, DEFAULT_HEALTH_MARGINS.dueSoonDays)) } },
  ],
});

type WorkRow = { id: string; title: string; dueDate: Date; status: WorkStatus; withdrawnAt: Date | null };

/** `workThatMayFire` on rows already read (a project's page reads all its work anyway). */
const mayFire = (asOf: string) => {
  const dueSoonEnd = fromIsoDate(addDays(asOf, DEFAULT_HEALTH_MARGINS.dueSoonDays)).getTime();
  return (w: WorkRow) =>
    w.withdrawnAt === null && w.status !== "done" && (w.status === "blocked" || w.dueDate.getTime() <= dueSoonEnd);
};

export async function assessProjects(
  db: Db,
  projects: ProjectFigures[],
  asOf: string,
  /** The projects' ledger entries when the caller has read them already (`readLedgerEntries`). */
  entries?: Map<string, LedgerEntry[]>,
  /** Subsidy owed over 90 days per project when the caller has read the arrears already. */
  knownOldArrears?: Map<string, { amountFen: number; oldestDueMonth: string | null }>,
  /** Every milestone and item of the projects (withdrawn and done too) when the caller has read them already. */
  knownWork?: { milestones: (WorkRow & { projectId: string })[]; items: (WorkRow & { projectId: string })[] },
): Promise<Map<string, { trajectory: Trajectory; health: ProjectHealth }>> {
  const ids = projects.map((p) => p.id);
  const workSelect = { projectId: true, id: true, title: true, dueDate: true, status: true } as const;
  const [reports, milestones, items, oldArrears] = await Promise.all([
    entries ?? readLedgerEntries(db, asOf, ids),
    knownWork
      ? knownWork.milestones.filter(mayFire(asOf))
      : db.milestone.findMany({ where: { projectId: { in: ids }, ...workThatMayFire(asOf) }, select: workSelect }),
    knownWork
      ? knownWork.items.filter(mayFire(asOf))
      : db.item.findMany({ where: { projectId: { in: ids }, ...workThatMayFire(asOf) }, select: workSelect }),
    knownOldArrears ?? readOldArrears(db, ids, asOf),
  ]);
  // Grouped once: each project then reads its own rows, whatever the page size.
  const byProject = <T extends { projectId: string }>(rows: T[]) => {
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const group = groups.get(row.projectId);
      if (group) group.push(row);
      else groups.set(row.projectId, [row]);
    }
    return (id: string) => groups.get(id) ?? [];
  };
  const milestonesOf = byProject(milestones);
  const itemsOf = byProject(items);
  return new Map(
    projects.map((p) => {
      const trajectory = computeTrajectory({
        totalHouseholds: p.totalHouseholds,
        targets: p.yearTargets,
        reports: reports.get(p.id) ?? [],
        asOf,
      });
      const health = assessProjectHealth({
        asOf,
        trajectory,
        milestones: milestonesOf(p.id).map(workRef),
        items: itemsOf(p.id).map(workRef),
        oldArrears: oldArrears.get(p.id) ?? null,
      });
      return [p.id, { trajectory, health }];
    }),
  );
}

/**
 * Every project's green / amber / red as of a day, or only these projects': what the project
 * list filters and sorts by and shows on each row. The caller keeps it until the next change
 * (`lib/change-cache.ts`).
 */
export async function assessProjectLevels(db: Db, asOf: string, ids?: string[]): Promise<Map<string, HealthLevel>> {
  const [projects, entries] = await Promise.all([
    db.project.findMany({
      where: ids && { id: { in: ids } },
      select: { id: true, totalHouseholds: true, yearTargets: { select: { year: true, plannedHouseholds: true } } },
    }),
    readLedgerEntries(db, asOf, ids),
  ]);
  const assessed = await assessProjects(db, projects, asOf, entries);
  return new Map([...assessed].map(([id, { health }]) => [id, health.level]));
}
