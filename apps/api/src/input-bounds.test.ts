import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seededIds, snapshot, type SeededIds } from "./test/fixtures.js";
import { createTestApp } from "./test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of ["admin", "coord-shuangtaizi", "leader"]) await t.as(user)({ url: "/api/auth/me" });
});
afterEach(() => t.close());

type Res = { statusCode: number; json(): { error: { code: string; details?: { path: string; reason: string }[] } } };
const issues = (res: Res) => res.json().error.details?.map((d) => [d.path, d.reason]);

describe("text no record can hold", () => {
  it("NUL and unpaired surrogates are 400 on the field, in bodies, queries and the login; nothing is written", async () => {
    const before = await snapshot(t.db.prisma);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "a\u0000", password: "x" },
    });
    expect(login.statusCode).toBe(400);
    expect(issues(login)).toEqual([["body.username", "invalid_characters"]]);

    const milestone = await t.as("admin")({
      method: "POST",
      url: `/api/projects/${ids.xiangyang}/milestones`,
      payload: {
        kind: "construction",
        title: "封顶\u0000",
        dueDate: "2026-12-31",
        responsibleDepartmentId: null,
        responsiblePersonId: null,
      },
    });
    expect(milestone.statusCode).toBe(400);
    expect(issues(milestone)).toEqual([["body.title", "invalid_characters"]]);

    const lone = await t.as("coord-shuangtaizi")({
      method: "POST",
      url: `/api/projects/${ids.xiangyang}/progress-reports`,
      payload: { reportedOn: "2026-11-20", households: 1, note: "半个字\ud800" },
    });
    expect(lone.statusCode).toBe(400);
    expect(issues(lone)).toEqual([["body.note", "invalid_characters"]]);

    const search = await t.as("leader")({ url: "/api/persons?q=%00" });
    expect(search.statusCode).toBe(400);
    expect(issues(search)).toEqual([["querystring.q", "invalid_characters"]]);

    // A paired surrogate (an emoji, a rare character outside the BMP) is ordinary text.
    const paired = await t.as("leader")({ url: `/api/persons?q=${encodeURIComponent("𠮷")}` });
    expect(paired.statusCode).toBe(200);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("dates out of any sensible range", () => {
  it("the year 0 and 1900 are 400 out_of_bounds, never a 500; nothing is written", async () => {
    const before = await snapshot(t.db.prisma);
    for (const date of ["0000-01-01", "1900-01-01", "2101-01-01"]) {
      const report = await t.as("coord-shuangtaizi")({
        method: "POST",
        url: `/api/projects/${ids.xiangyang}/progress-reports`,
        payload: { reportedOn: date, households: 1 },
      });
      expect(report.statusCode, date).toBe(400);
      expect(issues(report)).toEqual([["body.reportedOn", "out_of_bounds"]]);

      const milestone = await t.as("admin")({
        method: "POST",
        url: `/api/projects/${ids.xiangyang}/milestones`,
        payload: {
          kind: "construction",
          title: "封顶",
          dueDate: date,
          responsibleDepartmentId: ids.zhujian,
          responsiblePersonId: null,
        },
      });
      expect(milestone.statusCode, date).toBe(400);
      expect(issues(milestone)).toEqual([["body.dueDate", "out_of_bounds"]]);

      const audit = await t.as("leader")({ url: `/api/audit-events?from=${date}` });
      expect(audit.statusCode, date).toBe(400);
      expect(issues(audit)).toEqual([["querystring.from", "out_of_bounds"]]);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});
