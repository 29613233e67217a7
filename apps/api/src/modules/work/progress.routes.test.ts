import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProgressLedgerPageSchema, ProgressReportSchema, ProjectDetailSchema } from "@resettle/domain";
import { detailPaths, seededIds, snapshot, type SeededIds } from "../../test/fixtures.js";
import { raceOnLockedRow } from "../../test/row-lock.js";
import { createTestApp } from "../../test/test-app.js";

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: SeededIds;
const USERS = ["admin", "wg", "leader", "coord-zhujian", "coord-shuangtaizi", "coord-dawa", "coord-fayuan"];
const displayName: Record<string, string> = {};
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
  for (const user of USERS) {
    const me = await t.as(user)({ url: "/api/auth/me" }); // signed in before any snapshot
    displayName[user] = me.json().user.displayName;
  }
});
afterEach(() => t.close());

const report = (user: string, projectId: string, payload: Record<string, unknown>, requestId?: string) =>
  t.as(user)({
    method: "POST",
    url: `/api/projects/${projectId}/progress-reports`,
    payload,
    ...(requestId ? { headers: { "x-request-id": requestId } } : {}),
  });
const ledgerPage = async (projectId: string, page = 1, pageSize = 100) => {
  const res = await t.as("leader")({
    url: `/api/projects/${projectId}/progress-reports?page=${page}&pageSize=${pageSize}`,
  });
  expect(res.statusCode).toBe(200);
  return ProgressLedgerPageSchema.extend({ items: ProgressReportSchema.strict().array() }).parse(res.json());
};
/** The whole ledger, newest first (every test's ledger fits on one page of 100). */
const ledger = async (projectId: string) => {
  const page = await ledgerPage(projectId);
  expect(page.items).toHaveLength(page.total);
  return page.items;
};
const project = async (projectId: string) => {
  const res = await t.as("leader")({ url: `/api/projects/${projectId}` });
  expect(res.statusCode).toBe(200);
  return ProjectDetailSchema.parse(res.json());
};
/** The project's figure, its trajectory, its ledger's entries and the ledger's sum must always agree. */
async function expectMovedBack(projectId: string, movedBack: number) {
  const p = await project(projectId);
  expect(p.movedBack).toBe(movedBack);
  expect(p.trajectory.movedBack).toBe(movedBack);
  const page = await ledgerPage(projectId);
  expect(page.households).toBe(movedBack);
  expect(page.items.reduce((s, r) => s + r.households, 0)).toBe(movedBack);
  return p;
}

