import { z } from "zod";
import { IdSchema } from "./common.js";

/** A named person a department makes responsible (责任人). */
export const PersonSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(50),
  title: z.string().max(50).nullable(),
  departmentId: IdSchema,
  phone: z
    .string()
    .regex(/^[0-9+\-() ]{5,20}$/, "digits, spaces, + - ( ) only")
    .nullable(),
  /** Fictional people created for trying the product (演示数据). */
  isDemo: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonQuerySchema = z.object({
  departmentId: IdSchema.optional(),
});
