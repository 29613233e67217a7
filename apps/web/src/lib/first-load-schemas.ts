/**
 * The answers the sign-in page and the session guard check, imported when a request goes out rather
 * than with the page: zod and these schemas are a third of the sign-in page's JavaScript otherwise
 * (issue 13, docs/performance.md). Every other page imports its schemas as usual.
 */
export { AuthResponseSchema, ErrorResponseSchema, SessionResponseSchema } from "@resettle/domain";
