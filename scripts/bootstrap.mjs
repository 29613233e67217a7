#!/usr/bin/env node
// `npm start` and `npm test` on a machine with nothing but Node.js and npm: bring the
// pinned pnpm, install, build, then serve (start) or run every test (test).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium } from "./find-chromium.mjs";

const PNPM_VERSION = "12.21.0";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const command = process.argv[2];

function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19))
  fail(`Node.js 20.19 or newer is needed; this is ${process.versions.node}.`);

function pnpmCommand() {
  const local = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
  if (local.status === 0 && local.stdout.trim() === PNPM_VERSION) return ["pnpm"];
  return ["npx", "--yes", `pnpm@${PNPM_VERSION}`];
}
const pnpm = pnpmCommand();

function run(args, options = {}) {
  const [cmd, ...rest] = [...pnpm, ...args];
  console.log(`\n▶ ${[cmd, ...rest].join(" ")}`);
  const result = spawnSync(cmd, rest, { cwd: root, stdio: "inherit", shell: process.platform === "win32", ...options });
  if (result.status !== 0) fail(`${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
}

/** Runs the last step as a child that owns Ctrl-C: it shuts its own database down. */
function handOver(args, env = {}) {
  const [cmd, ...rest] = [...pnpm, ...args];
  console.log(`\n▶ ${[cmd, ...rest].join(" ")}`);
  const child = spawn(cmd, rest, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
    shell: process.platform === "win32",
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (command !== "start" && command !== "test") fail("usage: node scripts/bootstrap.mjs start|test");

run(["install", "--frozen-lockfile"]);
run(["build"]);

if (command === "start") {
  handOver(["serve"]);
} else {
  const chromium = await findChromium(root);
  if (!chromium) {
    fail(
      "No Chromium for the end-to-end tests. Install one and run `npm test` again:\n" +
        "  Debian/Ubuntu:  sudo apt-get install -y chromium\n" +
        "  with internet:  pnpm --filter @resettle/e2e exec playwright install chromium\n" +
        "  or point CHROMIUM_PATH at an existing Chrome/Chromium binary.",
    );
  }
  console.log(`\n▶ browser for end-to-end tests: ${chromium}`);
  // What CI refuses is what a developer's `npm test` refuses: style, types and dead code first.
  run(["lint"]);
  run(["typecheck"]);
  run(["knip"]);
  if (!existsSync(path.join(root, "apps/web/dist/index.html"))) fail("the web build is missing (apps/web/dist).");
  handOver(["test:all"], { CHROMIUM_PATH: chromium });
}
