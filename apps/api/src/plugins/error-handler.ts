import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { errorStatus, reasonOfIssue, type ErrorCode, type ErrorResponse, type FieldIssue } from "@resettle/domain";
import { AppError } from "../lib/app-error.js";

/** The code of a status Fastify or a plugin answered with (413, 415, 404 …): the domain's table, read backwards. */
const codeForStatus = (status: number): ErrorCode =>
  (Object.entries(errorStatus) as [ErrorCode, number][]).find(([, s]) => s === status)?.[0] ??
  (status < 500 ? "VALIDATION_FAILED" : "INTERNAL");

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
    } else {
      request.log.error({ err: error }, "unhandled error");
      status = 500;
      body = { code: "INTERNAL", message: "Internal server error", requestId };
    }
    if (status >= 500 && !(error instanceof AppError)) request.log.error({ err: error }, "request failed");
    // Bypass the route's response schema: error bodies have their own.
    return reply.status(status).type("application/json").serializer(JSON.stringify).send({ error: body });
  });
});
