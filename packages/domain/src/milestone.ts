import { z } from "zod";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";

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

export const WorkStatusSchema = z.enum(["planned", "in_progress", "done", "blocked"]);
export type WorkStatus = z.infer<typeof WorkStatusSchema>;

/** A dated step of a project's timetable (推进时间表). */
export const MilestoneSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  kind: MilestoneKindSchema,
  title: z.string().min(1).max(200),
  dueDate: IsoDateSchema,
  status: WorkStatusSchema,
  responsibleDepartmentId: IdSchema.nullable(),
  responsiblePersonId: IdSchema.nullable(),
  completedAt: IsoDateTimeSchema.nullable(),
  version: z.number().int().min(1),
});
export type Milestone = z.infer<typeof MilestoneSchema>;
