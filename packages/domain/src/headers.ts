// The request headers of the contract between the web and the API. In a module of their own, with
// no schema beside them: the web's first load needs them, and not zod (issue 13).

/** The session's CSRF token, which every state-changing request must carry. */
export const CSRF_HEADER = "x-csrf-token";

/**
 * The header a client puts on a POST so that sending it again (a retry, a double click) cannot
 * write twice: the server answers a repeated key with the first answer. One key per submission.
 */
export const IDEMPOTENCY_HEADER = "idempotency-key";