describe("GET /api/projects/:id/progress-reports", () => {
  it("lists the ledger newest first; its sum is the project's moved-back figure (向阳小区: 520 + 400 = 920)", async () => {
    const entries = await ledger(ids.xiangyang);
    expect(
      entries.map((e) => [e.reportedOn, e.households, e.note, e.reason, e.backdated, e.reportedBy, e.isDemo]),
    ).toEqual([
      ["2019-11-30", 400, "演示数据", null, false, null, true],
      ["2018-11-30", 520, "演示数据", null, false, null, true],
    ]);
    await expectMovedBack(ids.xiangyang, 920);
    const missing = await t.as("leader")({
      url: "/api/projects/00000000-0000-4000-8000-000000000000/progress-reports",
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe("POST /api/projects/:id/progress-reports", () => {
  it("the responsible department's coordinator reports households moved back: 201, the figure moves, audited", async () => {
    const res = await report(
      "coord-shuangtaizi",
      ids.xiangyang,
      { reportedOn: "2026-11-20", households: 30, note: "  第三批入住  " },
      "progress-report-01",
    );
    expect(res.statusCode).toBe(201);
    const created = ProgressReportSchema.strict().parse(res.json());
    expect(created).toEqual({
      id: expect.any(String),
      projectId: ids.xiangyang,
      reportedOn: "2026-11-20",
      households: 30,
      note: "第三批入住",
      reason: null,
      backdated: false,
      reportedBy: displayName["coord-shuangtaizi"],
      isDemo: false,
      createdAt: expect.any(String),
    });
    const p = await expectMovedBack(ids.xiangyang, 950);
    expect(p.version).toBe(2);
    expect((await ledger(ids.xiangyang))[0]).toEqual(created);
    const events = await t.db.prisma.auditEvent.findMany({ where: { clientRequestId: "progress-report-01" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "report_progress",
      entityType: "progress_report",
      entityId: created.id,
      actorId: (await t.db.prisma.user.findUniqueOrThrow({ where: { username: "coord-shuangtaizi" } })).id,
      before: { projectId: ids.xiangyang, project: "向阳小区", movedBack: 920 },
      after: {
        movedBack: 950,
        households: 30,
        reportedOn: "2026-11-20",
        note: "第三批入住",
        reason: null,
        backdated: false,
      },
    });
  });

  it("the responsible department or the project's district government may report; other coordinators, the working group and leaders get 403 and nothing is written", async () => {
    // Make 住建 responsible for 向阳小区: now both 住建 and 双台子区政府 (属地) may report.
    const assigned = await t.as("admin")({
      method: "PUT",
      url: `/api/projects/${ids.xiangyang}/responsibility`,
      payload: { departmentId: ids.zhujian, personId: ids.zhou, reason: "转由住建局牵头", version: 1 },
    });
    expect(assigned.statusCode).toBe(200);
    const before = await snapshot(t.db.prisma);
    for (const user of ["coord-fayuan", "coord-dawa", "wg", "leader"]) {
      const res = await report(user, ids.xiangyang, { reportedOn: "2026-11-20", households: 5, note: null });
      expect(res.statusCode, user).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
      // The refusal comes before any judgement of the request: a date after today is 403 too.
      const future = await report(user, ids.xiangyang, { reportedOn: "2026-12-01", households: 5 });
      expect(future.statusCode, `${user}, future`).toBe(403);
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);

    for (const user of ["coord-zhujian", "coord-shuangtaizi", "admin"]) {
      const res = await report(user, ids.xiangyang, { reportedOn: "2026-11-25", households: 5 });
      expect(res.statusCode, user).toBe(201);
      expect(res.json().reportedBy).toBe(displayName[user]);
    }
    await expectMovedBack(ids.xiangyang, 935);
    // 大洼区's government for its own projects (桃李源项目: 20 of 43).
    expect((await report("coord-dawa", ids.taoliyuan, { reportedOn: "2026-11-01", households: 3 })).statusCode).toBe(
      201,
    );
    await expectMovedBack(ids.taoliyuan, 23);
    // 住建 is responsible for nothing in 宏伟小区 and is no district government.
    expect((await report("coord-zhujian", ids.hongwei, { reportedOn: "2026-11-01", households: 3 })).statusCode).toBe(
      403,
    );
  });

  it("a correction is its own kind, with its reason (400 otherwise), stored negative and audited as correct_progress", async () => {
    const before = await snapshot(t.db.prisma);
    const bare = await report("coord-shuangtaizi", ids.xiangyang, {
      kind: "correction",
      reportedOn: "2026-11-20",
      households: 20,
    });
    expect(bare.statusCode).toBe(400);
    // Clients decide by the reason, never by the English message.
    expect(bare.json().error.details).toEqual([
      expect.objectContaining({ path: "body.reason", reason: "reason_required" }),
    ]);
    const unknown = await report("coord-shuangtaizi", ids.xiangyang, {
      kind: "withdrawal",
      reportedOn: "2026-11-20",
      households: 20,
      reason: "x",
    });
    expect(detailPaths(unknown)).toEqual(["body.kind"]);
    expect(await snapshot(t.db.prisma)).toEqual(before);

    const res = await report(
      "coord-shuangtaizi",
      ids.xiangyang,
      { kind: "correction", reportedOn: "2026-11-20", households: 20, reason: "2019 年重复统计 20 户" },
      "progress-correct-01",
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      households: -20,
      reason: "2019 年重复统计 20 户",
      note: null,
      backdated: false,
    });
    await expectMovedBack(ids.xiangyang, 900);
    const [event] = await t.db.prisma.auditEvent.findMany({ where: { clientRequestId: "progress-correct-01" } });
    expect(event).toMatchObject({
      action: "correct_progress",
      entityType: "progress_report",
      before: { movedBack: 920 },
      after: { movedBack: 900, households: -20, reason: "2019 年重复统计 20 户" },
    });
  });

  it("households is a count: −5, 0, 3.5, a string or more than 100,000 are refused field by field, never clamped, rounded or read as a correction", async () => {
    const before = await snapshot(t.db.prisma);
    const cases: [unknown, string][] = [
      [-5, "too_small"],
      [0, "too_small"],
      [-20, "too_small"], // even with a reason: a minus sign never makes a correction
      [3.5, "invalid_type"],
      ["4", "invalid_type"],
      [100_001, "too_big"],
    ];
    for (const [households, reason] of cases) {
      const res = await report("coord-shuangtaizi", ids.xiangyang, {
        reportedOn: "2026-11-20",
        households,
        reason: "冲回",
      });
      expect(res.statusCode, String(households)).toBe(400);
      expect(res.json().error.details, String(households)).toEqual([
        expect.objectContaining({ path: "body.households", reason }),
      ]);
    }
    const huge = await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: "2026-11-20", households: 100_001 });
    expect(huge.json().error.details[0].params).toMatchObject({ maximum: 100_000 });
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("never past the total nor below zero: 400, and neither an entry nor the figure is written", async () => {
    const before = await snapshot(t.db.prisma);
    const over = await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: "2026-11-20", households: 289 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details).toEqual([
      expect.objectContaining({
        path: "body.households",
        reason: "out_of_bounds",
        message: "920 + (289) would leave 1209 households moved back, outside 0 … 1208",
      }),
    ]);
    const under = await report("coord-shuangtaizi", ids.xiangyang, {
      kind: "correction",
      reportedOn: "2026-11-20",
      households: 921,
      reason: "全部冲回",
    });
    expect(under.statusCode).toBe(400);
    expect(detailPaths(under)).toEqual(["body.households"]);
    // The count this project can take, for the form to say: 288 still to move back, 920 to take back.
    expect(over.json().error.details[0].params).toEqual({
      minimum: 1,
      maximum: 288,
      movedBack: 920,
      totalHouseholds: 1208,
    });
    expect(under.json().error.details[0].params).toMatchObject({ minimum: 1, maximum: 920 });
    expect(await snapshot(t.db.prisma)).toEqual(before);
    await expectMovedBack(ids.xiangyang, 920);
  });

  it("a report dated after today (2026-11-25 in China) is 400; today is fine", async () => {
    const before = await snapshot(t.db.prisma);
    const res = await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: "2026-11-26", households: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        path: "body.reportedOn",
        reason: "date_in_future",
        message: "A report cannot be dated after today (2026-11-25)",
        params: { today: "2026-11-25" },
      },
    ]);
    expect(detailPaths(await report("admin", ids.xiangyang, { reportedOn: "26.11.2026", households: 1 }))).toEqual([
      "body.reportedOn",
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect(
      (await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: "2026-11-25", households: 1 })).statusCode,
    ).toBe(201);
  });

  // Forced: the four hold the pool's four connections, each waiting on the project's row, then go
  // together; each must re-check against the figure the previous one left.
  it("concurrent reports cannot pass the total: 4 × 100 on 920 of 1,208 → exactly 2 succeed; a final 88 completes the project", async () => {
    const answers = await raceOnLockedRow(t.db.url, "projects", ids.xiangyang, 4, () =>
      Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          report(i % 2 ? "coord-shuangtaizi" : "admin", ids.xiangyang, {
            reportedOn: "2026-11-25",
            households: 100,
            note: `并发 ${i}`,
          }),
        ),
      ),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 400)).toHaveLength(2);
    for (const refused of answers.filter((r) => r.statusCode === 400))
      expect(detailPaths(refused)).toEqual(["body.households"]);
    let p = await expectMovedBack(ids.xiangyang, 1120);
    expect(p.status).toBe("in_progress");
    expect(await ledger(ids.xiangyang)).toHaveLength(2 + 2);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "report_progress" } })).toBe(2);

    const last = await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: "2026-11-25", households: 88 });
    expect(last.statusCode).toBe(201);
    p = await expectMovedBack(ids.xiangyang, 1208);
    expect(p.status).toBe("completed");
    expect(p.trajectory).toMatchObject({ remaining: 0, status: "finished", movedBackPercent: 100 });

    // A correction reopens it.
    await report("admin", ids.xiangyang, {
      kind: "correction",
      reportedOn: "2026-11-25",
      households: 1,
      reason: "一户退回",
    });
    p = await expectMovedBack(ids.xiangyang, 1207);
    expect(p.status).toBe("in_progress");
  });

  it("concurrent corrections cannot take it below zero (桃李源项目: 20; 4 × −6 → exactly 3)", async () => {
    const answers = await raceOnLockedRow(t.db.url, "projects", ids.taoliyuan, 4, () =>
      Promise.all(
        Array.from({ length: 4 }, () =>
          report("coord-dawa", ids.taoliyuan, {
            kind: "correction",
            reportedOn: "2026-11-25",
            households: 6,
            reason: "冲回",
          }),
        ),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 400]);
    await expectMovedBack(ids.taoliyuan, 2);
  });

  it("entries are never edited: there is no PATCH, PUT or DELETE for them", async () => {
    const [entry] = await ledger(ids.xiangyang);
    await t.app.ready();
    expect(
      t.app.apiRoutes
        .filter((r) => /^\/api\/(projects\/:id\/)?progress-reports(\/:id)?$/.test(r.url))
        .map((r) => r.method)
        .sort(),
    ).toEqual(["GET", "POST"]);
    const before = await snapshot(t.db.prisma);
    for (const method of ["PATCH", "PUT", "DELETE"] as const) {
      for (const url of [`/api/progress-reports/${entry!.id}`, `/api/projects/${ids.xiangyang}/progress-reports`]) {
        const res = await t.as("admin")({ method, url, payload: { households: 1 } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });
});

describe("dates of a report: within the plan's window (2018-01-01 … today), a closed year only with a reason (补报)", () => {
  it("before the plan's first year is 400 out_of_bounds with the window's ends; 1900 too; nothing is written", async () => {
    const before = await snapshot(t.db.prisma);
    const early = await report("coord-shuangtaizi", ids.xiangyang, {
      reportedOn: "2017-12-31",
      households: 1,
      reason: "补报",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details).toEqual([
      {
        path: "body.reportedOn",
        reason: "out_of_bounds",
        message: "2017-12-31 lies outside 2018-01-01 … 2026-11-25",
        params: { minimum: "2018-01-01", maximum: "2026-11-25" },
      },
    ]);
    const ancient = await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: "1900-01-01", households: 1 });
    expect(ancient.json().error.details).toEqual([
      expect.objectContaining({ path: "body.reportedOn", reason: "out_of_bounds" }),
    ]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
  });

  it("a report dated in a closed year needs a reason (400 reason_required without, nothing written) and is stored as 补报 (backdated)", async () => {
    const before = await snapshot(t.db.prisma);
    const dashboardBefore = (await t.as("leader")({ url: "/api/dashboard" })).json();
    const bare = await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: "2019-06-30", households: 5 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toEqual([
      expect.objectContaining({ path: "body.reason", reason: "reason_required", params: { year: 2019 } }),
    ]);
    // Field by field: a date outside and a missing reason are both said at once.
    const both = await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: "2017-06-30", households: 5 });
    expect(detailPaths(both)).toEqual(["body.reportedOn", "body.reason"]);
    expect(await snapshot(t.db.prisma)).toEqual(before);
    expect((await t.as("leader")({ url: "/api/dashboard" })).json()).toEqual(dashboardBefore);

    const res = await report(
      "coord-shuangtaizi",
      ids.xiangyang,
      { reportedOn: "2019-06-30", households: 5, reason: "2019 年 6 月漏报 5 户" },
      "progress-backdated-01",
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ reportedOn: "2019-06-30", backdated: true, reason: "2019 年 6 月漏报 5 户" });
    const [event] = await t.db.prisma.auditEvent.findMany({ where: { clientRequestId: "progress-backdated-01" } });
    expect(event!.after).toMatchObject({ backdated: true, reason: "2019 年 6 月漏报 5 户" });
    // This year is not closed: no reason needed, not flagged.
    const thisYear = await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: "2026-01-01", households: 5 });
    expect(thisYear.statusCode).toBe(201);
    expect(thisYear.json()).toMatchObject({ backdated: false, reason: null });
    // The database holds the rule too: a 补报 without a reason cannot be stored.
    await expect(
      t.db.prisma.progressReport.create({
        data: { projectId: ids.xiangyang, reportedOn: new Date("2019-01-01"), households: 1, backdated: true },
      }),
    ).rejects.toThrow(/progress_reports_backdated_has_reason/);
  });

  it("GET /api/plan-windows tells the web the same windows the server enforces", async () => {
    const res = await t.as("coord-shuangtaizi")({ url: "/api/plan-windows" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      today: "2026-11-25",
      reportedOn: { minimum: "2018-01-01", maximum: "2026-11-25" },
      dueDate: { minimum: "2018-01-01", maximum: "2031-12-31" },
    });
  });
});

