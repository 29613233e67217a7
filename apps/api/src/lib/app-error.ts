import { errorStatus, type ErrorCode, type FieldIssue } from "@resettle/domain";

/** The one error type services throw; the error handler maps it to the HTTP answer. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = "AppError";
    this.statusCode = errorStatus[code];
  }

  static notFound(what: string) {
    return new AppError("NOT_FOUND", `${what} not found`);
  }
}
