import path from "node:path";
import { createDatabaseIfMissing, repoRoot } from "@resettle/prisma/database";
import { startEmbeddedPostgres } from "@resettle/prisma/embedded-postgres";

/** Where the benchmark's reports go (gitignored: .data/). */
export const reportDir = path.join(repoRoot, ".data", "bench");

export const BENCH_DATABASE = "resettle_bench";

export type BenchDatabase = { url: string; adminUrl: string | null; stop(): Promise<void> };

/**
 * The benchmark's own database, never the one `npm start` uses: BENCH_DATABASE_URL when set,
 * else `resettle_bench` on an embedded PostgreSQL with its data in `.data/bench-postgres`.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  if (process.env.BENCH_DATABASE_URL)
    return { url: process.env.BENCH_DATABASE_URL, adminUrl: null, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(repoRoot, ".data", "bench-postgres"),
    notice: () => {},
  });
  await createDatabaseIfMissing(server.adminUrl, BENCH_DATABASE);
  return { url: server.urlFor(BENCH_DATABASE), adminUrl: server.adminUrl, stop: server.stop };
}

/** A number with thousands separators, for reports. */
export const figure = (n: number) => n.toLocaleString("en-US");
