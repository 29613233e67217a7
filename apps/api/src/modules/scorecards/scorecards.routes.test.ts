import ExcelJS from "exceljs";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ErrorResponseSchema,
  ScorecardSchema,
  ScoreRecordPageSchema,
  ScoringRuleSetSchema,
  type Scorecard,
} from "@resettle/domain";
import { createTestApp } from "../../test/test-app.js";

// 绩效考评 (issue 12): a department made for this test, with records in 2026-Q3 whose figures
// and score are worked out by hand below; the rules' versions; the records behind a score; the
// Excel. Today is 2026-11-25 (the test clock), so 2026-Q3 is over and is taken at 2026-09-30.

let t: Awaited<ReturnType<typeof createTestApp>>;
let department: string;
let project: string;
beforeEach(async () => {
  t = await createTestApp();
  for (const user of ["admin", "coord-zhujian", "leader"]) await t.as(user)({ url: "/api/auth/me" });
  department = await fixture();
});
afterEach(() => t.close());

const day = (d: string) => new Date(`${d}T00:00:00Z`);
/** 10:00 in China on that day. */
const at = (d: string) => new Date(`${d}T02:00:00Z`);

/**
 * 考评测试局 in 2026-Q3 (1 Jul – 30 Sep):
 * - work due in the quarter: a milestone done 2 days early; a milestone done 10 days late; an item
 *   still open 10 days past its day (to 30 Sep) → due 3, on time 1; overdue 2, 20 days. An item due
 *   in October (open, touched on 15 Sep) and the open one above are its open work at the end:
 *   1 of 2 touched within 30 days.
 * - notices issued in the quarter: blue (replied a day early), red (replied 10 days late), yellow
 *   (due 10 Oct, not replied) → due 2, on time 1.
 * - tickets with a deadline in the quarter: one resolved in time, one 2 days late → 1 of 2.
 * - its own project, 200 households in 大洼区, 50 moved back by 30 Sep (30 more in October);
 *   the floor line is 100 % since 2020 → 50 of 200.
 * - 配合事项, on records 考评牵头局 leads: (a) a milestone, open, cooperating since June, evidence
 *   by its coordinator on 10 Aug; (b) an item done 5 Sep, cooperating since 20 Jul, nothing written
 *   by it (the lead's own note answers for no one else); (c) a notice issued 5 Aug with it
 *   cooperating, a note on 1 Sep; (d) their project, 100 households none moved back, cooperating
 *   since May, answered by what it wrote on the project's work (first (a)'s evidence on 10 Aug,
 *   then a note on 10 Sep); (e) a milestone it cooperated on from June to 15 Jul (ended:
 *   cooperation_history), a note only on 20 Jun → 5 open, 3 written on. Not counted: an item done
 *   in June; a milestone it was named on in October.
 */
