import { AppError } from "./app-error.js";

/**
 * What reading a multipart upload failed with, as the client's error. busboy throws plain
 * Errors for a body that is not the multipart it claims to be (no boundary, another boundary, a
 * body cut short, a boundary longer than 256 characters): without this they were 500s. Errors
 * that already carry their status (@fastify/multipart's limits, 406 not multipart) pass as they are.
 */
export function uploadError(error: unknown): unknown {
  if (error instanceof Error && (error as { statusCode?: unknown }).statusCode === undefined)
    return AppError.invalid("body", "invalid_format", `The multipart body is malformed: ${error.message}`);
  return error;
}
