import { defineConfig } from "vitest/config";

// What Stryker's Vitest runner runs for the domain's rules (mutation/stryker.domain.mjs): the
// domain package's unit tests, nothing else of the workspace.
export default defineConfig({
  test: { projects: ["packages/domain"] },
});
