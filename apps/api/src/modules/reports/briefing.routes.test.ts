import JSZip from "jszip";
import { beforeEach, describe, expect, it } from "vitest";
import { BriefingSchema, DashboardSchema, type Briefing } from "@resettle/domain";
import type { SeededIds } from "../../test/fixtures.js";
import { pdfText } from "../../test/pdf-text.js";
import { eachTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
eachTestApp((app, seeded) => {
  t = app;
  ids = seeded;
});
beforeEach(async () => {
  for (const user of ["admin", "leader", "coord-zhujian", "coord-shuangtaizi"])
    await t.as(user)({ url: "/api/auth/me" });
});

const TODAY = "2026-11-25"; // fixedClock, in China

async function briefing(date: string): Promise<Briefing> {
  const res = await t.as("leader")({ url: `/api/reports/briefing?date=${date}` });
  expect(res.statusCode, res.body).toBe(200);
  return BriefingSchema.parse(res.json());
}

describe("GET /api/reports/briefing", () => {
  it("states the dashboard's own figures for the same day, and numbers the issue by ISO week", async () => {
    const b = await briefing(TODAY);
    const d = DashboardSchema.parse((await t.as("leader")({ url: "/api/dashboard" })).json());

    expect(b.totals).toEqual(d.totals);
    expect(b.health).toEqual(d.health);
    expect(b.overdue).toEqual(d.overdue);
    expect(b.plan).toEqual(d.plan);
    expect(
      b.districts.map(({ id, name, projects, households, movedBack, movedBackPercent }) => [
        id,
        name,
        projects,
        households,
        movedBack,
        movedBackPercent,
      ]),
    ).toEqual(d.districts.map((x) => [x.id, x.name, x.projects, x.households, x.movedBack, x.movedBackPercent]));
    // The demo's figures, as the dashboard test states them.
    expect(b.totals).toMatchObject({ projects: 8, households: 4722, movedBack: 2863, movedBackPercent: 60.6 });
    expect(b.health).toEqual({ green: 2, amber: 0, red: 6 });
    expect(b).toMatchObject({
      date: TODAY,
      issue: { year: 2026, number: 48 },
      window: { from: "2026-11-19", to: TODAY },
      generatedOn: TODAY,
      demoData: true,
    });
    // After the plan (2018–2020) every district is held to its last floor, 100 %.
    for (const district of b.districts) {
      expect(district.floor).toEqual({ year: 2020, percent: 100 });
      expect(district.floorGapPoints).toBeCloseTo(district.movedBackPercent - 100, 5);
    }
  });

  it("lists every project once, red before amber before green, each colour with the rules that gave it", async () => {
    const b = await briefing(TODAY);
    expect(b.projects).toHaveLength(8);
    expect(b.projects.map((p) => p.level)).toEqual([...Array(6).fill("red"), "green", "green"]);
    for (const p of b.projects) expect(p.rules.length > 0).toBe(p.level !== "green");
    // The project page says the same of each project.
    const hongwei = b.projects.find((p) => p.id === ids.hongwei)!;
    const detail = (await t.as("leader")({ url: `/api/projects/${ids.hongwei}` })).json();
    expect({ level: hongwei.level, rules: hongwei.rules }).toEqual(detail.health);
  });

  it("counts overdue work by responsible department: the dashboard's counts, the oldest due date of each", async () => {
    const b = await briefing(TODAY);
    const sum = (key: "milestones" | "items") => b.overdueByDepartment.reduce((s, d) => s + d[key], 0);
    expect(sum("milestones")).toBe(b.overdue.milestones);
    expect(sum("items")).toBe(b.overdue.items);
    const totals = b.overdueByDepartment.map((d) => d.milestones + d.items);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    const zhujian = b.overdueByDepartment.find((d) => d.department?.id === ids.zhujian)!;
    const oldest = await t.db.prisma.milestone.findFirstOrThrow({
      where: {
        responsibleDepartmentId: ids.zhujian,
        status: { not: "done" },
        withdrawnAt: null,
        dueDate: { lt: new Date(TODAY) },
      },
      orderBy: { dueDate: "asc" },
    });
    expect(zhujian.oldestDueDate).toBe(oldest.dueDate.toISOString().slice(0, 10));
    expect(zhujian.mostDaysOverdue).toBe(Math.round((Date.parse(TODAY) - oldest.dueDate.getTime()) / 86_400_000));
  });

  it("counts what changed in the seven days up to the date, from the records' own dates: in the window, not outside", async () => {
    // This week (19–25 Nov) and the one before (12–18 Nov), before anything is added.
    const [thisBefore, lastBefore] = [await briefing(TODAY), await briefing("2026-11-18")];
    expect(lastBefore.window).toEqual({ from: "2026-11-12", to: "2026-11-18" });

    const post = async (user: string, url: string, payload: Record<string, unknown>, status: number) => {
      const res = await t.as(user)({ method: "POST", url, payload });
      expect(res.statusCode, res.body).toBe(status);
      return res.json();
    };
    // Households: on the first day of this week, and on the last day of the week before.
    await post(
      "coord-shuangtaizi",
      `/api/projects/${ids.xiangyang}/progress-reports`,
      { reportedOn: "2026-11-19", households: 30 },
      201,
    );
    await post(
      "coord-shuangtaizi",
      `/api/projects/${ids.xiangyang}/progress-reports`,
      { reportedOn: "2026-11-18", households: 7 },
      201,
    );
    // A milestone finished today, an item on the first day of the week before.
    const note = "已办结（测试）";
    const { prisma } = t.db;
    const milestone = await prisma.milestone.findUniqueOrThrow({ where: { id: ids.work.xuefuyuanPermit } });
    const item = await prisma.item.findUniqueOrThrow({ where: { id: ids.work.xuefuyuanPermitItem } });
    const completion = (completedOn: string, version: number) => ({ completedOn, note, version });
    const completed = [
      await post(
        "coord-zhujian",
        `/api/milestones/${milestone.id}/completion`,
        completion(TODAY, milestone.version),
        200,
      ),
      await post("coord-zhujian", `/api/items/${item.id}/completion`, completion("2026-11-12", item.version), 200),
    ];
    expect(completed.map((w) => w.status)).toEqual(["done", "done"]);
    // A notice issued now (25 Nov, 10:00 in Panjin).
    const notice = await post(
      "admin",
      "/api/supervision-notices",
      {
        targetType: "project",
        targetId: ids.xiangyang,
        departmentId: ids.shuangtaizi,
        level: "red",
        requirement: "加快回迁。",
        replyBy: "2026-12-05",
      },
      201,
    );

    const [thisAfter, lastAfter] = [await briefing(TODAY), await briefing("2026-11-18")];
    const delta = (after: Briefing, before: Briefing) => ({
      households: after.changes.movedBack.households - before.changes.movedBack.households,
      entries: after.changes.movedBack.entries - before.changes.movedBack.entries,
      milestones: after.changes.milestonesCompleted - before.changes.milestonesCompleted,
      items: after.changes.itemsCompleted - before.changes.itemsCompleted,
      notices: after.changes.noticesIssued - before.changes.noticesIssued,
    });
    expect(delta(thisAfter, thisBefore)).toEqual({ households: 30, entries: 1, milestones: 1, items: 0, notices: 1 });
    expect(delta(lastAfter, lastBefore)).toEqual({ households: 7, entries: 1, milestones: 0, items: 1, notices: 0 });

    // The district's week, the notice in the list and the open red notices follow.
    const district = (b: Briefing) => b.districts.find((d) => d.name === "双台子区")!.movedBackInWindow;
    expect(district(thisAfter) - district(thisBefore)).toBe(30);
    expect(thisAfter.notices.issued.at(-1)).toMatchObject({ id: notice.id, number: notice.number, level: "red" });
    expect(lastAfter.notices.issued.map((n) => n.id)).not.toContain(notice.id);
    expect(thisAfter.notices.open.red - thisBefore.notices.open.red).toBe(1);
    expect(lastAfter.notices.open).toEqual(lastBefore.notices.open);
    expect(thisAfter.totals.movedBack - thisBefore.totals.movedBack).toBe(37);
  });

  it("counts the demo's tickets by the day they were recorded and resolved", async () => {
    const b = await briefing(TODAY);
    const moments = { gte: new Date("2026-11-18T16:00:00Z"), lt: new Date("2026-11-25T16:00:00Z") };
    expect(b.changes.ticketsOpened).toBe(await t.db.prisma.utilityTicket.count({ where: { reportedAt: moments } }));
    expect(b.changes.ticketsResolved).toBe(await t.db.prisma.utilityTicket.count({ where: { resolvedAt: moments } }));
    expect(b.changes.ticketsOpened).toBeGreaterThan(0);
  });

  it.each([
    ["a future date", "2026-11-26"],
    ["a date before the plan began (2018)", "2017-12-31"],
  ])(
    "refuses %s: 400 on querystring.date with the dates allowed, for the JSON, the .docx and the PDF",
    async (_, date) => {
      for (const path of ["briefing", "briefing.docx", "briefing.pdf"]) {
        const res = await t.as("leader")({ url: `/api/reports/${path}?date=${date}` });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details).toEqual([
          expect.objectContaining({
            path: "querystring.date",
            reason: "out_of_bounds",
            params: { minimum: "2018-01-01", maximum: TODAY },
          }),
        ]);
      }
    },
  );

  it("refuses a missing or malformed date on querystring.date", async () => {
    for (const query of ["", "?date=2026-13-01", "?date=25.11.2026"]) {
      const res = await t.as("leader")({ url: `/api/reports/briefing${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe("querystring.date");
    }
  });
});

describe("GET /api/reports/briefing.docx and .pdf", () => {
  it("writes a Word document that opens, titled and dated as the office writes, with the districts", async () => {
    const res = await t.as("leader")({ url: `/api/reports/briefing.docx?date=${TODAY}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("工作简报（2026年第48期）.docx").replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    for (const words of [
      "工作简报",
      "2026年第48期",
      "2026年11月25日",
      "双台子区",
      "大洼区",
      "全市合计",
      "项目预警情况",
      "督办情况",
    ])
      expect(text).toContain(words);
    expect(text).toContain("已回迁2,863户，占60.6%");
  });

  it("writes an A4 PDF on the server whose text reads as the briefing's", async () => {
    const res = await t.as("leader")({ url: `/api/reports/briefing.pdf?date=${TODAY}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // A4 is 595.28 × 841.89 points.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = pdfText(pdf);
    for (const words of ["工作简报", "2026年第48期", "2026年11月25日", "双台子区", "大洼区", "已回迁2,863户"])
      expect(text).toContain(words);
  });
});
