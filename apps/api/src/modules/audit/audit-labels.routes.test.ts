import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { AuditEventSchema, pageOf } from "@resettle/domain";
import { type SeededIds } from "../../test/fixtures.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

const AuditPage = pageOf(AuditEventSchema.strict());
const list = async (query: string) => {
  const res = await t.as("admin")({ url: `/api/audit-events${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return AuditPage.parse(res.json());
};
const ok = async (user: string, request: InjectOptions) => {
  const res = await t.as(user)(request);
  expect(res.statusCode, res.body).toBeLessThan(300);
};

describe("audit events name their records in words (entityLabel)", () => {
  it("an item, a milestone, a review, a progress report, a project, a person and an account, on one page", async () => {
    await ok("coord-zhujian", {
      method: "PATCH",
      url: `/api/milestones/${ids.work.xuefuyuanPermit}`,
      payload: { status: "blocked", note: "等待规划批复", version: 1 },
    });
    await ok("admin", {
      method: "PATCH",
      url: `/api/items/${ids.work.hongweiFundingItem}`,
      payload: { status: "blocked", note: "资金未到位", version: 1 },
    });
    await ok("coord-zhujian", { method: "POST", url: `/api/reviews/${ids.review}/signatures` });
    await ok("admin", {
      method: "POST",
      url: `/api/projects/${ids.hongwei}/progress-reports`,
      payload: { reportedOn: "2026-11-20", households: 2, note: null },
    });
    await ok("admin", { method: "PATCH", url: `/api/persons/${ids.jiang}`, payload: { title: "庭长", version: 1 } });

    const page = await list("?pageSize=100");
    const labelOf = (type: string, id?: string) =>
      page.items.find((e) => e.entityType === type && (!id || e.entityId === id))?.entityLabel;
    expect(labelOf("milestone", ids.work.xuefuyuanPermit)).toBe("施工许可证办理");
    expect(labelOf("item", ids.work.hongweiFundingItem)).toBe("续建资金缺口约 8,000 万元");
    expect(labelOf("review", ids.review)).toMatch(/^2026-10-20 .+/);
    expect(labelOf("progress_report")).toBe("2026-11-20 +2");
    expect(labelOf("person", ids.jiang)).toBe("蒋庭长（演示）");
    expect(labelOf("session", ids.admin)).toBe("系统管理员（演示） (admin)");
    // Every event of the page has words, none an id.
    expect(page.items.every((e) => e.entityLabel && !e.entityLabel.includes(e.entityId))).toBe(true);
  });

  it("a project's change records name the milestone or item they are about", async () => {
    await ok("coord-zhujian", {
      method: "PATCH",
      url: `/api/milestones/${ids.work.xuefuyuanPermit}`,
      payload: { status: "blocked", note: "等待规划批复", version: 1 },
    });
    const res = await t.as("leader")({ url: `/api/projects/${ids.xuefuyuan}/history` });
    const history = AuditPage.parse(res.json());
    expect(history.items[0]).toMatchObject({
      action: "status_blocked",
      entityType: "milestone",
      entityLabel: "施工许可证办理",
    });
  });

  it("an old event of a record that no longer answers reads from what it recorded, else has no label", async () => {
    const gone = "00000000-0000-4000-8000-000000000001";
    await t.db.prisma.auditEvent.createMany({
      data: [
        { actorName: "旧系统", action: "create", entityType: "item", entityId: gone, after: { title: "旧整改事项" } },
        { actorName: "旧系统", action: "update", entityType: "cause", entityId: "not-a-uuid", after: { version: 2 } },
      ],
    });
    expect((await list(`?entityType=item&entityId=${gone}`)).items.map((e) => e.entityLabel)).toEqual(["旧整改事项"]);
    expect((await list("?entityType=cause&entityId=not-a-uuid")).items.map((e) => e.entityLabel)).toEqual([null]);
  });

  it("the 研判会 filter lists review events only", async () => {
    await ok("coord-zhujian", { method: "POST", url: `/api/reviews/${ids.review}/signatures` });
    const reviews = await list("?entityType=review");
    expect(reviews.total).toBeGreaterThan(0);
    expect(reviews.items.every((e) => e.entityType === "review" && e.entityLabel?.startsWith("2026-10-20"))).toBe(true);
  });
});
