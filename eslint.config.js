import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import moduleBoundaries from "./eslint-rules/module-boundaries.js";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "prisma/src/generated/**",
      "**/test-results/**",
      "**/playwright-report/**",
      ".data/**",
      ".stryker-tmp/**",
      "reports/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // A web feature or an API module is used through its index only, by pages, other
    // features or modules and shared code alike (one name per thing on both sides: ADR 008).
    files: ["apps/web/src/**/*.{ts,tsx}", "apps/api/src/**/*.ts"],
    plugins: { local: moduleBoundaries },
    rules: {
      "local/module-boundaries": ["error", { root: ["apps/web/src/features", "apps/api/src/modules"] }],
    },
  },
  {
    // Features do not depend on pages; pages in app/ compose them.
    files: ["apps/web/src/features/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/app/**"], message: "features must not import from app/" }] },
      ],
    },
  },
  {
    // The domain package stays pure: no Prisma, no HTTP, no Node.
    files: ["packages/domain/src/**/*.ts"],
    ignores: ["packages/domain/src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@prisma/*", "@resettle/prisma*", "fastify*", "node:*", "react*"],
              message: "packages/domain is pure zod",
            },
          ],
        },
      ],
    },
  },
);
