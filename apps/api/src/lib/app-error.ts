import { errorStatus, type ErrorCode, type FieldIssue } from "@resettle/domain";

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

  static notFound(what: string) {
    return new AppError("NOT_FOUND", `${what} not found`);
  }

  static forbidden(message = "Not allowed for your role or department") {
    return new AppError("FORBIDDEN", message);
  }

  /** 400 for one field, with the reason. */
  static invalid(path: string, message: string) {
    return new AppError("VALIDATION_FAILED", message, [{ path, message }]);
  }

  /** 409: the record moved on since the client read it; `current` is what it is now. */
  static staleVersion(what: string, current: unknown) {
    return new AppError("CONFLICT", `${what} was changed by someone else meanwhile`, undefined, current);
  }
}
