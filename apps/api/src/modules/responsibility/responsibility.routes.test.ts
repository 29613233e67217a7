import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MilestoneSchema, ProjectDetailSchema, ResponsibilityAssignmentSchema } from "@resettle/domain";
import { z } from "zod";
import { seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  await t.as("admin")({ url: "/api/auth/me" }); // signed in before any snapshot
});
afterEach(() => t.close());

const History = z.array(ResponsibilityAssignmentSchema.strict());
const admin = () => t.as("admin");
const history = async (kind: "projects" | "milestones", id: string) => {
  const res = await t.as("leader")({ url: `/api/${kind}/${id}/responsibility-history` });
  expect(res.statusCode).toBe(200);
  return History.parse(res.json());
};
/** The version the assigner sees: the record's own, read fresh. */
const versionOf = async (kind: "projects" | "milestones", id: string) =>
  kind === "projects"
    ? (await t.db.prisma.project.findUniqueOrThrow({ where: { id }, select: { version: true } })).version
    : (await t.db.prisma.milestone.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const assign = async (
  kind: "projects" | "milestones",
  id: string,
  payload: Record<string, unknown>,
  requestId?: string,
) =>
  admin()({
    method: "PUT",
    url: `/api/${kind}/${id}/responsibility`,
    payload: { version: await versionOf(kind, id).catch(() => 1), ...payload },
    ...(requestId ? { headers: { "x-request-id": requestId } } : {}),
  });

describe("GET /api/projects/:id/responsibility-history", () => {
  it("starts with the plan's own assignment and the demo's, newest first", async () => {
    const entries = await history("projects", ids.xiangyang);
    expect(entries.map((e) => [e.departmentId, e.personId, e.assignedBy, e.reason, e.milestoneId])).toEqual([
      [ids.shuangtaizi, ids.zhang, null, "演示数据：指定责任人", null],
      [ids.shuangtaizi, null, null, "工作方案确定：属地政府负责", null],
    ]);
    expect(entries[0]!.department).toEqual({ id: ids.shuangtaizi, name: "双台子区政府" });
    expect(entries[0]!.person).toEqual({ id: ids.zhang, name: "张主任（演示）" });
    expect(Date.parse(entries[0]!.assignedAt)).toBeGreaterThanOrEqual(Date.parse(entries[1]!.assignedAt));
  });

  it("answers 404 for an unknown project or milestone", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const kind of ["projects", "milestones"]) {
      const res = await t.as("leader")({ url: `/api/${kind}/${unknown}/responsibility-history` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("NOT_FOUND");
    }
  });
});

describe("PUT /api/projects/:id/responsibility", () => {
  it("writes nothing when the department and person are already responsible: no history row, no audit, same version", async () => {
    const before = await snapshot(t.db.prisma);
    const project = await assign("projects", ids.xiangyang, {
      departmentId: ids.shuangtaizi,
      personId: ids.zhang,
      reason: "再次确认",
    });
    expect(project.statusCode).toBe(200);
    expect(ProjectDetailSchema.parse(project.json())).toMatchObject({ responsiblePerson: { id: ids.zhang } });
    const milestone = await t.db.prisma.milestone.findUniqueOrThrow({ where: { id: ids.milestone } });
    const same = await assign("milestones", ids.milestone, {
      departmentId: milestone.responsibleDepartmentId,
      personId: milestone.responsiblePersonId,
      reason: "再次确认",
    });
    expect(same.statusCode).toBe(200);
    expect(MilestoneSchema.parse(same.json()).version).toBe(milestone.version);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("makes a department and its person responsible, records who, when and why, and audits it", async () => {
    const res = await assign(
      "projects",
      ids.xiangyang,
      { departmentId: ids.zhujian, personId: ids.zhou, reason: "  转由住建局牵头  " },
      "assign-proj-001",
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-request-id"]).not.toBe("assign-proj-001");
    const project = ProjectDetailSchema.parse(res.json());
    expect(project).toMatchObject({
      id: ids.xiangyang,
      responsibleDepartment: { id: ids.zhujian, name: "市住建局" },
      responsiblePerson: { id: ids.zhou, name: "周工（演示）" },
    });
    const row = await t.db.prisma.project.findUniqueOrThrow({ where: { id: ids.xiangyang } });
    expect(row).toMatchObject({ responsibleDepartmentId: ids.zhujian, responsiblePersonId: ids.zhou, version: 2 });

    const entries = await history("projects", ids.xiangyang);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      projectId: ids.xiangyang,
      milestoneId: null,
      departmentId: ids.zhujian,
      personId: ids.zhou,
      department: { id: ids.zhujian, name: "市住建局" },
      person: { id: ids.zhou, name: "周工（演示）" },
      assignedBy: { id: ids.admin, name: "系统管理员（演示）" },
      reason: "转由住建局牵头",
    });
    expect(entries.slice(1).map((e) => e.reason)).toEqual(["演示数据：指定责任人", "工作方案确定：属地政府负责"]);

    const events = await t.db.prisma.auditEvent.findMany({ where: { clientRequestId: "assign-proj-001" } });
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.actorId, e.before, e.after])).toEqual([
      [
        "assign_responsibility",
        "project",
        ids.xiangyang,
        ids.admin,
        { responsibleDepartment: "双台子区政府", responsiblePerson: "张主任（演示）" },
        { responsibleDepartment: "市住建局", responsiblePerson: "周工（演示）", reason: "转由住建局牵头" },
      ],
    ]);
  });

  it("takes a department without a person", async () => {
    const res = await assign("projects", ids.xiangyang, {
      departmentId: ids.fayuan,
      personId: null,
      reason: "司法处置",
    });
    expect(res.statusCode).toBe(200);
    expect((await history("projects", ids.xiangyang))[0]).toMatchObject({ departmentId: ids.fayuan, person: null });
  });

  it("refuses a person of another department or an inactive one (400 on body.personId), writing nothing", async () => {
    await t.db.prisma.person.update({ where: { id: ids.jiang }, data: { active: false } });
    const before = await snapshot(t.db.prisma);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { departmentId: ids.zhujian, personId: ids.zhang },
        "body.personId",
        /张主任（演示） does not belong to 市住建局/,
      ],
      [{ departmentId: ids.fayuan, personId: ids.jiang }, "body.personId", /蒋庭长（演示） is no longer active/],
      [
        { departmentId: ids.zhujian, personId: "00000000-0000-4000-8000-000000000000" },
        "body.personId",
        /No such person/,
      ],
      [
        { departmentId: "00000000-0000-4000-8000-000000000000", personId: null },
        "body.departmentId",
        /No such department/,
      ],
      [{ departmentId: ids.zhujian, personId: null, reason: "   " }, "body.reason", /reason is required/],
    ];
    for (const [change, path, message] of cases) {
      for (const [kind, id] of [
        ["projects", ids.xiangyang],
        ["milestones", ids.milestone],
      ] as const) {
        const res = await assign(kind, id, { reason: "调整", ...change });
        expect(res.statusCode, `${kind} ${JSON.stringify(change)}`).toBe(400);
        const { details } = res.json().error;
        expect(details).toHaveLength(1);
        expect(details[0].path).toBe(path);
        expect(details[0].message).toMatch(message);
      }
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("answers 404 for an unknown project or milestone, writing nothing", async () => {
    const before = await snapshot(t.db.prisma);
    for (const kind of ["projects", "milestones"] as const) {
      const res = await assign(kind, "00000000-0000-4000-8000-000000000000", {
        departmentId: ids.zhujian,
        personId: null,
        reason: "x",
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("is for administrators: coordinators (even the responsible department's), working group and leaders get 403", async () => {
    for (const username of ["coord-shuangtaizi", "coord-zhujian", "wg", "leader"])
      await t.as(username)({ url: "/api/auth/me" });
    const before = await snapshot(t.db.prisma);
    for (const username of ["coord-shuangtaizi", "coord-zhujian", "wg", "leader"]) {
      for (const [kind, id] of [
        ["projects", ids.xiangyang],
        ["milestones", ids.milestone],
      ] as const) {
        const res = await t.as(username)({
          method: "PUT",
          url: `/api/${kind}/${id}/responsibility`,
          payload: { departmentId: ids.shuangtaizi, personId: ids.zhao, reason: "自行调整", version: 1 },
        });
        expect(res.statusCode, `${username} ${kind}`).toBe(403);
      }
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("PUT /api/milestones/:id/responsibility", () => {
  it("assigns a milestone, with its own history, apart from the project's", async () => {
    // The demo data's own assignment opens the history.
    const initial = await history("milestones", ids.milestone);
    expect(initial.map((e) => [e.departmentId, e.reason, e.assignedBy])).toEqual([
      [ids.shuangtaizi, "演示数据：节点责任分工", null],
    ]);
    const first = await assign(
      "milestones",
      ids.milestone,
      { departmentId: ids.zhujian, personId: ids.li, reason: "质量监督" },
      "assign-mile-001",
    );
    expect(first.statusCode).toBe(200);
    expect(MilestoneSchema.parse(first.json())).toMatchObject({
      id: ids.milestone,
      responsibleDepartmentId: ids.zhujian,
      responsiblePersonId: ids.li,
      version: 2,
    });
    const second = await assign("milestones", ids.milestone, {
      departmentId: ids.shuangtaizi,
      personId: ids.zhao,
      reason: "交回属地",
    });
    expect(second.statusCode).toBe(200);

    const entries = await history("milestones", ids.milestone);
    expect(
      entries.map((e) => [e.departmentId, e.personId, e.reason, e.assignedBy?.id, e.milestoneId, e.projectId]),
    ).toEqual([
      [ids.shuangtaizi, ids.zhao, "交回属地", ids.admin, ids.milestone, ids.xiangyang],
      [ids.zhujian, ids.li, "质量监督", ids.admin, ids.milestone, ids.xiangyang],
      [ids.shuangtaizi, initial[0]!.personId, "演示数据：节点责任分工", undefined, ids.milestone, ids.xiangyang],
    ]);
    // The project's history is the project's own.
    expect(await history("projects", ids.xiangyang)).toHaveLength(2);
    const row = await t.db.prisma.milestone.findUniqueOrThrow({ where: { id: ids.milestone } });
    expect(row).toMatchObject({ responsibleDepartmentId: ids.shuangtaizi, responsiblePersonId: ids.zhao, version: 3 });
    const [event] = await t.db.prisma.auditEvent.findMany({ where: { clientRequestId: "assign-mile-001" } });
    expect(event).toMatchObject({
      action: "assign_responsibility",
      entityType: "milestone",
      entityId: ids.milestone,
      before: { responsibleDepartment: "双台子区政府", responsiblePerson: "张主任（演示）" },
      after: { responsibleDepartment: "市住建局", responsiblePerson: "李科长（演示）", reason: "质量监督" },
    });
  });
});

describe("PUT …/responsibility: versions (two assigners never silently overwrite each other)", () => {
  const targets = () =>
    [
      ["projects", ids.xiangyang, "projects"],
      ["milestones", ids.milestone, "milestones"],
    ] as const;

  it("a stale version answers 409 with the record as it is now, and nothing is written", async () => {
    for (const [kind, id] of targets()) {
      const version = await versionOf(kind, id);
      const first = await assign(kind, id, {
        departmentId: ids.zhujian,
        personId: ids.zhou,
        reason: "先调整",
        version,
      });
      expect(first.statusCode, first.body).toBe(200);
      const before = await snapshot(t.db.prisma);
      const late = await assign(kind, id, { departmentId: ids.shuangtaizi, personId: null, reason: "后调整", version });
      expect(late.statusCode, late.body).toBe(409);
      expect(late.json().error).toMatchObject({ code: "CONFLICT", current: { version: version + 1 } });
      expect(await snapshot(t.db.prisma)).toEqual(before);
    }
  });

  it("two assignments racing on the same version: exactly one wins, the other gets 409; one history row", async () => {
    for (const [kind, id, table] of targets()) {
      const version = await versionOf(kind, id);
      const rows = await t.db.prisma.responsibilityAssignment.count();
      const answers = await raceOnLockedRow(t.db.url, table, id, 2, () =>
        Promise.all([
          admin()({
            method: "PUT",
            url: `/api/${kind}/${id}/responsibility`,
            payload: { departmentId: ids.zhujian, personId: ids.zhou, reason: "甲", version },
          }),
          admin()({
            method: "PUT",
            url: `/api/${kind}/${id}/responsibility`,
            payload: { departmentId: ids.shuangtaizi, personId: null, reason: "乙", version },
          }),
        ]),
      );
      expect(answers.map((r) => r.statusCode).sort(), kind).toEqual([200, 409]);
      expect(await t.db.prisma.responsibilityAssignment.count()).toBe(rows + 1);
      expect(await versionOf(kind, id)).toBe(version + 1);
    }
  });
});
