import type { PrismaClient } from "@resettle/prisma/client";

/**
 * Answers that only a change can alter, kept until the next one. Every change is audited in its
 * own transaction (lib/audit.ts), and `audit_event_counts` counts the audit rows as they commit,
 * so the trail's size read before computing is a version of the data: the same size (and the same
 * key, which carries the day) means nothing has changed since. Shared through Postgres, it holds
 * for every API process alike; each keeps its own copies. Concurrent misses share one computation.
 * For reads that depend on no user (the dashboard): one per app, never module-wide. A change
 * made around the API (SQL by hand) is seen after the next audited write or on the next day.
 */
export function changeCache<T>(prisma: PrismaClient, entries = 20) {
  const kept = new Map<string, Promise<T>>();
  const version = async () => {
    const sum = await prisma.auditEventCount.aggregate({ _sum: { n: true } });
    return String(sum._sum.n ?? 0);
  };
  return async (key: string, compute: () => Promise<T>): Promise<T> => {
    const full = `${await version()}|${key}`;
    const found = kept.get(full);
    if (found) return found;
    const pending = compute();
    kept.set(full, pending);
    pending.catch(() => kept.delete(full));
    // Oldest first out: a new version makes the others useless anyway.
    while (kept.size > entries) kept.delete(kept.keys().next().value!);
    return pending;
  };
}
