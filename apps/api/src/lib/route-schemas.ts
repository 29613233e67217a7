import { z } from "zod";
import { ErrorResponseSchema, IdSchema } from "@resettle/domain";

/** The error answers every route documents in OpenAPI, all in the one error shape. */
export const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  500: ErrorResponseSchema,
};

/** A write to a versioned record may also answer 409 (stale version, or a race lost). */
export const writeErrors = { ...errors, 409: ErrorResponseSchema };

/** `/…/:id` */
export const byId = z.object({ id: IdSchema });
