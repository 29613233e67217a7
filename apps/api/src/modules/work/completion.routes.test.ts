import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  DashboardSchema,
  ItemSchema,
  MilestoneSchema,
  MyWorkSchema,
  VerificationRuleSchema,
  type VerificationKind,
} from "@resettle/domain";
import { snapshot, type SeededIds } from "../../test/fixtures.js";
import { eachTestApp, fixedClock, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});
beforeEach(async () => {
  for (const user of ["admin", "wg", "leader", "coord-zhujian", "coord-fayuan", "coord-caizheng"])
    await t.as(user)({ url: "/api/auth/me" });
});

type Kind = "milestones" | "items";
const complete = (user: string, kind: Kind, id: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: `/api/${kind}/${id}/completion`, payload });
const verify = (user: string, kind: Kind, id: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: `/api/${kind}/${id}/verification`, payload });
const dashboard = async () => DashboardSchema.parse((await t.as("leader")({ url: "/api/dashboard" })).json());
const myWork = async (user: string) => MyWorkSchema.parse((await t.as(user)({ url: "/api/my-work" })).json());
const rules = async () =>
  z.array(VerificationRuleSchema).parse((await t.as("leader")({ url: "/api/verification-rules" })).json());
const setRule = async (kind: VerificationKind, requiresVerification: boolean) => {
  const version = (await rules()).find((r) => r.kind === kind)!.version;
  const res = await t.as("admin")({
    method: "PATCH",
    url: "/api/verification-rules",
    payload: { kind, requiresVerification, version },
  });
  expect(res.statusCode, res.body).toBe(200);
};
const NOTE = "许可证已核发，编号 2026-住建-118（演示）";
const today = "2026-11-25"; // fixedClock, in China

