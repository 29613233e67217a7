import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NoticeSchema, type Notice } from "@resettle/domain";
import type { Clock } from "../../lib/clock.js";
import { detailPaths, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

// 督办单 (issue 12): the office issues, the department signs for it and replies, the office
// reviews: 销号 or 退回. A step cannot be skipped or repeated; only the target department's
// coordinators sign and reply; every step is an event and an audit row.

const now = new Date("2026-11-25T02:00:00Z");
const clock: Clock = { now: () => now };
let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const USERS = ["admin", "wg", "leader", "coord-shuangtaizi", "coord-zhujian"];
beforeEach(async () => {
  t = await createTestApp({ clock });
  ids = await seededIds(t.db.prisma);
  for (const user of USERS) await t.as(user)({ url: "/api/auth/me" }); // signed in before any snapshot
});
afterEach(() => t.close());

/** 学府园二期's 施工许可证未办理, 住建's item. */
const aboutPermit = (extra: Record<string, unknown> = {}) => ({
  targetType: "item",
  targetId: ids.work.xuefuyuanPermitItem,
  departmentId: ids.zhujian,
  level: "yellow",
  requirement: "逾期未办理施工许可证，请于期限内办结并反馈。",
  replyBy: "2026-12-05",
  ...extra,
});
const issue = (user: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: "/api/supervision-notices", payload });
const step = (user: string, id: string, path: string, payload?: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: `/api/supervision-notices/${id}/${path}`, ...(payload ? { payload } : {}) });
async function issued(payload = aboutPermit()): Promise<Notice> {
  const res = await issue("admin", payload);
  expect(res.statusCode, res.body).toBe(201);
  return NoticeSchema.strict().parse(res.json());
}
const auditOf = (entityId: string) =>
  t.db.prisma.auditEvent.findMany({ where: { entityId }, orderBy: { at: "asc" }, select: { action: true } });

