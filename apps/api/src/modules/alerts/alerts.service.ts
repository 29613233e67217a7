import {
  ALERT_DUE_SOON_DAYS,
  ALERT_REVIEW_SIGN_DAYS,
  ALERT_UNSIGNED_DAYS,
  addDays,
  fenToYuan,
  floorToDate,
  percentOf,
  roundPercent,
  type AlertRule,
  type AlertRunResult,
  type NotificationPage,
  type NotificationQuery,
} from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";
import { raiseAlerts, type AlertCandidate } from "../../lib/alert-store.js";
import { AppError } from "../../lib/app-error.js";
import { chinaDayStart, todayInChina, type Clock } from "../../lib/clock.js";
import type { Db, ServiceContext } from "../../lib/context.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { notWithdrawn } from "../../lib/withdrawal.js";
import { readUnsignedReviews } from "../reviews/index.js";
import { arrearsReport } from "../subsidy/index.js";
import { escalateOverdueNotices } from "../supervision/index.js";
import { enqueueDeliveries } from "../channels/index.js";

// 预警与通知: the rules run by a job (in the API process, one at a time across processes) or
// by hand; each alert is raised once per record and occasion and lands in the notification
// centre of the users of its department.

const DAY_MS = 86_400_000;
/** The job's advisory lock: one run at a time, whichever API process holds it. */
const JOB_LOCK = "resettle:alerts";
/** Who the audit trail names for what the job does by itself (a notice escalated). */
const JOB_ACTOR = { id: null, name: "系统（预警任务）", requestId: null };

const who = (department: { name: string } | null, person: { name: string } | null) =>
  [department?.name ?? "未指定责任单位", person?.name].filter(Boolean).join("，");

/** Open work due within days or overdue: a milestone, an item or a review's follow-up action. */
async function workCandidates(db: Db, today: string): Promise<AlertCandidate[]> {
  const horizon = fromIsoDate(addDays(today, ALERT_DUE_SOON_DAYS));
  const openWork = { ...notWithdrawn, status: { not: "done" as const }, dueDate: { lte: horizon } };
  const workSelect = {
    id: true,
    title: true,
    dueDate: true,
    projectId: true,
    project: { select: { name: true } },
    responsibleDepartment: { select: { id: true, name: true } },
    responsiblePerson: { select: { name: true } },
  } as const;
  const [milestones, items] = await Promise.all([
    db.milestone.findMany({ where: openWork, select: workSelect }),
    db.item.findMany({ where: openWork, select: workSelect }),
  ]);
  const work = (entityType: "milestone" | "item", word: string) => (w: (typeof milestones)[number]) => {
    const due = toIsoDate(w.dueDate);
    const overdue = due < today;
    return {
      rule: overdue ? ("work_overdue" as const) : ("work_due_soon" as const),
      entityType,
      entityId: w.id,
      key: due,
      departmentId: w.responsibleDepartment?.id ?? null,
      projectId: w.projectId,
      title: `${overdue ? "已逾期" : "即将到期"}：${w.project.name}${word}「${w.title}」应于 ${due} 完成（${who(w.responsibleDepartment, w.responsiblePerson)}）`,
      link: `/projects/${w.projectId}`,
    };
  };
  return [...milestones.map(work("milestone", "节点")), ...items.map(work("item", "整改事项"))];
}

/** Water, power and heating tickets open past their deadline. */
async function ticketCandidates(db: Db, now: Date): Promise<AlertCandidate[]> {
  const tickets = await db.utilityTicket.findMany({
    where: { status: { in: ["open", "in_progress"] }, deadlineAt: { lt: now } },
    select: {
      id: true,
      description: true,
      deadlineAt: true,
      projectId: true,
      project: { select: { name: true } },
      responsibleDepartment: { select: { id: true, name: true } },
    },
  });
  return tickets.map((k) => ({
    rule: "ticket_overdue" as const,
    entityType: "utility_ticket" as const,
    entityId: k.id,
    key: k.deadlineAt.toISOString(),
    departmentId: k.responsibleDepartment?.id ?? null,
    projectId: k.projectId,
    title: `水电暖问题超时：${k.project.name}「${k.description}」（${who(k.responsibleDepartment, null)}）`,
    link: `/projects/${k.projectId}?tab=tickets`,
  }));
}

/** 督办单 issued more than days ago and still not signed for. */
async function unsignedNoticeCandidates(db: Db, now: Date): Promise<AlertCandidate[]> {
  const notices = await db.supervisionNotice.findMany({
    where: { status: "issued", issuedAt: { lt: new Date(now.getTime() - ALERT_UNSIGNED_DAYS * DAY_MS) } },
    select: {
      id: true,
      number: true,
      issuedAt: true,
      projectId: true,
      department: { select: { id: true, name: true } },
    },
  });
  return notices.map((n) => ({
    rule: "notice_unsigned" as const,
    entityType: "supervision_notice" as const,
    entityId: n.id,
    key: toIsoDate(n.issuedAt),
    departmentId: n.department.id,
    projectId: n.projectId,
    title: `督办单 ${n.number} 交办已超过 ${ALERT_UNSIGNED_DAYS} 天未签收（${n.department.name}）`,
    link: `/notices/${n.id}`,
  }));
}

