import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlertRunResultSchema, NoticeSchema, NotificationPageSchema } from "@resettle/domain";
import { seededIds, type SeededIds } from "../../test/fixtures.js";
import { createTestApp } from "../../test/test-app.js";

// The rest of issue 12's rules: subsidy arrears past 30 and 90 days, projects below their
// district's floor line, review records waiting for a 会签, notices escalated when their reply is
// late (and red ones told to the leaders), and each department's daily digest. Today is
// 2026-11-25 (the test clock).

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of ["admin", "leader", "coord-zhujian", "coord-shuangtaizi", "coord-dawa"])
    await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

const run = async () => {
  const res = await t.as("admin")({ method: "POST", url: "/api/alerts/run" });
  expect(res.statusCode, res.body).toBe(200);
  return AlertRunResultSchema.parse(res.json());
};
const inbox = async (user: string) => {
  const res = await t.as(user)({ url: "/api/notifications?pageSize=100" });
  expect(res.statusCode, res.body).toBe(200);
  return NotificationPageSchema.parse(res.json()).items;
};
const alertsOf = (rule: string) => t.db.prisma.alert.findMany({ where: { rule }, orderBy: [{ title: "asc" }] });
const project = (code: string) => t.db.prisma.project.findUniqueOrThrow({ where: { code } });
const notice = async (id: string) => {
  const res = await t.as("admin")({ url: `/api/supervision-notices/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return NoticeSchema.parse(res.json());
};

describe("subsidy arrears past 30 and 90 days", () => {
  it("raises each once per project and oldest month owed, with the amount, to the project's department", async () => {
    await run();
    const guangsha = await project("guangsha");
    const [over30] = await alertsOf("arrears_30");
    const [over90] = await alertsOf("arrears_90");
    // 广厦小区 pays its waiting households through May 2026 only: June is owed since 1 July.
    expect(over30).toMatchObject({
      entityId: guangsha.id,
      key: "2026-06",
      departmentId: guangsha.responsibleDepartmentId,
    });
    expect(over90).toMatchObject({ entityId: guangsha.id, key: "2026-06" });
    expect(over90!.title).toMatch(
      /^临时安置补助费欠付超过 90 天：广厦小区 欠付 [\d,]+\.\d\d 元，最早欠付月份 2026-06（/,
    );
    expect(over90!.link).toBe(`/projects/${guangsha.id}?tab=subsidy`);
    // Exactly the fen the arrears report gives as over 90 days.
    const report = (await t.as("admin")({ url: `/api/subsidy/arrears?projectId=${guangsha.id}` })).json();
    const over90Fen = report.projects[0].buckets.over90 as number;
    expect(over90!.title).toContain(
      `欠付 ${(over90Fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })} 元`,
    );

    await run();
    expect(await alertsOf("arrears_90")).toHaveLength(1);
    // Paying everything owed and falling behind again later (a new oldest month) fires again.
    await t.db.prisma.$executeRaw`UPDATE "alerts" SET "key" = '2026-05' WHERE "rule" LIKE 'arrears_%'`;
    await run();
    expect(await alertsOf("arrears_90")).toHaveLength(2);
  });
});

describe("projects below their district's floor line", () => {
  it("raises once per project and floor year; a project at or above the line is left alone", async () => {
    const xiangyang = await project("xiangyang");
    // Today's line is the last floor, 100 %: a project with every household back is not below it.
    await t.db.prisma.project.update({ where: { id: xiangyang.id }, data: { movedBack: xiangyang.totalHouseholds } });
    await run();
    const below = await alertsOf("below_floor");
    const projects = await t.db.prisma.project.findMany({ where: { totalHouseholds: { gt: 0 } } });
    const expected = projects.filter((p) => p.movedBack < p.totalHouseholds).map((p) => p.id);
    expect(below.map((a) => a.entityId).sort()).toEqual(expected.sort());
    expect(below.every((a) => a.key === "2020")).toBe(true);
    const guangsha = await t.db.prisma.project.findUniqueOrThrow({
      where: { code: "guangsha" },
      include: { district: true },
    });
    expect(below.find((a) => a.entityId === guangsha.id)!.title).toMatch(
      new RegExp(
        `^低于底线：广厦小区 已回迁 ${guangsha.movedBack}/${guangsha.totalHouseholds} 户（[\\d.]+%），${guangsha.district.name}截至今日底线 100%（`,
      ),
    );
    await run();
    expect(await alertsOf("below_floor")).toHaveLength(below.length);
  });
});

describe("review records waiting for a department's signature", () => {
  it("chases each department present that has not signed after 3 days, once; signing stops it for the next record", async () => {
    await run();
    const waiting = await alertsOf("review_unsigned");
    // The demo's record of 2026-10-20: 财政 signed, 住建 and 双台子区政府 have not.
    const departments = await t.db.prisma.department.findMany({
      where: { code: { in: ["zhujian", "shuangtaizi"] } },
      select: { id: true },
    });
    expect(waiting.map((a) => a.key).sort()).toEqual(departments.map((d) => d.id).sort());
    expect(waiting.every((a) => a.entityId === ids.review && a.link === `/reviews/${ids.review}`)).toBe(true);
    expect((await inbox("coord-zhujian")).map((n) => n.title)).toContainEqual(
      expect.stringMatching(/^研判会 2026-10-20（.+）记录待会签已超过 3 天（市住建局）$/),
    );

    // A record made yesterday is not yet chased.
    await t.db.prisma.alert.deleteMany({ where: { rule: "review_unsigned" } });
    await t.db.prisma.review.update({
      where: { id: ids.review },
      data: { createdAt: new Date("2026-11-24T02:00:00Z") },
    });
    await run();
    expect(await alertsOf("review_unsigned")).toHaveLength(0);
  });
});

describe("notices escalated when the reply is late", () => {
  it("goes up one level 3 days past its reply day, then again 3 days later; the leaders hear of red", async () => {
    // 1号 (黄色, 住建, issued): due 2026-11-24 — one day late today, not yet escalated.
    await run();
    expect((await notice(ids.notice[1])).level).toBe("yellow");

    // 2号 (蓝色, 住建, signed for): its reply day moved to 2026-11-22, three days late.
    await t.db.prisma.supervisionNotice.update({
      where: { id: ids.notice[2] },
      data: { replyBy: new Date("2026-11-22T00:00:00Z") },
    });
    await run();
    const blueToYellow = await notice(ids.notice[2]);
    expect(blueToYellow.level).toBe("yellow");
    const events = (await t.as("admin")({ url: `/api/supervision-notices/${ids.notice[2]}/events` })).json();
    expect(events.at(-1)).toMatchObject({ step: "escalate", by: null });
    expect(events.at(-1).note).toBe("逾期未反馈（应于 2026-11-22 前反馈），由蓝色自动升级为黄色");
    const audited = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: ids.notice[2], action: "notice_escalate" },
    });
    expect(audited).toMatchObject({ actorId: null, actorName: "系统（预警任务）" });
    expect(audited.before).toMatchObject({ level: "blue" });
    expect(audited.after).toMatchObject({ level: "yellow", automatic: true });
    expect((await inbox("coord-zhujian")).map((n) => n.rule)).toContain("notice_escalated");

    // Again today: it stays yellow (it has been yellow for less than 3 days).
    await run();
    expect((await notice(ids.notice[2])).level).toBe("yellow");
    expect((await notice(ids.notice[2])).version).toBe(blueToYellow.version);
    // Three days after that escalation it turns red, and the leaders are told.
    await t.db.prisma.supervisionNoticeEvent.updateMany({
      where: { noticeId: ids.notice[2], step: "escalate" },
      data: { at: new Date("2026-11-22T02:00:00Z") },
    });
    expect((await inbox("leader")).length).toBe(0);
    await run();
    expect((await notice(ids.notice[2])).level).toBe("red");
    const leader = await inbox("leader");
    expect(leader.map((n) => n.rule)).toEqual(["notice_red"]);
    expect(leader[0]!.title).toMatch(/^红色督办：盘回迁督〔2026〕2号（市住建局）/);
    expect(leader[0]!.link).toBe(`/notices/${ids.notice[2]}`);
    // Red is the top: nothing more, however late.
    await t.db.prisma.supervisionNoticeEvent.updateMany({
      where: { noticeId: ids.notice[2], step: "escalate" },
      data: { at: new Date("2026-11-01T02:00:00Z") },
    });
    await run();
    expect((await notice(ids.notice[2])).version).toBe(blueToYellow.version + 1);
  });

  it("leaves a replied notice, and one whose extension moved its day, alone", async () => {
    // 3号 (红色) is replied; make 4号 late by its issued day while its extension (asked) is pending, then approved.
    await t.db.prisma.supervisionNotice.update({
      where: { id: ids.notice[4] },
      data: {
        replyBy: new Date("2026-11-20T00:00:00Z"),
        extensionStatus: "approved",
        extensionUntil: new Date("2026-12-20T00:00:00Z"),
      },
    });
    await run();
    expect((await notice(ids.notice[4])).level).toBe("yellow");
    await t.db.prisma.supervisionNotice.update({ where: { id: ids.notice[4] }, data: { extensionStatus: "pending" } });
    await run();
    expect((await notice(ids.notice[4])).level).toBe("red");
  });

  it("skips a notice someone holds at that moment and escalates it on the next run", async () => {
    await t.db.prisma.supervisionNotice.update({
      where: { id: ids.notice[2] },
      data: { replyBy: new Date("2026-11-20T00:00:00Z") },
    });
    const holder = new pg.Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "supervision_notices" WHERE id = $1 FOR UPDATE`, [ids.notice[2]]);
      await run();
      expect((await notice(ids.notice[2])).level).toBe("blue");
      await holder.query("COMMIT");
    } finally {
      await holder.end();
    }
    await run();
    expect((await notice(ids.notice[2])).level).toBe("yellow");
  });
});

