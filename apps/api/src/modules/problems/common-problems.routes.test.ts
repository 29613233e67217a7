import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CommonProblemSchema, pageOf, type CommonProblem } from "@resettle/domain";
import { seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp, fixedClock } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
/** The demo's 回迁房建设手续不全（演示）: 双台子区, 住建, in progress, 广厦小区 and 学府园二期. */
let demo: CommonProblem;
let district: (name: string) => string;
let project: (code: string) => string;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  district = (name) => ids.districts.find((d) => d.name === name)!.id;
  const projects = await t.db.prisma.project.findMany({ select: { id: true, code: true } });
  project = (code) => projects.find((p) => p.code === code)!.id;
  for (const user of ["admin", "wg", "leader", "coord-zhujian", "coord-guotu", "coord-shuangtaizi"])
    await t.as(user)({ url: "/api/auth/me" });
  const res = await t.as("leader")({ url: "/api/common-problems" });
  demo = res.json().items[0];
});
afterEach(() => t.close());

const Page = pageOf(CommonProblemSchema.strict()).strict();
const unknown = "00000000-0000-4000-8000-000000000000";
/** Everything a write could touch, the common problems and their links included. */
const everything = async () => ({
  ...(await snapshot(t.db.prisma)),
  commonProblems: await t.db.prisma.commonProblem.findMany({ orderBy: { id: "asc" } }),
  links: await t.db.prisma.commonProblemProject.findMany({
    orderBy: [{ commonProblemId: "asc" }, { projectId: "asc" }],
  }),
});
const list = async (query = "", user = "leader") => {
  const res = await t.as(user)({ url: `/api/common-problems${query}` });
  expect(res.statusCode, query).toBe(200);
  return Page.parse(res.json());
};
const post = (user: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: "/api/common-problems", payload });
const patch = (user: string, id: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "PATCH", url: `/api/common-problems/${id}`, payload });
const auditOf = (entityId: string) =>
  t.db.prisma.auditEvent.findMany({ where: { entityType: "common_problem", entityId }, orderBy: { at: "asc" } });
const paths = (res: { json(): { error: { details?: { path: string }[] } } }) => [
  ...new Set(res.json().error.details?.map((d: { path: string }) => d.path)),
];
const categoryOf = async (code: string) =>
  (await t.db.prisma.project.findUniqueOrThrow({ where: { code }, select: { problemCategory: true } })).problemCategory;
const valid = () => ({
  title: "回迁房消防验收未通过",
  description: "消防设施不全",
  measure: "消防救援支队上门指导，限期整改",
  districtId: district("双台子区"),
  responsibleDepartmentId: ids.dept("xiaofang"),
  projectIds: [project("xiangyang"), project("hongwei")],
});

