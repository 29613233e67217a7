import { z } from "zod";
import { CodeSchema, IdSchema } from "./common.js";

/** 区: an administrative district of the city. */
export const DistrictSchema = z.object({
  id: IdSchema,
  code: CodeSchema,
  name: z.string().min(1).max(50),
});
export type District = z.infer<typeof DistrictSchema>;
