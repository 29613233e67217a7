import { existsSync } from "node:fs";
import { chmod, cp, mkdtemp, readlink, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { installedBinaryDir, startEmbeddedPostgres } from "./embedded-postgres.js";

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

      const notices: string[] = [];
      const notice = (line: string) => notices.push(line);
      const first = await startEmbeddedPostgres({ dataDir, binDir, stageRoot, notice });
      try {
        expect(await selectOne(first.adminUrl)).toEqual([{ one: 1 }]);
        await selectOne(first.adminUrl, "CREATE TABLE kept (id int)");
      } finally {
        await first.stop();
      }

      // The data is where the postgres user can reach it, and where it was asked for points there.
      expect(path.dirname(first.dataDir)).toBe(path.join(stageRoot, "data"));
      expect(await readlink(dataDir)).toBe(first.dataDir);
      expect(notices.join("\n")).toContain(`cannot pass ${home} (mode 700)`);
      expect(notices.join("\n")).toContain(`its binaries are run from a copy in ${stageRoot}${path.sep}postgres-`);
      expect(notices.join("\n")).toContain(`its data is in ${first.dataDir}`);

      const second = await startEmbeddedPostgres({ dataDir, binDir, stageRoot, notice });
      try {
        expect(second.dataDir).toBe(first.dataDir);
        expect(await selectOne(second.adminUrl, "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 0 }]);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(home, { recursive: true, force: true });
      await rm(stageRoot, { recursive: true, force: true });
    }
  }, 120_000);

  it("stages nothing when the binaries and the data directory are reachable", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "resettle-reachable-"));
    await chmod(parent, 0o755); // as root, the postgres user may pass it
    const stageRoot = path.join(parent, "stage");
    try {
      // A copy beside the data: the installed binaries may sit in an unreachable clone.
      const binDir = path.join(parent, "native");
      await cp(installedBinaryDir(), binDir, { recursive: true, verbatimSymlinks: true });
      const dataDir = path.join(parent, "data");
      const notices: string[] = [];
      const notice = (line: string) => notices.push(line);
      const server = await startEmbeddedPostgres({ dataDir, binDir, stageRoot, notice });
      try {
        expect(await selectOne(server.adminUrl)).toEqual([{ one: 1 }]);
      } finally {
        await server.stop();
      }
      expect(server.dataDir).toBe(dataDir);
      expect(notices).toEqual([]);
      expect(existsSync(stageRoot)).toBe(false);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, 120_000);
});
