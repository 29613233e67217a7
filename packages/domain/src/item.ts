import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { ResponsibleDepartmentSchema, WorkStatusSchema } from "./milestone.js";
import { WithdrawalSchema } from "./withdrawal.js";
import { CompletionFieldsSchema } from "./completion.js";

/**
 * 整改事项: a problem found in a project (its title), its cause, the measure, who and by
 * when (its due date) — named as milestones name the same things (ADR 007).
 */
export const ItemSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  title: z.string().min(1).max(TEXT_MAX.itemText),
  cause: z.string().max(TEXT_MAX.itemText).nullable(),
  measure: z.string().max(TEXT_MAX.measure).nullable(),
  responsibleDepartmentId: IdSchema.nullable(),
  responsiblePersonId: IdSchema.nullable(),
  dueDate: IsoDateSchema,
  status: WorkStatusSchema,
  blockedReason: z.string().nullable(),
  completedAt: IsoDateTimeSchema.nullable(),
  completedBy: z.string().nullable(),
  /** Set when the item is a follow-up action decided in a working-group review (研判会). */
  review: z.object({ id: IdSchema, heldOn: IsoDateSchema }).nullable(),
  /** 撤销: set once the item is withdrawn; it then counts nowhere and changes no more. */
  withdrawn: WithdrawalSchema,
  ...CompletionFieldsSchema.shape,
  version: z.number().int().min(1),
});
export type Item = z.infer<typeof ItemSchema>;

export const ItemCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(TEXT_MAX.itemText),
  cause: z.string().trim().max(TEXT_MAX.itemText).nullable(),
  measure: z.string().trim().max(TEXT_MAX.measure).nullable(),
  responsibleDepartmentId: ResponsibleDepartmentSchema,
  responsiblePersonId: IdSchema.nullable(),
  dueDate: IsoDateSchema,
});
export type ItemCreate = z.infer<typeof ItemCreateSchema>;

export const ItemUpdateSchema = z.strictObject({
  status: WorkStatusSchema.optional(),
  note: z.string().trim().max(TEXT_MAX.note).optional(),
  title: z.string().trim().min(1).max(TEXT_MAX.itemText).optional(),
  cause: z.string().trim().max(TEXT_MAX.itemText).nullable().optional(),
  measure: z.string().trim().max(TEXT_MAX.measure).nullable().optional(),
  dueDate: IsoDateSchema.optional(),
  /** Reassigns the item (office and working group); the person must belong to the department. */
  responsibleDepartmentId: IdSchema.optional(),
  responsiblePersonId: IdSchema.nullable().optional(),
  version: z.number().int().min(1),
});
export type ItemUpdate = z.infer<typeof ItemUpdateSchema>;
