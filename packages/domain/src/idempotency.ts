import { z } from "zod";

/**
 * The header a client puts on a POST so that sending it again (a retry, a double click) cannot
 * write twice: the server answers a repeated key with the first answer. One key per submission.
 */
export const IDEMPOTENCY_HEADER = "idempotency-key";

/** A random token: a UUID fits; short or odd keys are refused so that two clients cannot collide by accident. */
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
