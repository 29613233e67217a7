import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { EMBEDDED_PASSWORD, startEmbeddedPostgres } from "./embedded-postgres.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const defaultDataDir = path.join(repoRoot, ".data", "postgres");

export type Database = { url: string; embedded: boolean; stop(): Promise<void> };

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database to use: DATABASE_URL when it is set, else a real PostgreSQL embedded in
 * the npm packages, with its data kept in `.data/postgres` (or RESETTLE_DATA_DIR).
 */
export async function openDatabase(
  env: { DATABASE_URL?: string; RESETTLE_DATA_DIR?: string } = process.env,
  log?: (line: string) => void,
): Promise<Database> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: env.RESETTLE_DATA_DIR ?? defaultDataDir, log });
  try {
    await createDatabaseIfMissing(server.adminUrl, "resettle");
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.urlFor("resettle"), embedded: true, stop: server.stop };
}

/**
 * The embedded server already running on the data directory (`npm start`), read from its
 * postmaster.pid: its process id and the URL of the product's database; else null.
 */
export function runningEmbeddedDatabase(
  env: { RESETTLE_DATA_DIR?: string } = process.env,
): { pid: number; url: string } | null {
  const pidFile = path.join(env.RESETTLE_DATA_DIR ?? defaultDataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, another user's (the `postgres` user's, when this is not root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return { pid, url: `postgresql://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${Number(portLine)}/resettle` };
}
