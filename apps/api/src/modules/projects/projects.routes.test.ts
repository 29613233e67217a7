import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuditEventSchema, DashboardSchema, ProjectDetailSchema, ProjectSummarySchema, pageOf } from "@resettle/domain";
import { finishXuefuyuan, seededIds } from "../../test/fixtures.js";
import { createTestApp } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const ProjectPage = pageOf(ProjectSummarySchema);
const list = async (query = "") => {
  const res = await t.as("leader")({ method: "GET", url: `/api/projects${query}` });
  expect(res.statusCode).toBe(200);
  return ProjectPage.parse(res.json());
};

describe("GET /api/projects", () => {
  it("pages on the server, in the plan's order by default", async () => {
    const first = await list("?pageSize=3");
    const second = await list("?pageSize=3&page=2");
    const third = await list("?pageSize=3&page=3");
    expect(first).toMatchObject({ total: 8, page: 1, pageSize: 3 });
    expect(third.items).toHaveLength(2);
    const paged = [...first.items, ...second.items, ...third.items];
    expect(paged.map((p) => p.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(paged[0]!.name).toBe("向阳小区");
    const byCode = await list("?sort=code&pageSize=100");
    expect(byCode.items.map((p) => p.code)).toEqual([...byCode.items.map((p) => p.code)].sort());
  });

  it("filters by district", async () => {
    const districts = (await t.as("leader")({ url: "/api/districts" })).json() as { id: string; name: string }[];
    const dawa = districts.find((d) => d.name === "大洼区")!;
    const page = await list(`?districtId=${dawa.id}`);
    expect(page.total).toBe(3);
    expect(page.items.map((p) => p.name).sort()).toEqual(["华润万家项目", "桃李源项目", "荷塘月色项目"].sort());
  });

  it("sorts by households, either way", async () => {
    const desc = await list("?sort=totalHouseholds&order=desc&pageSize=2");
    expect(desc.items.map((p) => [p.name, p.totalHouseholds])).toEqual([
      ["绿地世纪城小区", 1500],
      ["向阳小区", 1208],
    ]);
    const asc = await list("?sort=totalHouseholds&order=asc&pageSize=1");
    expect(asc.items[0]!.name).toBe("华润万家项目");
  });

  it("carries quotas, moved back and responsibility on every row", async () => {
    const page = await list("?pageSize=100");
    const xiangyang = page.items.find((p) => p.code === "xiangyang")!;
    expect(xiangyang.yearTargets).toEqual([
      { year: 2018, plannedHouseholds: 680 },
      { year: 2019, plannedHouseholds: 528 },
    ]);
    expect(xiangyang.responsibleDepartment?.name).toBe("双台子区政府");
    expect(xiangyang.movedBack).toBe(920);
  });

  it("answers a bad query with 400 and every problem, field by field", async () => {
    const res = await t.as("leader")({ url: "/api/projects?page=0&pageSize=1000&sort=colour&districtId=42" });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ["querystring.districtId", "querystring.page", "querystring.pageSize", "querystring.sort"].sort(),
    );
    expect(error.requestId).toBe(res.headers["x-request-id"]);
  });
});

describe("GET /api/projects/:id", () => {
  it("returns the project with its year targets, milestones by due date and responsibility", async () => {
    const { items } = await list("?pageSize=100");
    const hongwei = items.find((p) => p.code === "hongwei")!;
    const res = await t.as("leader")({ url: `/api/projects/${hongwei.id}` });
    expect(res.statusCode).toBe(200);
    const project = ProjectDetailSchema.parse(res.json());
    expect(project.yearTargets).toEqual([{ year: 2019, plannedHouseholds: 1112 }]);
    expect(project.problemCategory).toBe("individual");
    expect(project.milestones.map((m) => m.dueDate)).toEqual(["2019-03-31", "2019-06-30", "2019-12-31"]);
    expect(project.milestones[0]).toMatchObject({
      kind: "procedures",
      status: "blocked",
      version: 1,
      completedAt: null,
    });
    expect(project.responsiblePerson?.name).toMatch(/演示/);
  });

  it("answers 404 for a project that does not exist and 400 for an id that cannot be one", async () => {
    const missing = await t.as("leader")({ url: "/api/projects/00000000-0000-4000-8000-000000000000" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
    const bad = await t.as("leader")({ url: "/api/projects/xiangyang" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("params.id");
  });
});

describe("the ledger on projects: items, trajectory and health", () => {
  const healthOf = async () =>
    Object.fromEntries((await list("?pageSize=100")).items.map((p) => [p.code, p.healthLevel] as const));

  it("every row of the list carries its health level (as of 2026-11-25, all plan years are over)", async () => {
    expect(await healthOf()).toEqual({
      xiangyang: "red",
      "lvdi-shijicheng": "red",
      hongwei: "red",
      guangsha: "red",
      "xuefuyuan-2": "red",
      "hetang-yuese": "green",
      "huarun-wanjia": "green",
      taoliyuan: "red",
    });
  });

  it("宏伟小区 is red: overdue and blocked milestones, households late, a blocked item and one due soon", async () => {
    const { items } = await list("?pageSize=100");
    const project = ProjectDetailSchema.parse(
      (await t.as("leader")({ url: `/api/projects/${items.find((p) => p.code === "hongwei")!.id}` })).json(),
    );
    expect(project.healthLevel).toBe("red");
    expect(project.health.level).toBe("red");
    expect(project.health.rules.map((r) => [r.code, r.level])).toEqual([
      ["overdue_milestone", "red"],
      ["target_year_passed", "red"],
      ["behind_plan", "red"],
      ["blocked_milestone", "amber"],
      ["blocked_item", "amber"],
      ["due_soon", "amber"],
    ]);
    expect(project.health.rules[0]!.params).toMatchObject({
      count: 3,
      titles: ["土地证、房产证办理", "解决开发商资金缺口后复工", "回迁入住"],
      earliestDate: "2019-03-31",
    });
    expect(project.health.rules[3]!.params).toMatchObject({ count: 2 });
    expect(project.health.rules[5]!.params).toMatchObject({ count: 1, titles: ["部分住户临时安置费停发"] });
    expect(project.items.map((i) => [i.title, i.dueDate, i.status])).toEqual([
      ["部分住户临时安置费停发", "2026-11-30", "in_progress"],
      ["续建资金方案报市政府审定", "2026-12-10", "in_progress"],
      ["回迁房产权证无法办理", "2026-12-15", "blocked"],
      ["续建资金缺口约 8,000 万元", "2026-12-31", "in_progress"],
    ]);
    // The trajectory agrees with the ledger (300 + 200) and the project's figure.
    expect(project.movedBack).toBe(500);
    expect(project.trajectory).toMatchObject({
      asOf: "2026-11-25",
      totalHouseholds: 1112,
      movedBack: 500,
      remaining: 612,
      expectedToDate: 1112,
      gapToDate: 612,
      overdueHouseholds: 612,
      targetsPassed: true,
      status: "behind",
    });
    expect(project.trajectory.years).toEqual([
      expect.objectContaining({
        year: 2019,
        plannedHouseholds: 1112,
        actualInYear: 300,
        cumulativeActual: 300,
        gap: 812,
      }),
    ]);
  });

  it("health follows the ledger: completing 华润万家 keeps it green; finishing work and households turns 学府园二期's rules off", async () => {
    const { items } = await list("?pageSize=100");
    const xuefuyuan = items.find((p) => p.code === "xuefuyuan-2")!;
    const detail = async () =>
      ProjectDetailSchema.parse((await t.as("leader")({ url: `/api/projects/${xuefuyuan.id}` })).json());
    const before = await detail();
    expect(before.health.rules.map((r) => r.code)).toEqual(["overdue_milestone", "target_year_passed", "behind_plan"]);
    expect(before.trajectory.movedBack).toBe(0);
    await finishXuefuyuan(t, xuefuyuan.id);
    const after = await detail();
    expect(after).toMatchObject({ movedBack: 375, status: "completed", healthLevel: "green" });
    expect(after.health).toEqual({ level: "green", rules: [] });
    expect(after.trajectory).toMatchObject({ movedBack: 375, remaining: 0, status: "finished" });
    expect((await healthOf())["xuefuyuan-2"]).toBe("green");
  });
});

describe("GET /api/projects/:id/history", () => {
  it("gathers the project's own changes and its milestones' and ledger's, newest first, and no other project's", async () => {
    const ids = await seededIds(t.db.prisma);
    const milestone = await t.db.prisma.milestone.findFirstOrThrow({
      where: { projectId: ids.xiangyang, title: "剩余住户回迁入住" },
    });
    const admin = t.as("admin");
    const coordinator = t.as("coord-shuangtaizi");
    expect(
      (
        await admin({
          method: "PUT",
          url: `/api/projects/${ids.xiangyang}/responsibility`,
          payload: { departmentId: ids.shuangtaizi, personId: null, reason: "历史测试", version: 1 },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await coordinator({
          method: "POST",
          url: `/api/milestones/${milestone.id}/completion`,
          payload: { completedOn: "2026-11-24", note: "已办结", version: milestone.version },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await coordinator({
          method: "POST",
          url: `/api/projects/${ids.xiangyang}/progress-reports`,
          payload: { reportedOn: "2026-11-20", households: 3, note: "历史测试" },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await coordinator({
          method: "POST",
          url: `/api/projects/${ids.xuefuyuan}/progress-reports`,
          payload: { reportedOn: "2026-11-20", households: 1 },
        })
      ).statusCode,
    ).toBe(201);

    const res = await t.as("leader")({ url: `/api/projects/${ids.xiangyang}/history` });
    expect(res.statusCode).toBe(200);
    const page = pageOf(AuditEventSchema).parse(res.json());
    expect(page.total).toBe(3);
    expect(page.items.map((e) => [e.entityType, e.action, e.projectId])).toEqual([
      ["progress_report", "report_progress", ids.xiangyang],
      ["milestone", expect.stringMatching(/^status_/), ids.xiangyang],
      ["project", "assign_responsibility", ids.xiangyang],
    ]);
    const missing = await t.as("leader")({ url: "/api/projects/00000000-0000-4000-8000-000000000000/history" });
    expect(missing.statusCode).toBe(404);
  });
});

describe("GET /api/dashboard trajectories", () => {
  it("gives the city and each district a trajectory that adds up to the projects' ledger", async () => {
    const res = await t.as("leader")({ url: "/api/dashboard" });
    const dashboard = DashboardSchema.parse(res.json());
    expect(dashboard.trajectory.totalHouseholds).toBe(4722);
    expect(dashboard.trajectory.movedBack).toBe(dashboard.totals.movedBack);
    expect(dashboard.trajectory.years.map((y) => y.cumulativePlannedPercent)).toEqual([34.2, 82.4, 100]);
    expect(dashboard.districts.map((d) => d.trajectory.totalHouseholds)).toEqual(
      dashboard.districts.map((d) => d.households),
    );
    expect(dashboard.districts.reduce((s, d) => s + d.trajectory.movedBack, 0)).toBe(dashboard.totals.movedBack);
    // Every plan year is past: households still out are overdue, and the city is behind.
    expect(dashboard.trajectory.targetsPassed).toBe(true);
    expect(dashboard.trajectory.overdueHouseholds).toBe(4722 - dashboard.totals.movedBack);
  });
});

describe("GET /api/projects?sort=health", () => {
  it("sorts by green / amber / red, worst first when descending, the plan order breaking ties, paged", async () => {
    const severity = { red: 2, amber: 1, green: 0 } as const;
    const all = await list("?sort=health&order=desc&pageSize=100");
    const levels = all.items.map((p) => severity[p.healthLevel]);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    const firstPage = await list("?sort=health&order=desc&pageSize=3");
    const secondPage = await list("?sort=health&order=desc&pageSize=3&page=2");
    expect([...firstPage.items, ...secondPage.items].map((p) => p.id)).toEqual(all.items.slice(0, 6).map((p) => p.id));
    expect(firstPage.total).toBe(8);
    const asc = await list("?sort=health&order=asc&pageSize=100");
    expect(asc.items[0]!.healthLevel).toBe("green");
  });
});
