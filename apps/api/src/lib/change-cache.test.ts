import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DashboardSchema, pageOf, ProjectSummarySchema } from "@resettle/domain";
import { createPrismaClient } from "@resettle/prisma/client";
import { buildApp } from "../app.js";
import { finishXuefuyuan, seededIds, type SeededIds } from "../test/fixtures.js";
import { createTestApp, fixedClock, type TestApp } from "../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
});
afterEach(() => t.close());

const movedBack = async (as: (r: { url: string }) => Promise<{ statusCode: number; json(): unknown }>) => {
  const res = await as({ url: "/api/dashboard" });
  expect(res.statusCode).toBe(200);
  return DashboardSchema.parse(res.json()).totals.movedBack;
};

describe("the dashboard, kept until the next change", () => {
  it("is computed again after a change, in this process and in a second one over the same database", async () => {
    // A second API process: its own app and pool, the same Postgres (sessions shared too).
    const prisma = createPrismaClient(t.db.url, { max: 2 });
    const second = await buildApp({ prisma, clock: fixedClock });
    try {
      const session = await t.login("leader");
      const other = (r: { url: string }) => second.inject({ ...r, headers: { cookie: session.cookie } });
      const before = await movedBack(t.as("leader"));
      expect(await movedBack(other)).toBe(before);
      const res = await t.as("coord-shuangtaizi")({
        method: "POST",
        url: `/api/projects/${ids.xiangyang}/progress-reports`,
        payload: { reportedOn: "2026-11-01", households: 3 },
      });
      expect(res.statusCode).toBe(201);
      expect(await movedBack(t.as("leader"))).toBe(before + 3);
      expect(await movedBack(other)).toBe(before + 3);
    } finally {
      await second.close();
      await prisma.$disconnect();
    }
  });
});

describe("the projects' health levels, kept until the next change", () => {
  it("the list's levels, and its order by health, follow a change in this process and in a second one", async () => {
    const prisma = createPrismaClient(t.db.url, { max: 2 });
    const second = await buildApp({ prisma, clock: fixedClock });
    try {
      const session = await t.login("leader");
      const other = (r: { url: string }) => second.inject({ ...r, headers: { cookie: session.cookie } });
      type As = (r: { url: string }) => Promise<{ statusCode: number; json(): unknown }>;
      // The level of 学府园二期 as the list shows it, and whether the red ones sorted first hold it.
      const xuefuyuanIn = async (as: As) => {
        const res = await as({ url: "/api/projects?pageSize=100" });
        expect(res.statusCode).toBe(200);
        const items = pageOf(ProjectSummarySchema).parse(res.json()).items;
        const row = items.find((p) => p.code === "xuefuyuan-2")!;
        const red = await as({ url: "/api/projects?sort=health&order=desc&health=red&pageSize=100" });
        const redCodes = pageOf(ProjectSummarySchema)
          .parse(red.json())
          .items.map((p) => p.code);
        return { level: row.healthLevel, listedRed: redCodes.includes("xuefuyuan-2"), id: row.id };
      };
      const before = await xuefuyuanIn(t.as("leader"));
      expect(before).toMatchObject({ level: "red", listedRed: true });
      expect(await xuefuyuanIn(other)).toEqual(before);
      // Its milestones done and every household moved back (as in the projects' health test): green.
      await finishXuefuyuan(t, before.id);
      const after = { level: "green", listedRed: false, id: before.id };
      expect(await xuefuyuanIn(t.as("leader"))).toEqual(after);
      expect(await xuefuyuanIn(other)).toEqual(after);
    } finally {
      await second.close();
      await prisma.$disconnect();
    }
  });
});
