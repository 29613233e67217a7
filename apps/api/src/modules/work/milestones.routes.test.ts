import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MilestoneSchema, type Milestone } from "@resettle/domain";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { detailPaths, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { workRequests } from "../../test/work-requests.js";
import { createTestApp, fixedClock } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of ["admin", "wg", "leader", "coord-zhujian", "coord-shuangtaizi"])
    await t.as(user)({ url: "/api/auth/me" }); // signed in before any snapshot
});
afterEach(() => t.close());

const {
  patch,
  listOf: milestonesOf,
  one: milestone,
  auditOf,
} = workRequests(() => t, "milestone", MilestoneSchema.strict());
const NOW = fixedClock.now().toISOString();

describe("GET /api/projects/:id/milestones", () => {
  it("lists a project's timetable by due date, with who is responsible and its version", async () => {
    const list = await milestonesOf(ids.xiangyang);
    expect(list.map((m) => [m.title, m.dueDate, m.status])).toEqual([
      ["补办规划、施工许可手续", "2018-05-31", "done"],
      ["主体工程封顶", "2018-09-30", "done"],
      ["竣工验收及消防验收", "2019-06-30", "in_progress"],
      ["剩余住户回迁入住", "2019-12-31", "in_progress"],
    ]);
    expect(list[0]).toMatchObject({
      id: ids.work.xiangyangPermits,
      responsibleDepartmentId: ids.zhujian,
      responsiblePersonId: ids.li,
      version: 1,
    });
  });

  it("answers 404 for an unknown project", async () => {
    const res = await t.as("leader")({ url: "/api/projects/00000000-0000-4000-8000-000000000000/milestones" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
  });
});

describe("PATCH /api/milestones/:id: the status", () => {
  it("the responsible department's coordinator moves it in_progress → blocked (with its reason) → in_progress → done", async () => {
    const id = ids.work.xuefuyuanPermit; // 住建's, in_progress
    const blocked = await patch(
      "coord-zhujian",
      id,
      { status: "blocked", note: "  规划手续待补  ", version: 1 },
      "ms-step-1",
    );
    expect(blocked.statusCode).toBe(200);
    expect(MilestoneSchema.strict().parse(blocked.json())).toMatchObject({
      status: "blocked",
      blockedReason: "规划手续待补",
      completedAt: null,
      completedBy: null,
      version: 2,
    });
    const back = await patch("coord-zhujian", id, { status: "in_progress", version: 2 }, "ms-step-2");
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: "in_progress", blockedReason: null, version: 3 });
    // Done is reached by a completion (its day and note), not by a status change.
    const done = await t.as("coord-zhujian")({
      method: "POST",
      url: `/api/milestones/${id}/completion`,
      payload: { completedOn: "2026-11-24", note: "已核发", version: 3 },
      headers: { "x-request-id": "ms-step-3" },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({
      ...back.json(),
      status: "done",
      completedAt: NOW,
      completedBy: "周工（演示）",
      completedOn: "2026-11-24",
      completionNote: "已核发",
      version: 4,
    });
    expect(await milestone(id)).toEqual(done.json());

    const events = await auditOf(id);
    expect(events.map((e) => [e.action, e.actorId, e.clientRequestId])).toEqual([
      ["status_blocked", ids.coordZhujian, "ms-step-1"],
      ["status_in_progress", ids.coordZhujian, "ms-step-2"],
      ["status_done", ids.coordZhujian, "ms-step-3"],
    ]);
    expect(events[0]!.before).toEqual({
      projectId: ids.xuefuyuan,
      status: "in_progress",
      blockedReason: null,
      version: 1,
    });
    expect(events[0]!.after).toEqual({
      status: "blocked",
      blockedReason: "规划手续待补",
      version: 2,
      note: "规划手续待补",
    });
    expect(events[2]!.after).toEqual({
      status: "done",
      completedOn: "2026-11-24",
      completionNote: "已核发",
      completedBy: "周工（演示）",
      verifiedBy: null,
      returned: null,
    });
  });

  it("moves planned → in_progress, and back from blocked to planned", async () => {
    const created = await t.as("wg")({
      method: "POST",
      url: `/api/projects/${ids.xuefuyuan}/milestones`,
      payload: {
        kind: "acceptance",
        title: "竣工验收",
        dueDate: "2027-06-30",
        responsibleDepartmentId: ids.zhujian,
        responsiblePersonId: ids.li,
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as Milestone;
    expect((await patch("coord-zhujian", id, { status: "in_progress", version: 1 })).json()).toMatchObject({
      status: "in_progress",
      version: 2,
    });
    expect((await patch("coord-zhujian", id, { status: "blocked", note: "等待资料", version: 2 })).statusCode).toBe(
      200,
    );
    const planned = await patch("coord-zhujian", id, { status: "planned", version: 3 });
    expect(planned.statusCode).toBe(200);
    expect(planned.json()).toMatchObject({ status: "planned", blockedReason: null, version: 4 });
  });

  it("refuses an illegal move with 400 and the reason, and writes nothing", async () => {
    const id = ids.work.xuefuyuanPermit;
    const before = await snapshot(t.db.prisma);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ status: "blocked", version: 1 }, "body.note", "a blocked record needs the reason it is blocked"],
      [{ status: "blocked", note: "   ", version: 1 }, "body.note", "a blocked record needs the reason it is blocked"],
    ];
    for (const [payload, path, message] of cases) {
      const res = await patch("coord-zhujian", id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error).toMatchObject({
        code: "VALIDATION_FAILED",
        details: [{ path, reason: "reason_required", message }],
      });
    }
    const unknown = await patch("coord-zhujian", id, { status: "cancelled", version: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(detailPaths(unknown)).toEqual(["body.status"]);
    expect(await snapshot(t.db.prisma)).toEqual(before);

    // blocked → done skips the work: refused on body.status.
    await patch("coord-zhujian", id, { status: "blocked", note: "规划手续待补", version: 1 });
    const skip = await patch("coord-zhujian", id, { status: "done", version: 2 });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.details).toEqual([
      { path: "body.status", reason: "transition_not_allowed", message: "cannot move from blocked to done" },
    ]);
    expect(await milestone(id)).toMatchObject({ status: "blocked", version: 2 });
  });

  it("a done milestone stays done for coordinators and the working group; an administrator may reopen it to in_progress", async () => {
    const id = ids.work.xiangyangPermits; // 住建's, done
    const before = await snapshot(t.db.prisma);
    for (const [user, status] of [
      ["coord-zhujian", "in_progress"],
      ["coord-zhujian", "blocked"],
      ["wg", "in_progress"],
      ["admin", "planned"],
    ] as const) {
      const res = await patch(user, id, { status, note: "重新核查", version: 1 });
      expect(res.statusCode, `${user} ${status}`).toBe(400);
      expect(res.json().error.details).toEqual([
        {
          path: status === "blocked" ? "body.note" : "body.status",
          reason: "transition_not_allowed",
          message: `cannot move from done to ${status}`,
        },
      ]);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);

    const reopened = await patch(
      "admin",
      id,
      { status: "in_progress", note: "复核发现手续缺件", version: 1 },
      "ms-reopen",
    );
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: "in_progress", completedAt: null, completedBy: null, version: 2 });
    const [event] = await auditOf(id);
    expect(event).toMatchObject({ action: "status_in_progress", actorId: ids.admin, clientRequestId: "ms-reopen" });
    expect(event!.before).toMatchObject({ status: "done", completedAt: "2018-05-31T08:00:00.000Z" });
    expect(event!.after).toMatchObject({ status: "in_progress", completedAt: null, note: "复核发现手续缺件" });
  });
});

describe("PATCH /api/milestones/:id: versions", () => {
  it("writes nothing when nothing changes: same version, no audit row", async () => {
    const id = ids.work.xiangyangAcceptance;
    const before = await milestone(id);
    const res = await patch("wg", id, {
      status: before.status,
      title: before.title,
      dueDate: before.dueDate,
      version: before.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(before);
    expect(await milestone(id)).toEqual(before);
    expect(await auditOf(id)).toHaveLength(0);
  });

  it("a stale version answers 409 with the record as it is now; the second of two coordinators loses and nothing of theirs is written", async () => {
    // A second coordinator of 住建.
    const account = await t.as("admin")({
      method: "POST",
      url: "/api/users",
      payload: {
        username: "coord-zhujian-2",
        password: "Second-coord-2026",
        displayName: "李科长（演示）",
        role: "coordinator",
        departmentId: ids.zhujian,
        personId: ids.li,
      },
    });
    expect(account.statusCode).toBe(201);
    // An account the office created must first change its password; this one has.
    await t.db.prisma.user.update({ where: { username: "coord-zhujian-2" }, data: { mustChangePassword: false } });
    const second = await t.login("coord-zhujian-2", "Second-coord-2026");
    const id = ids.work.xuefuyuanPermit;
    const first = await patch("coord-zhujian", id, { status: "blocked", note: "规划手续待补", version: 1 });
    expect(first.statusCode).toBe(200);

    const before = await snapshot(t.db.prisma);
    const late = await t.app.inject({
      method: "PATCH",
      url: `/api/milestones/${id}`,
      headers: { cookie: second.cookie, "x-csrf-token": second.csrfToken },
      payload: { status: "done", version: 1 },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "CONFLICT", current: first.json() });
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect(await milestone(id)).toEqual(first.json());
  });

  // Forced: both have read the record before either writes (a plain Promise.all often lets them take turns).
  it("two concurrent updates with the same version: exactly one wins, the loser caught at the write gets 409 with the winner's record", async () => {
    const id = ids.work.xuefuyuanPermit;
    const answers = await raceOnLockedRow(t.db.url, "milestones", id, 2, () =>
      Promise.all([
        patch("coord-zhujian", id, { status: "planned", version: 1 }),
        patch("wg", id, { status: "blocked", note: "并发测试", version: 1 }),
      ]),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.statusCode === 200)!.json();
    expect(answers.find((r) => r.statusCode === 409)!.json().error).toMatchObject({
      code: "CONFLICT",
      current: winner,
    });
    expect(winner.version).toBe(2);
    expect(await milestone(id)).toEqual(winner);
    expect(await auditOf(id)).toHaveLength(1);
  });

  it("a missing version is 400, an unknown milestone 404", async () => {
    const res = await patch("admin", ids.work.xuefuyuanPermit, { status: "done" });
    expect(res.statusCode).toBe(400);
    expect(detailPaths(res)).toEqual(["body.version"]);
    const missing = await patch("admin", "00000000-0000-4000-8000-000000000000", { status: "done", version: 1 });
    expect(missing.statusCode).toBe(404);
  });
});

describe("PATCH /api/milestones/:id: who may change what", () => {
  it("a coordinator of another department gets 403 (向阳小区 主体工程封顶 is 双台子区政府's), and nothing changes", async () => {
    const before = await snapshot(t.db.prisma);
    for (const id of [ids.milestone, ids.work.xiangyangMoveBack, ids.work.xiangyangAcceptance]) {
      for (const payload of [{ status: "in_progress" }, { status: "done" }, { title: "改名" }]) {
        const res = await patch("coord-zhujian", id, { ...payload, version: 1 });
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatchObject({
          code: "FORBIDDEN",
          message: "Your department is not responsible for this",
        });
      }
    }
    // A stale version does not reveal anything either: the refusal comes first.
    expect((await patch("coord-zhujian", ids.work.xiangyangMoveBack, { status: "done", version: 9 })).statusCode).toBe(
      403,
    );
    expect((await patch("leader", ids.work.xuefuyuanPermit, { status: "done", version: 1 })).statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    // The responsible department's coordinator may.
    const own = await patch("coord-shuangtaizi", ids.work.xiangyangMoveBack, { status: "planned", version: 1 });
    expect(own.statusCode).toBe(200);
  });

  it("coordinators change the status only: planning fields are 403 for them, even on their own milestone", async () => {
    const before = await snapshot(t.db.prisma);
    for (const payload of [
      { title: "施工许可证补办" },
      { dueDate: "2027-01-31" },
      { kind: "construction" },
      { status: "done", dueDate: "2027-01-31" },
    ]) {
      const res = await patch("coord-zhujian", ids.work.xuefuyuanPermit, { ...payload, version: 1 });
      expect(res.statusCode, JSON.stringify(payload)).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("the working group and administrators change the plan; audited as an update with only what changed", async () => {
    const res = await patch(
      "wg",
      ids.work.xuefuyuanPermit,
      { title: "施工许可证补办", dueDate: "2027-01-31", kind: "procedures", version: 1 },
      "ms-plan-01",
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: "施工许可证补办",
      dueDate: "2027-01-31",
      kind: "procedures",
      status: "in_progress",
      version: 2,
    });
    const [event] = await auditOf(ids.work.xuefuyuanPermit);
    expect(event).toMatchObject({ action: "update", actorId: ids.wg, clientRequestId: "ms-plan-01" });
    expect(event!.before).toEqual({
      projectId: ids.xuefuyuan,
      title: "施工许可证办理",
      dueDate: "2019-12-31",
      version: 1,
    });
    expect(event!.after).toEqual({ title: "施工许可证补办", dueDate: "2027-01-31", version: 2 });
    const admin = await patch("admin", ids.work.xuefuyuanPermit, { title: "施工许可证办理", version: 2 });
    expect(admin.json()).toMatchObject({ title: "施工许可证办理", version: 3 });
  });
});

describe("POST /api/projects/:id/milestones", () => {
  const body = () => ({
    kind: "handover",
    title: "  回迁房交付  ",
    dueDate: "2027-03-31",
    responsibleDepartmentId: ids.zhujian,
    responsiblePersonId: ids.zhou,
  });

  it("the working group adds a planned milestone (201, version 1), audited as create", async () => {
    const res = await t.as("wg")({
      method: "POST",
      url: `/api/projects/${ids.xuefuyuan}/milestones`,
      headers: { "x-request-id": "ms-create" },
      payload: body(),
    });
    expect(res.statusCode).toBe(201);
    const created = MilestoneSchema.strict().parse(res.json());
    expect(created).toEqual({
      id: expect.any(String),
      projectId: ids.xuefuyuan,
      kind: "handover",
      title: "回迁房交付",
      dueDate: "2027-03-31",
      status: "planned",
      responsibleDepartmentId: ids.zhujian,
      responsiblePersonId: ids.zhou,
      completedAt: null,
      completedBy: null,
      blockedReason: null,
      withdrawn: null,
      completedOn: null,
      completionNote: null,
      verifiedAt: null,
      verifiedBy: null,
      returned: null,
      evidenceCount: 0,
      version: 1,
    });
    expect((await milestonesOf(ids.xuefuyuan)).map((m) => m.id)).toContain(created.id);
    const [event] = await auditOf(created.id);
    expect(event).toMatchObject({ action: "create", actorId: ids.wg, clientRequestId: "ms-create", before: null });
    expect(event!.after).toEqual(created);
  });

  it("the responsible person must be an active member of the responsible department (400), and nothing is written", async () => {
    const before = await snapshot(t.db.prisma);
    const cases: [Record<string, unknown>, string][] = [
      [{ responsiblePersonId: ids.zhang }, "body.responsiblePersonId"], // 双台子区政府's
      [{ responsibleDepartmentId: null }, "body.responsibleDepartmentId"], // department_required
      [{ responsiblePersonId: "00000000-0000-4000-8000-000000000000" }, "body.responsiblePersonId"],
      [{ responsibleDepartmentId: "00000000-0000-4000-8000-000000000000" }, "body.responsibleDepartmentId"],
      [{ title: "  " }, "body.title"],
      [{ dueDate: "2027-02-30" }, "body.dueDate"],
    ];
    for (const [change, path] of cases) {
      const res = await t.as("admin")({
        method: "POST",
        url: `/api/projects/${ids.xuefuyuan}/milestones`,
        payload: { ...body(), ...change },
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(detailPaths(res)).toEqual([path]);
    }
    await t.db.prisma.person.update({ where: { id: ids.zhou }, data: { active: false } });
    const inactive = await t.as("admin")({
      method: "POST",
      url: `/api/projects/${ids.xuefuyuan}/milestones`,
      payload: body(),
    });
    expect(inactive.statusCode).toBe(400);
    expect(detailPaths(inactive)).toEqual(["body.responsiblePersonId"]);
    const after = await snapshot(t.db.prisma);
    expect({ ...after, persons: before.persons }).toEqual(before);
  });

  it("coordinators and leaders may not add milestones (403); an unknown project is 404", async () => {
    const before = await snapshot(t.db.prisma);
    for (const user of ["coord-zhujian", "coord-shuangtaizi", "leader"]) {
      const res = await t.as(user)({
        method: "POST",
        url: `/api/projects/${ids.xiangyang}/milestones`,
        payload: body(),
      });
      expect(res.statusCode, user).toBe(403);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
    const missing = await t.as("admin")({
      method: "POST",
      url: "/api/projects/00000000-0000-4000-8000-000000000000/milestones",
      payload: body(),
    });
    expect(missing.statusCode).toBe(404);
  });
});
