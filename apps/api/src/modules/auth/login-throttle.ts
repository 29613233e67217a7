import type { PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";

/**
 * Sign-in throttling, in Postgres so that every API process sees the same count. Two keys:
 * the pair (username, address) and the address alone. A few failures are free; after them
 * each further failure makes the key wait 1 s, 2 s, 4 s … up to a cap. So a guesser slows
 * only their own pair (the real user, from their own address, is never locked out), and one
 * address trying many usernames slows only itself. A key's count starts over after a quiet
 * window.
 *
 * An attempt is reserved (counted as a failure) by one atomic upsert before the password is
 * checked, and given back when it succeeds: simultaneous guesses queue on the key's row, and
 * once the key must wait, the rest are refused unjudged.
 */
export type ThrottleRule = { free: number; capSeconds: number };
const THROTTLE = {
  windowMs: 15 * 60_000,
  pair: { free: 3, capSeconds: 300 },
  address: { free: 20, capSeconds: 300 },
} as const satisfies { windowMs: number; pair: ThrottleRule; address: ThrottleRule };

/** Seconds a key waits after its `failures`-th failure. */
const delaySeconds = (failures: number, { free, capSeconds }: ThrottleRule) =>
  failures <= free ? 0 : Math.min(capSeconds, 2 ** (failures - free - 1));

export type ThrottleKeys = { pair: string; address: string };
export const throttleKeys = (username: string, ip: string): ThrottleKeys => ({
  pair: `pair:${username}|${ip}`,
  address: `ip:${ip}`,
});

/** What reserving a key found: how many failures it now counts and how long it will wait if this one fails. */
export type Reserved = { failures: number; waitSeconds: number };

/**
 * Counts one attempt for the key, unless the key must still wait: one INSERT … ON CONFLICT DO
 * UPDATE … WHERE, so concurrent attempts take turns on the row. Returns null when refused.
 * A free attempt leaves `notBefore` as it was (a new key's is already past): stamped with its own
 * `now`, it would refuse a concurrent attempt whose clock was read a moment earlier but reached
 * the row later.
 */
async function reserveKey(db: PrismaClient, key: string, rule: ThrottleRule, now: Date): Promise<Reserved | null> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttles AS t (key, failures, "notBefore", "updatedAt")
    VALUES (${key}, 1, ${windowStart}, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t."updatedAt" < ${windowStart} THEN 1 ELSE t.failures + 1 END,
      "notBefore" = CASE
        WHEN t."updatedAt" < ${windowStart} OR t.failures + 1 <= ${rule.free} THEN t."notBefore"
        ELSE ${now}::timestamptz + interval '1 second' * least(${rule.capSeconds}, power(2, t.failures - ${rule.free}))
      END,
      "updatedAt" = ${now}
    WHERE t."notBefore" <= ${now}
    RETURNING failures`;
  const failures = rows[0]?.failures;
  return failures === undefined ? null : { failures, waitSeconds: delaySeconds(failures, rule) };
}

async function secondsLeft(db: PrismaClient, key: string, now: Date) {
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { notBefore: true } });
  return Math.max(1, Math.ceil(((row?.notBefore.getTime() ?? now.getTime()) - now.getTime()) / 1000));
}

/** Gives a reserved attempt back (it succeeded, or was refused on the other key). */
export async function releaseKey(db: Pick<PrismaClient, "$executeRaw">, key: string) {
  await db.$executeRaw`UPDATE login_throttles SET failures = greatest(failures - 1, 0) WHERE key = ${key}`;
}

/** A sign-in refused unjudged: which key waits, and how long. */
class Throttled extends AppError {
  constructor(
    readonly scope: "pair" | "address",
    readonly seconds: number,
  ) {
    super("RATE_LIMITED", `Too many failed sign-ins: try again in ${seconds} s`);
    this.retryAfterSeconds = seconds;
  }
}

/**
 * Reserves one attempt for the pair and for the address, or throws `Throttled` (429 with
 * Retry-After) having reserved nothing.
 */
export async function reserveAttempt(
  db: PrismaClient,
  keys: ThrottleKeys,
  now: Date,
  rules: { pair: ThrottleRule; address: ThrottleRule } = THROTTLE,
): Promise<{ pair: Reserved; address: Reserved }> {
  const pair = await reserveKey(db, keys.pair, rules.pair, now);
  if (!pair) throw new Throttled("pair", await secondsLeft(db, keys.pair, now));
  const address = await reserveKey(db, keys.address, rules.address, now);
  if (!address) {
    await releaseKey(db, keys.pair);
    throw new Throttled("address", await secondsLeft(db, keys.address, now));
  }
  return { pair, address };
}

/** Rows quiet for a day serve no one: the table stays the size of the day's sign-in trouble. */
export async function forgetQuietKeys(db: PrismaClient, now: Date) {
  await db.loginThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}