async function fixture() {
  const db = t.db.prisma;
  const dawa = await db.district.findFirstOrThrow({ where: { name: "大洼区" } });
  const { id } = await db.department.create({
    data: { code: "kaoping-test", name: "考评测试局", shortName: "考评", kind: "municipal_department" },
  });
  const own = await db.project.create({
    data: {
      code: "kaoping-1",
      sequence: 99,
      name: "考评测试小区",
      districtId: dawa.id,
      totalHouseholds: 200,
      responsibleDepartmentId: id,
    },
  });
  project = own.id;
  await db.progressReport.createMany({
    data: [
      { projectId: own.id, reportedOn: day("2026-07-01"), households: 50 },
      { projectId: own.id, reportedOn: day("2026-10-05"), households: 30 },
    ],
  });
  const work = { projectId: own.id, responsibleDepartmentId: id, createdAt: at("2026-06-01") };
  await db.milestone.createMany({
    data: [
      {
        ...work,
        kind: "construction",
        title: "按期节点",
        dueDate: day("2026-07-10"),
        status: "done",
        completedOn: day("2026-07-08"),
        completedAt: at("2026-07-08"),
      },
      {
        ...work,
        kind: "construction",
        title: "逾期完成节点",
        dueDate: day("2026-08-01"),
        status: "done",
        completedOn: day("2026-08-11"),
        completedAt: at("2026-08-11"),
      },
    ],
  });
  const open = await db.item.create({
    data: { ...work, title: "逾期未完成事项", dueDate: day("2026-09-20"), status: "in_progress" },
  });
  await db.item.create({ data: { ...work, title: "十月到期事项", dueDate: day("2026-10-15"), status: "planned" } });
  await db.auditEvent.create({
    data: { actorName: "测试", action: "update", entityType: "item", entityId: open.id, at: at("2026-09-15") },
  });
  const notice = (seq: number, level: "blue" | "yellow" | "red", issued: string, replyBy: string, reply?: string) => ({
    year: 2026,
    seq,
    number: `考评测试〔2026〕${seq}号`,
    level,
    targetType: "project" as const,
    targetId: own.id,
    targetLabel: own.name,
    projectId: own.id,
    departmentId: id,
    requirement: "考评测试",
    replyBy: day(replyBy),
    status: reply ? ("replied" as const) : ("received" as const),
    issuedAt: at(issued),
    repliedAt: reply ? at(reply) : null,
    events: {
      create: [
        { step: "issue", toStatus: "issued" as const, at: at(issued) },
        ...(reply
          ? [{ step: "reply", fromStatus: "received" as const, toStatus: "replied" as const, at: at(reply) }]
          : []),
      ],
    },
  });
  await db.supervisionNotice.create({ data: notice(101, "blue", "2026-07-05", "2026-07-15", "2026-07-14") });
  await db.supervisionNotice.create({ data: notice(102, "red", "2026-08-01", "2026-08-10", "2026-08-20") });
  await db.supervisionNotice.create({ data: notice(103, "yellow", "2026-09-25", "2026-10-10") });
  const ticket = (deadline: string, resolved: string) => ({
    projectId: own.id,
    kind: "water" as const,
    channel: "household" as const,
    reportedAt: new Date(new Date(deadline).getTime() - 48 * 3_600_000),
    description: "考评测试",
    responsibleDepartmentId: id,
    status: "resolved" as const,
    deadlineAt: new Date(deadline),
    resolvedAt: new Date(resolved),
  });
  await db.utilityTicket.createMany({
    data: [
      ticket("2026-08-01T04:00:00Z", "2026-07-31T04:00:00Z"),
      ticket("2026-09-01T04:00:00Z", "2026-09-03T03:00:00Z"),
    ],
  });
  await cooperationFixture(id, dawa.id);
  return id;
}

