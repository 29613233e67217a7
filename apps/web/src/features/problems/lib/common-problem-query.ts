import { CommonProblemListQuerySchema } from "@resettle/domain";
import type { z } from "zod";

/** The common problems list as the address holds it: the API's own query. */
export const CommonProblemPageQuerySchema = CommonProblemListQuerySchema;
export type CommonProblemPageQuery = z.infer<typeof CommonProblemPageQuerySchema>;
