import { describe, expect, it } from "vitest";
import { pageOf, ProjectSummarySchema } from "@resettle/domain";
import { type SeededIds } from "../../test/fixtures.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

const ProjectPage = pageOf(ProjectSummarySchema);
const names = async (query: string) => {
  const res = await t.as("leader")({
    url: `/api/projects?${query.includes("pageSize") ? "" : "pageSize=100&"}${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return ProjectPage.parse(res.json()).items.map((p) => p.name);
};
const search = (q: string) => names(`q=${encodeURIComponent(q)}`);

describe("GET /api/projects?q= (项目台账 search)", () => {
  it("finds projects by name, code, district and responsible person, case-insensitively", async () => {
    expect(await search("向阳")).toEqual(["向阳小区"]);
    expect(await search("XIANGYANG")).toEqual(["向阳小区"]);
    expect((await search("大洼")).sort()).toEqual(["华润万家项目", "桃李源项目", "荷塘月色项目"].sort());
    // 张主任（演示） is responsible for 向阳小区 (and others of 双台子区): found by the person alone.
    const res = await t.as("leader")({ url: `/api/projects?pageSize=100&q=${encodeURIComponent("张主任")}` });
    const byPerson = ProjectPage.parse(res.json()).items;
    expect(byPerson.map((p) => p.name)).toContain("向阳小区");
    expect(byPerson.every((p) => p.responsiblePerson?.name === "张主任（演示）")).toBe(true);
    expect(await search("  向阳  ")).toEqual(["向阳小区"]);
    expect(await search("没有这个项目")).toEqual([]);
  });

  it("takes % , _ and \\ literally: they match only themselves", async () => {
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await search("\\")).toEqual([]);
    await t.db.prisma.project.update({ where: { id: ids.hongwei }, data: { name: "宏伟小区 100%_完成\\" } });
    expect(await search("%")).toEqual(["宏伟小区 100%_完成\\"]);
    expect(await search("0%_")).toEqual(["宏伟小区 100%_完成\\"]);
    expect(await search("\\")).toEqual(["宏伟小区 100%_完成\\"]);
    expect(await search("1_0")).toEqual([]);
  });

  it("combines with the other filters and paging, and refuses a term over 100 characters", async () => {
    const districts = (await t.as("leader")({ url: "/api/districts" })).json() as { id: string; name: string }[];
    const dawa = districts.find((d) => d.name === "大洼区")!;
    expect(await names(`q=${encodeURIComponent("项目")}&districtId=${dawa.id}&pageSize=2`)).toHaveLength(2);
    const res = await t.as("leader")({ url: `/api/projects?q=${"a".repeat(101)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: "querystring.q", reason: "too_big" });
  });
});

describe("GET /api/projects?health=", () => {
  it("lists only the projects of that colour, in any sort order, and the colours add up to all", async () => {
    const all = await names("");
    let seen: string[] = [];
    for (const level of ["green", "amber", "red"]) {
      const res = await t.as("leader")({ url: `/api/projects?pageSize=100&health=${level}&sort=name` });
      const page = ProjectPage.parse(res.json());
      expect(page.items.every((p) => p.healthLevel === level)).toBe(true);
      expect(page.total).toBe(page.items.length);
      const sorted = page.items.map((p) => p.name);
      expect(sorted).toEqual([...sorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      seen = [...seen, ...sorted];
    }
    expect(seen.sort()).toEqual([...all].sort());
    const dashboard = (await t.as("leader")({ url: "/api/dashboard" })).json();
    expect((await names("health=red")).length).toBe(dashboard.health.red);
    expect(await names("health=red")).toContain("宏伟小区");
  });
});
