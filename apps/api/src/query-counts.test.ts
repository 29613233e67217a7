import type {} from "@resettle/prisma/vitest-context";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { DEMO_PASSWORD } from "@resettle/domain";
import { createPrismaClient, type PrismaClient } from "@resettle/prisma/client";
import { createTestDatabase, type TestDatabase } from "@resettle/prisma/testing";
import { buildApp } from "./app.js";
import { fixedClock } from "./test/test-app.js";

/**
 * N+1 check: the SQL statements each main route sends per request, on the demo data and on
 * the demo data made ten times larger (every project copied nine times with its milestones,
 * items, ledger and causes), each with an audit row for every project, milestone and item. A route whose count grows with the rows reads
 * something per row: that fails here.
 */

type Counted = {
  db: TestDatabase;
  prisma: PrismaClient;
  app: Awaited<ReturnType<typeof buildApp>>;
  statements: string[];
};

async function countedApp(copies: number): Promise<Counted> {
  const db = await createTestDatabase(inject("testDatabaseAdminUrl"));
  if (copies > 0) await enlarge(db.prisma, copies);
  await auditEveryRecord(db.prisma);
  const statements: string[] = [];
  const prisma = createPrismaClient(db.url, { max: 4, onQuery: (sql) => statements.push(sql) });
  const app = await buildApp({ prisma, clock: fixedClock });
  return { db, prisma, app, statements };
}

/**
 * Each project copied `copies` times (new id, code and sequence) with the rows that hang on it:
 * milestones, items (a review's follow-up actions become plain items), the progress ledger
 * (its trigger keeps the year sums), year targets and causes.
 */
async function enlarge(prisma: PrismaClient, copies: number) {
  await prisma.$executeRawUnsafe(`
    CREATE TEMP TABLE copy_map AS
      SELECT p.id AS old_id, gen_random_uuid() AS new_id, n
      FROM projects p CROSS JOIN generate_series(1, ${copies}) n`);
  const copy = (table: string, overrides: string, join: string) =>
    prisma.$executeRawUnsafe(`
      INSERT INTO ${table}
      SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(t) || ${overrides})).*
      FROM ${table} t JOIN copy_map m ON ${join}`);
  await copy(
    "projects",
    `jsonb_build_object('id', m.new_id, 'code', t.code || '-copy-' || m.n, 'sequence', t.sequence + 1000 * m.n,
       'name', t.name || '（副本' || m.n || '）', 'registeredHouseholds', 0,
       'movedBack', 0)`,
    `m.old_id = t.id`,
  );
  for (const table of ["year_targets", "project_causes"])
    await copy(table, `jsonb_build_object('projectId', m.new_id)`, `m.old_id = t."projectId"`);
  for (const table of ["milestones", "items"])
    await copy(
      table,
      `jsonb_build_object('id', gen_random_uuid(), 'projectId', m.new_id, 'reviewProjectId', NULL)`,
      `m.old_id = t."projectId"`,
    );
  // Typed reports only (a registry's entries belong to its households), and movedBack kept equal to them.
  await copy(
    "progress_reports",
    `jsonb_build_object('id', gen_random_uuid(), 'projectId', m.new_id)`,
    `m.old_id = t."projectId" AND NOT EXISTS (SELECT 1 FROM household_events e WHERE e."progressReportId" = t.id)`,
  );
  await prisma.$executeRawUnsafe(`
    UPDATE projects p SET "movedBack" = s.total
    FROM (SELECT "projectId", SUM(households)::int AS total FROM progress_reports GROUP BY 1) s
    WHERE s."projectId" = p.id AND p.id IN (SELECT new_id FROM copy_map)`);
  await prisma.$executeRawUnsafe(`DROP TABLE copy_map`);
}

/** An audit row for every project, milestone and item, interleaved in time: the trail's pages mix the kinds. */
async function auditEveryRecord(prisma: PrismaClient) {
  await prisma.$executeRawUnsafe(`
    INSERT INTO audit_events (at, "actorName", action, "entityType", "entityId", "projectId", before, after)
    SELECT now() - make_interval(secs => row_number() OVER (ORDER BY r.id)), '测试', 'update', r.kind, r.id::text,
           r."projectId", '{"status": "planned"}', '{"status": "in_progress"}'
    FROM (SELECT id, 'project' AS kind, id AS "projectId" FROM projects
          UNION ALL SELECT id, 'milestone', "projectId" FROM milestones
          UNION ALL SELECT id, 'item', "projectId" FROM items) r`);
  await prisma.$executeRawUnsafe(`ANALYZE`);
}

/** Each statement with its parameters and IN lists folded, counted: a read per row repeats one shape. */
function shapes(statements: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sql of statements) {
    const shape = sql.replace(/IN \((?:\$\d+(?:::\w+)?,?\s*)+\)|IN \(NULL\)/g, "IN (…)").replace(/\$\d+/g, "$?");
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return counts;
}

