import type { ErrorCode, FieldIssue } from "@resettle/domain";

/** Failures that never reach the API's error handler, so have no server code. */
export type ClientErrorCode = "NETWORK_ERROR" | "INVALID_RESPONSE";

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.code === "NOT_FOUND";
  }

  /** Worth retrying: the server or the network may recover, a bad request will not. */
  get isTransient(): boolean {
    return this.code === "NETWORK_ERROR" || this.status >= 500 || this.code === "RATE_LIMITED";
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
