import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD } from "@resettle/domain";
import { findFreePort } from "@resettle/prisma/embedded-postgres";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ApiProcess = {
  base: string;
  child: ChildProcess;
  /** Resolves when the process has ended, with how. */
  exited: Promise<Exit>;
  /** The last of what it wrote (stdout and stderr), for a failure's message. */
  output(): string;
  /** SIGTERM, then SIGKILL after 15 s; resolves when it has ended. */
  stop(): Promise<Exit>;
};

/**
 * The real server (`src/server.ts`, as `pnpm dev` runs it, without watching) in a process of
 * its own on the given database: its own pool, its own memory. Resolves once /api/health answers
 * 200. No alert job, no web build, its files in a temporary directory removed when it ends.
 */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "resettle-api-process-"));
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", "src/server.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ALERTS_EVERY_MINUTES: "0",
      RESETTLE_DATA_DIR: dataDir,
      WEB_DIST: path.join(dataDir, "no-web"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString("utf8")).slice(-8000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => {
      void rm(dataDir, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const exit = await exited;
      clearTimeout(killer);
      return exit;
    }
    return exited;
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the API process ended before it served (${child.exitCode ?? child.signalCode}):\n${tail}`);
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API process did not serve within 120 s:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { base, child, exited, output: () => tail, stop };
}

export type HttpSession = { cookie: string; csrfToken: string };

/** Signs in over HTTP; throws unless 200. */
export async function signInOver(base: string, username: string, password = DEMO_PASSWORD): Promise<HttpSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("resettle_session="))!
    .split(";")[0]!;
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** A request as that session (cookie and CSRF token), JSON in and out. */
export function requestAs(base: string, session: HttpSession) {
  return (method: string, url: string, body?: unknown) =>
    fetch(`${base}${url}`, {
      method,
      headers: {
        cookie: session.cookie,
        "x-csrf-token": session.csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}
