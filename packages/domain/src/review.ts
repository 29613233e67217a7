import { z } from "zod";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";

/** 问题成因: one entry of the cause taxonomy. */
export const CauseSchema = z.object({
  id: IdSchema,
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().min(1).max(50),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int().min(1),
});
export type Cause = z.infer<typeof CauseSchema>;

/** A follow-up action decided in a review: it becomes a rectification item of that project. */
export const ReviewActionCreateSchema = z.object({
  title: z.string().trim().min(1).max(500),
  departmentId: IdSchema,
  personId: IdSchema.nullable(),
  dueDate: IsoDateSchema,
});
export type ReviewActionCreate = z.infer<typeof ReviewActionCreateSchema>;

export const ReviewCreateSchema = z.object({
  groupId: IdSchema,
  heldOn: IsoDateSchema,
  attendeePersonIds: z.array(IdSchema).min(1, "at least one attendee"),
  projects: z
    .array(
      z.object({
        projectId: IdSchema,
        findings: z.string().trim().min(1).max(4000),
        decisions: z.string().trim().min(1).max(4000),
        actions: z.array(ReviewActionCreateSchema).max(50).default([]),
      }),
    )
    .min(1, "at least one project reviewed")
    .refine((ps) => new Set(ps.map((p) => p.projectId)).size === ps.length, "each project once"),
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
