import { randomUUID } from "node:crypto";
import type { FastifyRequest } from "fastify";

/** Every request gets an id the server makes: logs, the `x-request-id` answer header and the audit row use it. */
export const newRequestId = () => randomUUID();

/** A client's id worth keeping beside ours: a short token of letters, digits and `._:-`. */
const SANE_CLIENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The X-Request-Id the client sent, when it is a sane short token; otherwise null (never stored as is). */
export function clientRequestIdOf(request: Pick<FastifyRequest, "headers">): string | null {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && SANE_CLIENT_ID.test(given) ? given : null;
}
