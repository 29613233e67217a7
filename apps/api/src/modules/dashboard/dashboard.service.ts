import { computeTrajectory, percentOf, summariseYears, type Dashboard } from "@resettle/domain";
import { todayInChina } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { assessProjects, readLedgerEntries } from "../projects/index.js";
import { arrearsReport } from "../subsidy/index.js";
import { overdueWorkWhere } from "../work/index.js";

type YearSum = { districtId: string; year: number; households: number };

const add = (map: Map<number, number>, year: number, n: number) => map.set(year, (map.get(year) ?? 0) + n);

/**
 * Where the city and each district stand against the plan: a fixed handful of queries
 * whatever the number of projects (no per-project round trips).
 */
export async function getDashboard({ db, clock }: ServiceContext): Promise<Dashboard> {
  const today = todayInChina(clock);
  const [plan, districts, projects, targets, reportSums, entries, demoPersons] = await Promise.all([
    db.plan.findFirst({ orderBy: { loadedAt: "desc" }, select: { title: true, years: true } }),
    db.district.findMany({ orderBy: { name: "asc" }, include: { floors: true } }),
    db.project.findMany({
      select: {
        id: true,
        districtId: true,
        totalHouseholds: true,
        movedBack: true,
        yearTargets: { select: { year: true, plannedHouseholds: true } },
      },
    }),
    db.yearTarget.findMany({
      select: { year: true, plannedHouseholds: true, project: { select: { districtId: true } } },
    }),
    // Per-year sums kept with every ledger entry: never the ledger itself.
    db.$queryRaw<YearSum[]>`
      SELECT p."districtId" AS "districtId", s.year, SUM(s.households)::int AS households
      FROM project_year_progress s JOIN projects p ON p.id = s."projectId"
      GROUP BY 1, 2`,
    readLedgerEntries(db, today),
    db.person.count({ where: { isDemo: true } }),
  ]);

  // The arrears are read once: the dashboard's figure and the projects' health rule share them.
  const arrears = await arrearsReport({ db, clock }, {});
  const oldArrears = new Map(
    arrears.projects
      .filter((p) => p.buckets.over90 > 0)
      .map((p) => [p.projectId, { amountFen: p.buckets.over90, oldestDueMonth: p.oldestDueMonth }]),
  );
  const [assessed, overdueMilestones, overdueItems] = await Promise.all([
    assessProjects(db, projects, today, entries, oldArrears),
    db.milestone.count({ where: overdueWorkWhere(today) }),
    db.item.count({ where: overdueWorkWhere(today) }),
  ]);
  // The trajectories' pace and forecast read the projects' entries put together (sums add up).
  const trajectoryOf = (own: typeof projects) =>
    computeTrajectory({
      totalHouseholds: own.reduce((s, p) => s + p.totalHouseholds, 0),
      targets: own.flatMap((p) => p.yearTargets),
      reports: own.flatMap((p) => entries.get(p.id) ?? []),
      asOf: today,
    });
  const health = { green: 0, amber: 0, red: 0 };
  for (const { health: h } of assessed.values()) health[h.level] += 1;

  const years = [
    ...new Set([
      ...(plan?.years ?? []),
      ...targets.map((t) => t.year),
      ...districts.flatMap((d) => d.floors.map((f) => f.year)),
    ]),
  ].sort((a, b) => a - b);
  // A year's reports count at its mid-point: summariseYears only compares them with year ends.
  const asReports = (sums: YearSum[]) => sums.map((s) => ({ reportedOn: `${s.year}-07-01`, households: s.households }));

  const cityPlanned = new Map<number, number>();
  for (const t of targets) add(cityPlanned, t.year, t.plannedHouseholds);
  const households = projects.reduce((s, p) => s + p.totalHouseholds, 0);
  const movedBack = projects.reduce((s, p) => s + p.movedBack, 0);

  return {
    asOf: today,
    plan: plan ? { title: plan.title, years: plan.years } : null,
    demoData: demoPersons > 0,
    health,
    overdue: { milestones: overdueMilestones, items: overdueItems },
    arrears: {
      households: arrears.total.households,
      amountOwed: arrears.total.amountOwed,
      over90: arrears.total.buckets.over90,
      oldestDueMonth: arrears.total.oldestDueMonth,
    },
    totals: { projects: projects.length, households, movedBack, movedBackPercent: percentOf(movedBack, households) },
    trajectory: trajectoryOf(projects),
    years: summariseYears({
      years,
      totalHouseholds: households,
      planned: cityPlanned,
      reports: asReports(reportSums),
      today,
    }),
    districts: districts.map((d) => {
      const own = projects.filter((p) => p.districtId === d.id);
      const total = own.reduce((s, p) => s + p.totalHouseholds, 0);
      const moved = own.reduce((s, p) => s + p.movedBack, 0);
      const planned = new Map<number, number>();
      for (const t of targets) if (t.project.districtId === d.id) add(planned, t.year, t.plannedHouseholds);
      const rows = summariseYears({
        years,
        totalHouseholds: total,
        planned,
        reports: asReports(reportSums.filter((s) => s.districtId === d.id)),
        today,
      });
      return {
        id: d.id,
        code: d.code,
        name: d.name,
        projects: own.length,
        households: total,
        movedBack: moved,
        movedBackPercent: percentOf(moved, total),
        years: rows.map((row) => {
          const floor = d.floors.find((f) => f.year === row.year);
          return { ...row, floorPercent: floor ? Number(floor.minCumulativePercent) : null };
        }),
        trajectory: trajectoryOf(own),
      };
    }),
  };
}
