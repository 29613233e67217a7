import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlertRunResultSchema, NotificationPageSchema } from "@resettle/domain";
import { seededIds, type SeededIds } from "../../test/fixtures.js";
import { createTestApp } from "../../test/test-app.js";

// 预警与通知 (issue 12): the rules raise each alert once, into the notification centre of the
// department's users; one run at a time across processes (an advisory lock).

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of ["admin", "leader", "coord-zhujian", "coord-shuangtaizi"])
    await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

const run = async () => {
  const res = await t.as("admin")({ method: "POST", url: "/api/alerts/run" });
  expect(res.statusCode, res.body).toBe(200);
  return AlertRunResultSchema.parse(res.json());
};
const inbox = async (user: string, query = "") => {
  const res = await t.as(user)({ url: `/api/notifications?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return NotificationPageSchema.strict().parse(res.json());
};

describe("POST /api/alerts/run", () => {
  it("raises each alert once, naming the record, its department and person, into the department's notifications", async () => {
    const first = await run();
    expect(first.skipped).toBe(false);
    expect(first.raised).toBeGreaterThan(0);
    const rules = await t.db.prisma.alert.groupBy({ by: ["rule"], _count: true });
    // The demo has work overdue, a ticket past its deadline, a notice unsigned (the rest: alert-rules.test.ts).
    expect(rules.map((r) => r.rule)).toEqual(
      expect.arrayContaining(["notice_unsigned", "ticket_overdue", "work_overdue"]),
    );
    // 学府园二期 施工许可证办理 (住建, due 2019-12-31): overdue, in 住建's coordinator's inbox.
    const mine = await inbox("coord-zhujian", "unread=true&pageSize=100");
    expect(mine.unread).toBe(mine.total);
    expect(mine.items.map((n) => n.title)).toContainEqual(
      expect.stringMatching(
        /^已逾期：学府园二期节点「施工许可证办理」应于 2019-12-31 完成（市住建局，李科长（演示））$/,
      ),
    );
    expect(mine.items.map((n) => n.title)).toContainEqual(
      expect.stringMatching(/^督办单 盘回迁督〔2026〕1号 交办已超过 3 天未签收/),
    );
    expect(mine.items.find((n) => n.rule === "notice_unsigned")!.link).toBe(`/notices/${ids.notice[1]}`);
    // Nothing of 住建's reaches 双台子区政府, nor the leader.
    const theirs = await inbox("coord-shuangtaizi", "pageSize=100");
    expect(theirs.items.some((n) => n.title.includes("施工许可证办理"))).toBe(false);
    expect((await inbox("leader")).total).toBe(0);

    // Again: nothing new is raised, nobody is told twice.
    const notifications = await t.db.prisma.notification.count();
    expect(await run()).toEqual({ raised: 0, notified: 0, skipped: false });
    expect(await t.db.prisma.notification.count()).toBe(notifications);

    // A new occasion (the due day moved, and passed again) raises again.
    await t.db.prisma.milestone.update({
      where: { id: ids.work.xuefuyuanPermit },
      data: { dueDate: new Date("2026-11-20") },
    });
    expect((await run()).raised).toBe(1);
  });

  it("does nothing while another process holds the job's lock", async () => {
    const other = new pg.Client({ connectionString: t.db.url });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock(hashtext('resettle:alerts'))");
      expect(await run()).toEqual({ raised: 0, notified: 0, skipped: true });
      expect(await t.db.prisma.alert.count()).toBe(0);
      await other.query("SELECT pg_advisory_unlock(hashtext('resettle:alerts'))");
      expect((await run()).raised).toBeGreaterThan(0);
    } finally {
      await other.end();
    }
  });

  it("is the office's: everyone else 403", async () => {
    for (const user of ["leader", "coord-zhujian"])
      expect((await t.as(user)({ method: "POST", url: "/api/alerts/run" })).statusCode, user).toBe(403);
  });
});

describe("/api/notifications", () => {
  it("marks one's own notification read; another's is not found; the unread count follows", async () => {
    await run();
    const before = await inbox("coord-zhujian", "unread=true");
    const [first] = before.items;
    const read = await t.as("coord-zhujian")({ method: "POST", url: `/api/notifications/${first!.id}/read` });
    expect(read.statusCode, read.body).toBe(204);
    const after = await inbox("coord-zhujian");
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((n) => n.id === first!.id)!.readAt).not.toBeNull();
    expect((await inbox("coord-zhujian", "unread=false")).total).toBe(1);
    // Reading again changes nothing; someone else's id is not found.
    expect(
      (await t.as("coord-zhujian")({ method: "POST", url: `/api/notifications/${first!.id}/read` })).statusCode,
    ).toBe(204);
    expect(
      (await t.as("coord-shuangtaizi")({ method: "POST", url: `/api/notifications/${first!.id}/read` })).statusCode,
    ).toBe(404);
    expect((await inbox("coord-zhujian")).unread).toBe(before.unread - 1);
  });

  it("marks all one's own unread read at once, keeping the time of any read before; nobody else's", async () => {
    await run();
    const [first] = (await inbox("coord-zhujian")).items;
    await t.as("coord-zhujian")({ method: "POST", url: `/api/notifications/${first!.id}/read` });
    const readBefore = (await inbox("coord-zhujian", "unread=false")).items[0]!.readAt;
    const theirs = await inbox("coord-shuangtaizi");
    expect(theirs.unread).toBeGreaterThan(0);

    const res = await t.as("coord-zhujian")({ method: "POST", url: "/api/notifications/read-all" });
    expect(res.statusCode, res.body).toBe(204);
    const after = await inbox("coord-zhujian", "pageSize=100");
    expect(after.unread).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
    expect(after.items.find((n) => n.id === first!.id)!.readAt).toBe(readBefore);
    expect((await inbox("coord-shuangtaizi")).unread).toBe(theirs.unread);
    // Nothing left unread: again is no error.
    expect((await t.as("coord-zhujian")({ method: "POST", url: "/api/notifications/read-all" })).statusCode).toBe(204);
  });
});