describe("GET /api/common-problems", () => {
  it("pages the common problems newest first, to every signed-in role", async () => {
    const [guangsha, xuefuyuan] = await Promise.all(
      ["guangsha", "xuefuyuan-2"].map((code) =>
        t.db.prisma.project.findUniqueOrThrow({
          where: { code },
          select: { id: true, name: true, totalHouseholds: true, movedBack: true },
        }),
      ),
    );
    const page = await list();
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(page.items[0]).toMatchObject({
      title: "回迁房建设手续不全（演示）",
      description: "部分项目规划、施工许可手续未办结，影响开工和验收",
      measure: "区政府牵头，住建、国土联合审批，限期补办",
      district: { id: district("双台子区"), name: "双台子区" },
      responsibleDepartment: { id: ids.zhujian },
      status: "in_progress",
      blockedReason: null,
      // In the plan's order, with their figures.
      projects: [guangsha, xuefuyuan],
      version: 1,
    });
    for (const user of ["admin", "wg", "coord-zhujian"]) expect(await list("", user)).toEqual(page);
    expect((await t.app.inject({ url: "/api/common-problems" })).statusCode).toBe(401);

    for (const title of ["第二个", "第三个"]) expect((await post("admin", { ...valid(), title })).statusCode).toBe(201);
    const all = await list();
    expect(all.total).toBe(3);
    expect(all.items.map((p) => p.title)).toEqual(["第三个", "第二个", "回迁房建设手续不全（演示）"]);
    const second = await list("?page=2&pageSize=2");
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((p) => p.title)).toEqual(["回迁房建设手续不全（演示）"]);
  });

  it("filters by district, linked project and status", async () => {
    const created = await post("wg", {
      ...valid(),
      title: "大洼区资金缺口",
      districtId: district("大洼区"),
      projectIds: [project("taoliyuan")],
    });
    expect(created.statusCode).toBe(201);
    const titles = async (query: string) => (await list(query)).items.map((p) => p.title);
    expect(await titles(`?districtId=${district("双台子区")}`)).toEqual(["回迁房建设手续不全（演示）"]);
    expect(await titles(`?districtId=${district("大洼区")}`)).toEqual(["大洼区资金缺口"]);
    expect(await titles(`?projectId=${project("guangsha")}`)).toEqual(["回迁房建设手续不全（演示）"]);
    expect(await titles(`?projectId=${project("taoliyuan")}`)).toEqual(["大洼区资金缺口"]);
    expect(await titles(`?projectId=${project("xiangyang")}`)).toEqual([]);
    expect(await titles("?status=in_progress")).toEqual(["回迁房建设手续不全（演示）"]);
    expect(await titles("?status=planned")).toEqual(["大洼区资金缺口"]);
    expect(await titles(`?status=planned&districtId=${district("双台子区")}`)).toEqual([]);
    expect((await list(`?projectId=${project("taoliyuan")}&status=planned`)).total).toBe(1);
  });

  it("refuses an invalid query (400 with the path)", async () => {
    for (const [query, path] of [
      ["?status=finished", "querystring.status"],
      ["?districtId=dawa", "querystring.districtId"],
      ["?projectId=1", "querystring.projectId"],
      ["?pageSize=101", "querystring.pageSize"],
      ["?page=0", "querystring.page"],
    ] as const) {
      const res = await t.as("leader")({ url: `/api/common-problems${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(paths(res), query).toEqual([path]);
    }
  });
});

describe("GET /api/common-problems/:id", () => {
  it("answers one common problem; 404 for an unknown id, 401 anonymous", async () => {
    const res = await t.as("coord-guotu")({ url: `/api/common-problems/${demo.id}` });
    expect(res.statusCode).toBe(200);
    expect(CommonProblemSchema.strict().parse(res.json())).toEqual(demo);
    expect((await t.as("leader")({ url: `/api/common-problems/${unknown}` })).statusCode).toBe(404);
    expect((await t.as("leader")({ url: "/api/common-problems/nope" })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/common-problems/${demo.id}` })).statusCode).toBe(401);
  });
});

