import { describe, expect, it } from "vitest";
import { daysBetween, isOverdue, OverdueBoardSchema, type OverdueBoard } from "@resettle/domain";
import { type SeededIds } from "../../test/fixtures.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";
import { toIsoDate } from "../../lib/dates.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

const TODAY = "2026-11-25";

const board = async (query = "", user = "leader"): Promise<OverdueBoard> => {
  const res = await t.as(user)({ url: `/api/overdue-work${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return OverdueBoardSchema.strict().parse(res.json());
};

/** Every overdue milestone and item as the domain's `isOverdue` judges the rows, read here directly. */
const overdueInDatabase = async () => {
  const { prisma } = t.db;
  const select = {
    id: true,
    status: true,
    dueDate: true,
    responsibleDepartmentId: true,
    project: { select: { districtId: true } },
  } as const;
  const [milestones, items] = await Promise.all([
    prisma.milestone.findMany({ select: { ...select, kind: true } }),
    prisma.item.findMany({ select }),
  ]);
  return [
    ...milestones.map((m) => ({ ...m, type: "milestone" as const })),
    ...items.map((i) => ({ ...i, type: "item" as const, kind: null })),
  ]
    .map((w) => ({ ...w, dueDate: toIsoDate(w.dueDate) }))
    .filter((w) => isOverdue(w, TODAY));
};

const addItem = async (projectId: string, title: string, dueDate: string, departmentId = ids.zhujian) => {
  // Created through the database: the API refuses due dates far in the past (another rule).
  const created = await t.db.prisma.item.create({
    data: { projectId, title, dueDate: new Date(`${dueDate}T00:00:00Z`), responsibleDepartmentId: departmentId },
  });
  return created.id;
};

describe("GET /api/overdue-work (全市待办)", () => {
  it("lists exactly the work the domain calls overdue, the latest first, and agrees with the dashboard", async () => {
    const expected = await overdueInDatabase();
    const all = await board("?pageSize=100");
    expect(all.asOf).toBe(TODAY);
    expect(all.total).toBe(expected.length);
    expect(all.items.map((e) => e.id).sort()).toEqual(expected.map((w) => w.id).sort());
    const dueDates = all.items.map((e) => e.dueDate);
    expect(dueDates).toEqual([...dueDates].sort());
    for (const e of all.items) {
      expect(e.daysOverdue).toBe(daysBetween(e.dueDate, TODAY));
      expect(e.daysOverdue).toBeGreaterThanOrEqual(1);
    }
    const dashboard = (await t.as("leader")({ url: "/api/dashboard" })).json();
    expect(all.total).toBe(dashboard.overdue.milestones + dashboard.overdue.items);
  });

  it("pages over both kinds together: pages neither overlap nor skip, and every page is in order", async () => {
    // Items interleaved between the demo's overdue milestones, so a page mixes both kinds.
    await addItem(ids.hongwei, "逾期事项甲", "2019-06-30");
    await addItem(ids.xuefuyuan, "逾期事项乙", "2023-01-15");
    await addItem(ids.taoliyuan, "逾期事项丙", "2026-11-20");
    const all = await board("?pageSize=100");
    const paged = [];
    for (let page = 1; page <= Math.ceil(all.total / 4); page++) {
      const one = await board(`?pageSize=4&page=${page}`);
      expect(one.total).toBe(all.total);
      expect(one.items.length).toBeLessThanOrEqual(4);
      paged.push(...one.items);
    }
    expect(paged.map((e) => e.id)).toEqual(all.items.map((e) => e.id));
    expect(new Set(paged.map((e) => e.type))).toEqual(new Set(["milestone", "item"]));
    expect((await board(`?pageSize=4&page=${Math.ceil(all.total / 4) + 1}`)).items).toEqual([]);
  });

  it("filters by kind, milestone kind, department, district and how late", async () => {
    await addItem(ids.hongwei, "逾期事项甲", "2026-11-01", ids.shuangtaizi);
    const expected = await overdueInDatabase();
    const count = (keep: (w: (typeof expected)[number]) => boolean) => expected.filter(keep).length;

    const items = await board("?kind=item&pageSize=100");
    expect(items.total).toBe(count((w) => w.type === "item"));
    expect(items.items.every((e) => e.type === "item" && e.milestoneKind === null)).toBe(true);

    const milestones = await board("?kind=milestone&pageSize=100");
    expect(milestones.total).toBe(count((w) => w.type === "milestone"));

    const procedures = await board("?milestoneKind=procedures&pageSize=100");
    expect(procedures.total).toBe(count((w) => w.kind === "procedures"));
    expect(procedures.total).toBeGreaterThan(0);
    expect(procedures.items.every((e) => e.milestoneKind === "procedures")).toBe(true);

    const zhujian = await board(`?responsibleDepartmentId=${ids.zhujian}&pageSize=100`);
    expect(zhujian.total).toBe(count((w) => w.responsibleDepartmentId === ids.zhujian));
    expect(zhujian.items.every((e) => e.responsibleDepartment?.id === ids.zhujian)).toBe(true);

    for (const district of ids.districts) {
      const own = await board(`?districtId=${district.id}&pageSize=100`);
      expect(own.total).toBe(count((w) => w.project.districtId === district.id));
      expect(own.items.every((e) => e.district.name === district.name)).toBe(true);
    }

    // The bands meet without a gap: 1–30, 31–90, 91 and more.
    const bands = { up_to_30: [1, 30], "31_to_90": [31, 90], over_90: [91, Infinity] } as const;
    let sum = 0;
    for (const [lateness, [min, max]] of Object.entries(bands)) {
      const band = await board(`?lateness=${lateness}&pageSize=100`);
      expect(band.total).toBe(
        count((w) => daysBetween(w.dueDate, TODAY) >= min && daysBetween(w.dueDate, TODAY) <= max),
      );
      expect(band.items.every((e) => e.lateness === lateness && e.daysOverdue >= min && e.daysOverdue <= max)).toBe(
        true,
      );
      sum += band.total;
    }
    expect(sum).toBe(expected.length);
    expect((await board("?lateness=up_to_30&kind=item")).items.map((e) => e.title)).toEqual(["逾期事项甲"]);
  });

  it("a band's edges: due 30 days ago is 1–30, 31 days ago is 31–90; due yesterday is overdue, today is not", async () => {
    await addItem(ids.hongwei, "30 天", "2026-10-26");
    await addItem(ids.hongwei, "31 天", "2026-10-25");
    await addItem(ids.hongwei, "昨天", "2026-11-24");
    await addItem(ids.hongwei, "今天", TODAY);
    const titles = async (lateness: string) =>
      (await board(`?kind=item&lateness=${lateness}&pageSize=100`)).items.map((e) => e.title);
    expect(await titles("up_to_30")).toEqual(["30 天", "昨天"]);
    expect(await titles("31_to_90")).toContain("31 天");
    expect((await board("?kind=item&pageSize=100")).items.map((e) => e.title)).not.toContain("今天");
  });

  it("leaves out work that is done", async () => {
    const id = await addItem(ids.hongwei, "已办结", "2020-01-01");
    expect((await board("?kind=item&pageSize=100")).items.map((e) => e.id)).toContain(id);
    await t.db.prisma.item.update({
      where: { id },
      data: { status: "done", completedAt: new Date(), completedById: ids.admin, completedOn: new Date() },
    });
    expect((await board("?kind=item&pageSize=100")).items.map((e) => e.id)).not.toContain(id);
  });

  it("every signed-in role reads it; a coordinator may read other departments' work too", async () => {
    for (const user of ["admin", "leader", "wg", "coord-zhujian", "coord-fayuan"])
      expect((await t.as(user)({ url: "/api/overdue-work" })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/overdue-work" })).statusCode).toBe(401);
    const other = await board(`?responsibleDepartmentId=${ids.zhujian}`, "coord-fayuan");
    expect(other.total).toBeGreaterThan(0);
  });

  it("refuses a milestone kind with items, an unknown band and a page size over 100, field by field", async () => {
    const refused = async (query: string, path: string) => {
      const res = await t.as("leader")({ url: `/api/overdue-work${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    };
    await refused("?kind=item&milestoneKind=procedures", "querystring.milestoneKind");
    await refused("?lateness=forever", "querystring.lateness");
    await refused("?pageSize=101", "querystring.pageSize");
    await refused("?districtId=nope", "querystring.districtId");
  });
});
