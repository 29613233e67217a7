import { ScoreKindSchema, ScorePeriodSchema } from "@resettle/domain";
import { z } from "zod";

/**
 * What the 绩效考评 page keeps in its address: the period (none: this quarter, which moves with
 * the calendar, so it is never written into a link), the kind, and a version of the rules.
 */
export const ScorecardAddressSchema = z.object({
  period: ScorePeriodSchema.optional(),
  kind: ScoreKindSchema.default("district"),
  rulesVersion: z.coerce.number().int().min(1).optional(),
});
export type ScorecardAddress = z.output<typeof ScorecardAddressSchema>;
