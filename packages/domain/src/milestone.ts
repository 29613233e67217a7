import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { refusal } from "./errors.js";
import { WithdrawalSchema } from "./withdrawal.js";
import { CompletionFieldsSchema } from "./completion.js";

/** 工程建设 / 手续办理 / 安置房源 / 竣工验收 / 交付 / 回迁入住 */
export const MilestoneKindSchema = z.enum([
  "construction",
  "procedures",
  "relocation_site",
  "acceptance",
  "handover",
  "move_back",
]);
export type MilestoneKind = z.infer<typeof MilestoneKindSchema>;

/** 待复核 (`awaiting_verification`): completed by the department, not yet verified by the office; not done. */
export const WorkStatusSchema = z.enum(["planned", "in_progress", "done", "blocked", "awaiting_verification"]);
export type WorkStatus = z.infer<typeof WorkStatusSchema>;

/**
 * The department responsible for new work (a milestone, an item): required, and refused with
 * `department_required` when missing or empty, so that no work is created that nobody owns.
 */
export const ResponsibleDepartmentSchema = IdSchema.nullish()
  .refine((id) => id != null, refusal("department_required", "a responsible department is required"))
  .transform((id) => id!);

/** A dated step of a project's timetable (推进时间表). */
export const MilestoneSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  kind: MilestoneKindSchema,
  title: z.string().min(1).max(TEXT_MAX.title),
  dueDate: IsoDateSchema,
  status: WorkStatusSchema,
  responsibleDepartmentId: IdSchema.nullable(),
  responsiblePersonId: IdSchema.nullable(),
  completedAt: IsoDateTimeSchema.nullable(),
  /** Who marked it done (a display name), when done. */
  completedBy: z.string().nullable(),
  /** Why it is blocked, while blocked. */
  blockedReason: z.string().nullable(),
  /** 撤销: set once the milestone is withdrawn; it then counts nowhere and changes no more. */
  withdrawn: WithdrawalSchema,
  ...CompletionFieldsSchema.shape,
  version: z.number().int().min(1),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const MilestoneCreateSchema = z.strictObject({
  kind: MilestoneKindSchema,
  title: z.string().trim().min(1).max(TEXT_MAX.title),
  dueDate: IsoDateSchema,
  responsibleDepartmentId: ResponsibleDepartmentSchema,
  responsiblePersonId: IdSchema.nullable(),
});
export type MilestoneCreate = z.infer<typeof MilestoneCreateSchema>;

/**
 * A change to a milestone. Coordinators of the responsible department send `status`
 * (and `note`: the reason when blocking); administrators and the working group may also
 * change the planning fields. `version` is the one the editor saw (409 when stale).
 */
export const MilestoneUpdateSchema = z.strictObject({
  status: WorkStatusSchema.optional(),
  note: z.string().trim().max(TEXT_MAX.note).optional(),
  kind: MilestoneKindSchema.optional(),
  title: z.string().trim().min(1).max(TEXT_MAX.title).optional(),
  dueDate: IsoDateSchema.optional(),
  version: z.number().int().min(1),
});
export type MilestoneUpdate = z.infer<typeof MilestoneUpdateSchema>;
