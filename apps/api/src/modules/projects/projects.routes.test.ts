import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProjectDetailSchema, ProjectSummarySchema, pageOf } from "@resettle/domain";
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
