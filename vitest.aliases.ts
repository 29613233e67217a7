import { fileURLToPath } from "node:url";

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Tests run the workspace packages from their TypeScript sources, never from a stale
 * build. (The packages' "source" export condition does the same for tsx and tsc.)
 */
export const workspaceSourceAliases = [
  { find: /^@resettle\/domain$/, replacement: src("./packages/domain/src/index.ts") },
  { find: /^@resettle\/prisma\/(.*)$/, replacement: src("./prisma/src/$1.ts") },
  { find: /^@resettle\/api\/app$/, replacement: src("./apps/api/src/app.ts") },
];
