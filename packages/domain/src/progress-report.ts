import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { refusal } from "./errors.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";

/**
 * One entry in a project's moved-back ledger (回迁进度). Entries are never edited: a
 * correction is a new entry (negative to reverse) with its reason.
 */
export const ProgressReportSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  reportedOn: IsoDateSchema,
  households: z.number().int(),
  note: z.string().max(TEXT_MAX.note).nullable(),
  /** Why a correction was made; null for an ordinary report. */
  reason: z.string().max(TEXT_MAX.note).nullable(),
  /** Who reported it (display name); null for loaded or demo entries. */
  reportedBy: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: IsoDateTimeSchema,
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

export const ProgressReportCreateSchema = z
  .object({
    reportedOn: IsoDateSchema,
    households: z
      .number()
      .int()
      .min(-100_000)
      .max(100_000)
      .refine((n) => n !== 0, refusal("zero", "cannot be 0")),
    note: z.string().trim().max(TEXT_MAX.note).nullable().optional(),
    reason: z.string().trim().min(1).max(TEXT_MAX.note).optional(),
  })
  .refine(
    (r) => r.households >= 0 || !!r.reason,
    refusal("reason_required", "a correction (negative households) needs a reason", ["reason"]),
  );
export type ProgressReportCreate = z.infer<typeof ProgressReportCreateSchema>;
