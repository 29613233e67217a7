import { afterEach, describe, expect, inject, it } from "vitest";
import { applyMigrations, pendingMigrationScript, readMigrationList } from "./migrate.js";
import { loadPlan, parsePlan, PlanRejectedError, readPlanFile } from "./plan-loader.js";
import { createTestDatabase, type TestDatabase } from "./testing.js";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

async function emptyMigratedDatabase() {
  db = await createTestDatabase(inject("testDatabaseAdminUrl"), { empty: true });
  const { migrationDirectories } = await readMigrationList();
  expect(await applyMigrations(db.url)).toEqual(migrationDirectories.map((m) => m.path));
  return db;
}

const counts = async ({ prisma }: TestDatabase) => ({
  districts: await prisma.district.count(),
  departments: await prisma.department.count(),
  projects: await prisma.project.count(),
  targets: await prisma.yearTarget.count(),
  floors: await prisma.districtFloor.count(),
});

describe("loading the plan", () => {
  it("loads exactly what the plan states: 2 districts, 12 departments, 8 projects, 4,722 households", async () => {
    const { prisma } = await emptyMigratedDatabase();
    await loadPlan(prisma, await readPlanFile());
    expect(await counts(db!)).toEqual({ districts: 2, departments: 12, projects: 8, targets: 10, floors: 6 });
    const total = await prisma.project.aggregate({ _sum: { totalHouseholds: true } });
    expect(total._sum.totalHouseholds).toBe(4722);
    const byYear = await prisma.yearTarget.groupBy({
      by: ["year"],
      _sum: { plannedHouseholds: true },
      orderBy: { year: "asc" },
    });
    expect(byYear.map((y) => [y.year, y._sum.plannedHouseholds])).toEqual([
      [2018, 1613],
      [2019, 2280],
      [2020, 829],
    ]);
    const plan = await readPlanFile();
    const inOrder = await prisma.project.findMany({
      orderBy: { sequence: "asc" },
      select: { code: true, sequence: true },
    });
    expect(inOrder).toEqual(plan.projects.map((p, i) => ({ code: p.code, sequence: i + 1 })));
    const hongwei = await prisma.project.findUniqueOrThrow({
      where: { code: "hongwei" },
      include: { district: true, responsibleDepartment: true },
    });
    expect(hongwei.district.name).toBe("双台子区");
    // District governments are the responsible entities of their districts' projects.
    expect(hongwei.responsibleDepartment?.code).toBe("shuangtaizi");
    const floors = await prisma.districtFloor.findMany({
      where: { district: { code: "dawa" } },
      orderBy: { year: "asc" },
    });
    expect(floors.map((f) => Number(f.minCumulativePercent))).toEqual([30, 60, 100]);
  });

  it("is idempotent and keeps what administrators changed since", async () => {
    const { prisma } = await emptyMigratedDatabase();
    const plan = await readPlanFile();
    await loadPlan(prisma, plan);
    await prisma.department.update({ where: { code: "zhujian" }, data: { name: "盘锦市住房和城乡建设局" } });
    const before = await counts(db!);
    await loadPlan(prisma, plan);
    expect(await counts(db!)).toEqual(before);
    expect((await prisma.department.findUniqueOrThrow({ where: { code: "zhujian" } })).name).toBe(
      "盘锦市住房和城乡建设局",
    );
  });

  it("refuses a broken plan with every problem listed and writes nothing", async () => {
    const { prisma } = await emptyMigratedDatabase();
    const broken = structuredClone(await readPlanFile());
    // 向阳小区 with 1,200 households: its quotas, 双台子区 and the city no longer add up.
    broken.projects[0]!.totalHouseholds = 1200;
    const error = await loadPlan(prisma, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanRejectedError);
    const problems = (error as PlanRejectedError).problems.map((p) => p.path);
    expect(problems).toEqual(
      expect.arrayContaining(["projects.0.quotas", "districts.0.households", "totalHouseholds"]),
    );
    expect(await counts(db!)).toEqual({ districts: 0, departments: 0, projects: 0, targets: 0, floors: 0 });
  });

  it("rejects a plan file that is not even shaped like a plan, field by field", () => {
    const error = (() => {
      try {
        parsePlan({ title: "", years: [], projects: [{ code: "X" }] });
      } catch (e) {
        return e as PlanRejectedError;
      }
    })();
    expect(error).toBeInstanceOf(PlanRejectedError);
    expect(error!.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["title", "years", "totalHouseholds"]));
  });
});

describe("migrations and constraints", () => {
  it("applies nothing the second time", async () => {
    const { url } = await emptyMigratedDatabase();
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("has a migration for every change to schema.prisma", async () => {
    const { url } = await emptyMigratedDatabase();
    // Replays the migrations in a shadow database and diffs them against the schema.
    expect(await pendingMigrationScript(url)).toBeNull();
  });

  it("lets the database itself refuse impossible figures", async () => {
    db = await createTestDatabase(inject("testDatabaseAdminUrl"));
    const { prisma } = db;
    const project = await prisma.project.findUniqueOrThrow({ where: { code: "xiangyang" } });
    await expect(prisma.project.update({ where: { id: project.id }, data: { movedBack: 1209 } })).rejects.toThrow();
    await expect(prisma.project.update({ where: { id: project.id }, data: { movedBack: -1 } })).rejects.toThrow();
    await expect(
      prisma.yearTarget.update({
        where: { projectId_year: { projectId: project.id, year: 2018 } },
        data: { plannedHouseholds: -5 },
      }),
    ).rejects.toThrow();
    await expect(prisma.project.create({ data: { ...project, id: undefined, code: "xiangyang" } })).rejects.toThrow();
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).movedBack).toBe(project.movedBack);
  });
});
