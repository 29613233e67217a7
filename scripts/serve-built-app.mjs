// The built product as `npm start` serves it (apps/api/dist/server.js with the SPA from
// apps/web/dist, or WEB_DIST), on a fresh embedded PostgreSQL with the demo data, for the
// measurements in docs/performance.md. Nothing outside a temporary directory is touched.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium } from "./find-chromium.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEMO_PASSWORD = "Panjin#2018";

/** Playwright, from the e2e package (the one place it is installed). */
export function playwright() {
  return createRequire(path.join(root, "e2e", "package.json"))("@playwright/test");
}

export async function chromiumPath() {
  const found = await findChromium(root);
  if (!found) throw new Error("No Chromium: install one (apt-get install -y chromium) or set CHROMIUM_PATH.");
  return found;
}

/** The flags the e2e tests launch Chromium with (STACK-NOTES: what works on these machines). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Starts the built server; resolves once /api/health answers. `stop()` shuts it down. */
export async function startBuiltApp({ port = Number(process.env.PERF_PORT ?? 3170), webDist } = {}) {
  const server = path.join(root, "apps/api/dist/server.js");
  const web = webDist ?? process.env.WEB_DIST ?? path.join(root, "apps/web/dist");
  if (!existsSync(server) || !existsSync(path.join(web, "index.html")))
    throw new Error(`Build first (pnpm build): ${existsSync(server) ? web : server} is missing.`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "resettle-perf-"));
  chmodSync(dataDir, 0o755); // as root, the embedded server runs as `postgres` and must get in
  const child = spawn(process.execPath, [server], {
    cwd: path.join(root, "apps/api"),
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_DIST: web,
      RESETTLE_DATA_DIR: path.join(dataDir, "postgres"),
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      SEED_DEMO: "true",
      NODE_ENV: "test",
      ALERTS_EVERY_MINUTES: "0",
    },
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped (exit ${child.exitCode}).`);
    const up = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { baseURL, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error("The server did not answer /api/health within 2 minutes.");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
