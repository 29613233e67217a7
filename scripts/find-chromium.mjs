import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const candidates = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

function playwrightsOwn(root) {
  try {
    const require = createRequire(path.join(root, "e2e", "package.json"));
    const { chromium } = require("@playwright/test");
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * A Chromium for Playwright: CHROMIUM_PATH, the system's, or Playwright's own download.
 * Where none exists and we are root on Debian/Ubuntu, install Debian's package.
 */
export async function findChromium(root) {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : null;
  const found = candidates.find((file) => existsSync(file)) ?? playwrightsOwn(root);
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("\n▶ no Chromium found: apt-get install -y chromium");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk"], {
      stdio: "inherit",
      env,
    });
    if (install.status === 0) return candidates.find((file) => existsSync(file)) ?? null;
  }
  return null;
}
