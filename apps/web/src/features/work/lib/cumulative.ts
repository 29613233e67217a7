import type { ProgressReport } from "@resettle/domain";

export type CumulativePoint = { date: string; total: number };

/** The running total of households moved back, one point per reporting day, oldest first. */
export function cumulativeByDate(reports: Pick<ProgressReport, "reportedOn" | "households">[]): CumulativePoint[] {
  const byDate = new Map<string, number>();
  for (const r of reports) byDate.set(r.reportedOn, (byDate.get(r.reportedOn) ?? 0) + r.households);
  let total = 0;
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, households]) => {
      total += households;
      return { date, total };
    });
}
