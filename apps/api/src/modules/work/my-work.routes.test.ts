import { describe, expect, it } from "vitest";
import { MyWorkSchema, type MyWork } from "@resettle/domain";
import { type SeededIds } from "../../test/fixtures.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});

const myWork = async (user: string): Promise<MyWork> => {
  const res = await t.as(user)({ url: "/api/my-work" });
  expect(res.statusCode).toBe(200);
  return MyWorkSchema.strict().parse(res.json());
};
const addMilestone = async (projectId: string, title: string, dueDate: string) => {
  const res = await t.as("admin")({
    method: "POST",
    url: `/api/projects/${projectId}/milestones`,
    payload: { kind: "procedures", title, dueDate, responsibleDepartmentId: ids.zhujian, responsiblePersonId: null },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

describe("GET /api/my-work", () => {
  it("住建's coordinator sees its open milestones and items of the demo: the overdue permit first", async () => {
    const work = await myWork("coord-zhujian");
    expect(work).toEqual({
      departmentId: ids.zhujian,
      asOf: "2026-11-25",
      overdueCount: 1,
      dueSoonCount: 0,
      entries: [
        {
          type: "milestone",
          id: ids.work.xuefuyuanPermit,
          projectId: ids.xuefuyuan,
          projectName: "学府园二期",
          title: "施工许可证办理",
          dueDate: "2019-12-31",
          status: "in_progress",
          blockedReason: null,
          responsiblePersonId: ids.li,
          version: 1,
          daysOverdue: 2521,
          urgency: "overdue",
          review: null,
          returnReason: null,
          completion: null,
        },
        {
          type: "item",
          id: ids.work.xuefuyuanPermitItem,
          projectId: ids.xuefuyuan,
          projectName: "学府园二期",
          title: "施工许可证未办理",
          dueDate: "2026-12-20",
          status: "in_progress",
          blockedReason: null,
          responsiblePersonId: ids.li,
          version: 1,
          daysOverdue: -25,
          urgency: "later",
          review: null,
          returnReason: null,
          completion: null,
        },
      ],
      // The demo's review of 宏伟小区: 住建 attended and has not signed (财政 has).
      reviewsToSign: [
        {
          id: expect.any(String),
          group: { id: ids.group, name: "双台子区个性问题项目联合工作组（演示）" },
          heldOn: "2026-10-20",
          projects: [{ id: ids.hongwei, name: "宏伟小区" }],
        },
      ],
      awaitingVerification: [],
      // 住建 cooperates on nothing in the demo.
      cooperating: [],
    });
    // 住建's done milestones (向阳小区 补办规划、施工许可手续, 绿地 分期竣工验收) are not work.
    expect(work.entries.map((e) => e.id)).not.toContain(ids.work.xiangyangPermits);
  });

  it("orders overdue first, then due within 14 days (today included), then later, each by due date; done drops out", async () => {
    const overdueByOne = await addMilestone(ids.xiangyang, "昨日到期", "2026-11-24");
    const dueIn14 = await addMilestone(ids.hongwei, "十四天后到期", "2026-12-09");
    await addMilestone(ids.hongwei, "十五天后到期", "2026-12-10");
    const doneSoon = await addMilestone(ids.xuefuyuan, "六天后到期", "2026-12-01");
    const itemToday = await t.as("wg")({
      method: "POST",
      url: `/api/projects/${ids.hongwei}/items`,
      payload: {
        title: "今日到期事项",
        cause: null,
        measure: null,
        responsibleDepartmentId: ids.zhujian,
        responsiblePersonId: ids.zhou,
        dueDate: "2026-11-25",
      },
    });
    expect(itemToday.statusCode).toBe(201);
    // Another department's work never shows.
    const other = await t.as("admin")({
      method: "POST",
      url: `/api/projects/${ids.hongwei}/milestones`,
      payload: {
        kind: "construction",
        title: "双台子的",
        dueDate: "2026-11-26",
        responsibleDepartmentId: ids.shuangtaizi,
        responsiblePersonId: null,
      },
    });
    expect(other.statusCode).toBe(201);
    const blocked = await t.as("coord-zhujian")({
      method: "PATCH",
      url: `/api/milestones/${dueIn14}`,
      payload: { status: "blocked", note: "等待图审", version: 1 },
    });
    expect(blocked.statusCode).toBe(200);

    let work = await myWork("coord-zhujian");
    expect(work.entries.map((e) => [e.title, e.dueDate, e.urgency, e.daysOverdue])).toEqual([
      ["施工许可证办理", "2019-12-31", "overdue", 2521],
      ["昨日到期", "2026-11-24", "overdue", 1],
      ["今日到期事项", "2026-11-25", "due_soon", 0],
      ["六天后到期", "2026-12-01", "due_soon", -6],
      ["十四天后到期", "2026-12-09", "due_soon", -14],
      ["十五天后到期", "2026-12-10", "later", -15],
      ["施工许可证未办理", "2026-12-20", "later", -25],
    ]);
    expect(work).toMatchObject({ overdueCount: 2, dueSoonCount: 3 });
    expect(work.entries.find((e) => e.id === dueIn14)).toMatchObject({
      type: "milestone",
      status: "blocked",
      blockedReason: "等待图审",
      version: 2,
      projectName: "宏伟小区",
    });
    expect(work.entries.find((e) => e.id === itemToday.json().id)).toMatchObject({
      type: "item",
      responsiblePersonId: ids.zhou,
    });

    for (const id of [doneSoon, overdueByOne]) {
      const done = await t.as("coord-zhujian")({
        method: "POST",
        url: `/api/milestones/${id}/completion`,
        payload: { completedOn: "2026-11-24", note: "已办结", version: 1 },
      });
      expect(done.statusCode).toBe(200);
    }
    work = await myWork("coord-zhujian");
    expect(work.entries.map((e) => e.title)).toEqual([
      "施工许可证办理",
      "今日到期事项",
      "十四天后到期",
      "十五天后到期",
      "施工许可证未办理",
    ]);
    expect(work).toMatchObject({ overdueCount: 1, dueSoonCount: 2 });
  });

  it("a user without a department gets an empty list; anonymous 401", async () => {
    for (const user of ["leader", "wg"])
      expect(await myWork(user)).toEqual({
        departmentId: null,
        asOf: "2026-11-25",
        overdueCount: 0,
        dueSoonCount: 0,
        entries: [],
        reviewsToSign: [],
        awaitingVerification: [],
        cooperating: [],
      });
    expect((await t.app.inject({ url: "/api/my-work" })).statusCode).toBe(401);
  });

  it("双台子区政府's coordinator sees its own, overdue ones counted", async () => {
    const work = await myWork("coord-shuangtaizi");
    expect(work.departmentId).toBe(ids.shuangtaizi);
    // Demo: 向阳 剩余住户回迁入住, 绿地 回迁房交付, 宏伟 回迁入住, 广厦 ×2, 学府园 主体工程建设 are overdue;
    // items: 宏伟 临时安置费 (2026-11-30, due soon), 广厦 安置房源 (2027-03-31, later).
    expect(work.overdueCount).toBe(6);
    expect(work.dueSoonCount).toBe(1);
    expect(work.entries).toHaveLength(8);
    expect(work.entries.every((e) => e.status !== "done")).toBe(true);
    expect(work.entries.slice(-1)[0]).toMatchObject({ title: "安置房源不足 120 套", urgency: "later" });
  });
});
