import { z } from "zod";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { WorkStatusSchema } from "./milestone.js";

/** 整改事项: a problem found in a project, its cause, the measure, who and by when. */
export const ItemSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  problem: z.string().min(1).max(500),
  cause: z.string().max(500).nullable(),
  measure: z.string().max(1000).nullable(),
  responsibleDepartmentId: IdSchema.nullable(),
  responsiblePersonId: IdSchema.nullable(),
  deadline: IsoDateSchema,
  status: WorkStatusSchema,
  blockedReason: z.string().nullable(),
  completedAt: IsoDateTimeSchema.nullable(),
  completedBy: z.string().nullable(),
  /** Set when the item is a follow-up action decided in a working-group review (研判会). */
  review: z.object({ id: IdSchema, heldOn: IsoDateSchema }).nullable(),
  version: z.number().int().min(1),
});
export type Item = z.infer<typeof ItemSchema>;

export const ItemCreateSchema = z.object({
  problem: z.string().trim().min(1).max(500),
  cause: z.string().trim().max(500).nullable(),
  measure: z.string().trim().max(1000).nullable(),
  responsibleDepartmentId: IdSchema,
  responsiblePersonId: IdSchema.nullable(),
  deadline: IsoDateSchema,
});
export type ItemCreate = z.infer<typeof ItemCreateSchema>;

export const ItemUpdateSchema = z.object({
  status: WorkStatusSchema.optional(),
  note: z.string().trim().max(500).optional(),
  problem: z.string().trim().min(1).max(500).optional(),
  cause: z.string().trim().max(500).nullable().optional(),
  measure: z.string().trim().max(1000).nullable().optional(),
  deadline: IsoDateSchema.optional(),
  /** Reassigns the item (office and working group); the person must belong to the department. */
  responsibleDepartmentId: IdSchema.optional(),
  responsiblePersonId: IdSchema.nullable().optional(),
  version: z.number().int().min(1),
});
export type ItemUpdate = z.infer<typeof ItemUpdateSchema>;
