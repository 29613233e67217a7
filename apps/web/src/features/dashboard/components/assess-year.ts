import type { DistrictYearRow } from "@resettle/domain";

export type YearAssessment = "not_begun" | "in_progress" | "on_plan" | "behind_plan" | "below_floor";

/**
 * How a district stands for one plan year. A year is only judged once it has ended: until
 * 31 December the floor is a target, not a failure. Comparisons use households, not the
 * rounded percentages, so that 29.96 % never passes a 30 % floor.
 */
export function assessYear(row: DistrictYearRow, households: number, asOf: string): YearAssessment {
  if (row.cumulativeActual === null) return "not_begun";
  if (asOf <= `${row.year}-12-31`) return "in_progress";
  if (row.floorPercent !== null && row.cumulativeActual * 100 < row.floorPercent * households) return "below_floor";
  return row.cumulativeActual < row.cumulativePlanned ? "behind_plan" : "on_plan";
}
