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

  it("counts projects by health (summing to 8) and the overdue milestones and items", async () => {
    const d = await dashboard();
    expect(d.health).toEqual({ green: 2, amber: 0, red: 6 });
    expect(d.health.green + d.health.amber + d.health.red).toBe(d.totals.projects);
    // 12 open demo milestones are past due; the demo's items are all due from 2026-11-30.
    expect(d.overdue).toEqual({ milestones: 12, items: 0 });
  });

  it("moves with the ledger: a milestone done, an item past due, households reported", async () => {
    const { prisma } = t.db;
    const permit = await prisma.milestone.findFirstOrThrow({ where: { title: "施工许可证办理" } });
    const done = await t.as("coord-zhujian")({
      method: "POST",
      url: `/api/milestones/${permit.id}/completion`,
      payload: { completedOn: "2026-11-24", note: "已办结", version: 1 },
    });
    expect(done.statusCode).toBe(200);
    const hongwei = await prisma.project.findUniqueOrThrow({ where: { code: "hongwei" } });
    const [department] = await prisma.department.findMany({ where: { code: "guotu" } });
    const item = await t.as("wg")({
      method: "POST",
      url: `/api/projects/${hongwei.id}/items`,
      payload: {
        title: "逾期事项",
        cause: null,
        measure: null,
        responsibleDepartmentId: department!.id,
        responsiblePersonId: null,
        dueDate: "2026-11-24",
      },
    });
    expect(item.statusCode).toBe(201);
    const report = await t.as("coord-shuangtaizi")({
      method: "POST",
      url: `/api/projects/${hongwei.id}/progress-reports`,
      payload: { reportedOn: "2026-11-20", households: 100 },
    });
    expect(report.statusCode).toBe(201);
    const d = await dashboard();
    expect(d.overdue).toEqual({ milestones: 11, items: 1 });
    expect(d.totals.movedBack).toBe(2963);
    expect(d.districts.find((x) => x.name === "双台子区")!.movedBack).toBe(2863 - 48 - 25 - 20 + 100);
    expect(d.years.map((y) => y.cumulativeActual)).toEqual([1268, 2493, 2863]); // 2026 is no plan year
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
    await prisma.workingGroupPerson.deleteMany();
    await prisma.reviewAttendee.deleteMany();
    await prisma.person.deleteMany();
    const d = await dashboard();
    expect(d.years.map((y) => y.cumulativeActual)).toEqual([0, 0, 0]);
    expect(d.totals).toMatchObject({ movedBack: 0, movedBackPercent: 0 });
    expect(d.demoData).toBe(false);
  });
});