async function signIn(app: Counted["app"], username: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === "resettle_session")!;
  return { cookie: `${cookie.name}=${cookie.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

type Request = {
  name: string;
  user: string;
  method?: "GET" | "POST" | "PATCH";
  url: (ids: Ids) => string;
  payload?: (ids: Ids) => Record<string, unknown>;
  status?: number;
  /**
   * The most statements it may send (issue 13: each is a round trip): a read the second time it
   * is sent, once what the app keeps until the next change (lib/change-cache.ts) is kept.
   */
  most: number;
};
type Ids = { hongwei: string; xiangyang: string; dawa: string; zhujian: string; milestone: string };

async function idsOf(prisma: PrismaClient): Promise<Ids> {
  const project = (code: string) => prisma.project.findUniqueOrThrow({ where: { code }, select: { id: true } });
  const xiangyang = (await project("xiangyang")).id;
  return {
    hongwei: (await project("hongwei")).id,
    xiangyang,
    dawa: (await prisma.district.findFirstOrThrow({ where: { code: "dawa" } })).id,
    zhujian: (await prisma.department.findUniqueOrThrow({ where: { code: "zhujian" } })).id,
    milestone: (
      await prisma.milestone.findFirstOrThrow({
        where: { projectId: xiangyang, title: "剩余住户回迁入住" },
      })
    ).id,
  };
}

/** The main routes, as the benchmark runs them (docs/performance.md). */
const requests: Request[] = [
  { name: "dashboard", user: "leader", url: () => "/api/dashboard", most: 2 },
  { name: "project list", user: "leader", url: () => "/api/projects?sort=movedBack&order=desc&pageSize=20", most: 4 },
  {
    name: "project list, filtered",
    user: "leader",
    url: (ids) => `/api/projects?districtId=${ids.dawa}&status=in_progress&sort=name&pageSize=20`,
    most: 4,
  },
  {
    name: "project list by health",
    user: "leader",
    url: () => "/api/projects?sort=health&health=red&pageSize=20",
    most: 4,
  },
  { name: "project page", user: "leader", url: (ids) => `/api/projects/${ids.hongwei}`, most: 6 },
  { name: "My work", user: "coord-zhujian", url: () => "/api/my-work", most: 6 },
  { name: "audit trail", user: "admin", url: () => "/api/audit-events?pageSize=50", most: 7 },
  { name: "problem queue", user: "wg", url: () => "/api/problem-queue?pageSize=20", most: 2 },
  {
    name: "status update",
    user: "coord-shuangtaizi",
    method: "PATCH",
    url: (ids) => `/api/milestones/${ids.milestone}`,
    payload: () => ({ status: "blocked", note: "等待验收", version: 1 }),
    most: 6,
  },
  {
    name: "progress report",
    user: "coord-shuangtaizi",
    method: "POST",
    url: (ids) => `/api/projects/${ids.xiangyang}/progress-reports`,
    payload: () => ({ reportedOn: "2026-11-01", households: 2 }),
    status: 201,
    most: 6,
  },
];

/** The statements each request sent, by name (after one warm-up sign-in per user). */
async function countAll(counted: Counted) {
  const ids = await idsOf(counted.prisma);
  const sessions = new Map<string, Awaited<ReturnType<typeof signIn>>>();
  for (const user of new Set(requests.map((r) => r.user))) sessions.set(user, await signIn(counted.app, user));
  const counts: Record<string, number> = {};
  const sent: Record<string, string[]> = {};
  /** A read sent again at once: what it costs once its kept part is kept. */
  const again: Record<string, number> = {};
  const send = async (r: Request) => {
    const session = sessions.get(r.user)!;
    counted.statements.length = 0;
    const res = await counted.app.inject({
      method: r.method ?? "GET",
      url: r.url(ids),
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
      ...(r.payload ? { payload: r.payload(ids) } : {}),
    });
    expect(res.statusCode, `${r.name}: ${res.body.slice(0, 300)}`).toBe(r.status ?? 200);
    return [...counted.statements];
  };
  for (const r of requests) {
    sent[r.name] = await send(r);
    counts[r.name] = sent[r.name]!.length;
    again[r.name] = r.method ? counts[r.name]! : (await send(r)).length;
  }
  return { counts, sent, again };
}

describe("SQL statements per request (N+1 check)", () => {
  let small: Counted;
  let large: Counted;
  beforeAll(async () => {
    [small, large] = await Promise.all([countedApp(0), countedApp(9)]);
  }, 120_000);
  afterAll(async () => {
    for (const c of [small, large]) {
      await c?.app.close();
      await c?.prisma.$disconnect();
      await c?.db.drop();
    }
  });

  it("the larger fixture is ten times the demo's projects, milestones, items and audit rows", async () => {
    for (const table of ["projects", "milestones", "items", "audit_events"] as const) {
      const count = async (c: Counted) =>
        (await c.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
      expect(await count(large), table).toBe((await count(small)) * 10);
    }
  });

  it("no statement of a main route is sent more often on ten times the rows than on the demo's", async () => {
    const [a, b] = [await countAll(small), await countAll(large)];
    if (process.env.SHOW_QUERY_COUNTS)
      console.log(JSON.stringify({ demo: a.counts, tenfold: b.counts, kept: { demo: a.again, tenfold: b.again } }));
    if (process.env.SHOW_QUERY_COUNTS === "sql") console.log(JSON.stringify(a.sent, null, 1));
    for (const r of requests) {
      const before = shapes(a.sent[r.name]!);
      const after = shapes(b.sent[r.name]!);
      // A statement may be skipped when a page has nothing for it (no subsidy standards, say),
      // but none is repeated with the rows: that is a read per row.
      const repeated = [...after].filter(([sql, n]) => n > Math.max(before.get(sql) ?? 0, 1));
      expect(repeated, `${r.name}: sent more often on ten times the rows`).toEqual([]);
      expect(b.counts[r.name], r.name).toBeLessThanOrEqual(a.counts[r.name]! + 2);
      // A fixed handful each (the session, the route's own reads; a write's transaction).
      expect(b.counts[r.name], r.name).toBeLessThanOrEqual(40);
      for (const { again } of [a, b])
        expect(again[r.name], `${r.name}, with what is kept kept`).toBeLessThanOrEqual(r.most);
    }
  });
});