describe("POST /api/supervision-notices", () => {
  it("issues a numbered notice about a record to a department; the number counts within the year", async () => {
    const first = await issued(); // the demo holds 1号 to 4号

    expect(first).toMatchObject({
      number: "盘回迁督〔2026〕5号",
      level: "yellow",
      status: "issued",
      targetLabel: "学府园二期：施工许可证未办理",
      projectId: ids.xuefuyuan,
      department: { id: ids.zhujian },
      replyBy: "2026-12-05",
      overdue: false,
      daysOpen: 0,
    });
    // The demo holds 1号 to 4号.
    expect((await issued(aboutPermit({ level: "blue" }))).number).toBe("盘回迁督〔2026〕6号");
    expect((await auditOf(first.id)).map((e) => e.action)).toEqual(["issue"]);
    const trail = (await t.as("admin")({ url: `/api/audit-events?entityId=${first.id}` })).json();
    expect(trail.items[0].entityLabel).toBe("盘回迁督〔2026〕5号");
  });

  it("refuses a bad notice field by field, and anyone but the office; nothing written", async () => {
    const before = await snapshot(t.db.prisma);
    for (const [payload, paths] of [
      [aboutPermit({ replyBy: "2026-11-24" }), ["body.replyBy"]],
      [aboutPermit({ replyBy: "2027-12-01" }), ["body.replyBy"]],
      [aboutPermit({ requirement: "  " }), ["body.requirement"]],
      [aboutPermit({ level: "green" }), ["body.level"]],
      [aboutPermit({ targetType: "milestone" }), ["body.targetId"]], // an item's id is no milestone
      [aboutPermit({ departmentId: "00000000-0000-4000-8000-000000000000" }), ["body.departmentId"]],
      [aboutPermit({ requirement: "x".repeat(1001) }), ["body.requirement"]],
    ] as const) {
      const res = await issue("admin", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(detailPaths(res)).toEqual(paths);
    }
    for (const user of ["coord-zhujian", "wg", "leader"])
      expect((await issue(user, aboutPermit())).statusCode, user).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("two notices issued at once take two numbers: they queue on the year's counter", async () => {
    await issued();
    const [a, b] = await raceOnLockedRow(
      t.db.url,
      "notice_counters",
      2026,
      2,
      () => Promise.all([issue("admin", aboutPermit()), issue("admin", aboutPermit({ level: "red" }))]),
      "year",
    );
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect([a.json().number, b.json().number].sort()).toEqual(["盘回迁督〔2026〕6号", "盘回迁督〔2026〕7号"]);
  });
});

describe("a notice's steps", () => {
  it("签收 → 反馈 → 复核 退回 → 反馈 → 复核 销号, each once and in order, by the right hands", async () => {
    const n = await issued();
    // Out of order, or the wrong hands: nothing moves.
    const early = await step("coord-zhujian", n.id, "reply", { measures: "已提交材料" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.current).toMatchObject({ status: "issued" });
    for (const user of ["coord-shuangtaizi", "admin", "wg", "leader"])
      expect((await step(user, n.id, "receipt")).statusCode, user).toBe(403);
    expect((await step("admin", n.id, "review", { accepted: true })).statusCode).toBe(409);

    const received = await step("coord-zhujian", n.id, "receipt");
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ status: "received", version: 2 });
    expect(received.json().receivedAt).toBe(now.toISOString());
    expect((await step("coord-zhujian", n.id, "receipt")).statusCode).toBe(409);

    expect(detailPaths(await step("coord-zhujian", n.id, "reply", { measures: " " }))).toEqual(["body.measures"]);
    const replied = await step("coord-zhujian", n.id, "reply", { measures: "已报审施工许可材料。" });
    expect(replied.json()).toMatchObject({ status: "replied", measures: "已报审施工许可材料。" });
    expect((await step("coord-zhujian", n.id, "reply", { measures: "再报" })).statusCode).toBe(409);
    expect((await step("coord-zhujian", n.id, "review", { accepted: true })).statusCode).toBe(403);
    expect(detailPaths(await step("admin", n.id, "review", { accepted: false }))).toEqual(["body.comment"]);

    const returned = await step("admin", n.id, "review", { accepted: false, comment: "未附许可证复印件" });
    expect(returned.json()).toMatchObject({ status: "returned", reviewComment: "未附许可证复印件" });
    await step("coord-zhujian", n.id, "reply", { measures: "已取得施工许可证，附复印件。" });
    const closed = await step("admin", n.id, "review", { accepted: true });
    expect(closed.json()).toMatchObject({ status: "closed", closedAt: now.toISOString() });
    for (const [user, path, body] of [
      ["coord-zhujian", "reply", { measures: "又一条" }],
      ["admin", "review", { accepted: true }],
      ["admin", "escalate", { level: "red", reason: "升级" }],
      ["coord-zhujian", "extension", { until: "2026-12-20", reason: "延期" }],
    ] as const)
      expect((await step(user, n.id, path, body)).statusCode, path).toBe(409);

    const events = (await t.as("leader")({ url: `/api/supervision-notices/${n.id}/events` })).json();
    expect(events.map((e: { step: string; to: string }) => `${e.step}:${e.to}`)).toEqual([
      "issue:issued",
      "receipt:received",
      "reply:replied",
      "review:returned",
      "reply:replied",
      "review:closed",
    ]);
    expect((await auditOf(n.id)).map((e) => e.action)).toEqual([
      "issue",
      "notice_receipt",
      "notice_reply",
      "notice_review",
      "notice_reply",
      "notice_review",
    ]);
  });

  it("延期: asked between 签收 and 反馈 for a later day, one at a time; approved moves the day, refused needs a reason", async () => {
    const n = await issued();
    expect(
      (await step("coord-zhujian", n.id, "extension", { until: "2026-12-20", reason: "材料待补" })).statusCode,
    ).toBe(409); // not yet signed for
    await step("coord-zhujian", n.id, "receipt");
    expect(
      detailPaths(await step("coord-zhujian", n.id, "extension", { until: "2026-12-05", reason: "材料待补" })),
    ).toEqual(["body.until"]);
    const asked = await step("coord-zhujian", n.id, "extension", { until: "2026-12-20", reason: "材料待补" });
    expect(asked.json().extension).toEqual({
      until: "2026-12-20",
      reason: "材料待补",
      status: "pending",
      decision: null,
    });
    expect((await step("coord-zhujian", n.id, "extension", { until: "2026-12-25", reason: "再延" })).statusCode).toBe(
      409,
    );
    expect(detailPaths(await step("admin", n.id, "extension/decision", { approved: false }))).toEqual(["body.reason"]);
    expect((await step("coord-zhujian", n.id, "extension/decision", { approved: true })).statusCode).toBe(403);

    // Past the day issued (set back in the database: sessions do not survive moving the clock on).
    const read = () =>
      t
        .as("leader")({ url: `/api/supervision-notices/${n.id}` })
        .then((r) => r.json());
    const setBack = (data: { replyBy?: Date; extensionUntil?: Date; issuedAt?: Date }) =>
      t.db.prisma.supervisionNotice.update({ where: { id: n.id }, data });
    await setBack({ replyBy: new Date("2026-11-24") });
    expect((await read()).overdue).toBe(true);
    // Within the day granted: not overdue.
    const approved = await step("admin", n.id, "extension/decision", { approved: true });
    expect(approved.json()).toMatchObject({ overdue: false, extension: { status: "approved", until: "2026-12-20" } });
    expect((await step("admin", n.id, "extension/decision", { approved: true })).statusCode).toBe(409);
    await setBack({ extensionUntil: new Date("2026-11-24"), issuedAt: new Date("2026-10-30T02:00:00Z") });
    expect(await read()).toMatchObject({ overdue: true, daysOpen: 26 });
  });

  it("escalates only upward, with the reason", async () => {
    const n = await issued();
    expect(detailPaths(await step("admin", n.id, "escalate", { level: "blue", reason: "降级" }))).toEqual([
      "body.level",
    ]);
    expect((await step("coord-zhujian", n.id, "escalate", { level: "red", reason: "升级" })).statusCode).toBe(403);
    const red = await step("admin", n.id, "escalate", { level: "red", reason: "逾期未签收" });
    expect(red.json()).toMatchObject({ level: "red", status: "issued" });
  });

  it("the same step twice at once: one goes through, the other is 409", async () => {
    const n = await issued();
    const [a, b] = await raceOnLockedRow(t.db.url, "supervision_notices", n.id, 2, () =>
      Promise.all([step("coord-zhujian", n.id, "receipt"), step("coord-zhujian", n.id, "receipt")]),
    );
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await t.db.prisma.supervisionNoticeEvent.count({ where: { noticeId: n.id } })).toBe(2);
  });
});

describe("GET /api/supervision-notices", () => {
  it("lists open notices first, red before yellow before blue; filters by department, status, level and openness", async () => {
    // 向阳小区 has no demo notice: the page holds these three only.
    const about = (level: string) => aboutPermit({ level, targetType: "project", targetId: ids.xiangyang });
    const blue = await issued(about("blue"));
    const red = await issued(about("red"));
    const closed = await issued(about("red"));
    await step("coord-zhujian", closed.id, "receipt");
    await step("coord-zhujian", closed.id, "reply", { measures: "已办结" });
    await step("admin", closed.id, "review", { accepted: true });
    const page = (query: string) =>
      t
        .as("coord-shuangtaizi")({ url: `/api/supervision-notices?projectId=${ids.xiangyang}&${query}` })
        .then((r) => r.json());
    expect((await page("")).items.map((n: Notice) => n.id)).toEqual([red.id, blue.id, closed.id]);
    expect((await page("open=true")).total).toBe(2);
    expect((await page("status=closed")).items.map((n: Notice) => n.id)).toEqual([closed.id]);
    expect((await page(`departmentId=${ids.shuangtaizi}`)).total).toBe(0);
    expect((await page("level=blue")).items.map((n: Notice) => n.id)).toEqual([blue.id]);
    const bad = await t.as("leader")({ url: "/api/supervision-notices?level=green&open=maybe" });
    expect(detailPaths(bad)?.sort()).toEqual(["querystring.level", "querystring.open"]);
  });

  it("orders an open notice by its colour whatever its step (a red one replied above a blue one issued); the latest closed first", async () => {
    const about = (level: string) => aboutPermit({ level, targetType: "project", targetId: ids.xiangyang });
    const close = async (id: string) => {
      await step("coord-zhujian", id, "receipt");
      await step("coord-zhujian", id, "reply", { measures: "已办结" });
      expect((await step("admin", id, "review", { accepted: true })).json()).toMatchObject({ status: "closed" });
    };
    const blue = await issued(about("blue"));
    const red = await issued(about("red"));
    await step("coord-zhujian", red.id, "receipt");
    const replied = await step("coord-zhujian", red.id, "reply", { measures: "已制定复工方案" });
    expect(replied.json()).toMatchObject({ status: "replied" });
    const closedEarlier = await issued(about("yellow"));
    await close(closedEarlier.id);
    await t.db.prisma.supervisionNotice.update({
      where: { id: closedEarlier.id },
      data: { closedAt: new Date("2026-11-20T02:00:00Z") },
    });
    const closedLater = await issued(about("blue"));
    await close(closedLater.id);
    const res = await t.as("leader")({ url: `/api/supervision-notices?projectId=${ids.xiangyang}` });
    expect(res.json().items.map((n: Notice) => n.id)).toEqual([red.id, blue.id, closedLater.id, closedEarlier.id]);
  });
});
