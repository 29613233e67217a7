import {
  floorToDate,
  periodRange,
  rankRows,
  ScoringRulesSchema,
  scoreOf,
  type ScoreComponents,
  type Scorecard,
  type ScorecardQuery,
  type ScoreKind,
  type ScoreRecord,
  type ScoreRecordPage,
  type ScoreRecordsQuery,
  type ScoringRuleSet,
  type ScoringRuleSetCreate,
} from "@resettle/domain";
import { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { chinaDayEnd, chinaDayStart, todayInChina } from "../../lib/clock.js";
import type { Db, ServiceContext } from "../../lib/context.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { readOldArrears } from "../subsidy/index.js";

// 绩效考评: each district's or department's figures for a period, taken at the period's end (or
// today while it runs), scored by the rules in force on its last day. A fixed handful of
// aggregate queries whatever the number of records; nothing is stored, so a past period is
// recomputed from the records and the version of the rules it was scored by.

const DAY_MS = 86_400_000;
/** The instant a day in China ends (the next day's 00:00, UTC+8). */
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

type Window = { from: string; to: string; asOf: string };

/** The period's days and the day its figures are taken at; a period not yet begun is refused. */
function windowOf(period: ScorecardQuery["period"], today: string): Window {
  const { from, to } = periodRange(period);
  if (from > today)
    throw AppError.invalid("querystring.period", "out_of_bounds", `the period begins on ${from}, after today`, {
      maximum: today,
    });
  return { from, to, asOf: to < today ? to : today };
}

const ruleSetSelect = {
  id: true,
  version: true,
  effectiveFrom: true,
  rules: true,
  note: true,
  createdBy: { select: { displayName: true } },
  createdAt: true,
} satisfies Prisma.ScoringRuleSetSelect;

function presentRuleSet(row: Prisma.ScoringRuleSetGetPayload<{ select: typeof ruleSetSelect }>): ScoringRuleSet {
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: toIsoDate(row.effectiveFrom),
    rules: ScoringRulesSchema.parse(row.rules),
    note: row.note,
    createdBy: row.createdBy?.displayName ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The version asked for, or the one in force on the period's last day (the first one before any). */
async function rulesFor(db: Db, to: string, version?: number): Promise<ScoringRuleSet> {
  if (version !== undefined) {
    const row = await db.scoringRuleSet.findUnique({ where: { version }, select: ruleSetSelect });
    if (!row)
      throw AppError.invalid("querystring.rulesVersion", "unknown_reference", `no version ${version} of the rules`);
    return presentRuleSet(row);
  }
  const row =
    (await db.scoringRuleSet.findFirst({
      where: { effectiveFrom: { lte: fromIsoDate(to) } },
      orderBy: [{ effectiveFrom: "desc" }, { version: "desc" }],
      select: ruleSetSelect,
    })) ?? (await db.scoringRuleSet.findFirst({ orderBy: { version: "asc" }, select: ruleSetSelect }));
  if (!row) throw new AppError("INTERNAL", "no scoring rules: the migration that adds version 1 has not run");
  return presentRuleSet(row);
}

/** The column a record is counted under: its responsible department, or its project's district. */
const unitOf = (kind: ScoreKind, department: Prisma.Sql, district: Prisma.Sql) =>
  kind === "department" ? department : district;

/** Milestones and items due in the window, with the day each was done (null: not done). */
const workSql = ({ from, asOf }: Window) => Prisma.sql`
  SELECT w.type, w.id, w.title, w."projectId", p.name AS "projectName", w.dept, p."districtId" AS district, w.due,
         CASE WHEN w.status = 'done'
              THEN coalesce(w."completedOn", (w."completedAt" AT TIME ZONE 'Asia/Shanghai')::date, w.due) END AS done
  FROM (
    SELECT 'milestone' AS type, id, title, "projectId", "responsibleDepartmentId" AS dept, "dueDate" AS due,
           status::text AS status, "completedOn", "completedAt"
    FROM milestones WHERE "withdrawnAt" IS NULL AND "dueDate" BETWEEN ${from}::date AND ${asOf}::date
    UNION ALL
    SELECT 'item', id, title, "projectId", "responsibleDepartmentId", "dueDate", status::text, "completedOn", "completedAt"
    FROM items WHERE "withdrawnAt" IS NULL AND "dueDate" BETWEEN ${from}::date AND ${asOf}::date
  ) w JOIN projects p ON p.id = w."projectId"`;

/** Done by the day it was due (and by the window's end). */
const onTimeSql = (asOf: string) => Prisma.sql`(done IS NOT NULL AND done <= due AND done <= ${asOf}::date)`;
/** Late: done after its day, or not done by the window's end and its day passed. */
const lateSql = (asOf: string) =>
  Prisma.sql`(CASE WHEN done IS NOT NULL AND done <= ${asOf}::date THEN done > due ELSE due < ${asOf}::date END)`;
const daysLateSql = (asOf: string) =>
  Prisma.sql`greatest(CASE WHEN done IS NOT NULL AND done <= ${asOf}::date THEN done - due ELSE ${asOf}::date - due END, 0)`;

/** Notices issued in the window, with the day the reply was due and the first reply. */
const noticesSql = ({ from, asOf }: Window) => Prisma.sql`
  SELECT n.id, n.number, n."targetLabel", n."projectId", p.name AS "projectName", n."departmentId" AS dept,
         p."districtId" AS district, n.level::text AS level,
         CASE WHEN n."extensionStatus" = 'approved' AND n."extensionUntil" IS NOT NULL
              THEN n."extensionUntil" ELSE n."replyBy" END AS due,
         (SELECT (min(e.at) AT TIME ZONE 'Asia/Shanghai')::date FROM supervision_notice_events e
           WHERE e."noticeId" = n.id AND e.step = 'reply' AND e.at < ${chinaDayEnd(asOf)}) AS done
  FROM supervision_notices n LEFT JOIN projects p ON p.id = n."projectId"
  WHERE n."issuedAt" >= ${chinaDayStart(from)} AND n."issuedAt" < ${chinaDayEnd(asOf)}`;

/** Tickets whose deadline fell in the window, with when each was resolved. */
const ticketsSql = ({ from, asOf }: Window) => Prisma.sql`
  SELECT k.id, k.description, k."projectId", p.name AS "projectName", k."responsibleDepartmentId" AS dept,
         p."districtId" AS district, (k."deadlineAt" AT TIME ZONE 'Asia/Shanghai')::date AS due, k."deadlineAt",
         CASE WHEN k."resolvedAt" < ${chinaDayEnd(asOf)} THEN k."resolvedAt" END AS "resolvedAt"
  FROM utility_tickets k JOIN projects p ON p.id = k."projectId"
  WHERE k."deadlineAt" >= ${chinaDayStart(from)} AND k."deadlineAt" < ${chinaDayEnd(asOf)}`;

/**
 * 配合事项: one row per department and record it cooperated on (配合单位) at some time in the
 * window — its cooperation now (`cooperations`) or ended (`cooperation_history`, so a past period
 * keeps the departments cooperating then) — that was open in the window: work not withdrawn, made
 * before the window's end and not done before it began; a notice issued before the end and not
 * closed before the beginning; a project not all moved back before it began. `done` is the first
 * day within the window the department wrote a progress note on it or attached evidence to it
 * (on a project: to any of its milestones and items); null when it did neither.
 */
const cooperationSql = ({ from, asOf }: Window) => {
  const start = chinaDayStart(from);
  const end = chinaDayEnd(asOf);
  const doneBefore = (table: "m" | "i") => {
    const t = Prisma.raw(table);
    return Prisma.sql`(${t}.status = 'done' AND coalesce(${t}."completedOn",
      (${t}."completedAt" AT TIME ZONE 'Asia/Shanghai')::date, ${t}."dueDate") < ${from}::date)`;
  };
  return Prisma.sql`
  WITH helped AS (
    SELECT DISTINCT dept,
           CASE WHEN "projectId" IS NOT NULL THEN 'project' WHEN "milestoneId" IS NOT NULL THEN 'milestone'
                WHEN "itemId" IS NOT NULL THEN 'item' ELSE 'notice' END AS type,
           coalesce("projectId", "milestoneId", "itemId", "noticeId") AS id
    FROM (
      SELECT "departmentId" AS dept, "projectId", "milestoneId", "itemId", "noticeId", "createdAt" AS since,
             NULL::timestamptz AS until
      FROM cooperations
      UNION ALL
      SELECT "departmentId", "projectId", "milestoneId", "itemId", "noticeId", "startedAt", "endedAt"
      FROM cooperation_history
    ) spans
    WHERE since < ${end} AND (until IS NULL OR until >= ${start})
  ), writings AS (
    SELECT w."departmentId" AS dept, w."milestoneId", w."itemId", w."noticeId",
           coalesce(m."projectId", i."projectId") AS "projectId", w."createdAt" AS at
    FROM work_notes w LEFT JOIN milestones m ON m.id = w."milestoneId" LEFT JOIN items i ON i.id = w."itemId"
    WHERE w."departmentId" IN (SELECT dept FROM helped) AND w."createdAt" >= ${start} AND w."createdAt" < ${end}
    UNION ALL
    SELECT u."departmentId", e."milestoneId", e."itemId", NULL, coalesce(m."projectId", i."projectId"), e."uploadedAt"
    FROM evidence_files e JOIN users u ON u.id = e."uploadedById"
      LEFT JOIN milestones m ON m.id = e."milestoneId" LEFT JOIN items i ON i.id = e."itemId"
    WHERE u."departmentId" IN (SELECT dept FROM helped) AND e."uploadedAt" >= ${start} AND e."uploadedAt" < ${end}
      AND (e."withdrawnAt" IS NULL OR e."withdrawnAt" >= ${end})
  )
  SELECT h.dept, h.type, h.id,
         coalesce(m.title, i.title, n.number || ' ' || n."targetLabel", pp.name) AS label,
         p.id AS "projectId", p.name AS "projectName", p."districtId" AS district,
         coalesce(m."dueDate", i."dueDate",
                  CASE WHEN n."extensionStatus" = 'approved' AND n."extensionUntil" IS NOT NULL
                       THEN n."extensionUntil" ELSE n."replyBy" END) AS due,
         (SELECT (min(x.at) AT TIME ZONE 'Asia/Shanghai')::date FROM writings x
           WHERE x.dept = h.dept AND CASE h.type WHEN 'milestone' THEN x."milestoneId" = h.id
                                                 WHEN 'item' THEN x."itemId" = h.id
                                                 WHEN 'notice' THEN x."noticeId" = h.id
                                                 ELSE x."projectId" = h.id END) AS done
  FROM helped h
    LEFT JOIN milestones m ON h.type = 'milestone' AND m.id = h.id
    LEFT JOIN items i ON h.type = 'item' AND i.id = h.id
    LEFT JOIN supervision_notices n ON h.type = 'notice' AND n.id = h.id
    LEFT JOIN projects pp ON h.type = 'project' AND pp.id = h.id
    LEFT JOIN projects p ON p.id = coalesce(m."projectId", i."projectId", n."projectId", pp.id)
  WHERE CASE h.type
    WHEN 'milestone' THEN m."withdrawnAt" IS NULL AND m."createdAt" < ${end} AND NOT ${doneBefore("m")}
    WHEN 'item' THEN i."withdrawnAt" IS NULL AND i."createdAt" < ${end} AND NOT ${doneBefore("i")}
    WHEN 'notice' THEN n."issuedAt" < ${end} AND (n."closedAt" IS NULL OR n."closedAt" >= ${start})
    ELSE coalesce((SELECT sum(r.households) FROM progress_reports r
                   WHERE r."projectId" = pp.id AND r."reportedOn" < ${from}::date), 0) < pp."totalHouseholds"
  END`;
};

const emptyFigures = (): ScoreComponents => ({
  onTime: { due: 0, onTime: 0, rate: null },
  overdue: { count: 0, days: 0 },
  quota: { households: 0, movedBack: 0, expected: 0, rate: null },
  freshness: { open: 0, fresh: 0, rate: null },
  notices: { blue: 0, yellow: 0, red: 0, due: 0, answeredOnTime: 0, rate: null },
  arrears: { projects90: 0, amountOwed90: 0 },
  tickets: { due: 0, withinDeadline: 0, rate: null },
  cooperation: { open: 0, responded: 0, rate: null },
});

/** Everything a scorecard counts, per unit (department or district), for one window. */
async function readFigures(db: Db, kind: ScoreKind, w: Window, freshnessDays: number) {
  const unit = unitOf(kind, Prisma.sql`dept`, Prisma.sql`district`);
  const freshFrom = chinaDayEnd(toIsoDate(new Date(fromIsoDate(w.asOf).getTime() - freshnessDays * DAY_MS)));
  const [work, notices, tickets, open, projects, districts, helped] = await Promise.all([
    db.$queryRaw<{ unit: string; due: number; onTime: number; late: number; days: number }[]>`
      SELECT ${unit} AS unit, count(*)::int AS due, count(*) FILTER (WHERE ${onTimeSql(w.asOf)})::int AS "onTime",
             count(*) FILTER (WHERE ${lateSql(w.asOf)})::int AS late,
             coalesce(sum(${daysLateSql(w.asOf)}) FILTER (WHERE ${lateSql(w.asOf)}), 0)::int AS days
      FROM (${workSql(w)}) x WHERE ${unit} IS NOT NULL GROUP BY 1`,
    db.$queryRaw<{ unit: string; blue: number; yellow: number; red: number; due: number; answeredOnTime: number }[]>`
      SELECT ${unit} AS unit,
             count(*) FILTER (WHERE level = 'blue')::int AS blue,
             count(*) FILTER (WHERE level = 'yellow')::int AS yellow,
             count(*) FILTER (WHERE level = 'red')::int AS red,
             count(*) FILTER (WHERE due <= ${w.asOf}::date OR done IS NOT NULL)::int AS due,
             count(*) FILTER (WHERE done IS NOT NULL AND done <= due)::int AS "answeredOnTime"
      FROM (${noticesSql(w)}) x WHERE ${unit} IS NOT NULL GROUP BY 1`,
    db.$queryRaw<{ unit: string; due: number; withinDeadline: number }[]>`
      SELECT ${unit} AS unit, count(*)::int AS due,
             count(*) FILTER (WHERE "resolvedAt" IS NOT NULL AND "resolvedAt" <= "deadlineAt")::int AS "withinDeadline"
      FROM (${ticketsSql(w)}) x WHERE ${unit} IS NOT NULL GROUP BY 1`,
    // Open work at the window's end, and how much of it was made or touched (audited) within the last days.
    db.$queryRaw<{ unit: string; open: number; fresh: number }[]>`
      SELECT ${unit} AS unit, count(*)::int AS open,
             count(*) FILTER (WHERE o."createdAt" >= ${freshFrom} OR EXISTS (
               SELECT 1 FROM audit_events a
               WHERE a."entityType" = o.type AND a."entityId" = o.id::text
                 AND a.at >= ${freshFrom} AND a.at < ${chinaDayEnd(w.asOf)}))::int AS fresh
      FROM (
        SELECT 'milestone' AS type, m.id, m."responsibleDepartmentId" AS dept, p."districtId" AS district, m."createdAt"
        FROM milestones m JOIN projects p ON p.id = m."projectId"
        WHERE m."withdrawnAt" IS NULL AND m."createdAt" < ${chinaDayEnd(w.asOf)}
          AND NOT (m.status = 'done' AND coalesce(m."completedOn", (m."completedAt" AT TIME ZONE 'Asia/Shanghai')::date, m."dueDate") <= ${w.asOf}::date)
        UNION ALL
        SELECT 'item', i.id, i."responsibleDepartmentId", p."districtId", i."createdAt"
        FROM items i JOIN projects p ON p.id = i."projectId"
        WHERE i."withdrawnAt" IS NULL AND i."createdAt" < ${chinaDayEnd(w.asOf)}
          AND NOT (i.status = 'done' AND coalesce(i."completedOn", (i."completedAt" AT TIME ZONE 'Asia/Shanghai')::date, i."dueDate") <= ${w.asOf}::date)
      ) o WHERE ${unit} IS NOT NULL GROUP BY 1`,
    // Each project's households and the ledger's sum up to the window's end.
    db.$queryRaw<{ id: string; dept: string | null; district: string; total: number; moved: number }[]>`
      SELECT p.id, p."responsibleDepartmentId" AS dept, p."districtId" AS district, p."totalHouseholds" AS total,
             coalesce(r.moved, 0)::int AS moved
      FROM projects p LEFT JOIN (
        SELECT "projectId", sum(households) AS moved FROM progress_reports
        WHERE "reportedOn" <= ${w.asOf}::date GROUP BY 1) r ON r."projectId" = p.id`,
    db.district.findMany({ select: { id: true, floors: { select: { year: true, minCumulativePercent: true } } } }),
    // 配合事项 is a department's own part: a district's figures have none.
    kind === "department"
      ? db.$queryRaw<{ unit: string; open: number; responded: number }[]>`
          SELECT dept AS unit, count(*)::int AS open, count(done)::int AS responded
          FROM (${cooperationSql(w)}) x GROUP BY 1`
      : [],
  ]);

  const figures = new Map<string, ScoreComponents>();
  const of = (id: string) => {
    let f = figures.get(id);
    if (!f) figures.set(id, (f = emptyFigures()));
    return f;
  };
  for (const r of work) {
    const f = of(r.unit);
    f.onTime = { due: r.due, onTime: r.onTime, rate: rate(r.onTime, r.due) };
    f.overdue = { count: r.late, days: r.days };
  }
  for (const r of notices)
    of(r.unit).notices = { ...r, rate: rate(r.answeredOnTime, r.due) } as ScoreComponents["notices"];
  for (const r of tickets)
    of(r.unit).tickets = { due: r.due, withinDeadline: r.withinDeadline, rate: rate(r.withinDeadline, r.due) };
  for (const r of open) of(r.unit).freshness = { open: r.open, fresh: r.fresh, rate: rate(r.fresh, r.open) };
  for (const r of helped)
    of(r.unit).cooperation = { open: r.open, responded: r.responded, rate: rate(r.responded, r.open) };

  // The floor line at the window's end, per district; each project asks its share of it.
  const floorOf = new Map(
    districts.map((d) => [
      d.id,
      floorToDate(
        d.floors.map((f) => ({ year: f.year, minCumulativePercent: Number(f.minCumulativePercent) })),
        w.asOf,
      )?.percent ?? 0,
    ]),
  );
  const quota = new Map<string, { households: number; movedBack: number; expected: number }>();
  for (const p of projects) {
    const id = kind === "department" ? p.dept : p.district;
    if (!id || p.total === 0) continue;
    const q = quota.get(id) ?? { households: 0, movedBack: 0, expected: 0 };
    q.households += p.total;
    q.movedBack += Math.min(p.total, Math.max(0, p.moved));
    q.expected += (p.total * (floorOf.get(p.district) ?? 0)) / 100;
    quota.set(id, q);
  }
  for (const [id, q] of quota) {
    const expected = Math.ceil(q.expected - 1e-9);
    of(id).quota = {
      households: q.households,
      movedBack: q.movedBack,
      expected,
      rate: expected > 0 ? Math.min(1, q.movedBack / expected) : null,
    };
  }

  // Subsidy owed more than 90 days at the window's end, per project.
  const arrears = await readOldArrears(
    db,
    projects.map((p) => p.id),
    w.asOf,
  );
  for (const p of projects) {
    const owed = arrears.get(p.id);
    const id = kind === "department" ? p.dept : p.district;
    if (!owed || !id) continue;
    const f = of(id);
    f.arrears = { projects90: f.arrears.projects90 + 1, amountOwed90: f.arrears.amountOwed90 + owed.amountFen };
  }
  return figures;
}

/** `GET /api/scorecards`: every district, or every department with anything to count, ranked. */
export async function readScorecard({ db, clock }: ServiceContext, query: ScorecardQuery): Promise<Scorecard> {
  const w = windowOf(query.period, todayInChina(clock));
  const rules = await rulesFor(db, w.to, query.rulesVersion);
  const figures = await readFigures(db, query.kind, w, rules.rules.freshnessDays);
  const units =
    query.kind === "district"
      ? await db.district.findMany({ select: { id: true, name: true } })
      : await db.department.findMany({ where: { id: { in: [...figures.keys()] } }, select: { id: true, name: true } });
  const rows = rankRows(
    units.map((u) => {
      const components = figures.get(u.id) ?? emptyFigures();
      return { id: u.id, name: u.name, components, ...scoreOf(rules.rules, components) };
    }),
  );
  return { period: query.period, ...w, kind: query.kind, rules, rows };
}

/** 下钻: the records behind one part of one row's score, worst first, a page at a time. */
export async function readScoreRecords(
  { db, clock }: ServiceContext,
  query: ScoreRecordsQuery,
): Promise<ScoreRecordPage> {
  const w = windowOf(query.period, todayInChina(clock));
  const unit = unitOf(query.kind, Prisma.sql`dept`, Prisma.sql`district`);
  const page = Prisma.sql`LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  type Row = {
    type: ScoreRecord["type"];
    id: string;
    label: string;
    projectId: string | null;
    projectName: string | null;
    due: Date | null;
    done: Date | null;
    daysLate: number;
    total: number;
  };
  const rows = await (async () => {
    switch (query.part) {
      case "onTime":
      case "overdue":
        return db.$queryRaw<Row[]>`
          SELECT type, id, title AS label, "projectId", "projectName", due,
                 CASE WHEN done <= ${w.asOf}::date THEN done END AS done,
                 CASE WHEN ${lateSql(w.asOf)} THEN ${daysLateSql(w.asOf)} ELSE 0 END::int AS "daysLate",
                 count(*) OVER ()::int AS total
          FROM (${workSql(w)}) x
          WHERE ${unit} = ${query.id}::uuid ${query.part === "overdue" ? Prisma.sql`AND ${lateSql(w.asOf)}` : Prisma.empty}
          ORDER BY "daysLate" DESC, due, id ${page}`;
      case "notices":
        return db.$queryRaw<Row[]>`
          SELECT 'notice' AS type, id, number || ' ' || "targetLabel" AS label, "projectId", "projectName", due, done,
                 greatest(coalesce(done, ${w.asOf}::date) - due, 0)::int AS "daysLate", count(*) OVER ()::int AS total
          FROM (${noticesSql(w)}) x WHERE ${unit} = ${query.id}::uuid
          ORDER BY "daysLate" DESC, due, id ${page}`;
      case "tickets":
        return db.$queryRaw<Row[]>`
          SELECT 'ticket' AS type, id, description AS label, "projectId", "projectName", due,
                 ("resolvedAt" AT TIME ZONE 'Asia/Shanghai')::date AS done,
                 CASE WHEN coalesce("resolvedAt", ${chinaDayEnd(w.asOf)}) > "deadlineAt"
                      THEN ceil(extract(epoch FROM coalesce("resolvedAt", ${chinaDayEnd(w.asOf)}) - "deadlineAt") / 86400)
                      ELSE 0 END::int AS "daysLate",
                 count(*) OVER ()::int AS total
          FROM (${ticketsSql(w)}) x WHERE ${unit} = ${query.id}::uuid
          ORDER BY "daysLate" DESC, due, id ${page}`;
      case "cooperation":
        // Not written on first, then by due day; a district's list is empty (the part is a department's).
        return query.kind === "district"
          ? []
          : db.$queryRaw<Row[]>`
          SELECT type, id, label, "projectId", "projectName", due, done, 0 AS "daysLate", count(*) OVER ()::int AS total
          FROM (${cooperationSql(w)}) x WHERE dept = ${query.id}::uuid
          ORDER BY done IS NOT NULL, due NULLS LAST, label, id ${page}`;
    }
  })();
  const link = (r: Row) =>
    r.type === "notice"
      ? `/notices/${r.id}`
      : r.type === "ticket"
        ? `/projects/${r.projectId}?tab=tickets`
        : `/projects/${r.projectId}`;
  return {
    items: rows.map((r) => ({
      type: r.type,
      id: r.id,
      label: r.label,
      projectId: r.projectId,
      projectName: r.projectName,
      dueDate: r.due ? toIsoDate(r.due) : null,
      doneOn: r.done ? toIsoDate(r.done) : null,
      daysLate: r.daysLate,
      link: link(r),
    })),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every version of the rules, newest first. */
export async function listRuleSets({ db }: ServiceContext): Promise<ScoringRuleSet[]> {
  const rows = await db.scoringRuleSet.findMany({ orderBy: { version: "desc" }, select: ruleSetSelect });
  return rows.map(presentRuleSet);
}

/** 修订评分细则: a new version from a day on; the versions before it stay as they were. */
export async function createRuleSet(ctx: ServiceContext, input: ScoringRuleSetCreate): Promise<ScoringRuleSet> {
  return ctx.db.$transaction(async (tx) => {
    // Versions are numbered in turn: concurrent saves queue on the table's lock.
    await tx.$executeRaw`LOCK TABLE "scoring_rule_sets" IN SHARE ROW EXCLUSIVE MODE`;
    const last = await tx.scoringRuleSet.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const row = await tx.scoringRuleSet.create({
      data: {
        version: (last?.version ?? 0) + 1,
        effectiveFrom: fromIsoDate(input.effectiveFrom),
        rules: input.rules,
        note: input.note,
        createdById: ctx.actor.id,
      },
      select: ruleSetSelect,
    });
    const created = presentRuleSet(row);
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "scoring_rules",
      entityId: created.id,
      after: {
        version: created.version,
        effectiveFrom: created.effectiveFrom,
        rules: created.rules,
        note: created.note,
      },
    });
    return created;
  });
}
