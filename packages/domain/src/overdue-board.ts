import { z } from "zod";
import { IdSchema, IsoDateSchema } from "./common.js";
import { MilestoneKindSchema, WorkStatusSchema } from "./milestone.js";
import { refusal } from "./errors.js";
import { PageQuerySchema } from "./pagination.js";
import { NamedRefSchema } from "./project.js";

/**
 * How late overdue work is, in days past its due date (China time): 1–30, 31–90, more than 90.
 * The bands are the board's filter; `LATENESS_BANDS` gives each its bounds, both included.
 */
export const LatenessSchema = z.enum(["up_to_30", "31_to_90", "over_90"]);
export type Lateness = z.infer<typeof LatenessSchema>;

export const LATENESS_BANDS: Record<Lateness, { minDays: number; maxDays: number | null }> = {
  up_to_30: { minDays: 1, maxDays: 30 },
  "31_to_90": { minDays: 31, maxDays: 90 },
  over_90: { minDays: 91, maxDays: null },
};

/** The band a number of days overdue falls in (days ≥ 1). */
export function latenessOf(daysOverdue: number): Lateness {
  if (daysOverdue <= LATENESS_BANDS.up_to_30.maxDays!) return "up_to_30";
  return daysOverdue <= LATENESS_BANDS["31_to_90"].maxDays! ? "31_to_90" : "over_90";
}

/** 全市待办: which overdue work to list. `kind` is milestones or items; `milestoneKind` narrows milestones. */
export const OverdueBoardQuerySchema = z
  .object({
    districtId: IdSchema.optional(),
    responsibleDepartmentId: IdSchema.optional(),
    kind: z.enum(["milestone", "item"]).optional(),
    milestoneKind: MilestoneKindSchema.optional(),
    lateness: LatenessSchema.optional(),
    ...PageQuerySchema.shape,
  })
  .refine(
    (q) => !(q.kind === "item" && q.milestoneKind),
    refusal("invalid_value", "A milestone kind lists milestones only, not items", ["milestoneKind"]),
  );
export type OverdueBoardQuery = z.infer<typeof OverdueBoardQuerySchema>;

/** One overdue milestone or item on the city-wide board, the latest first. */
export const OverdueEntrySchema = z.object({
  type: z.enum(["milestone", "item"]),
  id: IdSchema,
  /** The milestone's kind; null for an item. */
  milestoneKind: MilestoneKindSchema.nullable(),
  title: z.string(),
  dueDate: IsoDateSchema,
  status: WorkStatusSchema,
  blockedReason: z.string().nullable(),
  daysOverdue: z.number().int().min(1),
  lateness: LatenessSchema,
  project: NamedRefSchema,
  district: NamedRefSchema,
  responsibleDepartment: NamedRefSchema.nullable(),
  responsiblePerson: NamedRefSchema.nullable(),
});
export type OverdueEntry = z.infer<typeof OverdueEntrySchema>;

export const OverdueBoardSchema = z.object({
  asOf: IsoDateSchema,
  items: z.array(OverdueEntrySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type OverdueBoard = z.infer<typeof OverdueBoardSchema>;