describe("the ledger is paged on the server, with the count and the sum of all entries", () => {
  it("25 entries: pages of 10 newest first, each entry once, the sum equals the project's figure", async () => {
    for (let i = 1; i <= 23; i++) {
      const day = `2026-10-${String(i).padStart(2, "0")}`;
      expect((await report("coord-shuangtaizi", ids.xiangyang, { reportedOn: day, households: 2 })).statusCode).toBe(
        201,
      );
    }
    const pages = await Promise.all([1, 2, 3].map((n) => ledgerPage(ids.xiangyang, n, 10)));
    expect(pages.map((p) => [p.total, p.page, p.pageSize, p.items.length, p.households])).toEqual([
      [25, 1, 10, 10, 966],
      [25, 2, 10, 10, 966],
      [25, 3, 10, 5, 966],
    ]);
    const all = pages.flatMap((p) => p.items);
    expect(new Set(all.map((r) => r.id)).size).toBe(25);
    const dates = all.map((r) => r.reportedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.slice(-2)).toEqual(["2019-11-30", "2018-11-30"]);
    expect(all.reduce((s, r) => s + r.households, 0)).toBe(966);
    await expectMovedBack(ids.xiangyang, 966);
    // A page past the end is empty but still counts; a page size over 100 is refused.
    expect((await ledgerPage(ids.xiangyang, 4, 10)).items).toEqual([]);
    const tooBig = await t.as("leader")({ url: `/api/projects/${ids.xiangyang}/progress-reports?pageSize=101` });
    expect(detailPaths(tooBig)).toEqual(["querystring.pageSize"]);
    // The chart's series: the ledger summed by day, oldest first.
    const days = await t.as("leader")({ url: `/api/projects/${ids.xiangyang}/progress-days` });
    expect(days.statusCode).toBe(200);
    expect(days.json().slice(0, 3)).toEqual([
      { reportedOn: "2018-11-30", households: 520 },
      { reportedOn: "2019-11-30", households: 400 },
      { reportedOn: "2026-10-01", households: 2 },
    ]);
  });
});
