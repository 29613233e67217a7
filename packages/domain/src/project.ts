import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { CodeSchema, HouseholdCountSchema, IdSchema, PlanYearSchema } from "./common.js";
import { PageQuerySchema, SortOrderSchema } from "./pagination.js";

/** 原址回建 / 异地安置 / 货币补偿 */
export const ResettlementApproachSchema = z.enum(["on_site_rebuild", "off_site_relocation", "monetary"]);
export type ResettlementApproach = z.infer<typeof ResettlementApproachSchema>;

/** 未启动 / 推进中 / 停滞 / 已完成 */
export const ProjectStatusSchema = z.enum(["not_started", "in_progress", "stalled", "completed"]);
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;

/** 共性问题 / 个性问题 / 无 */
export const ProblemCategorySchema = z.enum(["none", "common", "individual"]);
export type ProblemCategory = z.infer<typeof ProblemCategorySchema>;

export const NamedRefSchema = z.object({ id: IdSchema, name: z.string() });
export type NamedRef = z.infer<typeof NamedRefSchema>;

export const ProjectYearTargetSchema = z.object({
  year: PlanYearSchema,
  plannedHouseholds: HouseholdCountSchema,
});

/** A project as lists show it: enough to render a row without further requests. */
export const ProjectSummarySchema = z.object({
  id: IdSchema,
  code: CodeSchema,
  /** 序号: the project's row in the plan's task table. */
  sequence: z.number().int().min(1),
  name: z.string().min(1).max(TEXT_MAX.longName),
  district: NamedRefSchema,
  totalHouseholds: HouseholdCountSchema,
  approach: ResettlementApproachSchema.nullable(),
  status: ProjectStatusSchema,
  problemCategory: ProblemCategorySchema,
  /** 问题成因, from the cause taxonomy. */
  causes: z.array(NamedRefSchema),
  problemStatement: z.string().nullable(),
  responsibleDepartment: NamedRefSchema.nullable(),
  responsiblePerson: NamedRefSchema.nullable(),
  yearTargets: z.array(ProjectYearTargetSchema),
  movedBack: HouseholdCountSchema,
  /** Green / amber / red from the written rules (the detail says which rules fired). */
  healthLevel: z.enum(["green", "amber", "red"]),
  version: z.number().int().min(1),
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const ProjectSortFieldSchema = z.enum([
  "sequence",
  "health",
  "code",
  "name",
  "district",
  "totalHouseholds",
  "movedBack",
  "status",
]);
export type ProjectSortField = z.infer<typeof ProjectSortFieldSchema>;

/** 项目状态 (正常 / 预警 / 严重), as the health rules compute it: a list filter. */
export const ProjectHealthFilterSchema = z.enum(["green", "amber", "red"]);

export const ProjectListQuerySchema = z.object({
  /** Searches name, code, district and responsible person (literal text: `%` and `_` are not wildcards). */
  q: z.string().trim().max(100).optional(),
  health: ProjectHealthFilterSchema.optional(),
  districtId: IdSchema.optional(),
  status: ProjectStatusSchema.optional(),
  problemCategory: ProblemCategorySchema.optional(),
  responsibleDepartmentId: IdSchema.optional(),
  sort: ProjectSortFieldSchema.default("sequence"),
  order: SortOrderSchema.default("asc"),
  ...PageQuerySchema.shape,
});
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;
