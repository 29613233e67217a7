import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { errorStatus, reasonOfIssue, type ErrorCode, type ErrorResponse, type FieldIssue } from "@resettle/domain";
import { AppError } from "../lib/app-error.js";

/** The code of a status Fastify or a plugin answered with (413, 415, 404 …): the domain's table, read backwards. */
const codeForStatus = (status: number): ErrorCode =>
  (Object.entries(errorStatus) as [ErrorCode, number][]).find(([, s]) => s === status)?.[0] ??
  (status < 500 ? "VALIDATION_FAILED" : "INTERNAL");

/** Seconds a client waits before retrying when the database is busy or unreachable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Prisma's codes for "no connection, or none in time": can't reach (P1001), timed out
 * (P1002, P1008), closed (P1017), no pool connection in time (P2024), a transaction that could
 * not start or finish in time (P2028); Node's socket errors (ETIMEDOUT also when the database did
 * not answer in time: prisma/src/bounded-pool.ts); Postgres refusing connections (53300 too many,
 * 57P01–57P03 shutting down or starting) or ending what ran past its bounds (57014 a statement
 * cancelled by statement_timeout, 25P03 idle in a transaction, 25P04 transaction_timeout, 57P05
 * idle session).
 */
const UNAVAILABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "53300",
  "57P01",
  "57P02",
  "57P03",
  "57014",
  "25P03",
  "25P04",
  "57P05",
]);
/** The driver adapter's kinds for the same, and pg's own words (it throws plain Errors for these). */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server/i;

/**
 * Whether the failure is the database being saturated or out of reach: the error, one of its
 * causes, or the driver adapter's error Prisma keeps in `meta.driverAdapterError` (a raw query's
 * P2010 carries the reason only there), with the Postgres code as its `originalCode`.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 10; seen++) {
    const e = pending.shift();
    if (!e || typeof e !== "object") continue;
    const { code, originalCode, kind, message, cause, meta } = e as Record<string, unknown>;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof originalCode === "string" && UNAVAILABLE_CODES.has(originalCode)) return true;
    if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    pending.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return false;
}

/**
 * Fastify's answer to a URL it cannot route (a malformed %-escape: 400; a path parameter past
 * its length limit: 414), which Fastify answers before any route, hook or error handler, in its
 * own shape: the standard shape here (`frameworkErrors` in app.ts).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const body: ErrorResponse["error"] = {
    code: codeForStatus(status),
    message: error.message,
    requestId: String(request.id),
  };
  return reply.status(status).type("application/json").serializer(JSON.stringify).send({ error: body });
}

/**
 * The one place where failures become HTTP answers, all in the shape
 * `{"error": {code, message, details?, requestId}}`. 5xx answers never carry internals.
 */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = String(request.id);
    let status: number;
    let body: ErrorResponse["error"];

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "request";
      const details: FieldIssue[] = error.validation.map((v) => ({
        path: [where, ...v.instancePath.split("/").filter(Boolean)].join("."),
        ...reasonOfIssue({ ...v.params, code: v.keyword }),
        message: v.message ?? "invalid",
      }));
      status = 400;
      body = { code: "VALIDATION_FAILED", message: `Invalid ${where}`, details, requestId };
    } else if (error instanceof AppError) {
      status = error.statusCode;
      if (error.retryAfterSeconds !== undefined) reply.header("retry-after", String(error.retryAfterSeconds));
      body = {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
        ...(error.current !== undefined ? { current: error.current } : {}),
        requestId,
      };
    } else if ((error as { code?: unknown }).code === "P2002") {
      // A unique constraint a concurrent request won (the services check first, so only a race gets here).
      status = 409;
      body = { code: "CONFLICT", message: "Someone else made the same change meanwhile; reload and retry", requestId };
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, "response does not match its schema");
      status = 500;
      body = { code: "INTERNAL", message: "Internal server error", requestId };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      body = { code: codeForStatus(status), message: error.message, requestId };
    } else if (isDatabaseUnavailable(error)) {
      // Saturated (no connection in time) or unreachable: a moment's wait helps, a bug report does not.
      request.log.warn({ err: error }, "database unavailable");
      status = 503;
      reply.header("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
      body = {
        code: "SERVICE_UNAVAILABLE",
        message: "The database is busy or unreachable; try again shortly",
        requestId,
      };
    } else {
      request.log.error({ err: error }, "unhandled error");
      status = 500;
      body = { code: "INTERNAL", message: "Internal server error", requestId };
    }
    if (status >= 500 && status !== 503 && !(error instanceof AppError))
      request.log.error({ err: error }, "request failed");
    // Bypass the route's response schema: error bodies have their own.
    return reply.status(status).type("application/json").serializer(JSON.stringify).send({ error: body });
  });
});
