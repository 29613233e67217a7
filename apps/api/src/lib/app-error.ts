import {
  errorStatus,
  type ErrorCode,
  type FieldIssue,
  type FieldIssueParams,
  type FieldReason,
} from "@resettle/domain";

/** The one error type services throw; the error handler maps it to the HTTP answer. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    /** On CONFLICT: the record as it is now. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "AppError";
    this.statusCode = errorStatus[code];
  }

  /** Seconds until the next attempt may succeed: the answer's Retry-After (on RATE_LIMITED). */
  retryAfterSeconds?: number;

  /** 429: try again in `seconds`. */
  static rateLimited(message: string, seconds: number) {
    const error = new AppError("RATE_LIMITED", message);
    error.retryAfterSeconds = seconds;
    return error;
  }

  static notFound(what: string) {
    return new AppError("NOT_FOUND", `${what} not found`);
  }

  static forbidden(message = "Not allowed for your role or department") {
    return new AppError("FORBIDDEN", message);
  }

  /**
   * 400 for one field: the reason clients decide by, the English message for people, and
   * the figures a translated message needs.
   */
  static invalid(path: string, reason: FieldReason, message: string, params?: FieldIssueParams) {
    return new AppError("VALIDATION_FAILED", message, [{ path, reason, message, ...(params ? { params } : {}) }]);
  }

  /** 400 for several fields at once; the first one's message heads the answer. */
  static invalidFields(issues: [FieldIssue, ...FieldIssue[]]) {
    return new AppError("VALIDATION_FAILED", issues[0].message, issues);
  }

  /** 409: the record moved on since the client read it; `current` is what it is now. */
  static staleVersion(what: string, current: unknown) {
    return new AppError("CONFLICT", `${what} was changed by someone else meanwhile`, undefined, current);
  }
}
