import { z } from "zod";
import { HouseholdCountSchema, PlanYearSchema } from "./common.js";

export const PercentSchema = z.number().min(0).max(100).describe("percent, one decimal");

export const PlanYearRowSchema = z.object({
  year: PlanYearSchema,
  plannedHouseholds: HouseholdCountSchema,
  cumulativePlanned: HouseholdCountSchema,
  cumulativePlannedPercent: PercentSchema,
  /** Households moved back by the end of that year; null for a year not yet begun. */
  cumulativeActual: HouseholdCountSchema.nullable(),
  cumulativeActualPercent: PercentSchema.nullable(),
});
export type PlanYearRow = z.infer<typeof PlanYearRowSchema>;

export const DistrictYearRowSchema = PlanYearRowSchema.extend({
  floorPercent: PercentSchema.nullable(),
});
export type DistrictYearRow = z.infer<typeof DistrictYearRowSchema>;
