import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The product as `npm start` runs it (built SPA + API on one port), on a fresh embedded
// PostgreSQL seeded with the Panjin plan and the demo data: nothing outside is touched.
const port = Number(process.env.E2E_PORT ?? 3100);
// Chromium names a download from its Content-Disposition only when it can write that name: with
// no locale (a bare `env -i`, a minimal container) a Chinese file name (回迁户名册-….xlsx) becomes
// "download". The users' machines have one; so does the browser here.
if (!process.env.LANG && !process.env.LC_ALL) process.env.LANG = "C.UTF-8";
// One directory for the run's database (about 70 MB), made by the runner. Every process that
// loads this config (the runner, and each worker) would make its own otherwise: the workers find
// the runner's in the environment they inherit. The runner removes it when it exits, after the
// web server (and its PostgreSQL) has been stopped; a worker never does.
const inheritedDir = process.env.RESETTLE_E2E_DIR;
const dataDir = inheritedDir ?? mkdtempSync(path.join(os.tmpdir(), "resettle-e2e-"));
if (!inheritedDir) {
  chmodSync(dataDir, 0o755); // as root, the server runs as `postgres` and must get in
  process.env.RESETTLE_E2E_DIR = dataDir;
  if (process.env.TEST_WORKER_INDEX === undefined) {
    process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  }
}

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "tests",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // No retries, in CI too: a test that passes only the second time is a failure to look at.
  retries: 0,
  reporter: [["list"]],
  timeout: process.env.CI ? 60_000 : 30_000,
  // A 2-core CI machine running the server, PostgreSQL and Chromium at once (and the old PCs the
  // product is for) can take more than the default 5 s to draw a chart or load a page's chunk.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || undefined,
          args: chromiumArgs,
        },
      },
    },
  ],
  webServer: {
    command: "node ../apps/api/dist/server.js",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    // At LOG_LEVEL warn the server writes only faults (a 5xx, the database unreachable): shown,
    // so a failed run says what the server met.
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      RESETTLE_DATA_DIR: path.join(dataDir, "postgres"),
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      LOG_LEVEL: "warn",
      SEED_DEMO: "true",
      NODE_ENV: "test",
    },
  },
});
