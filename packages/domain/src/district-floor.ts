import { z } from "zod";
import { IdSchema, PlanYearSchema } from "./common.js";

/** The minimum cumulative share of its overdue households a district must resolve by the end of a year. */
export const DistrictFloorSchema = z.object({
  districtId: IdSchema,
  year: PlanYearSchema,
  minCumulativePercent: z.number().min(0).max(100),
});
export type DistrictFloor = z.infer<typeof DistrictFloorSchema>;
