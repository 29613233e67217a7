import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CooperatorsSchema,
  ErrorResponseSchema,
  NoticePageSchema,
  NoticeSchema,
  WorkNoteSchema,
  type Notice,
} from "@resettle/domain";
import type { Clock } from "../../lib/clock.js";
import { seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { createTestApp } from "../../test/test-app.js";

// 配合单位 on a 督办单: the office names them when it issues the notice and may change them; they
// see the notice, write progress notes (进展情况) on it; only the department it is issued to (the
// lead) signs for it, replies and asks to extend.

const now = new Date("2026-11-25T02:00:00Z");
const clock: Clock = { now: () => now };
let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const USERS = ["admin", "wg", "leader", "coord-zhujian", "coord-shuangtaizi", "coord-dawa"];
beforeEach(async () => {
  t = await createTestApp({ clock });
  ids = await seededIds(t.db.prisma);
  for (const user of USERS) await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

/** 学府园二期's 施工许可证未办理, issued to 住建 (the lead), 双台子区政府 and 法院 helping. */
const aboutPermit = (extra: Record<string, unknown> = {}) => ({
  targetType: "item",
  targetId: ids.work.xuefuyuanPermitItem,
  departmentId: ids.zhujian,
  level: "yellow",
  requirement: "逾期未办理施工许可证，请于期限内办结并反馈。",
  replyBy: "2026-12-05",
  cooperatingDepartmentIds: [ids.shuangtaizi, ids.fayuan],
  ...extra,
});
const issue = (payload: Record<string, unknown>) =>
  t.as("admin")({ method: "POST", url: "/api/supervision-notices", payload });
async function issued(payload = aboutPermit()): Promise<Notice> {
  const res = await issue(payload);
  expect(res.statusCode, res.body).toBe(201);
  return NoticeSchema.strict().parse(res.json());
}
const step = (user: string, id: string, path: string, payload?: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: `/api/supervision-notices/${id}/${path}`, ...(payload ? { payload } : {}) });
const note = (user: string, id: string, text: string) =>
  t.as(user)({ method: "POST", url: `/api/supervision-notices/${id}/notes`, payload: { text } });
const put = (user: string, id: string, departmentIds: string[]) =>
  t.as(user)({ method: "PUT", url: `/api/supervision-notices/${id}/cooperators`, payload: { departmentIds } });
const cooperatingOn = async (departmentId: string) =>
  NoticePageSchema.parse(
    (
      await t.as("leader")({ url: `/api/supervision-notices?cooperatingDepartmentId=${departmentId}&open=true` })
    ).json(),
  ).items.map((n) => n.id);

describe("POST /api/supervision-notices with 配合单位", () => {
  it("names the cooperating departments on the notice, in its audit row, and tells each of them", async () => {
    const notice = await issued();
    // By department code: 法院 (fayuan) before 双台子区政府 (shuangtaizi).
    expect(notice.cooperating).toEqual([
      { id: ids.fayuan, name: "市法院" },
      { id: ids.shuangtaizi, name: "双台子区政府" },
    ]);
    expect((await t.as("coord-dawa")({ url: `/api/supervision-notices/${notice.id}` })).json().cooperating).toEqual(
      notice.cooperating,
    );
    expect(
      CooperatorsSchema.parse(
        (await t.as("leader")({ url: `/api/supervision-notices/${notice.id}/cooperators` })).json(),
      ),
    ).toEqual({
      lead: { id: ids.zhujian, name: "市住建局" },
      cooperating: notice.cooperating,
    });
    const audited = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: notice.id, action: "issue" } });
    expect(audited.after).toMatchObject({ department: "市住建局", cooperating: ["市法院", "双台子区政府"] });
    // 交办: the lead's alert, and one for each cooperating department, in its coordinators' notifications.
    const alerts = await t.db.prisma.alert.findMany({ where: { entityId: notice.id }, orderBy: { key: "asc" } });
    // Ordered by key, as read: the two departments' keys sort by their (random) ids.
    const expected: [string, string][] = [
      [`cooperating:${ids.fayuan}`, ids.fayuan],
      [`cooperating:${ids.shuangtaizi}`, ids.shuangtaizi],
      ["issued", ids.zhujian],
    ];
    expect(alerts.map((a) => [a.key, a.departmentId])).toEqual(expected.sort(([a], [b]) => (a < b ? -1 : 1)));
    const bell = (await t.as("coord-shuangtaizi")({ url: "/api/notifications" })).json();
    expect(bell.items.map((n: { title: string }) => n.title)).toContainEqual(
      expect.stringMatching(/^配合督办单：盘回迁督〔2026〕5号（黄色，牵头单位 市住建局）/),
    );
    // The cooperating department finds it among the notices it cooperates on; the lead's are its own.
    expect(await cooperatingOn(ids.shuangtaizi)).toEqual([notice.id]);
    expect(await cooperatingOn(ids.zhujian)).toEqual([]);
    // Without the field, none.
    expect((await issued(aboutPermit({ cooperatingDepartmentIds: undefined }))).cooperating).toEqual([]);
  });

  it("refuses the lead itself, an unknown department, one twice, on its place; nothing written", async () => {
    const before = await snapshot(t.db.prisma);
    for (const [departmentIds, path, reason] of [
      [[ids.fayuan, ids.zhujian], "body.cooperatingDepartmentIds.1", "cooperator_is_lead"],
      [["00000000-0000-4000-8000-000000000000"], "body.cooperatingDepartmentIds.0", "unknown_reference"],
      [[ids.fayuan, ids.fayuan], "body.cooperatingDepartmentIds", "custom"],
    ] as const) {
      const res = await issue(aboutPermit({ cooperatingDepartmentIds: departmentIds }));
      expect(res.statusCode, path).toBe(400);
      expect(ErrorResponseSchema.parse(res.json()).error.details?.[0]).toMatchObject({ path, reason });
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("a cooperating department on a notice", () => {
  it("adds progress notes, but never signs for it, replies or asks to extend: the lead does", async () => {
    const notice = await issued();
    // 签收, 反馈, 延期申请 are the lead's: 双台子's coordinator is refused each, before and after 签收.
    expect((await step("coord-shuangtaizi", notice.id, "receipt")).statusCode).toBe(403);
    expect((await step("coord-zhujian", notice.id, "receipt")).statusCode).toBe(200);
    expect(
      (await step("coord-shuangtaizi", notice.id, "extension", { until: "2026-12-20", reason: "配合单位申请" }))
        .statusCode,
    ).toBe(403);
    expect((await step("coord-shuangtaizi", notice.id, "reply", { measures: "配合单位反馈" })).statusCode).toBe(403);
    expect((await t.db.prisma.supervisionNotice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe(
      "received",
    );

    // 进展情况: the cooperating department, the lead, the office; nobody else.
    const written = await note("coord-shuangtaizi", notice.id, "  已配合核查规划手续，材料已转住建局  ");
    expect(written.statusCode, written.body).toBe(201);
    expect(WorkNoteSchema.parse(written.json())).toMatchObject({
      text: "已配合核查规划手续，材料已转住建局",
      department: { id: ids.shuangtaizi, name: "双台子区政府" },
      role: "cooperating",
    });
    expect((await note("coord-zhujian", notice.id, "已受理，正在办理")).json().role).toBe("lead");
    expect((await note("admin", notice.id, "请加快办理")).json().role).toBe("office");
    for (const user of ["coord-dawa", "wg", "leader"])
      expect((await note(user, notice.id, "无关")).statusCode, user).toBe(403);
    const notes = (await t.as("leader")({ url: `/api/supervision-notices/${notice.id}/notes` })).json();
    expect(notes.map((n: { role: string }) => n.role)).toEqual(["cooperating", "lead", "office"]);
    const trail = await t.db.prisma.auditEvent.findMany({
      where: { entityId: notice.id, action: "add_note" },
      select: { entityType: true, projectId: true },
    });
    expect(trail).toEqual(Array(3).fill({ entityType: "supervision_notice", projectId: ids.xuefuyuan }));
    // A notice that is not there is 404, a note too long 400.
    expect((await note("admin", "00000000-0000-4000-8000-000000000000", "无")).statusCode).toBe(404);
    expect((await note("coord-shuangtaizi", notice.id, "长".repeat(1001))).statusCode).toBe(400);
  });
});

describe("PUT /api/supervision-notices/:id/cooperators", () => {
  it("replaces the set (the office), audited, telling the departments added; a department taken off may write no more", async () => {
    const notice = await issued(aboutPermit({ cooperatingDepartmentIds: [ids.shuangtaizi] }));
    const res = await put("admin", notice.id, [ids.fayuan]);
    expect(res.statusCode, res.body).toBe(200);
    expect(CooperatorsSchema.parse(res.json()).cooperating).toEqual([{ id: ids.fayuan, name: "市法院" }]);
    const audited = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: notice.id, action: "set_cooperators" },
    });
    expect(audited).toMatchObject({
      entityType: "supervision_notice",
      before: { cooperating: ["双台子区政府"] },
      after: { cooperating: ["市法院"] },
    });
    expect(await t.db.prisma.alert.count({ where: { entityId: notice.id, key: `cooperating:${ids.fayuan}` } })).toBe(1);
    expect((await note("coord-shuangtaizi", notice.id, "已不再配合")).statusCode).toBe(403);
    expect(await cooperatingOn(ids.shuangtaizi)).toEqual([]);
    // The same set again writes nothing.
    expect((await put("admin", notice.id, [ids.fayuan])).statusCode).toBe(200);
    expect(await t.db.prisma.auditEvent.count({ where: { entityId: notice.id, action: "set_cooperators" } })).toBe(1);
  });

  it("refuses the lead, anyone but the office, and a closed notice (409 with it); nothing changes", async () => {
    const notice = await issued();
    const lead = await put("admin", notice.id, [ids.zhujian]);
    expect(lead.statusCode).toBe(400);
    expect(ErrorResponseSchema.parse(lead.json()).error.details?.[0]).toMatchObject({
      path: "body.departmentIds.0",
      reason: "cooperator_is_lead",
    });
    for (const user of ["coord-zhujian", "wg", "leader"])
      expect((await put(user, notice.id, [ids.dept("dawa")])).statusCode, user).toBe(403);

    await step("coord-zhujian", notice.id, "receipt");
    await step("coord-zhujian", notice.id, "reply", { measures: "已办结" });
    expect((await step("admin", notice.id, "review", { accepted: true })).statusCode).toBe(200);
    const closed = await put("admin", notice.id, []);
    expect(closed.statusCode).toBe(409);
    expect(ErrorResponseSchema.parse(closed.json()).error).toMatchObject({
      details: [{ path: "params.id", reason: "transition_not_allowed" }],
      current: { status: "closed", cooperating: notice.cooperating },
    });
    expect(await t.db.prisma.cooperation.count({ where: { noticeId: notice.id } })).toBe(2);
  });
});
