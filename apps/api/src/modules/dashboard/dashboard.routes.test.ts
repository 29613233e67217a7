import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DashboardSchema, type Dashboard } from "@resettle/domain";
import { createTestApp } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function dashboard(): Promise<Dashboard> {
  const res = await t.as("leader")({ method: "GET", url: "/api/dashboard" });
  expect(res.statusCode).toBe(200);
  return DashboardSchema.parse(res.json());
}

describe("GET /api/dashboard", () => {
  it("states the plan's figures exactly: 8 projects, 4,722 households, 1,613 / 2,280 / 829, 34.2 / 82.4 / 100 %", async () => {
    const d = await dashboard();
    expect(d.totals).toMatchObject({ projects: 8, households: 4722 });
    expect(d.years.map((y) => [y.year, y.plannedHouseholds, y.cumulativePlanned, y.cumulativePlannedPercent])).toEqual([
      [2018, 1613, 1613, 34.2],
      [2019, 2280, 3893, 82.4],
      [2020, 829, 4722, 100],
    ]);
    expect(d.plan?.years).toEqual([2018, 2019, 2020]);
    expect(d.asOf).toBe("2026-11-25");
  });

  it("gives each district its plan against its floors", async () => {
    const d = await dashboard();
    const rows = d.districts.map((x) => ({
      name: x.name,
      projects: x.projects,
      households: x.households,
      years: x.years.map((y) => [y.plannedHouseholds, y.cumulativePlannedPercent, y.floorPercent]),
    }));
    expect(rows).toEqual([
      {
        name: "双台子区",
        projects: 5,
        households: 4606,
        years: [
          [1565, 34, 30],
          [2255, 82.9, 60],
          [786, 100, 100],
        ],
      },
      {
        name: "大洼区",
        projects: 3,
        households: 116,
        years: [
          [48, 41.4, 30],
          [25, 62.9, 60],
          [43, 100, 100],
        ],
      },
    ]);
  });

  it("adds up the moved-back ledger by year, and says demo data is present", async () => {
    const d = await dashboard();
    // Demo ledger: 2018 1,268; 2019 +1,225; 2020 +370.
    expect(d.years.map((y) => y.cumulativeActual)).toEqual([1268, 2493, 2863]);
    expect(d.totals.movedBack).toBe(2863);
    expect(d.totals.movedBackPercent).toBe(60.6);
    expect(d.demoData).toBe(true);
  });

  it("follows the ledger when it changes, and shows no actuals without it", async () => {
    const { prisma } = t.db;
    await prisma.progressReport.deleteMany();
    await prisma.project.updateMany({ data: { movedBack: 0 } });
    await prisma.milestone.deleteMany();
    await prisma.item.deleteMany();
    await prisma.project.updateMany({ data: { responsiblePersonId: null } });
    await prisma.responsibilityAssignment.deleteMany();
    await prisma.user.updateMany({ data: { personId: null } });
    await prisma.person.deleteMany();
    const d = await dashboard();
    expect(d.years.map((y) => y.cumulativeActual)).toEqual([0, 0, 0]);
    expect(d.totals).toMatchObject({ movedBack: 0, movedBackPercent: 0 });
    expect(d.demoData).toBe(false);
  });
});
