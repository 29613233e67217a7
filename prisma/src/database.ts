import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

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
