import { z } from "zod";
import { CodeSchema, HouseholdCountSchema, PlanYearSchema } from "./common.js";
import { QueryBooleanSchema } from "./pagination.js";

/**
 * `POST /api/plans/import?dryRun=`: check only (nothing loaded), or check and load. Strict: a
 * misspelt `dryrun=true` is refused (400), never read as a real import.
 */
export const PlanImportQuerySchema = z.strictObject({ dryRun: QueryBooleanSchema.optional() });
export type PlanImportQuery = z.infer<typeof PlanImportQuerySchema>;

/** What a clean plan workbook holds, and whether it was loaded. */
export const PlanImportResultSchema = z.object({
  code: CodeSchema,
  title: z.string(),
  years: z.array(PlanYearSchema),
  districts: z.number().int().nonnegative(),
  departments: z.number().int().nonnegative(),
  projects: z.number().int().nonnegative(),
  households: HouseholdCountSchema,
  loaded: z.boolean(),
});
export type PlanImportResult = z.infer<typeof PlanImportResultSchema>;
