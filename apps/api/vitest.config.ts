import { defineProject } from "vitest/config";
import { workspaceSourceAliases } from "../../vitest.aliases.js";

export default defineProject({
  resolve: { alias: workspaceSourceAliases },
  test: {
    name: "api",
    include: ["src/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