/** 考评测试局 cooperating on 考评牵头局's records (see above). */
async function cooperationFixture(helper: string, district: string) {
  const db = t.db.prisma;
  const lead = await db.department.create({
    data: { code: "kaoping-lead", name: "考评牵头局", shortName: "牵头", kind: "municipal_department" },
  });
  const theirs = await db.project.create({
    data: {
      code: "kaoping-2",
      sequence: 98,
      name: "考评配合小区",
      districtId: district,
      totalHouseholds: 100,
      responsibleDepartmentId: lead.id,
    },
  });
  const work = { projectId: theirs.id, responsibleDepartmentId: lead.id, createdAt: at("2026-05-01") };
  const milestone = (title: string, dueDate: string) =>
    db.milestone.create({
      data: { ...work, kind: "procedures", title, dueDate: day(dueDate), status: "in_progress" },
    });
  const a = await milestone("配合节点甲", "2026-10-20");
  const b = await db.item.create({
    data: {
      ...work,
      title: "配合事项乙",
      dueDate: day("2026-09-01"),
      status: "done",
      completedOn: day("2026-09-05"),
      completedAt: at("2026-09-05"),
    },
  });
  const e = await milestone("配合节点戊", "2026-12-01");
  const doneInJune = await db.item.create({
    data: {
      ...work,
      title: "六月已办结",
      dueDate: day("2026-06-30"),
      status: "done",
      completedOn: day("2026-06-20"),
      completedAt: at("2026-06-20"),
    },
  });
  const namedInOctober = await milestone("十月起配合", "2026-11-30");
  const c = await db.supervisionNotice.create({
    data: {
      year: 2026,
      seq: 201,
      number: "考评测试〔2026〕201号",
      level: "blue",
      targetType: "project",
      targetId: theirs.id,
      targetLabel: theirs.name,
      projectId: theirs.id,
      departmentId: lead.id,
      requirement: "考评测试",
      replyBy: day("2026-08-20"),
      status: "received",
      issuedAt: at("2026-08-05"),
      cooperations: { create: { departmentId: helper, createdAt: at("2026-08-05") } },
    },
  });
  await db.cooperation.createMany({
    data: [
      { departmentId: helper, milestoneId: a.id, createdAt: at("2026-06-15") },
      { departmentId: helper, itemId: b.id, createdAt: at("2026-07-20") },
      { departmentId: helper, projectId: theirs.id, createdAt: at("2026-05-01") },
      { departmentId: helper, itemId: doneInJune.id, createdAt: at("2026-06-01") },
      { departmentId: helper, milestoneId: namedInOctober.id, createdAt: at("2026-10-10") },
    ],
  });
  await db.cooperationHistory.create({
    data: { departmentId: helper, milestoneId: e.id, startedAt: at("2026-06-01"), endedAt: at("2026-07-15") },
  });
  const coordinator = await db.user.create({
    data: {
      username: "coord-kaoping",
      displayName: "考评联络员",
      passwordHash: "x",
      role: "coordinator",
      departmentId: helper,
    },
  });
  await db.workNote.createMany({
    data: [
      { milestoneId: namedInOctober.id, departmentId: helper, text: "已配合", createdAt: at("2026-09-10") },
      { noticeId: c.id, departmentId: helper, text: "已配合核查", createdAt: at("2026-09-01") },
      { milestoneId: e.id, departmentId: helper, text: "配合期间之前", createdAt: at("2026-06-20") },
      // The lead's own note answers for nobody else.
      { itemId: b.id, departmentId: lead.id, text: "牵头单位填报", createdAt: at("2026-08-01") },
    ],
  });
  await db.evidenceFile.create({
    data: {
      milestoneId: a.id,
      storageKey: "kaoping/evidence.png",
      fileName: "配合材料.png",
      contentType: "image/png",
      sizeBytes: 68,
      sha256: "0".repeat(64),
      uploadedById: coordinator.id,
      uploadedAt: at("2026-08-10"),
    },
  });
  return { a, b, c, e };
}

