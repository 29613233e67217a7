import { z } from "zod";

/** The closed list of error codes every client can rely on. */
export const ErrorCodeSchema = z.enum([
  "VALIDATION_FAILED",
  "UNAUTHORIZED",
  "FORBIDDEN",
  /** 403 while the account's password, chosen by an administrator, has not been changed by its user. */
  "PASSWORD_CHANGE_REQUIRED",
  "NOT_FOUND",
  "CONFLICT",
  /** The same Idempotency-Key came with another request (method, path or body). */
  "IDEMPOTENCY_KEY_REUSED",
  /** The first request with this Idempotency-Key is still running: retry after a moment. */
  "REQUEST_IN_PROGRESS",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  /** 413: an evidence file larger than the limit (details: `params.maximum` in bytes). */
  "EVIDENCE_TOO_LARGE",
  /** 415: an evidence file whose first bytes are none of the accepted kinds (JPEG, PNG, WebP, GIF, PDF). */
  "EVIDENCE_TYPE_NOT_ALLOWED",
  /**
   * 422: an import refused as a whole, nothing written; `details` lists every problem found
   * (each with the workbook's `row` and `column` where it has one).
   */
  "IMPORT_REFUSED",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL",
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * Why a field was refused, as a stable word: clients decide and translate by it, never by
 * the message (English, for people reading logs and API answers). The first group is what
 * the schema check reports (zod's issue codes); the rest are the rules of the services and
 * the refinements in this package (`refusal(reason)`).
 */
export const FieldReasonSchema = z.enum([
  // the shape
  "invalid_type",
  "invalid_characters",
  "too_small",
  "too_big",
  "invalid_format",
  "not_multiple_of",
  "unrecognized_keys",
  "invalid_union",
  "invalid_key",
  "invalid_element",
  "invalid_value",
  "custom",
  // references and uniqueness
  "unknown_reference",
  "taken",
  "duplicate",
  "inactive",
  "retired",
  // people and departments
  "person_other_department",
  "department_required",
  "district_required",
  "department_not_member",
  "lead_not_member",
  "still_responsible",
  "cooperator_is_lead",
  /** a plan workbook's problem, worded by the plan's check (params.text) */
  "plan_problem",
  "linked_accounts",
  "self_demotion",
  // passwords
  "wrong_password",
  "password_letters_digits",
  "demo_password",
  // projects, groups and reviews
  "project_other_district",
  "project_in_other_group",
  "project_not_in_group",
  "project_not_reviewed",
  "held_after_action_due",
  "due_before_review",
  // dates and figures
  "date_in_future",
  "zero",
  "out_of_bounds",
  "reason_required",
  // households (回迁户): the ID number (problem: format, birth_date, check_digit); a registry's bounds
  "id_number_invalid",
  "registry_full",
  "registry_managed",
  // the subsidy ledger: a month the household is not due for; more than is open for a month
  "not_due",
  "overpaid",
  // status moves; a record of a batch that someone changed since it was read
  "transition_not_allowed",
  "stale_version",
  // completing work: done only through a completion (date, note), 待复核 until verified
  "completion_required",
  "awaiting_verification",
  "has_evidence",
  // withdrawing (撤销) a record something depends on
  "work_done",
  "review_signed",
  "review_has_actions",
]);
export type FieldReason = z.infer<typeof FieldReasonSchema>;

/** Figures a message needs (a limit, a count, a name): the client words them itself. */
export const FieldIssueParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type FieldIssueParams = z.infer<typeof FieldIssueParamsSchema>;

export const FieldIssueSchema = z.object({
  path: z.string().describe("dot path of the offending field, e.g. body.households"),
  reason: FieldReasonSchema,
  params: FieldIssueParamsSchema.optional(),
  message: z.string().describe("English, for people; clients decide by `reason`"),
  /** An imported workbook's row, numbered as the spreadsheet shows it (the header is row 1). */
  row: z.number().int().positive().optional(),
  /** An imported workbook's column, by its header (身份证号 …). */
  column: z.string().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** Figures of zod's issues worth passing on (a limit, a format), by their names in the issue. */
const ISSUE_PARAMS = [
  "minimum",
  "maximum",
  "inclusive",
  "origin",
  "expected",
  "format",
  "divisor",
  "keys",
  "problem",
] as const;

/**
 * A zod issue's reason and figures: its code, or for a refinement the reason the domain gave
 * it (`refusal(…)` puts it in the issue's params). The server answers with it; the web says
 * what its own check of the same schema found with it.
 */
export function reasonOfIssue(issue: { code: string; params?: unknown }): Pick<FieldIssue, "reason" | "params"> {
  const { reason: given, ...refinement } = (issue.params ?? {}) as Record<string, unknown>;
  const custom = issue.code === "custom";
  const reason = FieldReasonSchema.safeParse(custom && given !== undefined ? given : issue.code);
  const figures: Record<string, unknown> = custom ? refinement : issue;
  const params: FieldIssueParams = {};
  for (const name of ISSUE_PARAMS) {
    const value = figures[name];
    if (typeof value === "bigint") params[name] = Number(value);
    else if (Array.isArray(value)) params[name] = value.join(", ");
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") params[name] = value;
  }
  return { reason: reason.success ? reason.data : "custom", ...(Object.keys(params).length ? { params } : {}) };
}

/**
 * A refinement's issue with its reason: `.refine(check, refusal("duplicate", "each project once"))`.
 * The reason travels in the zod issue's params, where the server's error handler finds it.
 */
export function refusal(reason: FieldReason, message: string, path?: string[], params?: FieldIssueParams) {
  return { message, params: { ...params, reason }, ...(path ? { path } : {}) };
}

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.array(FieldIssueSchema).optional(),
    /** On CONFLICT: the record as it is now, so the client can show what changed meanwhile. */
    current: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  REQUEST_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  EVIDENCE_TOO_LARGE: 413,
  EVIDENCE_TYPE_NOT_ALLOWED: 415,
  IMPORT_REFUSED: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};
