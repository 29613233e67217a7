import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { refusal } from "./errors.js";
import { IdSchema, IsoDateTimeSchema } from "./common.js";
import { WorkStatusSchema } from "./milestone.js";

/** A common problem moves like an item but is never completed with evidence nor verified: no 待复核. */
export const CommonProblemStatusSchema = WorkStatusSchema.exclude(["awaiting_verification"]);
import { NamedRefSchema, ProblemCategorySchema } from "./project.js";
import { PageQuerySchema } from "./pagination.js";
import { eachOnce } from "./sets.js";

/** 问题成因: one entry of the cause taxonomy. */
export const CauseSchema = z.object({
  id: IdSchema,
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().min(1).max(TEXT_MAX.name),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int().min(1),
});
export type Cause = z.infer<typeof CauseSchema>;

export const CauseCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(TEXT_MAX.code)
    .regex(/^[a-z][a-z0-9_]*$/, "lower-case letters, digits and underscores, starting with a letter"),
  name: z.string().trim().min(1).max(TEXT_MAX.name),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
export type CauseCreate = z.infer<typeof CauseCreateSchema>;

/** A cause in use cannot be deleted; it is retired (active: false) and stays on the projects that have it. */
export const CauseUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(TEXT_MAX.name).optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type CauseUpdate = z.infer<typeof CauseUpdateSchema>;

/** A project's problem profile: 共性 / 个性 / 无, its causes, and a short statement. */
export const ProjectProblemSchema = z.object({
  problemCategory: ProblemCategorySchema,
  causes: z.array(NamedRefSchema),
  problemStatement: z.string().nullable(),
  /** The project's version: the profile is part of the project record. */
  version: z.number().int().min(1),
});
export type ProjectProblem = z.infer<typeof ProjectProblemSchema>;

export const ProjectProblemUpdateSchema = z.strictObject({
  problemCategory: ProblemCategorySchema.optional(),
  causeIds: z.array(IdSchema).max(20).refine(eachOnce, refusal("duplicate", "each cause once")).optional(),
  problemStatement: z.string().trim().max(TEXT_MAX.measure).nullable().optional(),
  version: z.number().int().min(1),
});
export type ProjectProblemUpdate = z.infer<typeof ProjectProblemUpdateSchema>;

/**
 * 共性问题: one problem shared by several projects, answered with one district-level measure
 * by one responsible department. Its progress is its status plus the linked projects' figures.
 */
export const CommonProblemSchema = z.object({
  id: IdSchema,
  title: z.string().min(1).max(TEXT_MAX.title),
  description: z.string().nullable(),
  measure: z.string().nullable(),
  district: NamedRefSchema.nullable(),
  responsibleDepartment: NamedRefSchema.nullable(),
  status: CommonProblemStatusSchema,
  blockedReason: z.string().nullable(),
  projects: z.array(
    NamedRefSchema.extend({
      totalHouseholds: z.number().int().nonnegative(),
      movedBack: z.number().int().nonnegative(),
    }),
  ),
  updatedAt: IsoDateTimeSchema,
  version: z.number().int().min(1),
});
export type CommonProblem = z.infer<typeof CommonProblemSchema>;

const commonProblemFields = {
  title: z.string().trim().min(1).max(TEXT_MAX.title),
  description: z.string().trim().max(TEXT_MAX.description).nullable(),
  measure: z.string().trim().max(TEXT_MAX.description).nullable(),
  districtId: IdSchema.nullable(),
  responsibleDepartmentId: IdSchema.nullable(),
  projectIds: z
    .array(IdSchema)
    .min(1, "link at least one project")
    .max(200)
    .refine(eachOnce, refusal("duplicate", "each project once")),
};

export const CommonProblemCreateSchema = z.strictObject(commonProblemFields);
export type CommonProblemCreate = z.infer<typeof CommonProblemCreateSchema>;

/**
 * The office and the working group change the record; the responsible department's
 * coordinator moves its status (blocked needs a note, as for items).
 */
export const CommonProblemUpdateSchema = z
  .strictObject(commonProblemFields)
  .partial()
  .extend({
    status: CommonProblemStatusSchema.optional(),
    note: z.string().trim().max(TEXT_MAX.note).optional(),
    version: z.number().int().min(1),
  });
export type CommonProblemUpdate = z.infer<typeof CommonProblemUpdateSchema>;

export const CommonProblemListQuerySchema = PageQuerySchema.extend({
  districtId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  status: CommonProblemStatusSchema.optional(),
});
export type CommonProblemListQuery = z.infer<typeof CommonProblemListQuerySchema>;