const scorecard = async (query: string, user = "leader"): Promise<Scorecard> => {
  const res = await t.as(user)({ url: `/api/scorecards?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return ScorecardSchema.parse(res.json());
};
const ours = (card: Scorecard) => card.rows.find((r) => r.id === department)!;

const V2 = {
  effectiveFrom: "2026-10-01",
  note: "第四季度起加重按期完成",
  rules: {
    weights: { onTime: 40, quota: 20, notices: 15, tickets: 15, freshness: 10 },
    deductions: {
      overdueEach: 0.5,
      overdueCap: 10,
      noticeBlue: 0.5,
      noticeYellow: 1,
      noticeRed: 3,
      arrears90Project: 2,
    },
    freshnessDays: 30,
  },
};

describe("GET /api/scorecards", () => {
  it("counts a department's quarter as worked out by hand, and scores it by the rules in force", async () => {
    const card = await scorecard("period=2026-Q3&kind=department");
    expect(card).toMatchObject({ period: "2026-Q3", from: "2026-07-01", to: "2026-09-30", asOf: "2026-09-30" });
    expect(card.rules.version).toBe(1);
    const row = ours(card);
    expect(row.components).toEqual({
      onTime: { due: 3, onTime: 1, rate: 1 / 3 },
      overdue: { count: 2, days: 20 },
      quota: { households: 200, movedBack: 50, expected: 200, rate: 0.25 },
      freshness: { open: 2, fresh: 1, rate: 0.5 },
      notices: { blue: 1, yellow: 1, red: 1, due: 2, answeredOnTime: 1, rate: 0.5 },
      arrears: { projects90: 0, amountOwed90: 0 },
      tickets: { due: 2, withinDeadline: 1, rate: 0.5 },
      cooperation: { open: 5, responded: 3, rate: 0.6 },
    });
    // Every part applies, so the weights stand as they are: 30 × ⅓ + 30 × ¼ + 15 × ½ + 15 × ½ + 10 × ½ = 37.5;
    // 配合事项 weighs 0 in version 1 (written before it); deducted: 2 overdue × 0.5 + blue 0.5 + yellow 1 + red 3 = 5.5.
    expect(row.points).toEqual({
      onTime: 10,
      quota: 7.5,
      notices: 7.5,
      tickets: 7.5,
      freshness: 5,
      cooperation: 0,
      deductions: 5.5,
    });
    expect(card.rules.rules.weights.cooperation).toBe(0);
    expect(row.score).toBe(32);
    // Ranked among the departments with anything to count: better scores first, ties share.
    const scores = card.rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(row.rank).toBe(card.rows.filter((r) => r.score > 32).length + 1);

    // The same quarter to a coordinator (everyone signed in reads the ranking).
    expect(ours(await scorecard("period=2026-Q3&kind=department", "coord-zhujian")).score).toBe(32);

    // Work made within the last 30 days counts as up to date too.
    await t.db.prisma.item.updateMany({ where: { title: "十月到期事项" }, data: { createdAt: at("2026-09-20") } });
    expect(ours(await scorecard("period=2026-Q3&kind=department")).components.freshness).toEqual({
      open: 2,
      fresh: 2,
      rate: 1,
    });
  });

  it("scores the districts too: every district, its projects' figures together", async () => {
    const card = await scorecard("period=2026-Q3&kind=district");
    expect(card.rows.map((r) => r.name).sort()).toEqual(["双台子区", "大洼区"].sort());
    const dawa = card.rows.find((r) => r.name === "大洼区")!;
    // 考评测试小区 is in 大洼区: its records count there whatever department answers for them.
    expect(dawa.components.onTime.due).toBeGreaterThanOrEqual(3);
    expect(dawa.components.notices.red).toBeGreaterThanOrEqual(1);
    expect(dawa.components.quota.households).toBeGreaterThanOrEqual(200);
  });

  it("keeps a past period's score when the rules change; another version can be asked for", async () => {
    const created = await t.as("admin")({ method: "POST", url: "/api/scoring-rules", payload: V2 });
    expect(created.statusCode, created.body).toBe(201);
    expect(ScoringRuleSetSchema.parse(created.json())).toMatchObject({ version: 2, effectiveFrom: "2026-10-01" });
    // Q3 ended before version 2 came in: still 32 by version 1.
    const q3 = await scorecard("period=2026-Q3&kind=department");
    expect(q3.rules.version).toBe(1);
    expect(ours(q3).score).toBe(32);
    // By version 2: 40 × ⅓ = 13.3, 20 × ¼ = 5, the rest as before: 38.3 − 5.5 = 32.8.
    const asIfV2 = await scorecard("period=2026-Q3&kind=department&rulesVersion=2");
    expect(asIfV2.rules.version).toBe(2);
    expect(ours(asIfV2).points.onTime).toBe(13.3);
    expect(ours(asIfV2).score).toBe(32.8);
    // Q4 is scored by version 2, as of today.
    const q4 = await scorecard("period=2026-Q4&kind=department");
    expect(q4).toMatchObject({ asOf: "2026-11-25", rules: { version: 2 } });
    // Both versions are listed, newest first; the change is audited.
    const versions = (await t.as("coord-zhujian")({ url: "/api/scoring-rules" })).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const audited = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "scoring_rules" } });
    expect(audited).toMatchObject({ action: "create", entityId: created.json().id });
  });

  it("counts 配合事项 with the weight a newer version gives it; the period scored before keeps its score", async () => {
    const V3 = {
      ...V2,
      note: "第四季度起计入配合事项",
      rules: {
        ...V2.rules,
        weights: { onTime: 30, quota: 25, notices: 15, tickets: 10, freshness: 10, cooperation: 10 },
      },
    };
    const created = await t.as("admin")({ method: "POST", url: "/api/scoring-rules", payload: V3 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().rules.weights.cooperation).toBe(10);
    // Q3 ended under version 1: still 32, 配合事项 weighing nothing.
    const q3 = await scorecard("period=2026-Q3&kind=department");
    expect([q3.rules.version, ours(q3).score, ours(q3).points.cooperation]).toEqual([1, 32, 0]);
    // By version 2 (this one): 30 × ⅓ = 10, 25 × ¼ = 6.3, 15 × ½ = 7.5, 10 × ½ = 5, 10 × ½ = 5,
    // 配合事项 10 × 3/5 = 6: 39.8 − 5.5 = 34.3.
    const asIfV2 = ours(await scorecard("period=2026-Q3&kind=department&rulesVersion=2"));
    expect(asIfV2.points).toEqual({
      onTime: 10,
      quota: 6.3,
      notices: 7.5,
      tickets: 5,
      freshness: 5,
      cooperation: 6,
      deductions: 5.5,
    });
    expect(asIfV2.score).toBe(34.3);
    // A district has no 配合事项: the part does not apply there.
    const districts = await scorecard("period=2026-Q3&kind=district&rulesVersion=2");
    expect(districts.rows.map((r) => [r.components.cooperation.rate, r.points.cooperation])).toEqual(
      districts.rows.map(() => [null, null]),
    );

    // The office takes 考评测试局 off (a)'s cooperating departments now: Q3 still counts it (its
    // cooperation is kept with its span), and its notes, as they were.
    const a = await t.db.prisma.milestone.findFirstOrThrow({ where: { title: "配合节点甲" } });
    expect(
      (
        await t.as("admin")({
          method: "PUT",
          url: `/api/milestones/${a.id}/cooperators`,
          payload: { departmentIds: [] },
        })
      ).statusCode,
    ).toBe(200);
    expect(ours(await scorecard("period=2026-Q3&kind=department")).components.cooperation).toEqual({
      open: 5,
      responded: 3,
      rate: 0.6,
    });
  });

  it("refuses a period not begun, a malformed one and an unknown version, field by field", async () => {
    for (const [query, path] of [
      ["period=2027-Q1&kind=district", "querystring.period"],
      ["period=2026-Q5&kind=district", "querystring.period"],
      ["period=2026-Q4&kind=city", "querystring.kind"],
      ["period=2026-Q4&kind=district&rulesVersion=99", "querystring.rulesVersion"],
      ["period=2026-Q4&kind=district&rulesVersion=0", "querystring.rulesVersion"],
    ]) {
      const res = await t.as("leader")({ url: `/api/scorecards?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(
        ErrorResponseSchema.parse(res.json()).error.details?.map((d) => d.path),
        query,
      ).toContain(path);
    }
  });
});

