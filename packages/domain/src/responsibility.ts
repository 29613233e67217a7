import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { IdSchema, IsoDateTimeSchema } from "./common.js";

/** 包项目到部门到人: makes a department and one of its persons responsible, with the reason. */
export const AssignResponsibilitySchema = z.strictObject({
  departmentId: IdSchema,
  personId: IdSchema.nullable(),
  reason: z.string().trim().min(1, "a reason is required").max(TEXT_MAX.note),
  /** The version of the project or milestone the assigner saw: 409 when someone changed it since. */
  version: z.number().int().min(1),
});
export type AssignResponsibility = z.infer<typeof AssignResponsibilitySchema>;

const NamedSchema = z.object({ id: IdSchema, name: z.string() });

export const ResponsibilityAssignmentSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  milestoneId: IdSchema.nullable(),
  /** Set when the assignment is of a rectification item (整改事项). */
  itemId: IdSchema.nullable(),
  departmentId: IdSchema,
  personId: IdSchema.nullable(),
  /** Names for display, as they are now. */
  department: NamedSchema,
  person: NamedSchema.nullable(),
  assignedBy: NamedSchema.nullable(),
  assignedAt: IsoDateTimeSchema,
  reason: z.string(),
});
export type ResponsibilityAssignment = z.infer<typeof ResponsibilityAssignmentSchema>;
