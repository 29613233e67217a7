import { z } from "zod";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";

/** One entry in a project's moved-back ledger (回迁进度). Entries are never edited. */
export const ProgressReportSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  reportedOn: IsoDateSchema,
  households: z.number().int(),
  note: z.string().max(500).nullable(),
  createdAt: IsoDateTimeSchema,
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;
