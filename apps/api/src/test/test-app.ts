import type {} from "@resettle/prisma/vitest-context";
import { inject } from "vitest";
import { createTestDatabase, type TestDatabase } from "@resettle/prisma/testing";
import { buildApp } from "../app.js";
import type { Clock } from "../lib/clock.js";

/** 2026-11-25 10:00 in Panjin. */
export const fixedClock: Clock = { now: () => new Date("2026-11-25T02:00:00Z") };

export type TestApp = Awaited<ReturnType<typeof buildApp>> & { db: TestDatabase };

/** The whole app over a private copy of the seeded database (the plan and the demo data). */
export async function createTestApp(options: { clock?: Clock } = {}) {
  const db = await createTestDatabase(inject("testDatabaseAdminUrl"));
  const app = await buildApp({ prisma: db.prisma, clock: options.clock ?? fixedClock });
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
