import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { refusal } from "./errors.js";
import { IdSchema } from "./common.js";
import { NamedRefSchema } from "./project.js";
import { eachOnce } from "./sets.js";

/**
 * 多部门联合工作组: a lead department, member departments with the persons they send, and
 * the projects the group reviews one by one. A project belongs to at most one group.
 */
export const WorkingGroupSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(TEXT_MAX.longName),
  leadDepartment: NamedRefSchema,
  /** A project is due for review this many days after its last review (or its assignment). */
  reviewIntervalDays: z.number().int().min(1).max(365),
  departments: z.array(NamedRefSchema),
  persons: z.array(
    NamedRefSchema.extend({ departmentId: IdSchema, title: z.string().nullable(), active: z.boolean() }),
  ),
  projects: z.array(NamedRefSchema),
  version: z.number().int().min(1),
});
export type WorkingGroup = z.infer<typeof WorkingGroupSchema>;

const workingGroupFields = {
  name: z.string().trim().min(1).max(TEXT_MAX.longName),
  leadDepartmentId: IdSchema,
  reviewIntervalDays: z.number().int().min(1).max(365),
  /** Must include the lead department. */
  departmentIds: z.array(IdSchema).min(1).max(50).refine(eachOnce, refusal("duplicate", "each department once")),
  /** Each person must be an active member of a member department. */
  personIds: z.array(IdSchema).max(200).refine(eachOnce, refusal("duplicate", "each person once")),
  projectIds: z.array(IdSchema).max(500).refine(eachOnce, refusal("duplicate", "each project once")),
};

export const WorkingGroupCreateSchema = z.strictObject({
  ...workingGroupFields,
  reviewIntervalDays: workingGroupFields.reviewIntervalDays.default(30),
  personIds: workingGroupFields.personIds.default([]),
  projectIds: workingGroupFields.projectIds.default([]),
});
export type WorkingGroupCreate = z.infer<typeof WorkingGroupCreateSchema>;

export const WorkingGroupUpdateSchema = z
  .strictObject(workingGroupFields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export type WorkingGroupUpdate = z.infer<typeof WorkingGroupUpdateSchema>;
