import { z } from "zod";
import { HouseholdCountSchema, IdSchema, PlanYearSchema } from "./common.js";

/** The households a project must move back in one year (年度回迁任务). */
export const YearTargetSchema = z.object({
  projectId: IdSchema,
  year: PlanYearSchema,
  plannedHouseholds: HouseholdCountSchema,
});
export type YearTarget = z.infer<typeof YearTargetSchema>;
