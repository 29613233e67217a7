import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ItemSchema } from "@resettle/domain";
import { detailPaths, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { workRequests } from "../../test/work-requests.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
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

const { patch, listOf: itemsOf, one: item, auditOf } = workRequests(() => t, "item", ItemSchema.strict());

describe("GET /api/projects/:id/items", () => {
  it("lists a project's rectification items by due date", async () => {
    const list = await itemsOf(ids.hongwei);
    expect(list.map((i) => [i.title, i.dueDate, i.status, i.blockedReason])).toEqual([
      ["部分住户临时安置费停发", "2026-11-30", "in_progress", null],
      ["续建资金方案报市政府审定", "2026-12-10", "in_progress", null], // the demo review's follow-up action
      ["回迁房产权证无法办理", "2026-12-15", "blocked", "等待市财政局资金方案"],
      ["续建资金缺口约 8,000 万元", "2026-12-31", "in_progress", null],
    ]);
    expect(list[0]).toMatchObject({
      id: ids.work.hongweiSubsidyItem,
      cause: "开发企业停止支付",
      measure: "区政府先行垫付，按月足额发放",
      responsibleDepartmentId: ids.shuangtaizi,
      responsiblePersonId: ids.zhang,
      completedAt: null,
      completedBy: null,
      version: 1,
    });
    expect(await itemsOf(ids.xiangyang)).toEqual([]);
    const missing = await t.as("leader")({ url: "/api/projects/00000000-0000-4000-8000-000000000000/items" });
    expect(missing.statusCode).toBe(404);
  });
});

describe("PATCH /api/items/:id", () => {
  it("writes nothing when nothing changes: same version, no audit row", async () => {
    const id = ids.work.hongweiSubsidyItem;
    const before = await item(id);
    const res = await patch("admin", id, {
      status: before.status,
      title: before.title,
      measure: before.measure,
      dueDate: before.dueDate,
      responsibleDepartmentId: before.responsibleDepartmentId,
      version: before.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(before);
    expect(await item(id)).toEqual(before);
    expect(await auditOf(id)).toHaveLength(0);
  });

  it("the responsible coordinator blocks (with a reason), resumes and completes it; each step audited", async () => {
    const id = ids.work.xuefuyuanPermitItem; // 住建's
    const noReason = await patch("coord-zhujian", id, { status: "blocked", version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([
      { path: "body.note", reason: "reason_required", message: "a blocked record needs the reason it is blocked" },
    ]);
    const blocked = await patch("coord-zhujian", id, { status: "blocked", note: "规划手续不全", version: 1 });
    expect(blocked.json()).toMatchObject({ status: "blocked", blockedReason: "规划手续不全", version: 2 });
    const skip = await patch("coord-zhujian", id, { status: "done", version: 2 });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.details).toEqual([
      { path: "body.status", reason: "transition_not_allowed", message: "cannot move from blocked to done" },
    ]);
    expect((await patch("coord-zhujian", id, { status: "in_progress", version: 2 })).statusCode).toBe(200);
    const done = await t.as("coord-zhujian")({
      method: "POST",
      url: `/api/items/${id}/completion`,
      payload: { completedOn: "2026-11-24", note: "已核发", version: 3 },
      headers: { "x-request-id": "item-done-01" },
    });
    expect(done.statusCode).toBe(200);
    expect(ItemSchema.strict().parse(done.json())).toMatchObject({
      status: "done",
      blockedReason: null,
      completedAt: fixedClock.now().toISOString(),
      completedBy: "周工（演示）",
      version: 4,
    });
    expect(await item(id)).toEqual(done.json());
    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(["status_blocked", "status_in_progress", "status_done"]);
    expect(events[2]).toMatchObject({ actorId: ids.coordZhujian, clientRequestId: "item-done-01" });
    expect(events[2]!.before).toMatchObject({ projectId: ids.xuefuyuan, status: "in_progress" });
    expect(events[2]!.after).toMatchObject({ status: "done", completedBy: "周工（演示）", completionNote: "已核发" });

    // Done stays done for the coordinator; an administrator reopens it.
    const again = await patch("coord-zhujian", id, { status: "in_progress", version: 4 });
    expect(again.statusCode).toBe(400);
    expect(detailPaths(again)).toEqual(["body.status"]);
    const reopened = await patch("admin", id, { status: "in_progress", version: 4 });
    expect(reopened.json()).toMatchObject({ status: "in_progress", completedAt: null, completedBy: null, version: 5 });
  });

  it("moves planned → in_progress", async () => {
    const created = await t.as("admin")({
      method: "POST",
      url: `/api/projects/${ids.xuefuyuan}/items`,
      payload: {
        title: "质量监督未介入",
        cause: null,
        measure: null,
        responsibleDepartmentId: ids.zhujian,
        responsiblePersonId: null,
        dueDate: "2027-01-31",
      },
    });
    expect(created.statusCode).toBe(201);
    const res = await patch("coord-zhujian", created.json().id, { status: "in_progress", version: 1 });
    expect(res.json()).toMatchObject({ status: "in_progress", version: 2 });
  });

  it("a stale version is 409 with the current item, and two concurrent updates leave exactly one winner", async () => {
    const id = ids.work.xuefuyuanPermitItem;
    const first = await patch("coord-zhujian", id, { status: "blocked", note: "待审批", version: 1 });
    const before = await snapshot(t.db.prisma);
    const stale = await patch("admin", id, { status: "done", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "CONFLICT", current: first.json() });
    expect(await snapshot(t.db.prisma)).toEqual(before);

    // Forced: both have read the item before either writes (a plain Promise.all often lets them take turns).
    const forced = await raceOnLockedRow(t.db.url, "items", id, 2, () =>
      Promise.all([
        patch("coord-zhujian", id, { status: "in_progress", version: 2 }),
        patch("admin", id, { measure: "市住建局现场办公", version: 2 }),
      ]),
    );
    expect(forced.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = forced.find((r) => r.statusCode === 200)!.json();
    expect(forced.find((r) => r.statusCode === 409)!.json().error.current).toEqual(winner);
    expect(await item(id)).toEqual({ ...winner, version: 3 });
    expect(await auditOf(id)).toHaveLength(2);
  });

  it("coordinators: 403 on another department's item and on planning fields of their own; nothing changes", async () => {
    const before = await snapshot(t.db.prisma);
    const cases: [string, Record<string, unknown>][] = [
      [ids.work.hongweiSubsidyItem, { status: "done" }], // 双台子区政府's
      [ids.work.hongweiFundingItem, { status: "blocked", note: "x" }], // 财政's
      [ids.work.xuefuyuanPermitItem, { title: "改写问题" }],
      [ids.work.xuefuyuanPermitItem, { measure: null }],
      [ids.work.xuefuyuanPermitItem, { dueDate: "2027-06-30", status: "in_progress" }],
    ];
    for (const [id, payload] of cases) {
      const res = await patch("coord-zhujian", id, { ...payload, version: 1 });
      expect(res.statusCode, JSON.stringify(payload)).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    expect((await patch("leader", ids.work.xuefuyuanPermitItem, { status: "done", version: 1 })).statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    const own = await patch("coord-shuangtaizi", ids.work.hongweiSubsidyItem, { status: "planned", version: 1 });
    expect(own.statusCode).toBe(200);
  });

  it("the working group changes title (the problem), cause, measure and due date; audited as an update", async () => {
    const res = await patch(
      "wg",
      ids.work.xuefuyuanPermitItem,
      { title: "施工许可证仍未办理", cause: null, measure: "限期 30 日补办", dueDate: "2027-01-15", version: 1 },
      "item-plan-01",
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: "施工许可证仍未办理",
      cause: null,
      measure: "限期 30 日补办",
      dueDate: "2027-01-15",
      status: "in_progress",
      version: 2,
    });
    const [event] = await auditOf(ids.work.xuefuyuanPermitItem);
    expect(event).toMatchObject({ action: "update", actorId: ids.wg, clientRequestId: "item-plan-01" });
    expect(event!.before).toEqual({
      projectId: ids.xuefuyuan,
      title: "施工许可证未办理",
      cause: "规划手续不全",
      measure: "住建部门联合审批，限期补办",
      dueDate: "2026-12-20",
      version: 1,
    });
  });
});

describe("POST /api/projects/:id/items", () => {
  const body = () => ({
    title: "  消防设施未验收  ",
    cause: "施工单位资料不全",
    measure: "补齐资料后申请验收",
    responsibleDepartmentId: ids.dept("xiaofang"),
    responsiblePersonId: null,
    dueDate: "2027-02-28",
  });

  it("administrators and the working group add an item (201, planned, version 1), audited as create", async () => {
    for (const user of ["admin", "wg"]) {
      const res = await t.as(user)({
        method: "POST",
        url: `/api/projects/${ids.xiangyang}/items`,
        headers: { "x-request-id": `item-create-${user}` },
        payload: body(),
      });
      expect(res.statusCode, user).toBe(201);
      const created = ItemSchema.strict().parse(res.json());
      expect(created).toEqual({
        ...body(),
        id: expect.any(String),
        projectId: ids.xiangyang,
        title: "消防设施未验收",
        status: "planned",
        blockedReason: null,
        completedAt: null,
        completedBy: null,
        review: null,
        withdrawn: null,
        completedOn: null,
        completionNote: null,
        verifiedAt: null,
        verifiedBy: null,
        returned: null,
        evidenceCount: 0,
        version: 1,
      });
      const [event] = await auditOf(created.id);
      expect(event).toMatchObject({ action: "create", clientRequestId: `item-create-${user}`, after: created });
    }
    expect(await itemsOf(ids.xiangyang)).toHaveLength(2);
  });

  it("refuses a responsible person outside the responsible department (400) and a missing department; nothing written", async () => {
    const before = await snapshot(t.db.prisma);
    for (const [change, path] of [
      [{ responsiblePersonId: ids.zhang }, "body.responsiblePersonId"],
      [{ responsibleDepartmentId: null }, "body.responsibleDepartmentId"],
      [{ dueDate: "soon" }, "body.dueDate"],
    ] as const) {
      const res = await t.as("wg")({
        method: "POST",
        url: `/api/projects/${ids.xiangyang}/items`,
        payload: { ...body(), ...change },
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(detailPaths(res)).toEqual([path]);
    }
    for (const user of ["coord-zhujian", "coord-shuangtaizi", "leader"]) {
      const res = await t.as(user)({ method: "POST", url: `/api/projects/${ids.xiangyang}/items`, payload: body() });
      expect(res.statusCode, user).toBe(403);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("PATCH /api/items/:id reassignment", () => {
  it("administrators move an item to another department and person; the person must belong to it; coordinators cannot", async () => {
    const id = ids.work.xuefuyuanPermitItem;
    const before = await item(id);
    const wrong = await patch("admin", id, {
      responsibleDepartmentId: ids.shuangtaizi,
      responsiblePersonId: ids.li,
      version: before.version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(detailPaths(wrong)).toEqual(["body.responsiblePersonId"]);
    const refused = await patch("coord-zhujian", id, {
      responsibleDepartmentId: ids.shuangtaizi,
      version: before.version,
    });
    expect(refused.statusCode).toBe(403);
    expect(await item(id)).toEqual(before);

    const moved = await patch("admin", id, {
      responsibleDepartmentId: ids.shuangtaizi,
      responsiblePersonId: ids.zhao,
      version: before.version,
    });
    expect(moved.statusCode).toBe(200);
    expect(ItemSchema.parse(moved.json())).toMatchObject({
      responsibleDepartmentId: ids.shuangtaizi,
      responsiblePersonId: ids.zhao,
      version: before.version + 1,
    });
    // A new department alone drops a person who is not theirs.
    const back = await patch("admin", id, { responsibleDepartmentId: ids.zhujian, version: before.version + 1 });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ responsibleDepartmentId: ids.zhujian, responsiblePersonId: null });
    const events = await auditOf(id);
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.action === "update" && e.projectId === ids.xuefuyuan)).toBe(true);
  });

  it("reassigning an item writes its responsibility history, as for milestones; the project's own history stays its own", async () => {
    const id = ids.work.xuefuyuanPermitItem;
    const history = async (url: string) => {
      const res = await t.as("leader")({ url });
      expect(res.statusCode, url).toBe(200);
      return res.json() as { departmentId: string; personId: string | null; itemId: string | null; reason: string }[];
    };
    const projectBefore = await history(`/api/projects/${ids.xuefuyuan}/responsibility-history`);
    const before = await item(id);
    const moved = await patch("admin", id, {
      responsibleDepartmentId: ids.shuangtaizi,
      responsiblePersonId: ids.zhao,
      version: before.version,
    });
    expect(moved.statusCode).toBe(200);
    // A change of the item's text alone is no reassignment.
    const retitled = await patch("admin", id, { title: "施工许可证仍未办理", version: before.version + 1 });
    expect(retitled.statusCode).toBe(200);
    expect(await history(`/api/items/${id}/responsibility-history`)).toEqual([
      expect.objectContaining({
        departmentId: ids.shuangtaizi,
        personId: ids.zhao,
        itemId: id,
        reason: "编辑整改事项时调整",
      }),
    ]);
    expect(await history(`/api/projects/${ids.xuefuyuan}/responsibility-history`)).toEqual(projectBefore);

    const created = await t.as("wg")({
      method: "POST",
      url: `/api/projects/${ids.xuefuyuan}/items`,
      payload: {
        title: "新增事项",
        cause: null,
        measure: null,
        responsibleDepartmentId: ids.zhujian,
        responsiblePersonId: null,
        dueDate: "2027-01-31",
      },
    });
    expect(created.statusCode).toBe(201);
    expect(await history(`/api/items/${created.json().id}/responsibility-history`)).toEqual([
      expect.objectContaining({ departmentId: ids.zhujian, personId: null, reason: "新建整改事项时指定" }),
    ]);
    const missing = await t.as("leader")({
      url: "/api/items/00000000-0000-4000-8000-000000000000/responsibility-history",
    });
    expect(missing.statusCode).toBe(404);
  });
});
