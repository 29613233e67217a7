import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { FieldIssue } from "@resettle/domain";
import { AppError } from "../lib/app-error.js";

/**
 * Characters no record may hold: NUL (PostgreSQL refuses it in text, so it would surface as a
 * 500) and UTF-16 surrogates without their pair (stored silently as U+FFFD, and invalid in the
 * audit trail's JSON). Refused before validation, everywhere, with the path of each field.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const MAX_ISSUES = 20;

function findUnstorable(value: unknown, path: string, issues: FieldIssue[], depth = 0): void {
  if (issues.length >= MAX_ISSUES || depth > 32) return;
  if (typeof value === "string") {
    if (UNSTORABLE.test(value))
      issues.push({ path, reason: "invalid_characters", message: "contains NUL or an unpaired surrogate" });
  } else if (Array.isArray(value)) {
    value.forEach((entry, i) => findUnstorable(entry, `${path}.${i}`, issues, depth + 1));
  } else if (value !== null && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      if (UNSTORABLE.test(key))
        issues.push({
          path,
          reason: "invalid_characters",
          message: "a field name contains NUL or an unpaired surrogate",
        });
      findUnstorable(entry, `${path}.${key}`, issues, depth + 1);
    }
  }
}

function unstorableIssues(request: Pick<FastifyRequest, "body" | "query" | "params">): FieldIssue[] {
  const issues: FieldIssue[] = [];
  findUnstorable(request.params, "params", issues);
  findUnstorable(request.query, "querystring", issues);
  findUnstorable(request.body, "body", issues);
  return issues;
}

export const inputGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    const [first, ...rest] = unstorableIssues(request);
    if (first) throw AppError.invalidFields([first, ...rest]);
  });
});
