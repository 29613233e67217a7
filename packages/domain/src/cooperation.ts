import { z } from "zod";
import { IdSchema, IsoDateTimeSchema } from "./common.js";
import { NamedRefSchema } from "./project.js";
import { TEXT_MAX } from "./text-limits.js";

// 牵头/配合: a project, milestone, item or 督办单 has one lead department (牵头单位: its responsible
// department, with its responsible person; a notice's, the department it is issued to) and any
// number of cooperating ones (配合单位). The cooperating departments see it in their My work under
// 配合 and add progress notes (进展情况) and evidence (on work); only the lead moves its status, and
// only the lead signs for a notice, replies and asks to extend it.

/** How many cooperating departments one record may have. */
export const COOPERATORS_MAX = 20;

/** A set of cooperating departments: each once, at most COOPERATORS_MAX. */
export const CooperatingDepartmentIdsSchema = z
  .array(IdSchema)
  .max(COOPERATORS_MAX)
  .refine((ids) => new Set(ids).size === ids.length, { message: "each department once" });

/** `PUT …/:id/cooperators`: the whole set, replacing the one before (an empty list clears it). */
export const CooperatorsUpdateSchema = z.strictObject({
  departmentIds: CooperatingDepartmentIdsSchema,
});
export type CooperatorsUpdate = z.infer<typeof CooperatorsUpdateSchema>;

/** Who answers for a record: the lead, and the departments cooperating, by name. */
export const CooperatorsSchema = z.object({
  lead: NamedRefSchema.nullable(),
  cooperating: z.array(NamedRefSchema),
});
export type Cooperators = z.infer<typeof CooperatorsSchema>;

/** `POST …/:id/notes`: a progress note (进展情况), by the lead, a cooperating department or the office. */
export const WorkNoteCreateSchema = z.strictObject({
  text: z.string().trim().min(1).max(TEXT_MAX.measure),
});
export type WorkNoteCreate = z.infer<typeof WorkNoteCreateSchema>;

export const WorkNoteSchema = z.object({
  id: IdSchema,
  text: z.string(),
  /** The writer's department, and whether it leads the record or cooperates; null: the office or the working group. */
  department: NamedRefSchema.nullable(),
  role: z.enum(["lead", "cooperating", "office"]),
  by: z.string().nullable(),
  at: IsoDateTimeSchema,
});
export type WorkNote = z.infer<typeof WorkNoteSchema>;
