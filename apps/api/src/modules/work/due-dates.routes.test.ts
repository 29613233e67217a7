import { beforeEach, describe, expect, it } from "vitest";
import { snapshot } from "../../test/fixtures.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";
import type { SeededIds } from "../../test/fixtures.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});
// Signed in before any snapshot: a session is not what a refusal must leave unwritten.
beforeEach(async () => {
  await t.as("wg")({ url: "/api/auth/me" });
});

// The plan runs 2018–2020 and today is 2026-11-25: due dates from 2018-01-01 to 2031-12-31.
const WINDOW = { minimum: "2018-01-01", maximum: "2031-12-31" };
const outside = (path: string, date: string) => ({
  path,
  reason: "out_of_bounds",
  message: `${date} lies outside ${WINDOW.minimum} … ${WINDOW.maximum}`,
  params: WINDOW,
});

const milestone = (dueDate: string) =>
  t.as("wg")({
    method: "POST",
    url: `/api/projects/${ids.xuefuyuan}/milestones`,
    payload: {
      kind: "handover",
      title: "回迁房交付",
      dueDate,
      responsibleDepartmentId: ids.zhujian,
      responsiblePersonId: null,
    },
  });
const item = (dueDate: string) =>
  t.as("wg")({
    method: "POST",
    url: `/api/projects/${ids.hongwei}/items`,
    payload: {
      title: "质量监督未介入",
      cause: null,
      measure: null,
      responsibleDepartmentId: ids.zhujian,
      responsiblePersonId: null,
      dueDate,
    },
  });

describe("due dates lie within the plan's span plus five years (planWindows)", () => {
  it("a milestone or an item due before the plan began or past the margin is 400 out_of_bounds with the window; nothing is written", async () => {
    const before = await snapshot(t.db.prisma);
    for (const date of ["2017-12-31", "2032-01-01"]) {
      for (const res of [await milestone(date), await item(date)]) {
        expect(res.statusCode, date).toBe(400);
        expect(res.json().error.details).toEqual([outside("body.dueDate", date)]);
      }
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
    // Both ends are inside.
    for (const date of ["2018-01-01", "2031-12-31"]) {
      expect((await milestone(date)).statusCode, date).toBe(201);
      expect((await item(date)).statusCode, date).toBe(201);
    }
  });

  it("moving a due date outside is refused too; a record keeps a stored date it does not change", async () => {
    const created = (await milestone("2027-03-31")).json();
    const moved = await t.as("wg")({
      method: "PATCH",
      url: `/api/milestones/${created.id}`,
      payload: { dueDate: "2040-01-01", version: created.version },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details).toEqual([outside("body.dueDate", "2040-01-01")]);
    // A date already stored outside (from before this rule) does not block other changes.
    await t.db.prisma.milestone.update({ where: { id: created.id }, data: { dueDate: new Date("2017-06-30") } });
    const renamed = await t.as("wg")({
      method: "PATCH",
      url: `/api/milestones/${created.id}`,
      payload: { title: "回迁房交付（调整）", dueDate: "2017-06-30", version: created.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });

  it("a review's follow-up actions are judged field by field", async () => {
    const person = async (name: string) => (await t.db.prisma.person.findFirstOrThrow({ where: { name } })).id;
    const before = await snapshot(t.db.prisma);
    const res = await t.as("wg")({
      method: "POST",
      url: "/api/reviews",
      payload: {
        groupId: ids.group,
        heldOn: "2026-10-01",
        attendeePersonIds: [await person("李科长（演示）"), await person("蒋庭长（演示）"), ids.zhang],
        projects: [
          {
            projectId: ids.hongwei,
            findings: "开发企业资金链断裂，工程停工两年",
            decisions: "由住建局牵头引入代建单位",
            actions: [
              { title: "确定代建单位", departmentId: ids.zhujian, personId: ids.li, dueDate: "2036-10-15" },
              { title: "协调解除查封", departmentId: ids.fayuan, personId: ids.jiang, dueDate: "2026-12-31" },
              { title: "办理产权证", departmentId: ids.zhujian, personId: ids.li, dueDate: "2099-12-31" },
            ],
          },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      outside("body.projects.0.actions.0.dueDate", "2036-10-15"),
      outside("body.projects.0.actions.2.dueDate", "2099-12-31"),
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});
