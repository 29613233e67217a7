import { readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config.js";

// The whole suite in ONE server and database, as playwright.config.ts runs it, but with the spec
// files in REVERSE order (`pnpm e2e:reverse`): a spec that passes only after the ones before it
// in file order have run (or only before the ones after it) fails here.
//
// Playwright walks the test directory in name order whatever order files are named on the
// command line or in one project's testMatch; what it does keep is the order of the projects
// (with one worker, each project's tests run in the order the config lists the projects). So:
// one project per spec file, listed last file first, each with the base project's settings.
// `--list` shows the order. No dependencies between them: a failure does not skip the rest.

const testDir = path.join(import.meta.dirname, "tests");
const specs = readdirSync(testDir)
  .filter((name) => name.endsWith(".spec.ts"))
  .sort()
  .reverse();
const [chromium] = base.projects!;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default defineConfig({
  ...base,
  projects: specs.map((spec) => ({
    ...chromium,
    name: spec.replace(/\.spec\.ts$/, ""),
    testMatch: new RegExp(`[\\\\/]${escape(spec)}$`),
  })),
});
