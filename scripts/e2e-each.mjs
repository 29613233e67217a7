// Runs every e2e spec file ALONE, each in its own `playwright test` with its own server and a
// fresh embedded PostgreSQL seeded with the demo data (what e2e/playwright.config.ts starts), so
// a spec that needs another to have run first, or state the whole suite happens to leave, fails
// here. Prints spec | result | tests | seconds and exits non-zero on any failure.
//
//   pnpm e2e:each                      every spec, in file order
//   pnpm e2e:each reviews withdraw     only these (a name is the file's, without .spec.ts)
//
// Needs the built product (`pnpm build`). E2E_PORT (default 3100) is the server's port; CI=true
// gives the suite's CI timeouts. Each spec's output is in e2e/test-results/each/<spec>.log, its
// traces and screenshots under e2e/test-results/each/<spec>/. Not part of `npm test`: it starts
// 18 servers and databases, several minutes even on an idle machine.
import { spawn } from "node:child_process";
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium } from "./find-chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const e2e = path.join(root, "e2e");
const results = path.join(e2e, "test-results", "each");

const all = readdirSync(path.join(e2e, "tests"))
  .filter((name) => name.endsWith(".spec.ts"))
  .sort();
const asked = process.argv.slice(2).map((name) => name.replace(/(\.spec)?(\.ts)?$/, ".spec.ts"));
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`No such spec: ${unknown.join(", ")} (there are ${all.join(", ")})`);
  process.exit(2);
}
const specs = asked.length ? asked : all;

const chromium = await findChromium(root);
if (!chromium) {
  console.error("No Chromium: install one (apt-get install -y chromium) or set CHROMIUM_PATH.");
  process.exit(2);
}
mkdirSync(results, { recursive: true });

let running = null;
let stopped = false;

/** One spec in its own Playwright run; its own temporary directory holds its database, removed after. */
function runAlone(spec) {
  const name = spec.replace(/\.spec\.ts$/, "");
  // The config puts the database in a new directory under os.tmpdir(): a TMPDIR of this run's
  // own keeps the 18 of them from piling up. As root the server runs as `postgres`: it must get in.
  const tmp = mkdtempSync(path.join(os.tmpdir(), `resettle-e2e-each-${name}-`));
  chmodSync(tmp, 0o755);
  const report = path.join(results, `${name}.json`);
  rmSync(report, { force: true });
  const log = createWriteStream(path.join(results, `${name}.log`));
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      path.join(e2e, "node_modules", ".bin", "playwright"),
      ["test", `tests/${spec}`, "--reporter=list,json", "--output", path.join(results, name)],
      {
        cwd: e2e,
        env: { ...process.env, CHROMIUM_PATH: chromium, TMPDIR: tmp, PLAYWRIGHT_JSON_OUTPUT_FILE: report },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    running = child;
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      log.end();
      rmSync(tmp, { recursive: true, force: true });
      let stats = null;
      try {
        stats = JSON.parse(readFileSync(report, "utf8")).stats;
      } catch {
        // No report: Playwright stopped before the tests (the server did not start, a config error).
      }
      resolve({ spec, code, seconds, stats });
    });
  });
}

// Stopped (Ctrl-C, a timeout): Playwright is told too, so it shuts its server and database down.
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    stopped = true;
    running?.kill("SIGINT");
  });

const rows = [];
for (const spec of specs) {
  if (stopped) break;
  const row = await runAlone(spec);
  rows.push(row);
  const { code, seconds, stats } = row;
  const tests = stats
    ? `${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped`
    : "no report";
  console.log(`${code === 0 ? "passed" : "FAILED"}  ${spec}  ${seconds.toFixed(1)} s  (${tests})`);
}

const width = Math.max(...rows.map((r) => r.spec.length));
console.log(`\n| ${"spec".padEnd(width)} | result | tests passed/failed | seconds |`);
console.log(`|${"-".repeat(width + 2)}|--------|---------------------|---------|`);
for (const { spec, code, seconds, stats } of rows) {
  const tests = stats ? `${stats.expected}/${stats.unexpected + stats.flaky}` : "—";
  console.log(
    `| ${spec.padEnd(width)} | ${(code === 0 ? "passed" : "failed").padEnd(6)} | ${tests.padEnd(19)} | ${seconds.toFixed(1).padStart(7)} |`,
  );
}
const failed = rows.filter((r) => r.code !== 0);
console.log(
  `\n${rows.length - failed.length} of ${rows.length} specs passed alone` +
    (failed.length ? `; failed: ${failed.map((r) => r.spec).join(", ")} (logs in e2e/test-results/each/)` : ""),
);
if (stopped) console.log("Stopped before the end: not every spec ran.");
process.exit(failed.length || stopped ? 1 : 0);