describe("POST /api/milestones/:id/completion", () => {
  it("completes overdue work with its day and note: done, audited, and the counters drop", async () => {
    const id = ids.work.xuefuyuanPermit; // 住建's, in progress, due 2019-12-31: overdue
    const [dashBefore, workBefore] = [await dashboard(), await myWork("coord-zhujian")];
    expect(workBefore.entries.map((e) => e.id)).toContain(id);

    const res = await complete("coord-zhujian", "milestones", id, {
      completedOn: "2026-11-20",
      note: `  ${NOTE}  `,
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(MilestoneSchema.strict().parse(res.json())).toMatchObject({
      status: "done",
      completedOn: "2026-11-20",
      completionNote: NOTE,
      completedAt: fixedClock.now().toISOString(),
      completedBy: expect.stringContaining("（演示）"),
      verifiedAt: null,
      returned: null,
      version: 2,
    });
    expect((await dashboard()).overdue.milestones).toBe(dashBefore.overdue.milestones - 1);
    const work = await myWork("coord-zhujian");
    expect(work.entries.map((e) => e.id)).not.toContain(id);
    expect(work.overdueCount).toBe(workBefore.overdueCount - 1);

    const [event] = await t.db.prisma.auditEvent.findMany({ where: { entityId: id, action: "status_done" } });
    expect(event).toMatchObject({
      entityType: "milestone",
      projectId: ids.xuefuyuan,
      before: { status: "in_progress", completedOn: null },
      after: { status: "done", completedOn: "2026-11-20", completionNote: NOTE },
    });
  });

  it("refuses a PATCH to done: completion_required, in words for the client, and nothing written", async () => {
    const before = await snapshot(t.db.prisma);
    for (const [kind, id] of [
      ["milestones", ids.work.xuefuyuanPermit],
      ["items", ids.work.xuefuyuanPermitItem],
    ] as const) {
      const res = await t.as("coord-zhujian")({
        method: "PATCH",
        url: `/api/${kind}/${id}`,
        payload: { status: "done", version: 1 },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({ path: "body.status", reason: "completion_required" }),
      ]);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("refuses a day in the future, before the plan, a blank or too long note — field by field, writing nothing", async () => {
    const id = ids.work.xuefuyuanPermit;
    const before = await snapshot(t.db.prisma);
    const cases = [
      [{ completedOn: "2026-11-26", note: NOTE }, "body.completedOn", "date_in_future", { maximum: today }],
      [
        { completedOn: "2017-12-31", note: NOTE },
        "body.completedOn",
        "out_of_bounds",
        { minimum: "2018-01-01", maximum: today },
      ],
      [{ completedOn: "2026-11-20", note: "   " }, "body.note", "too_small", undefined],
      [{ completedOn: "2026-11-20" }, "body.note", "invalid_type", undefined],
      [{ completedOn: "2026-11-20", note: "办".repeat(501) }, "body.note", "too_big", { maximum: 500 }],
    ] as const;
    for (const [body, path, reason, params] of cases) {
      const res = await complete("coord-zhujian", "milestones", id, { ...body, version: 1 });
      expect(res.statusCode, `${path} ${reason}: ${res.body}`).toBe(400);
      const [issue] = res.json().error.details;
      expect(issue).toMatchObject({ path, reason });
      if (params) expect(issue.params).toMatchObject(params);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("is for the responsible department's coordinator, the office and the working group: another coordinator 403, the leader 403", async () => {
    const before = await snapshot(t.db.prisma);
    const body = { completedOn: "2026-11-20", note: NOTE, version: 1 };
    expect((await complete("coord-fayuan", "milestones", ids.work.xuefuyuanPermit, body)).statusCode).toBe(403);
    expect((await complete("coord-zhujian", "milestones", ids.work.xiangyangMoveBack, body)).statusCode).toBe(403); // 双台子区政府's
    expect((await complete("leader", "milestones", ids.work.xuefuyuanPermit, body)).statusCode).toBe(403);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect((await complete("wg", "milestones", ids.work.xiangyangMoveBack, body)).statusCode).toBe(200);
    expect((await complete("admin", "items", ids.work.hongweiSubsidyItem, body)).statusCode).toBe(200);
  });

  it("answers 409 with the record on a stale version; a done record is not completed again", async () => {
    const id = ids.work.xuefuyuanPermit;
    const stale = await complete("coord-zhujian", "milestones", id, { completedOn: today, note: NOTE, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ id, status: "in_progress", version: 1 });
    expect(
      (await complete("coord-zhujian", "milestones", id, { completedOn: today, note: NOTE, version: 1 })).statusCode,
    ).toBe(200);
    const again = await complete("coord-zhujian", "milestones", id, { completedOn: today, note: NOTE, version: 2 });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0]).toMatchObject({ path: "params.id", reason: "transition_not_allowed" });
  });

  it("written once when sent twice with the same Idempotency-Key", async () => {
    const id = ids.work.xuefuyuanPermit;
    const send = () =>
      t.as("coord-zhujian")({
        method: "POST",
        url: `/api/milestones/${id}/completion`,
        payload: { completedOn: today, note: NOTE, version: 1 },
        headers: { "idempotency-key": "completion-key-0000001" },
      });
    const [first, second] = [await send(), await send()];
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.json()).toEqual(first.json());
    expect(await t.db.prisma.auditEvent.count({ where: { entityId: id, action: "status_done" } })).toBe(1);
  });
});

describe("verification (复核)", () => {
  it("an item raised by a review awaits verification by default; the office verifies it", async () => {
    const item = await t.db.prisma.item.findFirstOrThrow({ where: { title: "续建资金方案报市政府审定" } });
    const res = await complete("coord-caizheng", "items", item.id, { completedOn: today, note: NOTE, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(ItemSchema.parse(res.json())).toMatchObject({ status: "awaiting_verification", completionNote: NOTE });
    const verified = await verify("admin", "items", item.id, { decision: "verify", version: 2 });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ status: "done", verifiedBy: "系统管理员（演示）", completedOn: today });
  });

  it("awaiting verification still counts as open and overdue everywhere; verified it counts as done", async () => {
    await setRule("milestone", true);
    const id = ids.work.xuefuyuanPermit; // overdue
    const [dashBefore, workBefore] = [await dashboard(), await myWork("coord-zhujian")];
    const done = await complete("coord-zhujian", "milestones", id, { completedOn: today, note: NOTE, version: 1 });
    expect(done.json()).toMatchObject({ status: "awaiting_verification", completedOn: today });

    // Not done: the counters do not drop, the department still sees it (待复核), the office sees it to verify.
    expect((await dashboard()).overdue.milestones).toBe(dashBefore.overdue.milestones);
    const work = await myWork("coord-zhujian");
    expect(work.overdueCount).toBe(workBefore.overdueCount);
    expect(work.entries.find((e) => e.id === id)).toMatchObject({
      status: "awaiting_verification",
      urgency: "overdue",
      completion: { completedOn: today, note: NOTE },
    });
    const office = await myWork("admin");
    expect(office.awaitingVerification).toEqual([
      expect.objectContaining({ id, type: "milestone", departmentName: "市住建局" }),
    ]);
    expect((await myWork("coord-zhujian")).awaitingVerification).toEqual([]);
    const project = await t.as("leader")({ url: `/api/projects/${ids.xuefuyuan}` });
    const overdueRule = project.json().health.rules.find((r: { code: string }) => r.code === "overdue_milestone");
    expect(overdueRule.params.ids).toContain(id);

    // Verified: done, counted as done.
    const verified = await verify("admin", "milestones", id, { decision: "verify", note: "材料齐全", version: 2 });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await dashboard()).overdue.milestones).toBe(dashBefore.overdue.milestones - 1);
    expect((await myWork("coord-zhujian")).entries.map((e) => e.id)).not.toContain(id);
    expect((await myWork("admin")).awaitingVerification).toEqual([]);
    const [event] = await t.db.prisma.auditEvent.findMany({ where: { entityId: id, action: "status_done" } });
    expect(event?.after).toMatchObject({ status: "done", verifiedBy: "系统管理员（演示）", decision: "verify" });
  });

  it("a return needs its reason, goes back to in progress, shows the reason, and the next completion clears it", async () => {
    await setRule("milestone", true);
    const id = ids.work.xuefuyuanPermit;
    await complete("coord-zhujian", "milestones", id, { completedOn: today, note: NOTE, version: 1 });
    const before = await snapshot(t.db.prisma);
    const bare = await verify("admin", "milestones", id, { decision: "return", version: 2 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details[0]).toMatchObject({ path: "body.note", reason: "reason_required" });
    expect(await snapshot(t.db.prisma)).toEqual(before);

    const returned = await verify("admin", "milestones", id, {
      decision: "return",
      note: "缺少许可证扫描件",
      version: 2,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      status: "in_progress",
      completedOn: null,
      completionNote: null,
      completedAt: null,
      returned: { reason: "缺少许可证扫描件", by: "系统管理员（演示）" },
    });
    expect((await myWork("coord-zhujian")).entries.find((e) => e.id === id)?.returnReason).toBe("缺少许可证扫描件");

    const again = await complete("coord-zhujian", "milestones", id, {
      completedOn: today,
      note: "已补扫描件",
      version: 3,
    });
    expect(again.json()).toMatchObject({ status: "awaiting_verification", returned: null });
  });

  it("only the office verifies; only awaiting work is verified; 待复核 is moved by no PATCH and never withdrawn", async () => {
    await setRule("milestone", true);
    const id = ids.work.xuefuyuanPermit;
    const open = await verify("admin", "milestones", id, { decision: "verify", version: 1 });
    expect(open.statusCode).toBe(400);
    expect(open.json().error.details[0]).toMatchObject({ path: "params.id", reason: "transition_not_allowed" });
    await complete("coord-zhujian", "milestones", id, { completedOn: today, note: NOTE, version: 1 });
    const before = await snapshot(t.db.prisma);
    for (const user of ["coord-zhujian", "wg", "leader"])
      expect((await verify(user, "milestones", id, { decision: "verify", version: 2 })).statusCode).toBe(403);
    const patched = await t.as("coord-zhujian")({
      method: "PATCH",
      url: `/api/milestones/${id}`,
      payload: { status: "in_progress", version: 2 },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error.details[0]).toMatchObject({ reason: "transition_not_allowed" });
    const withdrawn = await t.as("admin")({
      method: "POST",
      url: `/api/milestones/${id}/withdraw`,
      payload: { reason: "误建", version: 2 },
    });
    expect(withdrawn.statusCode).toBe(400);
    expect(withdrawn.json().error.details[0]).toMatchObject({ path: "params.id", reason: "awaiting_verification" });
    const stale = await verify("admin", "milestones", id, { decision: "verify", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("GET/PATCH /api/verification-rules", () => {
  it("reads the defaults (review items on), and the office changes one, versioned and audited", async () => {
    expect((await rules()).map((r) => [r.kind, r.requiresVerification])).toEqual([
      ["milestone", false],
      ["item", false],
      ["review_item", true],
    ]);
    const patch = (user: string, payload: Record<string, unknown>) =>
      t.as(user)({ method: "PATCH", url: "/api/verification-rules", payload });
    const before = await snapshot(t.db.prisma);
    expect((await patch("wg", { kind: "item", requiresVerification: true, version: 1 })).statusCode).toBe(403);
    expect((await patch("coord-zhujian", { kind: "item", requiresVerification: true, version: 1 })).statusCode).toBe(
      403,
    );
    expect((await patch("admin", { kind: "item", requiresVerification: false, version: 1 })).statusCode).toBe(200);
    expect(await snapshot(t.db.prisma)).toEqual(before); // nothing changed: nothing written

    const res = await patch("admin", { kind: "item", requiresVerification: true, version: 1 });
    expect(res.json()).toMatchObject({ kind: "item", requiresVerification: true, version: 2 });
    expect((await patch("admin", { kind: "item", requiresVerification: false, version: 1 })).statusCode).toBe(409);
    const [event] = await t.db.prisma.auditEvent.findMany({ where: { entityType: "verification_rule" } });
    expect(event).toMatchObject({
      entityId: "item",
      before: { requiresVerification: false },
      after: { requiresVerification: true },
    });
    // Items now wait for verification.
    const done = await complete("coord-zhujian", "items", ids.work.xuefuyuanPermitItem, {
      completedOn: today,
      note: NOTE,
      version: 1,
    });
    expect(done.json().status).toBe("awaiting_verification");
  });
});