/**
 * Projects whose temporary subsidy is owed past 30 and past 90 days (one query for all of them);
 * the occasion is the oldest month owed, so paying it and falling behind again fires again.
 */
async function arrearsCandidates(db: Db, clock: Clock): Promise<AlertCandidate[]> {
  const report = await arrearsReport({ db, clock }, {});
  const owing = report.projects.filter((p) => p.buckets.d31to90 + p.buckets.over90 > 0);
  if (owing.length === 0) return [];
  const projects = await db.project.findMany({
    where: { id: { in: owing.map((p) => p.projectId) } },
    select: {
      id: true,
      responsibleDepartment: { select: { id: true, name: true } },
      responsiblePerson: { select: { name: true } },
    },
  });
  const byId = new Map(projects.map((p) => [p.id, p]));
  return owing.flatMap((a) => {
    const p = byId.get(a.projectId);
    const rules = [
      { rule: "arrears_30" as const, days: 30, fen: a.buckets.d31to90 + a.buckets.over90 },
      ...(a.buckets.over90 > 0 ? [{ rule: "arrears_90" as const, days: 90, fen: a.buckets.over90 }] : []),
    ];
    return rules.map(({ rule, days, fen }) => ({
      rule,
      entityType: "project" as const,
      entityId: a.projectId,
      key: a.oldestDueMonth ?? "",
      departmentId: p?.responsibleDepartment?.id ?? null,
      projectId: a.projectId,
      title: `临时安置补助费欠付超过 ${days} 天：${a.projectName} 欠付 ${fenToYuan(fen)} 元，最早欠付月份 ${a.oldestDueMonth ?? "—"}（${who(p?.responsibleDepartment ?? null, p?.responsiblePerson ?? null)}）`,
      link: `/projects/${a.projectId}?tab=subsidy`,
    }));
  });
}

/** Projects whose moved-back share is below their district's floor line for today; once per floor year. */
async function floorCandidates(db: Db, today: string): Promise<AlertCandidate[]> {
  const districts = await db.district.findMany({
    select: {
      name: true,
      floors: { select: { year: true, minCumulativePercent: true } },
      projects: {
        where: { totalHouseholds: { gt: 0 } },
        select: {
          id: true,
          name: true,
          totalHouseholds: true,
          movedBack: true,
          responsibleDepartment: { select: { id: true, name: true } },
          responsiblePerson: { select: { name: true } },
        },
      },
    },
  });
  return districts.flatMap((d) => {
    const floor = floorToDate(
      d.floors.map((f) => ({ year: f.year, minCumulativePercent: Number(f.minCumulativePercent) })),
      today,
    );
    if (!floor) return [];
    return d.projects
      .filter((p) => (p.movedBack / p.totalHouseholds) * 100 < floor.percent - 1e-9)
      .map((p) => ({
        rule: "below_floor" as const,
        entityType: "project" as const,
        entityId: p.id,
        key: String(floor.year),
        departmentId: p.responsibleDepartment?.id ?? null,
        projectId: p.id,
        title: `低于底线：${p.name} 已回迁 ${p.movedBack}/${p.totalHouseholds} 户（${percentOf(p.movedBack, p.totalHouseholds)}%），${d.name}截至今日底线 ${roundPercent(floor.percent)}%（${who(p.responsibleDepartment, p.responsiblePerson)}）`,
        link: `/projects/${p.id}`,
      }));
  });
}

/** Review records (研判会) not locked, held more than days ago, waiting for a department's 会签: one alert per department. */
async function reviewSignCandidates(db: Db, today: string): Promise<AlertCandidate[]> {
  const waiting = await readUnsignedReviews(db, fromIsoDate(addDays(today, -ALERT_REVIEW_SIGN_DAYS)));
  return waiting.flatMap((r) =>
    r.pending.map((d) => ({
      rule: "review_unsigned" as const,
      entityType: "review" as const,
      entityId: r.id,
      key: d.id,
      departmentId: d.id,
      projectId: null,
      title: `研判会 ${r.heldOn}（${r.groupName}）记录待会签已超过 ${ALERT_REVIEW_SIGN_DAYS} 天（${d.name}）`,
      link: `/reviews/${r.id}`,
    })),
  );
}

/** What the rules find today, all of them, in a handful of queries whatever the number of records. */
async function findCandidates(db: Db, clock: Clock): Promise<AlertCandidate[]> {
  const now = clock.now();
  const today = todayInChina(clock);
  const found = await Promise.all([
    workCandidates(db, today),
    ticketCandidates(db, now),
    unsignedNoticeCandidates(db, now),
    arrearsCandidates(db, clock),
    floorCandidates(db, today),
    reviewSignCandidates(db, today),
  ]);
  return found.flat();
}

