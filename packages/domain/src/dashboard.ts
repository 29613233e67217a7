import { z } from "zod";
import { HouseholdCountSchema, IdSchema, IsoDateSchema, PlanYearSchema } from "./common.js";
import { DistrictYearRowSchema, PercentSchema, PlanYearRowSchema } from "./plan-year-row.js";
import { TrajectorySchema } from "./trajectory.js";

export * from "./plan-year-row.js";

export const DashboardSchema = z.object({
  asOf: IsoDateSchema,
  plan: z.object({ title: z.string(), years: z.array(PlanYearSchema) }).nullable(),
  /** True while fictional demo records (演示数据) are in the database. */
  demoData: z.boolean(),
  totals: z.object({
    projects: z.number().int().nonnegative(),
    households: HouseholdCountSchema,
    movedBack: HouseholdCountSchema,
    movedBackPercent: PercentSchema,
  }),
  years: z.array(PlanYearRowSchema),
  districts: z.array(
    z.object({
      id: IdSchema,
      code: z.string(),
      name: z.string(),
      projects: z.number().int().nonnegative(),
      households: HouseholdCountSchema,
      movedBack: HouseholdCountSchema,
      movedBackPercent: PercentSchema,
      years: z.array(DistrictYearRowSchema),
      /** The district's trajectory: gap, required monthly rate, pace and forecast. */
      trajectory: TrajectorySchema,
    }),
  ),
  /** The city's trajectory. */
  trajectory: TrajectorySchema,
  /** Projects by green / amber / red (the project pages say which rules fired). */
  health: z.object({
    green: z.number().int().nonnegative(),
    amber: z.number().int().nonnegative(),
    red: z.number().int().nonnegative(),
  }),
  /**
   * 临时安置补助费欠发, city-wide (projects with a standard): households owed, the amount and the
   * part owed more than 90 days (fen), the oldest unpaid month.
   */
  arrears: z.object({
    households: z.number().int().nonnegative(),
    amountOwed: z.number().int().nonnegative(),
    over90: z.number().int().nonnegative(),
    oldestDueMonth: z.string().nullable(),
  }),
  /** Open milestones and items past their date, city-wide. */
  overdue: z.object({
    milestones: z.number().int().nonnegative(),
    items: z.number().int().nonnegative(),
  }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
