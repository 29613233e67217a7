import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { workspaceSourceAliases } from "../vitest.aliases.js";

// What Stryker's Vitest runner runs for the API's guards (mutation/stryker.api.mjs): their
// focused tests only, with the API's test setup (the embedded PostgreSQL), never its whole suite.
export default defineConfig({
  root: fileURLToPath(new URL("../apps/api", import.meta.url)),
  resolve: { alias: workspaceSourceAliases },
  test: {
    name: "api-guards",
    include: [
      "src/lib/work-rules.test.ts",
      "src/lib/versioned.test.ts",
      "src/lib/assignee.test.ts",
      "src/lib/withdrawal.test.ts",
    ],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
