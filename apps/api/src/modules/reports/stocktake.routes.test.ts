import { describe, expect, it } from "vitest";
import { StocktakeSchema, type Stocktake } from "@resettle/domain";
import type { SeededIds } from "../../test/fixtures.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

async function stocktake(groupId: string): Promise<Stocktake> {
  const res = await t.as("wg")({ url: `/api/reports/stocktake?groupId=${groupId}` });
  expect(res.statusCode, res.body).toBe(200);
  return StocktakeSchema.parse(res.json());
}

describe("GET /api/reports/stocktake", () => {
  it("gives the demo group's 宏伟小区 its blockers with reasons, the open follow-up, the last review and the reply to review", async () => {
    const s = await stocktake(ids.group);
    expect(s.asOf).toBe("2026-11-25");
    expect(s.group).toMatchObject({ id: ids.group, leadDepartment: { id: ids.zhujian } });
    expect(s.projects.map((p) => p.id)).toEqual([ids.hongwei]);
    const [hongwei] = s.projects;

    expect(hongwei!.blockers.map((b) => [b.kind, b.title, b.reason, b.overdue])).toEqual([
      ["milestone", "土地证、房产证办理", "开发企业欠缴土地出让金，不动产登记暂停", true],
      ["milestone", "解决开发商资金缺口后复工", "开发企业资金链断裂，续建资金未落实", true],
      ["item", "回迁房产权证无法办理", "等待市财政局资金方案", false],
    ]);
    expect(hongwei!.followUps.map((f) => [f.title, f.reviewHeldOn, f.status])).toEqual([
      ["续建资金方案报市政府审定", "2026-10-20", "in_progress"],
    ]);
    expect(hongwei!.lastReview).toMatchObject({ heldOn: "2026-10-20" });
    // 3号, 双台子区政府's reply about 宏伟小区, waits for the office's 复核.
    expect(hongwei!.decisionsOwed.noticeReviews).toEqual([
      {
        id: ids.notice[3],
        number: "盘回迁督〔2026〕3号",
        level: "red",
        department: { id: ids.shuangtaizi, name: "双台子区政府" },
      },
    ]);

    // The project page says the same of its trajectory and health.
    const detail = (await t.as("wg")({ url: `/api/projects/${ids.hongwei}` })).json();
    expect(hongwei!.trajectory).toEqual(detail.trajectory);
    expect({ level: hongwei!.level, rules: hongwei!.rules }).toEqual(detail.health);
  });

  it("covers every project of the group, red first: tickets, arrears, completions to verify and extensions to decide", async () => {
    const { prisma } = t.db;
    await prisma.workingGroupProject.createMany({
      data: [ids.xuefuyuan, ids.guangsha, ids.hetang].map((projectId) => ({ groupId: ids.group, projectId })),
    });
    // A follow-up action completed by 财政: a review's action waits for the office's verification (待复核).
    const followUp = await prisma.item.findFirstOrThrow({ where: { title: "续建资金方案报市政府审定" } });
    const res = await t.as("coord-caizheng")({
      method: "POST",
      url: `/api/items/${followUp.id}/completion`,
      payload: { completedOn: "2026-11-24", note: "方案已报市政府（测试）", version: followUp.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("awaiting_verification");

    const s = await stocktake(ids.group);
    const levels = s.projects.map((p) => p.level);
    expect(levels).toEqual(["red", "red", "red", "green"]);
    expect(s.projects.at(-1)!.id).toBe(ids.hetang);
    const of = (id: string) => s.projects.find((p) => p.id === id)!;

    const hongwei = of(ids.hongwei);
    expect(hongwei.decisionsOwed.verifications).toEqual([
      expect.objectContaining({
        kind: "item",
        id: followUp.id,
        completedOn: "2026-11-24",
        status: "awaiting_verification",
      }),
    ]);
    expect(hongwei.followUps.map((f) => f.status)).toEqual(["awaiting_verification"]);

    // 4号 about 学府园二期's permit: 住建 asked to extend to 20 December.
    expect(of(ids.xuefuyuan).decisionsOwed.extensions).toEqual([
      {
        id: ids.notice[4],
        number: "盘回迁督〔2026〕4号",
        until: "2026-12-20",
        department: { id: ids.zhujian, name: "市住建局" },
      },
    ]);

    // 广厦小区: its open tickets as the ticket list counts them, and its subsidy owed.
    const guangsha = of(ids.guangsha);
    const now = new Date("2026-11-25T02:00:00Z");
    const open = await prisma.utilityTicket.findMany({
      where: { projectId: ids.guangsha, status: { in: ["open", "in_progress"] } },
    });
    expect(guangsha.tickets.open).toBe(open.length);
    expect(guangsha.tickets.overdue).toBe(open.filter((x) => x.deadlineAt < now).length);
    expect(guangsha.tickets.items.map((x) => x.id)).toContain(ids.ticket);
    expect(guangsha.arrears?.over90).toBeGreaterThan(0);
    expect(guangsha.rules.map((r) => r.code)).toContain("subsidy_arrears");

    // A project with nothing open has nothing listed.
    expect(of(ids.hetang)).toMatchObject({ blockers: [], followUps: [], tickets: { open: 0, items: [] } });
  });

  it("answers 404 for a group that does not exist and 400 for a malformed id", async () => {
    const missing = await t.as("leader")({
      url: "/api/reports/stocktake?groupId=00000000-0000-4000-8000-000000000000",
    });
    expect(missing.statusCode).toBe(404);
    const malformed = await t.as("leader")({ url: "/api/reports/stocktake?groupId=abc" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].path).toBe("querystring.groupId");
  });
});
