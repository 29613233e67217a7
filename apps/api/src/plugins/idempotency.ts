import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { IDEMPOTENCY_HEADER, IdempotencyKeySchema } from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../lib/app-error.js";
import type { Clock } from "../lib/clock.js";

export type IdempotencySettings = {
  /** How long a second request with a key still running waits for the first one's answer. */
  waitMs: number;
};
export const defaultIdempotencySettings: IdempotencySettings = { waitMs: 5_000 };

/** Keys are kept this long; an older key is free again. */
const KEEP_MS = 24 * 3_600_000;
/** A first request still "running" after this long died with its process: the key may be taken over. */
const ABANDONED_MS = 60_000;
/** Expired keys are deleted at most this often per process (one indexed DELETE), never per request. */
const SWEEP_EVERY_MS = 10 * 60_000;
const POLL_MS = 50;

declare module "fastify" {
  interface FastifyRequest {
    /** The idempotency row this request owns: its answer is stored there when it is sent. */
    idempotencyClaim: string | null;
  }
}

/** JSON with its keys sorted: the same body sent with its fields in another order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const hashBody = (body: unknown) => createHash("sha256").update(canonicalJson(body)).digest("hex");

type Options = { prisma: PrismaClient; clock: Clock; settings: IdempotencySettings };

/**
 * `Idempotency-Key` on every signed-in POST (each creates something or acts once): the first
 * request with a key claims it in `idempotency_keys` before its handler runs and stores its
 * answer when it is sent; the same key again with the same method, path and body replays that
 * answer without running the handler (so nothing is written and nothing audited twice), with
 * another request it is refused (422 IDEMPOTENCY_KEY_REUSED). A repeat arriving while the first
 * still runs waits for its answer (409 REQUEST_IN_PROGRESS with Retry-After if it takes too
 * long). A refused or failed request releases its key: nothing was written, a retry may run.
 * Without the header a POST runs as before (API clients, scripts); the web always sends one.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, { prisma, clock, settings }: Options) => {
  app.decorateRequest("idempotencyClaim", null);
  let lastSweep = 0;

  async function sweepExpired() {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    await prisma.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(clock.now().getTime() - KEEP_MS) } } });
  }

  async function claim(userId: string, key: string, request: { method: string; path: string; bodyHash: string }) {
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO idempotency_keys ("userId", key, method, path, "bodyHash", "createdAt")
      VALUES (${userId}::uuid, ${key}, ${request.method}, ${request.path}, ${request.bodyHash}, ${clock.now()})
      ON CONFLICT ("userId", key) DO NOTHING
      RETURNING id`;
    return rows[0]?.id ?? null;
  }

  app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
    const user = request.session?.user;
    const given = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== "POST" || !user || given === undefined) return;
    const key = IdempotencyKeySchema.safeParse(given);
    if (!key.success)
      throw AppError.invalid(
        `headers.${IDEMPOTENCY_HEADER}`,
        "invalid_format",
        "Idempotency-Key must be 16 to 128 letters, digits, '-' or '_'",
      );
    const fingerprint = { method: request.method, path: request.url, bodyHash: hashBody(request.body) };
    await sweepExpired();

    const waitUntil = Date.now() + settings.waitMs;
    for (;;) {
      const claimed = await claim(user.id, key.data, fingerprint);
      if (claimed) {
        request.idempotencyClaim = claimed;
        return;
      }
      const first = await prisma.idempotencyKey.findUnique({
        where: { userId_key: { userId: user.id, key: key.data } },
      });
      if (!first) continue; // released meanwhile (the first request failed): claim it again
      const age = clock.now().getTime() - first.createdAt.getTime();
      if (age > KEEP_MS) {
        await prisma.idempotencyKey.deleteMany({ where: { id: first.id, createdAt: first.createdAt } });
        continue;
      }
      if (
        first.method !== fingerprint.method ||
        first.path !== fingerprint.path ||
        first.bodyHash !== fingerprint.bodyHash
      )
        throw new AppError(
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was used for another request; use a new key for a new request",
        );
      if (first.responseStatus !== null) {
        reply.code(first.responseStatus).header("idempotent-replayed", "true");
        if (first.responseBody === null || first.responseBody === "") return reply.send();
        return reply.type("application/json; charset=utf-8").send(first.responseBody);
      }
      if (age > ABANDONED_MS) {
        const taken = await prisma.idempotencyKey.updateMany({
          where: { id: first.id, createdAt: first.createdAt, responseStatus: null },
          data: { createdAt: clock.now() },
        });
        if (taken.count === 1) {
          request.idempotencyClaim = first.id;
          return;
        }
        continue;
      }
      if (Date.now() >= waitUntil) {
        const error = new AppError(
          "REQUEST_IN_PROGRESS",
          "The first request with this Idempotency-Key is still running; retry in a moment",
        );
        error.retryAfterSeconds = 1;
        throw error;
      }
      await sleep(POLL_MS);
    }
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const id = request.idempotencyClaim;
    if (!id) return payload;
    request.idempotencyClaim = null;
    if (reply.statusCode >= 400) {
      // Writes are transactional, so a refused or failed request wrote nothing: free the key for a retry.
      await prisma.idempotencyKey.deleteMany({ where: { id } });
    } else {
      await prisma.idempotencyKey.updateMany({
        where: { id },
        data: { responseStatus: reply.statusCode, responseBody: typeof payload === "string" ? payload : null },
      });
    }
    return payload;
  });
});
