import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { refusal } from "./errors.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { WorkStatusSchema } from "./milestone.js";
import { PageQuerySchema } from "./pagination.js";
import { NamedRefSchema } from "./project.js";
import { eachOnce } from "./sets.js";
import { WithdrawalSchema } from "./withdrawal.js";

/** A follow-up action decided in a review: it becomes a rectification item of that project. */
export const ReviewActionCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(TEXT_MAX.itemText),
  departmentId: IdSchema,
  personId: IdSchema.nullable(),
  dueDate: IsoDateSchema,
});
export type ReviewActionCreate = z.infer<typeof ReviewActionCreateSchema>;

/** What the record says of one project: 研判情况 and 议定事项. */
const ReviewedProjectTextSchema = z.strictObject({
  projectId: IdSchema,
  findings: z.string().trim().min(1).max(TEXT_MAX.reviewText),
  decisions: z.string().trim().min(1).max(TEXT_MAX.reviewText),
});
const eachProjectOnce = (ps: { projectId: string }[]) => eachOnce(ps.map((p) => p.projectId));
const AttendeesSchema = z.array(IdSchema).min(1, "at least one attendee");

export const ReviewCreateSchema = z.strictObject({
  groupId: IdSchema,
  heldOn: IsoDateSchema,
  attendeePersonIds: AttendeesSchema,
  projects: z
    .array(ReviewedProjectTextSchema.extend({ actions: z.array(ReviewActionCreateSchema).max(50).default([]) }))
    .min(1, "at least one project reviewed")
    .refine(eachProjectOnce, refusal("duplicate", "each project once")),
});
export type ReviewCreate = z.infer<typeof ReviewCreateSchema>;

export const ReviewSignatureSchema = z.object({
  departmentId: IdSchema,
  signedBy: z.string(),
  signedAt: IsoDateTimeSchema,
});
export type ReviewSignature = z.infer<typeof ReviewSignatureSchema>;

/**
 * 会签: the member departments that must sign a review are those with at least one person
 * present. The record locks when every one of them has signed.
 */
export function signOff(input: {
  memberDepartmentIds: readonly string[];
  attendeeDepartmentIds: readonly string[];
  signedDepartmentIds: readonly string[];
}): { requiredDepartmentIds: string[]; pendingDepartmentIds: string[]; locked: boolean } {
  const present = new Set(input.attendeeDepartmentIds);
  const signed = new Set(input.signedDepartmentIds);
  const requiredDepartmentIds = input.memberDepartmentIds.filter((d) => present.has(d));
  const pendingDepartmentIds = requiredDepartmentIds.filter((d) => !signed.has(d));
  return {
    requiredDepartmentIds,
    pendingDepartmentIds,
    locked: requiredDepartmentIds.length > 0 && pendingDepartmentIds.length === 0,
  };
}

/** One row of the working group's problem-projects queue. */
export const ProblemQueueEntrySchema = z.object({
  projectId: IdSchema,
  projectName: z.string(),
  district: NamedRefSchema,
  /** The working group the project is assigned to, if any. */
  group: NamedRefSchema.nullable(),
  healthLevel: z.enum(["green", "amber", "red"]),
  reasons: z.array(z.enum(["individual_problem", "red", "blocked_items"])),
  lastReviewedOn: IsoDateSchema.nullable(),
  nextReviewDue: IsoDateSchema.nullable(),
  openActions: z.number().int().nonnegative(),
  overdueActions: z.number().int().nonnegative(),
  /** Days since the next review fell due (0 when not yet due; never reviewed counts from its assignment). */
  daysReviewOverdue: z.number().int().nonnegative(),
});
export type ProblemQueueEntry = z.infer<typeof ProblemQueueEntrySchema>;

/**
 * The most neglected first: never reviewed, then the longest past its review date, then
 * the most overdue follow-up actions, then the most open ones; the name breaks ties.
 */
