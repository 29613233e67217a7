import react from "@vitejs/plugin-react";
import { defaultClientConditions } from "vite";
import { defineConfig } from "vitest/config";
import { jsonKeys } from "./build/vite-plugins";

// Standalone on purpose: the root config lists apps/web as one of its test projects.
export default defineConfig({
  plugins: [react(), jsonKeys()],
  resolve: { conditions: ["source", ...defaultClientConditions] },
  test: {
    name: "web",
    root: import.meta.dirname,
    environment: "jsdom",
    // build/: the bundle budget, read from the last build (apps/web/dist).
    include: ["src/**/*.test.{ts,tsx}", "build/**/*.test.ts"],
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    // Ant Design in jsdom is slow to render; on a 2-core CI machine busy with the API's suite a
    // page test can pass 5 s without anything being wrong.
    testTimeout: 20_000,
  },
});
