import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "./client.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";
import { applyMigrations } from "./migrate.js";
import { seedDatabase } from "./seed.js";

/**
 * Test databases: one real PostgreSQL server per test run (embedded, or the server behind
 * TEST_DATABASE_URL), a template database migrated and seeded once, and a fresh copy of
 * it for every test that asks (CREATE DATABASE … TEMPLATE: tens of milliseconds).
 */

export const TEMPLATE_DATABASE = "resettle_test_template";

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** For a globalSetup: starts the server and builds the template. Returns the admin URL and a teardown. */
export async function startTestDatabaseServer(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "resettle-test-pg-"));
    // mkdtemp makes it 0700; run as root, the server runs as `postgres` and must get in.
    await chmod(dataDir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data") });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
      // Elsewhere only when the postgres user could not reach the temporary directory.
      await rm(server.dataDir, { recursive: true, force: true });
    };
  }
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DATABASE);
  await applyMigrations(templateUrl);
  const prisma = createPrismaClient(templateUrl, { max: 2 });
  try {
    await seedDatabase(prisma, { demo: true });
  } finally {
    await prisma.$disconnect();
  }
  return { adminUrl, stop: stopServer };
}

export type TestDatabase = { url: string; prisma: PrismaClient; drop(): Promise<void> };

/** A private copy of the seeded template (the Panjin plan and the demo data). */
export async function createTestDatabase(adminUrl: string, options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `resettle_test_${randomUUID().replaceAll("-", "")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"${options.empty ? "" : ` TEMPLATE "${TEMPLATE_DATABASE}"`}`);
  const url = withDatabase(adminUrl, name);
  const prisma = createPrismaClient(url, { max: 4 });
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
