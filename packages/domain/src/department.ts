import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { refusal } from "./errors.js";
import { CodeSchema, IdSchema } from "./common.js";

/** 领导小组办公室 / 区政府 / 市直部门 */
export const DepartmentKindSchema = z.enum(["leading_group_office", "district_government", "municipal_department"]);
export type DepartmentKind = z.infer<typeof DepartmentKindSchema>;

export const DepartmentSchema = z.object({
  id: IdSchema,
  code: CodeSchema,
  name: z.string().min(1).max(TEXT_MAX.longName),
  shortName: z.string().min(1).max(TEXT_MAX.departmentShortName),
  kind: DepartmentKindSchema,
  districtId: IdSchema.nullable(),
  version: z.number().int().min(1),
});
export type Department = z.infer<typeof DepartmentSchema>;

const districtRule = (d: { kind?: DepartmentKind; districtId?: string | null }) =>
  d.kind !== "district_government" || !!d.districtId;
const districtIssue = refusal("district_required", "a district government belongs to a district", ["districtId"]);

export const DepartmentCreateSchema = z
  .strictObject({
    code: CodeSchema,
    name: z.string().trim().min(1).max(TEXT_MAX.longName),
    shortName: z.string().trim().min(1).max(TEXT_MAX.departmentShortName),
    kind: DepartmentKindSchema,
    districtId: IdSchema.nullable(),
  })
  .refine(districtRule, districtIssue);
export type DepartmentCreate = z.infer<typeof DepartmentCreateSchema>;

/** The code is a stable key (the plan file and the demo accounts refer to it): not editable. */
export const DepartmentUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(TEXT_MAX.longName),
    shortName: z.string().trim().min(1).max(TEXT_MAX.departmentShortName),
    kind: DepartmentKindSchema,
    districtId: IdSchema.nullable(),
    version: z.number().int().min(1),
  })
  .partial()
  .required({ version: true })
  .refine((d) => !(d.kind === "district_government" && d.districtId === null), districtIssue);
export type DepartmentUpdate = z.infer<typeof DepartmentUpdateSchema>;
