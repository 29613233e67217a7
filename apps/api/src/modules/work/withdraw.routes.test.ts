import { beforeEach, describe, expect, it } from "vitest";
import { DashboardSchema, ItemSchema, MilestoneSchema, MyWorkSchema, ProjectDetailSchema } from "@resettle/domain";
import { snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { eachTestApp, fixedClock, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});
beforeEach(async () => {
  for (const user of ["admin", "wg", "leader", "coord-zhujian"]) await t.as(user)({ url: "/api/auth/me" });
});

const withdraw = (user: string, kind: "milestones" | "items", id: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: `/api/${kind}/${id}/withdraw`, payload });
const REASON = "误建：与“施工许可证未办理”重复";

const dashboard = async () => DashboardSchema.parse((await t.as("leader")({ url: "/api/dashboard" })).json());
const myWork = async (user: string) => MyWorkSchema.parse((await t.as(user)({ url: "/api/my-work" })).json());
const detail = async (projectId: string) =>
  ProjectDetailSchema.parse((await t.as("leader")({ url: `/api/projects/${projectId}` })).json());
const overdueIds = (project: Awaited<ReturnType<typeof detail>>, code: string) =>
  project.health.rules.flatMap((r) => (r.code === code ? (r.params as { ids: string[] }).ids : []));

