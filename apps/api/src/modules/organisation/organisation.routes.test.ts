import { beforeEach, describe, expect, it } from "vitest";
import { DepartmentSchema, PersonSchema } from "@resettle/domain";
import { detailPaths, SECRET_PATTERN, snapshot, type SeededIds } from "../../test/fixtures.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

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

const admin = () => t.as("admin");
const auditOf = (requestId: string) => t.db.prisma.auditEvent.findMany({ where: { clientRequestId: requestId } });
const departmentById = async (id: string) =>
  DepartmentSchema.parse((await admin()({ url: "/api/departments" })).json().find((d: { id: string }) => d.id === id));

describe("organisation: departments", () => {
  beforeEach(async () => {
    await admin()({ url: "/api/auth/me" }); // signed in before any snapshot
  });

  it("creates a district government in its district, and audits it", async () => {
    const dawa = ids.districts.find((d) => d.name === "大洼区")!;
    const res = await admin()({
      method: "POST",
      url: "/api/departments",
      headers: { "x-request-id": "create-dept-01" },
      payload: {
        code: "dawa-2",
        name: "大洼区新区管委会",
        shortName: "新区",
        kind: "district_government",
        districtId: dawa.id,
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(String),
      code: "dawa-2",
      name: "大洼区新区管委会",
      shortName: "新区",
      kind: "district_government",
      districtId: dawa.id,
      version: 1,
    });
    expect((await admin()({ url: "/api/departments" })).json()).toHaveLength(13);
    const [event] = await auditOf("create-dept-01");
    expect(event).toMatchObject({
      action: "create",
      entityType: "department",
      entityId: created.id,
      actorId: ids.admin,
      before: null,
      after: created,
    });
  });

  it("refuses a district government without a district, an unknown district and a taken code (400)", async () => {
    const before = await snapshot(t.db.prisma);
    const base = { code: "new-dept", name: "新部门", shortName: "新", kind: "municipal_department", districtId: null };
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: "district_government" }, "body.districtId"],
      [{ districtId: "00000000-0000-4000-8000-000000000000" }, "body.districtId"],
      [{ code: "zhujian" }, "body.code"],
      [{ code: "Zhu Jian" }, "body.code"],
    ];
    for (const [change, path] of cases) {
      const res = await admin()({ method: "POST", url: "/api/departments", payload: { ...base, ...change } });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(detailPaths(res)).toEqual([path]);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("changes a department: 200 with the next version, audited with only what changed", async () => {
    const res = await admin()({
      method: "PATCH",
      url: `/api/departments/${ids.zhujian}`,
      headers: { "x-request-id": "update-dept-01" },
      payload: { name: "盘锦市住房和城乡建设局", version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.zhujian, code: "zhujian", name: "盘锦市住房和城乡建设局", version: 2 });
    const [event] = await auditOf("update-dept-01");
    expect(event!.action).toBe("update");
    expect(event!.after).toEqual({ name: "盘锦市住房和城乡建设局", version: 2 });
    expect(Object.keys(event!.before as object).sort()).toEqual(["name", "version"]);
  });

  it("a change to nothing (a form saved twice) writes nothing: same version, no audit row", async () => {
    const department = await departmentById(ids.zhujian);
    const before = await snapshot(t.db.prisma);
    const res = await admin()({
      method: "PATCH",
      url: `/api/departments/${ids.zhujian}`,
      headers: { "x-request-id": "same-dept-0001" },
      payload: { name: department.name, kind: department.kind, districtId: department.districtId, version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(department);
    expect(await auditOf("same-dept-0001")).toEqual([]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("refuses to make a department without a district a district government (400), checked on the merged record", async () => {
    const before = await snapshot(t.db.prisma);
    const res = await admin()({
      method: "PATCH",
      url: `/api/departments/${ids.zhujian}`,
      payload: { kind: "district_government", version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(detailPaths(res)).toEqual(["body.districtId"]);
    const unlink = await admin()({
      method: "PATCH",
      url: `/api/departments/${ids.shuangtaizi}`,
      payload: { districtId: null, version: 1 },
    });
    expect(unlink.statusCode).toBe(400);
    expect(detailPaths(unlink)).toEqual(["body.districtId"]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("answers 409 with the department as it is now on a stale version", async () => {
    expect(
      (
        await admin()({
          method: "PATCH",
          url: `/api/departments/${ids.fayuan}`,
          payload: { shortName: "盘锦中院", version: 1 },
        })
      ).statusCode,
    ).toBe(200);
    const now = await departmentById(ids.fayuan);
    const before = await snapshot(t.db.prisma);
    const res = await admin()({
      method: "PATCH",
      url: `/api/departments/${ids.fayuan}`,
      payload: { shortName: "中院", version: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "CONFLICT", current: now });
    expect(now).toMatchObject({ shortName: "盘锦中院", version: 2 });
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("organisation: persons", () => {
  beforeEach(async () => {
    await admin()({ url: "/api/auth/me" });
  });

  it("adds a person to a department (201), audited", async () => {
    const res = await admin()({
      method: "POST",
      url: "/api/persons",
      headers: { "x-request-id": "create-person-1" },
      payload: { name: "钱科长", title: "科长", departmentId: ids.fayuan, phone: "0427-2800000" },
    });
    expect(res.statusCode).toBe(201);
    const created = PersonSchema.strict().parse(res.json());
    expect(created).toMatchObject({
      name: "钱科长",
      departmentId: ids.fayuan,
      isDemo: false,
      active: true,
      version: 1,
    });
    const [event] = await auditOf("create-person-1");
    expect(event).toMatchObject({ action: "create", entityType: "person", entityId: created.id, after: created });
    expect(JSON.stringify(event!.after)).not.toMatch(SECRET_PATTERN);
  });

  it("refuses an unknown department and a malformed phone (400)", async () => {
    const before = await snapshot(t.db.prisma);
    const base = { name: "钱科长", title: null, departmentId: ids.fayuan, phone: null };
    for (const [change, path] of [
      [{ departmentId: "00000000-0000-4000-8000-000000000000" }, "body.departmentId"],
      [{ phone: "call me" }, "body.phone"],
      [{ name: "" }, "body.name"],
    ] as const) {
      const res = await admin()({ method: "POST", url: "/api/persons", payload: { ...base, ...change } });
      expect(res.statusCode).toBe(400);
      expect(detailPaths(res)).toEqual([path]);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("refuses to move a person who is still responsible for something to another department (400)", async () => {
    // 李科长 (住建) is responsible for 住建's milestones and an open item.
    const before = await snapshot(t.db.prisma);
    const res = await admin()({
      method: "PATCH",
      url: `/api/persons/${ids.li}`,
      payload: { departmentId: ids.fayuan, version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        path: "body.departmentId",
        reason: "still_responsible",
        message: "Still responsible for 0 project(s), 3 milestone(s) and 1 item(s): reassign them first",
        params: { projects: 0, milestones: 3, items: 1 },
      },
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    // 张主任 is responsible for projects of 双台子区政府.
    const zhang = await admin()({
      method: "PATCH",
      url: `/api/persons/${ids.zhang}`,
      payload: { departmentId: ids.zhujian, version: 1 },
    });
    expect(zhang.statusCode).toBe(400);
    expect(zhang.json().error.details[0].message).toMatch(/^Still responsible for [1-9]\d* project\(s\)/);
  });

  it("refuses to move a person who is still responsible for open rectification items (400)", async () => {
    // 赵科长 (双台子区政府) is responsible for nothing until an item of the department is given to them.
    const item = await t.db.prisma.item.findUniqueOrThrow({ where: { id: ids.work.hongweiSubsidyItem } });
    const given = await admin()({
      method: "PATCH",
      url: `/api/items/${item.id}`,
      payload: { responsiblePersonId: ids.zhao, version: item.version },
    });
    expect(given.statusCode, given.body).toBe(200);
    const before = await snapshot(t.db.prisma);
    const res = await admin()({
      method: "PATCH",
      url: `/api/persons/${ids.zhao}`,
      payload: { departmentId: ids.fayuan, version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        path: "body.departmentId",
        reason: "still_responsible",
        message: "Still responsible for 0 project(s), 0 milestone(s) and 1 item(s): reassign them first",
        params: { projects: 0, milestones: 0, items: 1 },
      },
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("a change to nothing (a form saved twice) writes nothing: same version, no audit row", async () => {
    const person = PersonSchema.parse((await admin()({ url: `/api/persons?q=蒋庭长` })).json().items[0]);
    const before = await snapshot(t.db.prisma);
    const res = await admin()({
      method: "PATCH",
      url: `/api/persons/${ids.jiang}`,
      headers: { "x-request-id": "same-person-01" },
      payload: { title: person.title, departmentId: ids.fayuan, active: true, version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(person);
    expect(await auditOf("same-person-01")).toEqual([]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("moves a person responsible for nothing, and deactivates one; both audited", async () => {
    const moved = await admin()({
      method: "PATCH",
      url: `/api/persons/${ids.zhao}`,
      headers: { "x-request-id": "move-person-01" },
      payload: { departmentId: ids.fayuan, version: 1 },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: ids.zhao, departmentId: ids.fayuan, version: 2 });
    const off = await admin()({
      method: "PATCH",
      url: `/api/persons/${ids.zhao}`,
      headers: { "x-request-id": "deact-person-1" },
      payload: { active: false, version: 2 },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: 3 });
    const events = [...(await auditOf("move-person-01")), ...(await auditOf("deact-person-1"))];
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.before, e.after])).toEqual([
      [
        "update",
        "person",
        ids.zhao,
        { departmentId: ids.shuangtaizi, version: 1 },
        { departmentId: ids.fayuan, version: 2 },
      ],
      ["deactivate", "person", ids.zhao, { active: true, version: 2 }, { active: false, version: 3 }],
    ]);
    const inactive = await admin()({ url: `/api/persons?active=false` });
    expect(inactive.json().items.map((p: { id: string }) => p.id)).toEqual([ids.zhao]);
  });

  it("refuses to move a person linked to an account of their department elsewhere (400)", async () => {
    // 周工 is coord-zhujian's person: moved to 法院, 住建's coordinator would be linked to a 法院 person,
    // which PATCH /api/users refuses.
    const before = await snapshot(t.db.prisma);
    const res = await admin()({
      method: "PATCH",
      url: `/api/persons/${ids.zhou}`,
      payload: { departmentId: ids.fayuan, version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(detailPaths(res)).toEqual(["body.departmentId"]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("answers 409 with the person as they are now on a stale version, and 404 for an unknown one", async () => {
    await admin()({ method: "PATCH", url: `/api/persons/${ids.jiang}`, payload: { title: "庭长", version: 1 } });
    const res = await admin()({
      method: "PATCH",
      url: `/api/persons/${ids.jiang}`,
      payload: { title: "院长", version: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.current).toEqual({
      id: ids.jiang,
      name: "蒋庭长（演示）",
      title: "庭长",
      departmentId: ids.fayuan,
      phone: expect.any(String),
      isDemo: true,
      active: true,
      version: 2,
    });
    const unknown = await admin()({
      method: "PATCH",
      url: "/api/persons/00000000-0000-4000-8000-000000000000",
      payload: { title: "x", version: 1 },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
