import { z } from "zod";
import { IdSchema, PlanYearSchema } from "./common.js";

/** The minimum cumulative share of its overdue households a district must resolve by the end of a year. */
export const DistrictFloorSchema = z.object({
  districtId: IdSchema,
  year: PlanYearSchema,
  minCumulativePercent: z.number().min(0).max(100),
});
export type DistrictFloor = z.infer<typeof DistrictFloorSchema>;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * The floor line for a day (底线进度): a district's year-end floors joined straight through each
 * year, from 0 at the start of the first floor year; after the last floor year, the last floor.
 * `year` names the floor the day is measured against (the one whose year-end comes next).
 * Null before the first floor year begins, or when there are no floors.
 */
export function floorToDate(
  floors: readonly { year: number; minCumulativePercent: number }[],
  asOf: string,
): { year: number; percent: number } | null {
  const sorted = [...floors].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  const asOfYear = Number(asOf.slice(0, 4));
  if (!first || asOfYear < first.year) return null;
  const nextIndex = sorted.findIndex((f) => f.year >= asOfYear);
  if (nextIndex === -1) {
    const last = sorted[sorted.length - 1]!;
    return { year: last.year, percent: last.minCumulativePercent };
  }
  const next = sorted[nextIndex]!;
  const prev = sorted[nextIndex - 1];
  // The line runs from the end of the previous floor year (or the start of the first) to the end of this one.
  const from = dayNumber(prev ? `${prev.year + 1}-01-01` : `${next.year}-01-01`);
  const to = dayNumber(`${next.year + 1}-01-01`);
  const start = prev?.minCumulativePercent ?? 0;
  const share = (dayNumber(asOf) + 1 - from) / (to - from);
  return { year: next.year, percent: start + (next.minCumulativePercent - start) * share };
}
