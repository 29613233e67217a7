import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeTrajectory, DashboardSchema } from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";
import { buildApp } from "../../app.js";
import { seededIds, type SeededIds } from "../../test/fixtures.js";
import { createTestApp, fixedClock, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let ids: SeededIds;
beforeEach(async () => {
  t = await createTestApp();
  ids = await seededIds(t.db.prisma);
});
afterEach(() => t.close());

const report = (user: string, projectId: string, payload: Record<string, unknown>) =>
  t.as(user)({ method: "POST", url: `/api/projects/${projectId}/progress-reports`, payload });

/** project_year_progress as it is, and as the ledger recomputes it. */
async function sumsAndRecomputation() {
  const { prisma } = t.db;
  const kept = await prisma.projectYearProgress.findMany({
    where: { households: { not: 0 } },
    orderBy: [{ projectId: "asc" }, { year: "asc" }],
  });
  const recomputed = await prisma.$queryRaw<{ projectId: string; year: number; households: number }[]>`
    SELECT "projectId", EXTRACT(YEAR FROM "reportedOn")::int AS year, SUM(households)::int AS households
    FROM progress_reports GROUP BY 1, 2 HAVING SUM(households) <> 0 ORDER BY 1, 2`;
  return { kept, recomputed };
}

describe("per-year sums of the ledger (project_year_progress)", () => {
  it("equal a recomputation from the ledger after reports, corrections and back-dated reports (补报), and sum to each project's figure", async () => {
    const seeded = await sumsAndRecomputation();
    expect(seeded.kept.length).toBeGreaterThan(0); // the migration's backfill and the demo data
    expect(seeded.kept).toEqual(seeded.recomputed);

    const writes: [string, string, Record<string, unknown>][] = [
      ["coord-shuangtaizi", ids.xiangyang, { reportedOn: "2026-11-20", households: 30 }],
      [
        "coord-shuangtaizi",
        ids.xiangyang,
        { kind: "correction", reportedOn: "2026-11-21", households: 7, reason: "重复" },
      ],
      ["coord-shuangtaizi", ids.xiangyang, { reportedOn: "2019-03-01", households: 4, reason: "2019 年漏报" }],
      [
        "coord-shuangtaizi",
        ids.xiangyang,
        { kind: "correction", reportedOn: "2018-12-01", households: 9, reason: "2018 多报" },
      ],
      ["coord-dawa", ids.taoliyuan, { reportedOn: "2025-12-31", households: 3, reason: "年底漏报" }],
      ["coord-dawa", ids.taoliyuan, { reportedOn: "2026-02-01", households: 2 }],
    ];
    for (const [user, projectId, payload] of writes)
      expect((await report(user, projectId, payload)).statusCode, JSON.stringify(payload)).toBe(201);
    // A refused report moves nothing either.
    expect((await report("coord-dawa", ids.taoliyuan, { reportedOn: "2026-02-01", households: 999 })).statusCode).toBe(
      400,
    );

    const after = await sumsAndRecomputation();
    expect(after.kept).toEqual(after.recomputed);
    const projects = await t.db.prisma.project.findMany({ select: { id: true, movedBack: true } });
    const byProject = new Map<string, number>();
    for (const s of after.kept) byProject.set(s.projectId, (byProject.get(s.projectId) ?? 0) + s.households);
    for (const p of projects) expect(byProject.get(p.id) ?? 0).toBe(p.movedBack);
    expect(after.kept.find((s) => s.projectId === ids.xiangyang && s.year === 2018)?.households).toBe(520 - 9);
  });

  it("the dashboard, the project list and a project's detail read the sums, never the whole ledger, and agree with a trajectory computed from every entry", async () => {
    // Entries in every part of the calendar: closed years, the last six months, this year.
    for (const [reportedOn, households, reason] of [
      ["2018-05-01", 3, "补报"],
      ["2025-05-30", 2, "补报"],
      ["2025-05-31", 1, "补报"],
      ["2025-12-31", 4, "补报"],
      ["2026-06-01", 5, undefined],
      ["2026-11-25", 6, undefined],
    ] as const)
      expect(
        (await report("coord-shuangtaizi", ids.xiangyang, { reportedOn, households, ...(reason ? { reason } : {}) }))
          .statusCode,
      ).toBe(201);

    const queries: string[] = [];
    const spied = t.db.prisma.$extends({
      query: {
        $allOperations({ model, operation, args, query }) {
          queries.push(`${model ?? ""}.${operation} ${inspect(args, { depth: 8, breakLength: Infinity })}`);
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    const app = await buildApp({ prisma: spied, clock: fixedClock });
    const { cookie } = await t.login("leader");
    const get = async (url: string) => {
      const res = await app.inject({ url, headers: { cookie } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json();
    };
    try {
      const dashboard = DashboardSchema.parse(await get("/api/dashboard"));
      await get("/api/projects?pageSize=100");
      await get("/api/projects?sort=health&pageSize=100");
      const detail = await get(`/api/projects/${ids.xiangyang}`);

      const ledgerReads = queries.filter((q) => /ProgressReport\.|progress_reports/.test(q));
      // Only the recent-pace window (after 2026-05-25) is read from the ledger, summed by day.
      expect(ledgerReads.length).toBeGreaterThan(0);
      for (const q of ledgerReads)
        expect(q).toMatch(/^ProgressReport\.groupBy .*reportedOn: \{ gt: 2026-05-25T00:00:00\.000Z \}/);
      expect(queries.some((q) => q.startsWith("ProjectYearProgress.findMany"))).toBe(true);

      // The same figures as a trajectory computed from every entry of the ledger.
      const all = await t.db.prisma.progressReport.findMany({
        select: { projectId: true, reportedOn: true, households: true },
      });
      const entries = (projectIds: Set<string>) =>
        all
          .filter((r) => projectIds.has(r.projectId))
          .map((r) => ({ reportedOn: r.reportedOn.toISOString().slice(0, 10), households: r.households }));
      const projects = await t.db.prisma.project.findMany({
        select: { id: true, totalHouseholds: true, yearTargets: { select: { year: true, plannedHouseholds: true } } },
      });
      const full = computeTrajectory({
        totalHouseholds: projects.reduce((s, p) => s + p.totalHouseholds, 0),
        targets: projects.flatMap((p) => p.yearTargets),
        reports: entries(new Set(projects.map((p) => p.id))),
        asOf: "2026-11-25",
      });
      expect(dashboard.trajectory).toEqual(full);
      const xiangyang = projects.find((p) => p.id === ids.xiangyang)!;
      expect(detail.trajectory).toEqual(
        computeTrajectory({
          totalHouseholds: xiangyang.totalHouseholds,
          targets: xiangyang.yearTargets,
          reports: entries(new Set([ids.xiangyang])),
          asOf: "2026-11-25",
        }),
      );
      expect(detail.trajectory.recentPace).toBe(1.8); // (5 + 6) / 6: the window holds only this year's two
    } finally {
      await app.close();
    }
  });
});
