import {
  ALERT_DUE_SOON_DAYS,
  ALERT_UNSIGNED_DAYS,
  type AlertRule,
  type AlertRunResult,
  type NotificationPage,
  type NotificationQuery,
} from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { todayInChina, type Clock } from "../../lib/clock.js";
import type { Db, ServiceContext } from "../../lib/context.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { notWithdrawn } from "../../lib/withdrawal.js";

// 预警与通知: the rules run by a job (in the API process, one at a time across processes) or
// by hand; each alert is raised once per record and occasion and lands in the notification
// centre of the users of its department.

type Candidate = {
  rule: AlertRule;
  entityType: "milestone" | "item" | "utility_ticket" | "supervision_notice";
  entityId: string;
  /** The occasion: the same rule, record and key never fire twice. */
  key: string;
  departmentId: string | null;
  projectId: string | null;
  title: string;
  link: string;
};

const DAY_MS = 86_400_000;
/** The job's advisory lock: one run at a time, whichever API process holds it. */
const JOB_LOCK = "resettle:alerts";

const addDays = (day: string, days: number) => toIsoDate(new Date(fromIsoDate(day).getTime() + days * DAY_MS));
const who = (department: { name: string } | null, person: { name: string } | null) =>
  [department?.name ?? "未指定责任单位", person?.name].filter(Boolean).join("，");

/** What the rules find today: open work due soon or overdue, tickets past deadline, notices unsigned. */
async function findCandidates(db: Db, clock: Clock): Promise<Candidate[]> {
  const now = clock.now();
  const today = todayInChina(clock);
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
  const [milestones, items, tickets, notices] = await Promise.all([
    db.milestone.findMany({ where: openWork, select: workSelect }),
    db.item.findMany({ where: openWork, select: workSelect }),
    db.utilityTicket.findMany({
      where: { status: { in: ["open", "in_progress"] }, deadlineAt: { lt: now } },
      select: {
        id: true,
        description: true,
        deadlineAt: true,
        projectId: true,
        project: { select: { name: true } },
        responsibleDepartment: { select: { id: true, name: true } },
      },
    }),
    db.supervisionNotice.findMany({
      where: { status: "issued", issuedAt: { lt: new Date(now.getTime() - ALERT_UNSIGNED_DAYS * DAY_MS) } },
      select: {
        id: true,
        number: true,
        issuedAt: true,
        projectId: true,
        department: { select: { id: true, name: true } },
      },
    }),
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
  return [
    ...milestones.map(work("milestone", "节点")),
    ...items.map(work("item", "整改事项")),
    ...tickets.map((k) => ({
      rule: "ticket_overdue" as const,
      entityType: "utility_ticket" as const,
      entityId: k.id,
      key: k.deadlineAt.toISOString(),
      departmentId: k.responsibleDepartment?.id ?? null,
      projectId: k.projectId,
      title: `水电暖问题超时：${k.project.name}「${k.description}」（${who(k.responsibleDepartment, null)}）`,
      link: `/projects/${k.projectId}?tab=tickets`,
    })),
    ...notices.map((n) => ({
      rule: "notice_unsigned" as const,
      entityType: "supervision_notice" as const,
      entityId: n.id,
      key: toIsoDate(n.issuedAt),
      departmentId: n.department.id,
      projectId: n.projectId,
      title: `督办单 ${n.number} 交办已超过 ${ALERT_UNSIGNED_DAYS} 天未签收（${n.department.name}）`,
      link: `/notices/${n.id}`,
    })),
  ];
}

/**
 * Runs the rules once: the alerts not raised before are written (the unique rule, record and
 * occasion settles it) and each goes to the notification centre of its department's
 * coordinators and working-group members. One run at a time: a run that finds another
 * holding the job's lock does nothing.
 */
export async function runAlerts(db: PrismaClient, clock: Clock): Promise<AlertRunResult> {
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
        SELECT pg_try_advisory_xact_lock(hashtext(${JOB_LOCK})) AS locked`;
      if (!locked) return { raised: 0, notified: 0, skipped: true };
      const candidates = await findCandidates(tx, clock);
      if (candidates.length === 0) return { raised: 0, notified: 0, skipped: false };
      const column = <K extends keyof Candidate>(k: K) => candidates.map((c) => c[k]);
      const raised = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "alerts" ("rule", "entityType", "entityId", "key", "departmentId", "projectId", "title", "link")
        SELECT * FROM unnest(
          ${column("rule")}::text[], ${column("entityType")}::text[], ${column("entityId")}::uuid[],
          ${column("key")}::text[], ${column("departmentId")}::uuid[], ${column("projectId")}::uuid[],
          ${column("title")}::text[], ${column("link")}::text[])
        ON CONFLICT ("rule", "entityId", "key") DO NOTHING
        RETURNING "id"`;
      if (raised.length === 0) return { raised: 0, notified: 0, skipped: false };
      const notified = await tx.$executeRaw`
        INSERT INTO "notifications" ("userId", "alertId")
        SELECT u."id", a."id" FROM "alerts" a
        JOIN "users" u ON u."departmentId" = a."departmentId" AND u."active"
          AND u."role" IN ('coordinator', 'working_group')
        WHERE a."id" = ANY(${raised.map((r) => r.id)}::uuid[])
        ON CONFLICT ("userId", "alertId") DO NOTHING`;
      return { raised: raised.length, notified, skipped: false };
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
