import type { PrismaClient } from "@resettle/prisma/client";

/**
 * Login throttling, in Postgres so that every API process sees the same count: after
 * 5 failures for one account, or 30 from one address, within 15 minutes, further attempts
 * wait until the oldest of those failures is 15 minutes old.
 */
const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 } as const;

export const throttleKeys = (username: string, ip: string) => ({ account: `user:${username}`, address: `ip:${ip}` });

/** Seconds to wait before the next attempt, or 0 when one may try now. */
export async function secondsUntilAllowed(
  prisma: PrismaClient,
  keys: { account: string; address: string },
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const failures = await prisma.loginFailure.findMany({
    where: { key: { in: [keys.account, keys.address] }, at: { gt: since } },
    orderBy: { at: "asc" },
    select: { key: true, at: true },
  });
  const wait = (key: string, limit: number) => {
    const times = failures.filter((f) => f.key === key).map((f) => f.at.getTime());
    if (times.length < limit) return 0;
    // The attempt becomes possible when enough failures have left the window.
    const freeing = times[times.length - limit]!;
    return Math.max(1, Math.ceil((freeing + THROTTLE.windowMs - now.getTime()) / 1000));
  };
  return Math.max(wait(keys.account, THROTTLE.perAccount), wait(keys.address, THROTTLE.perAddress));
}

export async function recordFailure(prisma: PrismaClient, keys: { account: string; address: string }, now: Date) {
  await prisma.$transaction([
    prisma.loginFailure.createMany({
      data: [
        { key: keys.account, at: now },
        { key: keys.address, at: now },
      ],
    }),
    // Old rows serve no one: the table stays the size of the last day's failures.
    prisma.loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - 86_400_000) } } }),
  ]);
}
