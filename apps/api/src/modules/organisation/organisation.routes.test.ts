import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe("organisation: reading", () => {
  it("lists the 2 districts and the 12 departments of the plan, office and districts first", async () => {
    const districts = (await t.as("leader")({ url: "/api/districts" })).json();
    expect(districts.map((d: { name: string }) => d.name)).toEqual(["双台子区", "大洼区"]);
    const departments = (await t.as("leader")({ url: "/api/departments" })).json();
    expect(departments).toHaveLength(12);
    expect(departments.slice(0, 3).map((d: { code: string }) => d.code)).toEqual(["lingdao", "dawa", "shuangtaizi"]);
    const dawa = departments.find((d: { code: string }) => d.code === "dawa");
    expect(dawa.districtId).toBe(districts.find((d: { name: string }) => d.name === "大洼区").id);
  });

  it("pages persons and filters them by department; demo persons say so", async () => {
    const departments = (await t.as("leader")({ url: "/api/departments" })).json();
    const zhujian = departments.find((d: { code: string }) => d.code === "zhujian");
    const res = await t.as("leader")({ url: `/api/persons?departmentId=${zhujian.id}&pageSize=1` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items[0]).toMatchObject({ departmentId: zhujian.id, isDemo: true });
    expect(page.items[0].name).toMatch(/（演示）$/);
  });
});
