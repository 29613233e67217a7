import { defineConfig } from "prisma/config";

// The stock CLI reads this; `pnpm db:*` use src/cli.ts, which runs the same
// migrations through Prisma's WebAssembly schema engine and needs no download.
export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/resettle" },
});