export function rankProblemQueue(entries: readonly ProblemQueueEntry[]): ProblemQueueEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(b.lastReviewedOn === null) - Number(a.lastReviewedOn === null) ||
      b.daysReviewOverdue - a.daysReviewOverdue ||
      b.overdueActions - a.overdueActions ||
      b.openActions - a.openActions ||
      a.projectName.localeCompare(b.projectName),
  );
}

/** A follow-up action as the review record shows it: the rectification item it became. */
export const ReviewActionSchema = z.object({
  itemId: IdSchema,
  title: z.string(),
  department: NamedRefSchema.nullable(),
  person: NamedRefSchema.nullable(),
  dueDate: IsoDateSchema,
  status: WorkStatusSchema,
  /** The item was withdrawn (撤销): shown struck through, no longer followed up. */
  withdrawn: z.boolean(),
});
export type ReviewAction = z.infer<typeof ReviewActionSchema>;

export const ReviewedProjectSchema = z.object({
  project: NamedRefSchema,
  findings: z.string(),
  decisions: z.string(),
  actions: z.array(ReviewActionSchema),
});
export type ReviewedProject = z.infer<typeof ReviewedProjectSchema>;

export const ReviewAddendumSchema = z.object({
  id: IdSchema,
  text: z.string(),
  createdBy: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
export type ReviewAddendum = z.infer<typeof ReviewAddendumSchema>;

/** 研判会记录: the record, who has signed it (会签), who has not, and its addenda. */
export const ReviewSchema = z.object({
  id: IdSchema,
  group: NamedRefSchema,
  heldOn: IsoDateSchema,
  createdBy: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  attendees: z.array(NamedRefSchema.extend({ department: NamedRefSchema, title: z.string().nullable() })),
  projects: z.array(ReviewedProjectSchema),
  signatures: z.array(ReviewSignatureSchema.extend({ departmentName: z.string() })),
  /** The member departments with someone present: each must sign. */
  requiredDepartments: z.array(NamedRefSchema),
  pendingDepartmentIds: z.array(IdSchema),
  locked: z.boolean(),
  lockedAt: IsoDateTimeSchema.nullable(),
  addenda: z.array(ReviewAddendumSchema),
  /** 撤销: a review recorded by mistake, withdrawn before anyone signed it or anything followed from it. */
  withdrawn: WithdrawalSchema,
  version: z.number().int().min(1),
});
export type Review = z.infer<typeof ReviewSchema>;

/** Corrects the record before it is locked; signatures already given are withdrawn (they signed other words). */
export const ReviewUpdateSchema = z.strictObject({
  heldOn: IsoDateSchema.optional(),
  attendeePersonIds: AttendeesSchema.optional(),
  projects: z
    .array(ReviewedProjectTextSchema)
    .refine(eachProjectOnce, refusal("duplicate", "each project once"))
    .optional(),
  version: z.number().int().min(1),
});
export type ReviewUpdate = z.infer<typeof ReviewUpdateSchema>;

export const ReviewAddendumCreateSchema = z.strictObject({ text: z.string().trim().min(1).max(TEXT_MAX.reviewText) });
export type ReviewAddendumCreate = z.infer<typeof ReviewAddendumCreateSchema>;

/** A review in a list (a group's or a project's review history). */
export const ReviewSummarySchema = z.object({
  id: IdSchema,
  group: NamedRefSchema,
  heldOn: IsoDateSchema,
  projects: z.array(NamedRefSchema),
  actionCount: z.number().int().nonnegative(),
  pendingDepartmentCount: z.number().int().nonnegative(),
  locked: z.boolean(),
  withdrawn: z.boolean(),
});
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

export const ReviewListQuerySchema = PageQuerySchema.extend({
  groupId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  /** 会签中 (not every department present has signed) or 已锁定. */
  state: z.enum(["signing", "locked"]).optional(),
});
export type ReviewListQuery = z.infer<typeof ReviewListQuerySchema>;

export const ProblemQueueQuerySchema = PageQuerySchema.extend({
  groupId: IdSchema.optional(),
  districtId: IdSchema.optional(),
});
export type ProblemQueueQuery = z.infer<typeof ProblemQueueQuerySchema>;
