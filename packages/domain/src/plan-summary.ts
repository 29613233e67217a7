import { percentOf } from "./plan.js";
import type { PlanYearRow } from "./plan-year-row.js";

export type SummaryInput = {
  years: number[];
  totalHouseholds: number;
  /** Planned households per year. */
  planned: Map<number, number>;
  /** Moved-back entries: date (YYYY-MM-DD) and households (may be negative: corrections). */
  reports: { reportedOn: string; households: number }[];
  today: string;
};

/**
 * The year-by-year trajectory of a set of projects (one project, a district, the city):
 * planned and actual cumulative households and their shares of the total.
 */
export function summariseYears(input: SummaryInput): PlanYearRow[] {
  const years = [...input.years].sort((a, b) => a - b);
  let cumulativePlanned = 0;
  return years.map((year) => {
    const plannedHouseholds = input.planned.get(year) ?? 0;
    cumulativePlanned += plannedHouseholds;
    const begun = `${year}-01-01` <= input.today;
    const yearEnd = `${year}-12-31`;
    const cumulativeActual = begun
      ? input.reports.filter((r) => r.reportedOn <= yearEnd).reduce((s, r) => s + r.households, 0)
      : null;
    return {
      year,
      plannedHouseholds,
      cumulativePlanned,
      cumulativePlannedPercent: percentOf(cumulativePlanned, input.totalHouseholds),
      cumulativeActual,
      cumulativeActualPercent: cumulativeActual === null ? null : percentOf(cumulativeActual, input.totalHouseholds),
    };
  });
}
