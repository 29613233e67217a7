import { z } from "zod";
import { CodeSchema, IdSchema } from "./common.js";

/** 领导小组办公室 / 区政府 / 市直部门 */
export const DepartmentKindSchema = z.enum(["leading_group_office", "district_government", "municipal_department"]);
export type DepartmentKind = z.infer<typeof DepartmentKindSchema>;

export const DepartmentSchema = z.object({
  id: IdSchema,
  code: CodeSchema,
  name: z.string().min(1).max(100),
  shortName: z.string().min(1).max(20),
  kind: DepartmentKindSchema,
  districtId: IdSchema.nullable(),
});
export type Department = z.infer<typeof DepartmentSchema>;