describe("GET /api/scorecards/records", () => {
  const records = async (part: string) => {
    const res = await t.as("leader")({
      url: `/api/scorecards/records?period=2026-Q3&kind=department&id=${department}&part=${part}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return ScoreRecordPageSchema.parse(res.json());
  };

  it("lists the records behind each part, the latest first, with a link to each", async () => {
    const overdue = await records("overdue");
    expect(overdue.total).toBe(2);
    expect(overdue.items.map((r) => [r.label, r.dueDate, r.doneOn, r.daysLate])).toEqual([
      ["逾期完成节点", "2026-08-01", "2026-08-11", 10],
      ["逾期未完成事项", "2026-09-20", null, 10],
    ]);
    expect(overdue.items[0]!.link).toBe(`/projects/${project}`);
    expect((await records("onTime")).total).toBe(3);
    const notices = await records("notices");
    expect(notices.items.map((r) => [r.label.split(" ")[0], r.daysLate])).toEqual([
      ["考评测试〔2026〕102号", 10],
      ["考评测试〔2026〕101号", 0],
      ["考评测试〔2026〕103号", 0],
    ]);
    expect(notices.items[0]!.link).toMatch(/^\/notices\//);
    const tickets = await records("tickets");
    expect(tickets.items.map((r) => r.daysLate)).toEqual([2, 0]);
  });

  it("lists 配合事项: those not written on first, then by due day, each with the day it was first written on", async () => {
    const cooperation = await records("cooperation");
    expect(cooperation.total).toBe(5);
    expect(cooperation.items.map((r) => [r.type, r.label, r.dueDate, r.doneOn])).toEqual([
      ["item", "配合事项乙", "2026-09-01", null],
      ["milestone", "配合节点戊", "2026-12-01", null],
      ["notice", "考评测试〔2026〕201号 考评配合小区", "2026-08-20", "2026-09-01"],
      ["milestone", "配合节点甲", "2026-10-20", "2026-08-10"],
      ["project", "考评配合小区", null, "2026-08-10"],
    ]);
    expect(cooperation.items.map((r) => r.link)).toEqual([
      expect.stringMatching(/^\/projects\//),
      expect.stringMatching(/^\/projects\//),
      expect.stringMatching(/^\/notices\//),
      expect.stringMatching(/^\/projects\//),
      expect.stringMatching(/^\/projects\//),
    ]);
  });
});

describe("GET /api/scorecards/export", () => {
  it("is the ranking as an 考评得分表: title, headers, one row per unit in rank order, the rules below", async () => {
    const card = await scorecard("period=2026-Q3&kind=department");
    const res = await t.as("leader")({ url: "/api/scorecards/export?period=2026-Q3&kind=department" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain(
      "绩效考评得分表（2026年第三季度，责任单位）.xlsx",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("考评得分")!;
    expect(sheet.getCell(1, 1).value).toBe("回迁难问题整改绩效考评得分表（2026年第三季度，按责任单位）");
    expect(sheet.getRow(3).getCell(2).value).toBe("责任单位");
    const body = card.rows.map((_, i) => sheet.getRow(4 + i));
    expect(sheet.getRow(3).getCell(13).value).toBe("配合事项响应率");
    expect(body.map((r) => [r.getCell(2).value, r.getCell(19).value, r.getCell(20).value])).toEqual(
      card.rows.map((r) => [r.name, r.score, r.rank]),
    );
    const mine = body.find((r) => r.getCell(2).value === "考评测试局")!;
    expect([3, 5, 13, 14, 15, 16].map((column) => mine.getCell(column).value)).toEqual([
      "33.3%",
      "50/200",
      "60%",
      0,
      "2/20",
      "1/1/1",
    ]);
    expect(String(sheet.getRow(4 + card.rows.length + 1).getCell(1).value)).toMatch(
      /^评分细则（第 1 版）：权重 按期完成 30.*配合事项 0（/,
    );
  });
});

describe("POST /api/scoring-rules", () => {
  it("refuses rules that do not add up or are not half points, and writes nothing", async () => {
    const bad = [
      [{ ...V2, rules: { ...V2.rules, weights: { ...V2.rules.weights, onTime: 39 } } }, "body.rules.weights"],
      [
        { ...V2, rules: { ...V2.rules, deductions: { ...V2.rules.deductions, noticeRed: -1 } } },
        "body.rules.deductions.noticeRed",
      ],
      [
        { ...V2, rules: { ...V2.rules, deductions: { ...V2.rules.deductions, noticeRed: 2.3 } } },
        "body.rules.deductions.noticeRed",
      ],
      [{ ...V2, effectiveFrom: "1900-01-01" }, "body.effectiveFrom"],
      [{ ...V2, note: "" }, "body.note"],
      [{ ...V2, note: "长".repeat(5000) }, "body.note"],
    ] as const;
    for (const [payload, path] of bad) {
      const res = await t.as("admin")({ method: "POST", url: "/api/scoring-rules", payload });
      expect(res.statusCode, path).toBe(400);
      expect(
        ErrorResponseSchema.parse(res.json()).error.details?.map((d) => d.path),
        path,
      ).toContain(path);
    }
    expect(await t.db.prisma.scoringRuleSet.count()).toBe(1);
  });

  it("numbers concurrent revisions in turn: both saved, versions 2 and 3", async () => {
    // Hold the table's lock until both requests wait on it, then let them go together.
    const holder = new pg.Client({ connectionString: t.db.url });
    const watcher = new pg.Client({ connectionString: t.db.url });
    await Promise.all([holder.connect(), watcher.connect()]);
    try {
      await holder.query("BEGIN");
      await holder.query(`LOCK TABLE "scoring_rule_sets" IN SHARE ROW EXCLUSIVE MODE`);
      const both = Promise.all(
        [1, 2].map(() => t.as("admin")({ method: "POST", url: "/api/scoring-rules", payload: V2 })),
      );
      for (let waited = 0; ; waited += 20) {
        const { rows } = await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0]!.n >= 2) break;
        if (waited > 10_000) throw new Error("the two revisions never came to wait on the table's lock");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await holder.query("COMMIT");
      const answers = await both;
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
      expect(answers.map((a) => a.json().version).sort()).toEqual([2, 3]);
    } finally {
      await Promise.all([holder.end(), watcher.end()]);
    }
  });
});
