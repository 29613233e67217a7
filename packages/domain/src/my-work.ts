import { z } from "zod";
import { IdSchema, IsoDateSchema } from "./common.js";
import { WorkStatusSchema } from "./milestone.js";
import { NamedRefSchema } from "./project.js";

/** One open milestone or item in a department's work list (我的待办). */
export const WorkEntrySchema = z.object({
  type: z.enum(["milestone", "item"]),
  id: IdSchema,
  projectId: IdSchema,
  projectName: z.string(),
  title: z.string(),
  dueDate: IsoDateSchema,
  status: WorkStatusSchema,
  blockedReason: z.string().nullable(),
  responsiblePersonId: IdSchema.nullable(),
  version: z.number().int().min(1),
  /** Days past due (positive) or until due (negative, 0 today), in China time. */
  daysOverdue: z.number().int(),
  urgency: z.enum(["overdue", "due_soon", "later"]),
  /** For an item that is a follow-up action of a working-group review (研判会): that review. */
  review: z.object({ id: IdSchema, heldOn: IsoDateSchema }).nullable(),
  /** 退回: why the office returned the last completion, until the next one. */
  returnReason: z.string().nullable(),
  /** The completion awaiting verification (待复核): its day and note; null otherwise. */
  completion: z.object({ completedOn: IsoDateSchema, note: z.string(), by: z.string().nullable() }).nullable(),
});
export type WorkEntry = z.infer<typeof WorkEntrySchema>;

/** Overdue first, then due within 14 days, then the rest; each by due date. */
export const MyWorkSchema = z.object({
  departmentId: IdSchema.nullable(),
  asOf: IsoDateSchema,
  overdueCount: z.number().int().nonnegative(),
  dueSoonCount: z.number().int().nonnegative(),
  entries: z.array(WorkEntrySchema),
  /** Review records (研判会纪要) the department attended and has yet to sign (会签), oldest first. */
  reviewsToSign: z.array(
    z.object({ id: IdSchema, group: NamedRefSchema, heldOn: IsoDateSchema, projects: z.array(NamedRefSchema) }),
  ),
  /** For the office (`work.verify`): every department's completions awaiting its verification (待复核), oldest first. */
  awaitingVerification: z.array(WorkEntrySchema.extend({ departmentName: z.string().nullable() })),
  /** 配合: open work other departments lead and this one cooperates on (notes and evidence, not status), by urgency. */
  cooperating: z.array(WorkEntrySchema.extend({ leadName: z.string().nullable() })),
});
export type MyWork = z.infer<typeof MyWorkSchema>;
