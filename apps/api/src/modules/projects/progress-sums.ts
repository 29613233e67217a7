import { recentPaceStart } from "@resettle/domain";
import type { Db } from "../../lib/context.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";

export type LedgerEntry = { reportedOn: string; households: number };

/**
 * Each project's ledger as the trajectory reads it, without reading the ledger: the per-year
 * sums (`project_year_progress`, kept by a trigger with every entry) plus the entries of the
 * recent-pace window only (the last six months, summed by day). What lies before the window
 * counts only by its year (`recentPaceStart`), so each year's remainder is given as one entry
 * dated at the window's start or the year's end, whichever is earlier. The cost grows with
 * the years and the last months' reporting days, never with the whole ledger.
 */
export async function readLedgerEntries(
  db: Db,
  asOf: string,
  projectIds?: string[],
): Promise<Map<string, LedgerEntry[]>> {
  const windowStart = recentPaceStart(asOf);
  const ofProjects = projectIds ? { projectId: { in: projectIds } } : {};
  const [years, recent] = await Promise.all([
    db.projectYearProgress.findMany({ where: ofProjects, select: { projectId: true, year: true, households: true } }),
    db.progressReport.groupBy({
      by: ["projectId", "reportedOn"],
      where: { ...ofProjects, reportedOn: { gt: fromIsoDate(windowStart) } },
      _sum: { households: true },
    }),
  ]);
  const entries = new Map<string, LedgerEntry[]>();
  const push = (projectId: string, entry: LedgerEntry) => {
    const list = entries.get(projectId);
    if (list) list.push(entry);
    else entries.set(projectId, [entry]);
  };
  const inWindow = new Map<string, number>();
  for (const r of recent) {
    const reportedOn = toIsoDate(r.reportedOn);
    const households = r._sum.households ?? 0;
    push(r.projectId, { reportedOn, households });
    const key = `${r.projectId}:${reportedOn.slice(0, 4)}`;
    inWindow.set(key, (inWindow.get(key) ?? 0) + households);
  }
  for (const y of years) {
    const rest = y.households - (inWindow.get(`${y.projectId}:${y.year}`) ?? 0);
    const yearEnd = `${y.year}-12-31`;
    if (rest !== 0) push(y.projectId, { reportedOn: yearEnd < windowStart ? yearEnd : windowStart, households: rest });
  }
  return entries;
}