describe("red notices reach the leaders", () => {
  it("when issued red, and when escalated to red by hand; once", async () => {
    const issued = await t.as("admin")({
      method: "POST",
      url: "/api/supervision-notices",
      payload: {
        targetType: "item",
        targetId: ids.work.hongweiFundingItem,
        departmentId: (await t.db.prisma.department.findUniqueOrThrow({ where: { code: "caizheng" } })).id,
        level: "red",
        requirement: "续建资金方案限期报送",
        replyBy: "2026-12-01",
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    expect((await inbox("leader")).map((n) => n.link)).toEqual([`/notices/${issued.json().id}`]);
    // The department is told at once that it has a notice (交办), whatever its colour.
    expect(
      await t.db.prisma.alert.findMany({ where: { entityId: issued.json().id }, orderBy: { rule: "asc" } }),
    ).toEqual([
      expect.objectContaining({ rule: "notice_issued", key: "issued" }),
      expect.objectContaining({ rule: "notice_red", key: "red" }),
    ]);

    const up = await t.as("admin")({
      method: "POST",
      url: `/api/supervision-notices/${ids.notice[1]}/escalate`,
      payload: { level: "red", reason: "逾期未签收" },
    });
    expect(up.statusCode, up.body).toBe(200);
    expect((await inbox("leader")).map((n) => n.link).sort()).toEqual(
      [`/notices/${issued.json().id}`, `/notices/${ids.notice[1]}`].sort(),
    );
    // 住建 hears of it too; 双台子区政府 does not.
    expect((await inbox("coord-zhujian")).some((n) => n.rule === "notice_red")).toBe(true);
    expect((await inbox("coord-shuangtaizi")).some((n) => n.rule === "notice_red")).toBe(false);
  });
});

describe("the daily digest", () => {
  it("sums yesterday's alerts per department once, on the first run of the day", async () => {
    const zhujian = await t.db.prisma.department.findUniqueOrThrow({ where: { code: "zhujian" } });
    // Two alerts raised for 住建 yesterday (China time), one the day before.
    const raised = (rule: string, key: string, at: string) => ({
      rule,
      entityType: "milestone",
      entityId: ids.work.xuefuyuanPermit,
      key,
      departmentId: zhujian.id,
      title: "…",
      link: "/",
      raisedAt: new Date(at),
    });
    await t.db.prisma.alert.createMany({
      data: [
        raised("work_overdue", "a", "2026-11-23T16:00:00Z"), // 00:00 on the 24th in China
        raised("work_due_soon", "b", "2026-11-24T15:59:59Z"), // 23:59:59 on the 24th
        raised("work_overdue", "c", "2026-11-23T15:59:59Z"), // the 23rd
      ],
    });
    await run();
    const digests = await alertsOf("daily_digest");
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ entityId: zhujian.id, key: "2026-11-24", link: "/my-work" });
    expect(digests[0]!.title).toBe("每日汇总（2026-11-24）：市住建局新增预警 2 条（即将到期 1，已逾期 1）");
    expect((await inbox("coord-zhujian")).map((n) => n.rule)).toContain("daily_digest");
    await run();
    expect(await alertsOf("daily_digest")).toHaveLength(1);
  });
});