describe("POST /api/common-problems", () => {
  it("records a common problem (working group); unclassified linked projects become 共性, others keep theirs; audited", async () => {
    expect([await categoryOf("xiangyang"), await categoryOf("hongwei")]).toEqual(["none", "individual"]);
    const xiangyangVersion = (await t.db.prisma.project.findUniqueOrThrow({ where: { code: "xiangyang" } })).version;
    const res = await t.as("wg")({
      method: "POST",
      url: "/api/common-problems",
      payload: { ...valid(), description: "  ", projectIds: [project("hongwei"), project("xiangyang")] },
      headers: { "x-request-id": "common-create-01" },
    });
    expect(res.statusCode).toBe(201);
    const created = CommonProblemSchema.strict().parse(res.json());
    expect(created).toMatchObject({
      title: "回迁房消防验收未通过",
      description: null,
      measure: "消防救援支队上门指导，限期整改",
      district: { id: district("双台子区"), name: "双台子区" },
      responsibleDepartment: { id: ids.dept("xiaofang") },
      status: "planned",
      blockedReason: null,
      version: 1,
    });
    expect(created.projects.map((p) => p.name)).toEqual(["向阳小区", "宏伟小区"]);
    expect(created.updatedAt).toMatch(/Z$/);
    const one = await t.as("leader")({ url: `/api/common-problems/${created.id}` });
    expect(one.json()).toEqual(created);

    // 向阳小区 was unclassified: now common, its version moved; 宏伟小区 stays individual.
    expect([await categoryOf("xiangyang"), await categoryOf("hongwei")]).toEqual(["common", "individual"]);
    expect((await t.db.prisma.project.findUniqueOrThrow({ where: { code: "xiangyang" } })).version).toBe(
      xiangyangVersion + 1,
    );

    const [event] = await auditOf(created.id);
    expect(event).toMatchObject({
      action: "create",
      actorId: ids.wg,
      clientRequestId: "common-create-01",
      before: null,
      after: {
        title: "回迁房消防验收未通过",
        description: null,
        district: "双台子区",
        responsibleDepartment: created.responsibleDepartment!.name,
        status: "planned",
        projects: ["向阳小区", "宏伟小区"],
        projectsMarkedCommon: ["向阳小区"],
      },
    });
    const projectEvents = await t.db.prisma.auditEvent.findMany({
      where: { entityType: "project", action: "problem_update", clientRequestId: "common-create-01" },
    });
    expect(projectEvents).toHaveLength(1);
    expect(projectEvents[0]).toMatchObject({
      entityId: project("xiangyang"),
      projectId: project("xiangyang"),
      before: { problemCategory: "none" },
      after: { problemCategory: "common", commonProblem: "回迁房消防验收未通过" },
    });
  });

  it("a city-wide problem (no district) may link projects of any district; no department is fine", async () => {
    const res = await post("admin", {
      ...valid(),
      districtId: null,
      responsibleDepartmentId: null,
      projectIds: [project("taoliyuan"), project("guangsha")],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ district: null, responsibleDepartment: null });
    expect(res.json().projects.map((p: { name: string }) => p.name)).toEqual(["广厦小区", "桃李源项目"]);
  });

  it("refuses invalid fields one by one (400 with the path) and changes nothing", async () => {
    const before = await everything();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "  " }, "body.title"],
      [{ title: "题".repeat(201) }, "body.title"],
      [{ title: undefined }, "body.title"],
      [{ description: "字".repeat(2001) }, "body.description"],
      [{ description: undefined }, "body.description"],
      [{ measure: "字".repeat(2001) }, "body.measure"],
      [{ districtId: "dawa" }, "body.districtId"],
      [{ districtId: unknown }, "body.districtId"],
      [{ responsibleDepartmentId: unknown }, "body.responsibleDepartmentId"],
      [{ responsibleDepartmentId: "zhujian" }, "body.responsibleDepartmentId"],
      [{ projectIds: [] }, "body.projectIds"],
      [{ projectIds: [project("xiangyang"), project("xiangyang")] }, "body.projectIds"],
      [{ projectIds: [project("xiangyang"), unknown] }, "body.projectIds.1"],
      [{ projectIds: [project("xiangyang"), "x"] }, "body.projectIds.1"],
      // 桃李源项目 is in 大洼区: not for a 双台子区 measure.
      [{ projectIds: [project("taoliyuan"), project("xiangyang")] }, "body.projectIds.0"],
    ];
    for (const [change, path] of cases) {
      const res = await post("admin", { ...valid(), ...change });
      expect(res.statusCode, JSON.stringify(change).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      expect(paths(res), JSON.stringify(change).slice(0, 80)).toEqual([path]);
    }
    const outside = await post("admin", { ...valid(), projectIds: [project("taoliyuan")] });
    expect(outside.json().error.details).toEqual([
      {
        path: "body.projectIds.0",
        reason: "project_other_district",
        message: "桃李源项目 is not in 双台子区",
        params: { name: "桃李源项目", district: "双台子区" },
      },
    ]);
    // Every offending field at once.
    const all = await post("admin", {
      ...valid(),
      districtId: unknown,
      responsibleDepartmentId: unknown,
      projectIds: [project("xiangyang"), unknown],
    });
    expect(paths(all)).toEqual(["body.districtId", "body.responsibleDepartmentId", "body.projectIds.1"]);
    expect(await everything()).toEqual(before);
  });

  it("is refused to coordinators and leaders (403), anonymous (401); nothing changes", async () => {
    const before = await everything();
    for (const user of ["coord-zhujian", "coord-shuangtaizi", "leader"]) {
      const res = await post(user, valid());
      expect(res.statusCode, user).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    const anonymous = await t.app.inject({ method: "POST", url: "/api/common-problems", payload: valid() });
    expect(anonymous.statusCode).toBe(401);
    expect(await everything()).toEqual(before);
  });
});

