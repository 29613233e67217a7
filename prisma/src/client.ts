import { PrismaPg } from "@prisma/adapter-pg";
import { createBoundedPool, type DatabaseTimeouts } from "./bounded-pool.js";
import { PrismaClient } from "./generated/client/client.js";

export * from "./generated/client/client.js";
export type { DatabaseTimeouts } from "./bounded-pool.js";

export type PoolOptions = {
  /** Connections in the pool (DATABASE_POOL_MAX; see docs/ARCHITECTURE.md for the default). */
  max?: number;
  /**
   * How long a query or a transaction waits for a free connection before it fails (the API
   * then answers 503 with Retry-After): DATABASE_POOL_WAIT_MS.
   */
  waitMs?: number;
  /**
   * Called with every SQL statement the client sends and its parameters (tests count the
   * statements per request; the benchmark replays and EXPLAINs them).
   */
  onQuery?: (sql: string, params: unknown[]) => void;
  /**
   * Bounds on every other wait: connecting, each statement, each answer, idle sessions and
   * transactions (`bounded-pool.ts`). The API server sets them; without, only the pool wait is bounded.
   */
  timeouts?: DatabaseTimeouts;
};

/** A Prisma client over `pg`. The caller owns it and must `$disconnect()` it. */
export function createPrismaClient(
  databaseUrl: string,
  { max = 10, waitMs = 10_000, onQuery, timeouts }: PoolOptions = {},
): PrismaClient {
  const adapter = timeouts
    ? new PrismaPg(createBoundedPool(databaseUrl, { max, waitMs, timeouts }), { disposeExternalPool: true })
    : new PrismaPg({ connectionString: databaseUrl, max, connectionTimeoutMillis: waitMs });
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions: { maxWait: waitMs } });
  const client = new PrismaClient({
    adapter,
    transactionOptions: { maxWait: waitMs },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => onQuery(event.query, parseParams(event.params)));
  return client;
}

function parseParams(params: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(params);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