describe("POST /api/milestones/:id/withdraw", () => {
  it("withdraws an overdue milestone with its reason: kept and shown, versioned, audited, and counted nowhere", async () => {
    const id = ids.work.xuefuyuanPermit; // 住建's, in progress, due 2019-12-31: overdue
    const [dashBefore, workBefore, projectBefore] = [
      await dashboard(),
      await myWork("coord-zhujian"),
      await detail(ids.xuefuyuan),
    ];
    expect(overdueIds(projectBefore, "overdue_milestone")).toContain(id);
    expect(workBefore.entries.map((e) => e.id)).toContain(id);

    const res = await withdraw("admin", "milestones", id, { reason: `  ${REASON}  `, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const withdrawn = MilestoneSchema.strict().parse(res.json());
    expect(withdrawn).toMatchObject({
      id,
      status: "in_progress", // a withdrawal is not a status
      version: 2,
      withdrawn: { at: fixedClock.now().toISOString(), by: "系统管理员（演示）", reason: REASON },
    });
    // Still on the project, struck through by the client; no longer in any count.
    const project = await detail(ids.xuefuyuan);
    expect(project.milestones.find((m) => m.id === id)?.withdrawn?.reason).toBe(REASON);
    expect(overdueIds(project, "overdue_milestone")).not.toContain(id);
    expect((await dashboard()).overdue.milestones).toBe(dashBefore.overdue.milestones - 1);
    const work = await myWork("coord-zhujian");
    expect(work.entries.map((e) => e.id)).not.toContain(id);
    expect(work.overdueCount).toBe(workBefore.overdueCount - 1);

    const [event] = await t.db.prisma.auditEvent.findMany({ where: { entityId: id, action: "withdraw" } });
    expect(event).toMatchObject({
      entityType: "milestone",
      projectId: ids.xuefuyuan,
      before: { title: "施工许可证办理", status: "in_progress", withdrawn: null },
      after: { withdrawn: { reason: REASON, by: "系统管理员（演示）" } },
    });
  });

  it("changes no more once withdrawn: a second withdrawal, a status move, a reassignment answer 409 with the record", async () => {
    const id = ids.work.xuefuyuanPermit;
    expect((await withdraw("wg", "milestones", id, { reason: REASON, version: 1 })).statusCode).toBe(200);
    const before = await snapshot(t.db.prisma);
    const again = await withdraw("admin", "milestones", id, { reason: "再撤销", version: 2 });
    const moved = await t.as("coord-zhujian")({
      method: "PATCH",
      url: `/api/milestones/${id}`,
      payload: { status: "done", version: 2 },
    });
    const reassigned = await t.as("admin")({
      method: "PUT",
      url: `/api/milestones/${id}/responsibility`,
      payload: { departmentId: ids.shuangtaizi, personId: null, reason: "调整", version: 1 },
    });
    for (const res of [again, moved, reassigned]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.current.withdrawn.reason).toBe(REASON);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("refuses done work (work_done), a stale version (409), a reason too long or empty; each changes nothing", async () => {
    const before = await snapshot(t.db.prisma);
    const done = await withdraw("admin", "milestones", ids.work.xiangyangPermits, { reason: REASON, version: 1 });
    expect(done.statusCode).toBe(400);
    expect(done.json().error.details).toMatchObject([{ path: "params.id", reason: "work_done" }]);
    const stale = await withdraw("admin", "milestones", ids.work.xuefuyuanPermit, { reason: REASON, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(1);
    const long = await withdraw("admin", "milestones", ids.work.xuefuyuanPermit, {
      reason: "误".repeat(501),
      version: 1,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details).toMatchObject([
      { path: "body.reason", reason: "too_big", params: { maximum: 500 } },
    ]);
    const blank = await withdraw("admin", "milestones", ids.work.xuefuyuanPermit, { reason: "   ", version: 1 });
    expect(blank.json().error.details).toMatchObject([{ path: "body.reason", reason: "too_small" }]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    // 500 characters exactly is a reason, not cut.
    const full = await withdraw("admin", "milestones", ids.work.xuefuyuanPermit, {
      reason: "误".repeat(500),
      version: 1,
    });
    expect(full.json().withdrawn.reason).toHaveLength(500);
  });

  it("a withdrawal racing a completion: one wins, the other gets 409, and a done milestone is never withdrawn", async () => {
    const id = ids.work.xuefuyuanPermit;
    const [withdrawal, completion] = await raceOnLockedRow(t.db.url, "milestones", id, 2, () =>
      Promise.all([
        withdraw("admin", "milestones", id, { reason: REASON, version: 1 }),
        t.as("coord-zhujian")({
          method: "POST",
          url: `/api/milestones/${id}/completion`,
          payload: { completedOn: "2026-11-20", note: "已办结", version: 1 },
        }),
      ]),
    );
    expect([withdrawal.statusCode, completion.statusCode].sort()).toEqual([200, 409]);
    const row = await t.db.prisma.milestone.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(2);
    expect(row.status === "done").toBe(row.withdrawnAt === null);
  });
});

describe("POST /api/items/:id/withdraw", () => {
  it("withdraws an item: out of the dashboard's overdue items, My work and the project's health", async () => {
    // An overdue item of 住建's made by mistake.
    const created = await t.as("wg")({
      method: "POST",
      url: `/api/projects/${ids.xuefuyuan}/items`,
      payload: {
        title: "误建事项",
        cause: null,
        measure: null,
        responsibleDepartmentId: ids.zhujian,
        responsiblePersonId: null,
        dueDate: "2026-01-31",
      },
    });
    const item = ItemSchema.parse(created.json());
    const [dashBefore, workBefore] = [await dashboard(), await myWork("coord-zhujian")];
    expect(overdueIds(await detail(ids.xuefuyuan), "overdue_item")).toContain(item.id);

    const res = await withdraw("wg", "items", item.id, { reason: REASON, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(ItemSchema.strict().parse(res.json()).withdrawn).toMatchObject({ reason: REASON, by: "工作组成员（演示）" });
    expect((await dashboard()).overdue.items).toBe(dashBefore.overdue.items - 1);
    expect((await myWork("coord-zhujian")).overdueCount).toBe(workBefore.overdueCount - 1);
    expect(overdueIds(await detail(ids.xuefuyuan), "overdue_item")).not.toContain(item.id);
  });

  it("refuses an item decided in a review someone has signed (review_signed), and coordinators (403), changing nothing", async () => {
    const decided = await t.db.prisma.item.findFirstOrThrow({ where: { reviewProjectId: { not: null } } });
    const before = await snapshot(t.db.prisma);
    const res = await withdraw("admin", "items", decided.id, { reason: REASON, version: decided.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject([{ path: "params.id", reason: "review_signed" }]);
    const own = await withdraw("coord-zhujian", "items", ids.work.xuefuyuanPermitItem, { reason: REASON, version: 1 });
    expect(own.statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("a responsible department is required", () => {
  it("a milestone created without one, or with null, is refused with department_required and nothing is written", async () => {
    const before = await snapshot(t.db.prisma);
    const body = { kind: "construction", title: "无责任部门的节点", dueDate: "2026-12-31", responsiblePersonId: null };
    for (const payload of [body, { ...body, responsibleDepartmentId: null }]) {
      const res = await t.as("admin")({ method: "POST", url: `/api/projects/${ids.xiangyang}/milestones`, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toMatchObject([
        { path: "body.responsibleDepartmentId", reason: "department_required" },
      ]);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("the seeded demo has no milestone or item without a responsible department", async () => {
    const where = { responsibleDepartmentId: null };
    expect(await t.db.prisma.milestone.count({ where })).toBe(0);
    expect(await t.db.prisma.item.count({ where })).toBe(0);
    expect(await t.db.prisma.milestone.count()).toBeGreaterThan(0);
  });
});
