import type { ErrorCode, FieldIssue } from "@resettle/domain";

/** Failures that never reach the API's error handler, so have no server code. */
export type ClientErrorCode = "NETWORK_ERROR" | "INVALID_RESPONSE";

type Extra = {
  /** On CONFLICT: the record as it is now (unparsed: the caller knows its schema). */
  current?: unknown;
  /** On RATE_LIMITED: seconds to wait, from the Retry-After header. */
  retryAfter?: number | null;
};

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly current: unknown;
  readonly retryAfter: number | null;

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
    readonly requestId: string | null = null,
    extra: Extra = {},
  ) {
    super(message);
    this.current = extra.current;
    this.retryAfter = extra.retryAfter ?? null;
  }

  get isNotFound(): boolean {
    return this.code === "NOT_FOUND";
  }

  get isConflict(): boolean {
    return this.code === "CONFLICT";
  }

  /** Worth retrying: the server or the network may recover, a bad request will not. */
  get isTransient(): boolean {
    return (
      this.code === "NETWORK_ERROR" ||
      this.status >= 500 ||
      this.code === "RATE_LIMITED" ||
      this.code === "REQUEST_IN_PROGRESS"
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
