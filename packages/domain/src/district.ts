import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { CodeSchema, IdSchema } from "./common.js";

/** 区: an administrative district of the city. */
export const DistrictSchema = z.object({
  id: IdSchema,
  code: CodeSchema,
  name: z.string().min(1).max(TEXT_MAX.name),
});
export type District = z.infer<typeof DistrictSchema>;
