import { z } from "zod";

// Its header, IDEMPOTENCY_HEADER, is in headers.ts.

/** A random token: a UUID fits; short or odd keys are refused so that two clients cannot collide by accident. */
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
