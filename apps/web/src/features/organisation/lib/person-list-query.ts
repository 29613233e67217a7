import { PersonQuerySchema } from "@resettle/domain";
import { z } from "zod";

/** The persons list as the address holds it: the API's query, in pages of a readable size. */
export const PersonPageQuerySchema = PersonQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PersonPageQuery = z.infer<typeof PersonPageQuerySchema>;
