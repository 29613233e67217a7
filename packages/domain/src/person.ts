import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { IdSchema } from "./common.js";
import { QueryBooleanSchema, SortOrderSchema } from "./pagination.js";

const PhoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, "digits, spaces, + - ( ) only");

/** A named person a department makes responsible (责任人). */
export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(TEXT_MAX.name),
  title: z.string().max(TEXT_MAX.name).nullable(),
  departmentId: IdSchema,
  phone: PhoneSchema.nullable(),
  /** Fictional people created for trying the product (演示数据). */
  isDemo: z.boolean(),
  /** Inactive persons stay in the history but cannot be made responsible. */
  active: z.boolean(),
  version: z.number().int().min(1),
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonQuerySchema = z.object({
  departmentId: IdSchema.optional(),
  active: QueryBooleanSchema.optional(),
  q: z.string().trim().max(TEXT_MAX.name).optional(),
  sort: z.enum(["name", "department"]).default("department"),
  order: SortOrderSchema.default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(500),
});
export type PersonQuery = z.infer<typeof PersonQuerySchema>;

export const PersonCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(TEXT_MAX.name),
  title: z.string().trim().max(TEXT_MAX.name).nullable(),
  departmentId: IdSchema,
  phone: PhoneSchema.nullable(),
});
export type PersonCreate = z.infer<typeof PersonCreateSchema>;

export const PersonUpdateSchema = PersonCreateSchema.extend({
  active: z.boolean(),
  version: z.number().int().min(1),
})
  .partial()
  .required({ version: true });
export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;
