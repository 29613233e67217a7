import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { refusal } from "./errors.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { pageOf } from "./pagination.js";

/**
 * One entry in a project's moved-back ledger (回迁进度). Entries are never edited: a
 * correction (更正) is a new entry, negative, with its reason.
 */
export const ProgressReportSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  reportedOn: IsoDateSchema,
  /** Positive for a report, negative for a correction. */
  households: z.number().int(),
  note: z.string().max(TEXT_MAX.note).nullable(),
  /** Why a correction or a back-dated report (补报) was made; null for an ordinary report. */
  reason: z.string().max(TEXT_MAX.note).nullable(),
  /** 补报: filed after the year it is dated in had ended, so it changed a closed year-end total. */
  backdated: z.boolean(),
  /** Who reported it (display name); null for loaded or demo entries. */
  reportedBy: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: IsoDateTimeSchema,
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

/** 上报 adds households moved back; 更正 takes households back out, and always says why. */
export const ProgressReportKindSchema = z.enum(["report", "correction"]);
export type ProgressReportKind = z.infer<typeof ProgressReportKindSchema>;

/** The most households one entry may carry; the server also bounds it by the project's own figures. */
export const MAX_HOUSEHOLDS_PER_REPORT = 100_000;

/**
 * A new ledger entry. `households` is a count (a positive whole number) whatever the kind:
 * the sign comes from `kind`, never from a minus typed into the count. The server bounds it
 * by the project (a report by the households still to move back, a correction by those
 * moved back) and the date by the plan's window (`planWindows`); a back-dated report into a
 * closed year needs a reason too.
 */
export const ProgressReportCreateSchema = z
  .strictObject({
    kind: ProgressReportKindSchema.default("report"),
    reportedOn: IsoDateSchema,
    households: z.number().int().min(1).max(MAX_HOUSEHOLDS_PER_REPORT),
    note: z.string().trim().max(TEXT_MAX.note).nullable().optional(),
    reason: z.string().trim().min(1).max(TEXT_MAX.note).optional(),
  })
  .refine(
    (r) => r.kind !== "correction" || !!r.reason,
    refusal("reason_required", "a correction needs a reason", ["reason"]),
  );
export type ProgressReportCreate = z.infer<typeof ProgressReportCreateSchema>;

/** A page of the ledger, newest first, with the count and the sum of every entry (the project's figure). */
export const ProgressLedgerPageSchema = pageOf(ProgressReportSchema).extend({
  /** The sum of all entries, not only this page's: what `projects.movedBack` must equal. */
  households: z.number().int(),
});
export type ProgressLedgerPage = z.infer<typeof ProgressLedgerPageSchema>;

/** The ledger summed by day, oldest first: what the running-total chart draws. */
export const ProgressDaySchema = z.object({ reportedOn: IsoDateSchema, households: z.number().int() });
export type ProgressDay = z.infer<typeof ProgressDaySchema>;