describe("PATCH /api/common-problems/:id", () => {
  it("the responsible department's coordinator moves its status: blocked needs a note; done records who and when", async () => {
    const noNote = await patch("coord-zhujian", demo.id, { status: "blocked", version: 1 });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details).toEqual([
      { path: "body.note", reason: "reason_required", message: "a blocked record needs the reason it is blocked" },
    ]);
    const blocked = await patch("coord-zhujian", demo.id, { status: "blocked", note: "国土审批未完成", version: 1 });
    expect(blocked.statusCode).toBe(200);
    expect(CommonProblemSchema.strict().parse(blocked.json())).toEqual({
      ...demo,
      status: "blocked",
      blockedReason: "国土审批未完成",
      updatedAt: blocked.json().updatedAt,
      version: 2,
    });
    const skip = await patch("coord-zhujian", demo.id, { status: "done", version: 2 });
    expect(skip.statusCode).toBe(400);
    expect(paths(skip)).toEqual(["body.status"]);
    expect((await patch("coord-zhujian", demo.id, { status: "in_progress", version: 2 })).statusCode).toBe(200);
    const done = await patch("coord-zhujian", demo.id, { status: "done", note: "手续已补办", version: 3 });
    expect(done.json()).toMatchObject({ status: "done", blockedReason: null, version: 4 });
    const row = await t.db.prisma.commonProblem.findUniqueOrThrow({ where: { id: demo.id } });
    expect(row).toMatchObject({ completedAt: fixedClock.now(), completedById: ids.coordZhujian });

    const events = await auditOf(demo.id);
    expect(events.map((e) => e.action)).toEqual(["status_blocked", "status_in_progress", "status_done"]);
    expect(events[0]).toMatchObject({
      actorId: ids.coordZhujian,
      before: { status: "in_progress", blockedReason: null },
      after: { status: "blocked", blockedReason: "国土审批未完成", note: "国土审批未完成" },
    });
    expect(events[2]!.after).toEqual({ status: "done", note: "手续已补办" });

    // Done stays done for the coordinator; an administrator reopens it, which clears the completion.
    expect((await patch("coord-zhujian", demo.id, { status: "in_progress", version: 4 })).statusCode).toBe(400);
    const reopened = await patch("admin", demo.id, { status: "in_progress", version: 4 });
    expect(reopened.json()).toMatchObject({ status: "in_progress", version: 5 });
    expect(await t.db.prisma.commonProblem.findUniqueOrThrow({ where: { id: demo.id } })).toMatchObject({
      completedAt: null,
      completedById: null,
    });
  });

  it("a coordinator may not change the plan, nor move another department's problem; leaders nothing (403); nothing changes", async () => {
    const before = await everything();
    const attempts: [string, Record<string, unknown>][] = [
      ["coord-zhujian", { title: "自己改标题", version: 1 }],
      ["coord-zhujian", { status: "done", measure: "自己改措施", version: 1 }],
      ["coord-zhujian", { projectIds: [project("xiangyang")], version: 1 }],
      ["coord-zhujian", { responsibleDepartmentId: ids.dept("guotu"), version: 1 }],
      ["coord-shuangtaizi", { status: "done", version: 1 }],
      ["coord-guotu", { status: "blocked", note: "猜的", version: 1 }],
      // Refused before the version is looked at: a stale one reveals nothing either.
      ["coord-guotu", { status: "done", version: 9 }],
      ["leader", { status: "done", version: 1 }],
    ];
    for (const [user, payload] of attempts) {
      const res = await patch(user, demo.id, payload);
      expect(res.statusCode, `${user} ${JSON.stringify(payload)}`).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    const anonymous = await t.app.inject({
      method: "PATCH",
      url: `/api/common-problems/${demo.id}`,
      payload: { status: "done", version: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await everything()).toEqual(before);
  });

  it("the working group changes the plan: links replaced, newly linked unclassified projects become 共性, unlinked ones keep theirs", async () => {
    const res = await t.as("wg")({
      method: "PATCH",
      url: `/api/common-problems/${demo.id}`,
      payload: {
        title: "回迁房规划、施工手续不全",
        measure: "",
        responsibleDepartmentId: ids.dept("guotu"),
        projectIds: [project("xuefuyuan-2"), project("lvdi-shijicheng")],
        version: 1,
      },
      headers: { "x-request-id": "common-update-01" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: "回迁房规划、施工手续不全",
      description: demo.description,
      measure: null,
      district: demo.district,
      responsibleDepartment: { id: ids.dept("guotu") },
      status: "in_progress",
      version: 2,
    });
    expect(res.json().projects.map((p: { name: string }) => p.name)).toEqual(["绿地世纪城小区", "学府园二期"]);
    // 广厦小区 was unlinked but stays common: nothing changes a category silently.
    expect(await categoryOf("guangsha")).toBe("common");
    expect(await categoryOf("lvdi-shijicheng")).toBe("common");

    const [event] = await auditOf(demo.id);
    expect(event).toMatchObject({ action: "update", clientRequestId: "common-update-01", actorId: ids.wg });
    expect(event!.before).toEqual({
      title: "回迁房建设手续不全（演示）",
      measure: "区政府牵头，住建、国土联合审批，限期补办",
      responsibleDepartment: demo.responsibleDepartment!.name,
      projects: ["广厦小区", "学府园二期"],
    });
    expect(event!.after).toEqual({
      title: "回迁房规划、施工手续不全",
      measure: null,
      responsibleDepartment: res.json().responsibleDepartment.name,
      projects: ["绿地世纪城小区", "学府园二期"],
      projectsMarkedCommon: ["绿地世纪城小区"],
    });
    expect(
      await t.db.prisma.auditEvent.count({
        where: { entityType: "project", entityId: project("lvdi-shijicheng"), action: "problem_update" },
      }),
    ).toBe(1);

    // The status now moves for 国土's coordinator, no longer for 住建's.
    expect((await patch("coord-zhujian", demo.id, { status: "done", version: 2 })).statusCode).toBe(403);
    expect((await patch("coord-guotu", demo.id, { status: "done", version: 2 })).statusCode).toBe(200);
  });

  it("a district-level measure keeps its projects in the district (400 on the field at fault); nothing changes", async () => {
    const before = await everything();
    // Moving the problem to 大洼区 while it still links 双台子区's projects: the district is at fault.
    const moved = await patch("admin", demo.id, { districtId: district("大洼区"), version: 1 });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details).toEqual([
      {
        path: "body.districtId",
        reason: "project_other_district",
        message: "广厦小区 is not in 大洼区",
        params: { name: "广厦小区", district: "大洼区" },
      },
      {
        path: "body.districtId",
        reason: "project_other_district",
        message: "学府园二期 is not in 大洼区",
        params: { name: "学府园二期", district: "大洼区" },
      },
    ]);
    // Linking a 大洼区 project to the 双台子区 problem: the project is.
    const linked = await patch("wg", demo.id, { projectIds: [project("guangsha"), project("taoliyuan")], version: 1 });
    expect(linked.statusCode).toBe(400);
    expect(paths(linked)).toEqual(["body.projectIds.1"]);
    const cases: [Record<string, unknown>, string][] = [
      [{ districtId: unknown, version: 1 }, "body.districtId"],
      [{ responsibleDepartmentId: unknown, version: 1 }, "body.responsibleDepartmentId"],
      [{ projectIds: [unknown], version: 1 }, "body.projectIds.0"],
      [{ projectIds: [], version: 1 }, "body.projectIds"],
      [{ title: "", version: 1 }, "body.title"],
      [{ status: "closed", version: 1 }, "body.status"],
      [{ status: "blocked", note: "字".repeat(501), version: 1 }, "body.note"],
      [{ title: "无版本" }, "body.version"],
    ];
    for (const [payload, path] of cases) {
      const res = await patch("admin", demo.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(paths(res), JSON.stringify(payload)).toEqual([path]);
    }
    expect(await everything()).toEqual(before);

    // Both at once is fine.
    const both = await patch("admin", demo.id, {
      districtId: district("大洼区"),
      projectIds: [project("taoliyuan")],
      version: 1,
    });
    expect(both.statusCode).toBe(200);
    expect(both.json()).toMatchObject({ district: { name: "大洼区" }, projects: [{ name: "桃李源项目" }] });
  });

  it("a change to nothing (a form saved twice, a status set to what it is) writes nothing: same version, no audit row", async () => {
    const before = await everything();
    for (const [user, payload] of [
      ["coord-zhujian", { status: "in_progress", version: 1 }],
      [
        "wg",
        {
          title: demo.title,
          description: demo.description,
          measure: demo.measure,
          districtId: demo.district!.id,
          responsibleDepartmentId: demo.responsibleDepartment!.id,
          projectIds: demo.projects.map((p) => p.id).reverse(),
          status: "in_progress",
          version: 1,
        },
      ],
    ] as const) {
      const res = await patch(user, demo.id, payload);
      expect(res.statusCode, user).toBe(200);
      expect(res.json()).toEqual(demo);
    }
    expect(await everything()).toEqual(before);
  });

  it("a stale version is 409 with the problem as it is now; an unknown id 404; nothing changes", async () => {
    const first = await patch("wg", demo.id, { measure: "限期补办", version: 1 });
    expect(first.statusCode).toBe(200);
    const before = await everything();
    for (const [user, payload] of [
      ["coord-zhujian", { status: "done", version: 1 }],
      ["admin", { title: "过期的编辑", version: 1 }],
    ] as const) {
      const stale = await patch(user, demo.id, payload);
      expect(stale.statusCode, user).toBe(409);
      expect(stale.json().error).toMatchObject({ code: "CONFLICT", current: first.json() });
    }
    expect((await patch("admin", unknown, { title: "无", version: 1 })).statusCode).toBe(404);
    expect(await everything()).toEqual(before);
  });

  it("two writers racing with the same version: one wins, the other gets 409 with the winner's record", async () => {
    const answers = await raceOnLockedRow(t.db.url, "common_problems", demo.id, 2, () =>
      Promise.all([
        patch("coord-zhujian", demo.id, { status: "blocked", note: "又卡住了", version: 1 }),
        patch("wg", demo.id, { projectIds: [project("xiangyang")], version: 1 }),
      ]),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.statusCode === 200)!.json();
    expect(answers.find((r) => r.statusCode === 409)!.json().error.current).toEqual(winner);
    expect(await auditOf(demo.id)).toHaveLength(1);
    const links = await t.db.prisma.commonProblemProject.findMany({ where: { commonProblemId: demo.id } });
    expect(links.map((l) => l.projectId).sort()).toEqual(winner.projects.map((p: { id: string }) => p.id).sort());
  });
});