/**
 * 每日汇总: for each department, one digest of the alerts raised for it yesterday (in China),
 * raised once a day on the first run after midnight.
 */
async function digestCandidates(db: Db, clock: Clock): Promise<AlertCandidate[]> {
  const today = todayInChina(clock);
  const yesterday = addDays(today, -1);
  const rows = await db.$queryRaw<{ departmentId: string; name: string; rule: string; n: number }[]>`
    SELECT a."departmentId", d."name", a."rule", count(*)::int AS n
    FROM "alerts" a JOIN "departments" d ON d."id" = a."departmentId"
    WHERE a."raisedAt" >= ${chinaDayStart(yesterday)} AND a."raisedAt" < ${chinaDayStart(today)}
      AND a."rule" <> 'daily_digest'
    GROUP BY 1, 2, 3 ORDER BY 1, 3`;
  const byDepartment = new Map<string, { name: string; counts: { rule: string; n: number }[] }>();
  for (const r of rows) {
    const entry = byDepartment.get(r.departmentId) ?? { name: r.name, counts: [] };
    entry.counts.push({ rule: r.rule, n: r.n });
    byDepartment.set(r.departmentId, entry);
  }
  return [...byDepartment].map(([departmentId, { name, counts }]) => {
    const total = counts.reduce((s, c) => s + c.n, 0);
    const parts = counts.map((c) => `${RULE_WORDS[c.rule as AlertRule] ?? c.rule} ${c.n}`).join("，");
    return {
      rule: "daily_digest" as const,
      entityType: "department" as const,
      entityId: departmentId,
      key: yesterday,
      departmentId,
      projectId: null,
      title: `每日汇总（${yesterday}）：${name}新增预警 ${total} 条（${parts}）`,
      link: "/my-work",
    };
  });
}

const RULE_WORDS: Record<AlertRule, string> = {
  work_due_soon: "即将到期",
  work_overdue: "已逾期",
  ticket_overdue: "水电暖超时",
  notice_unsigned: "督办单未签收",
  notice_issued: "新督办单",
  notice_red: "红色督办",
  notice_escalated: "督办升级",
  arrears_30: "补助欠付超30天",
  arrears_90: "补助欠付超90天",
  below_floor: "低于底线",
  review_unsigned: "研判待会签",
  daily_digest: "每日汇总",
};

/**
 * Runs the rules once: notices past their reply day go up a level, the alerts not raised before
 * are written and reach their department's coordinators and working-group members (and the
 * leaders, for the rules that reach them); then yesterday's digests. One run at a time: a run
 * that finds another holding the job's lock does nothing.
 */
export async function runAlerts(db: PrismaClient, clock: Clock): Promise<AlertRunResult> {
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
        SELECT pg_try_advisory_xact_lock(hashtext(${JOB_LOCK})) AS locked`;
      if (!locked) return { raised: 0, notified: 0, skipped: true };
      const escalated = await escalateOverdueNotices(tx, clock, JOB_ACTOR);
      const found = await raiseAlerts(tx, await findCandidates(tx, clock));
      const digests = await raiseAlerts(tx, await digestCandidates(tx, clock));
      await enqueueDeliveries(tx, clock);
      return {
        raised: escalated.raised + found.ids.length + digests.ids.length,
        notified: escalated.notified + found.notified + digests.notified,
        skipped: false,
      };
    },
    { timeout: 60_000 },
  );
}

/** The user's notifications, newest first; with the count unread. */
export async function listNotifications(
  { db, actor }: ServiceContext,
  query: NotificationQuery,
): Promise<NotificationPage> {
  const mine = { userId: actor.id };
  const where = {
    ...mine,
    ...(query.unread === true ? { readAt: null } : {}),
    ...(query.unread === false ? { readAt: { not: null } } : {}),
  };
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { ...mine, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, createdAt: true, readAt: true, alert: { select: { rule: true, title: true, link: true } } },
    }),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      rule: r.alert.rule as AlertRule,
      title: r.alert.title,
      link: r.alert.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    total,
    unread,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** 标为已读: the user's own notification only (another's is not found); reading twice keeps the first time. */
export async function markNotificationRead({ db, actor, clock }: ServiceContext, id: string) {
  const updated = await db.notification.updateMany({
    where: { id, userId: actor.id, readAt: null },
    data: { readAt: clock.now() },
  });
  if (updated.count === 0 && !(await db.notification.count({ where: { id, userId: actor.id } })))
    throw AppError.notFound("Notification");
}

/**
 * 全部标为已读: every notification of the user's own still unread is read now (one read before
 * keeps its time); nobody else's is touched.
 */
export async function markAllNotificationsRead({ db, actor, clock }: ServiceContext) {
  await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: clock.now() } });
}
