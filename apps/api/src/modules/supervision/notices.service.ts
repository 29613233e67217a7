import {
  checkNoticeStep,
  formatNoticeNumber,
  isHigherLevel,
  isNoticeOpen,
  NOTICE_ESCALATE_DAYS,
  NOTICE_LEVEL_WORDS,
  NOTICE_MAX_DAYS,
  NOTICE_NUMBER_PREFIX,
  type Notice,
  type NoticeCreate,
  type NoticeEscalate,
  type NoticeEvent,
  type NoticeExtension,
  type NoticeExtensionDecision,
  type NoticeLevel,
  type NoticePage,
  type NoticeQuery,
  type NoticeReply,
  type NoticeReview,
  type NoticeStatus,
  type NoticeStep,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { raiseAlerts, type AlertCandidate } from "../../lib/alert-store.js";
import { AppError } from "../../lib/app-error.js";
import { audit, type AuditActor } from "../../lib/audit.js";
import { chinaDay, todayInChina, type Clock } from "../../lib/clock.js";
import type { Db, ServiceContext } from "../../lib/context.js";
import { checkCooperators } from "../../lib/cooperation.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { requireActFor } from "../../lib/work-rules.js";

// 督办单: issued by the office to a department about a record; 签收 → 反馈 → 复核 (销号 or 退回),
// 延期 asked and decided, escalated by hand. Every step on the locked row, an event and an
// audit row in the same transaction; a step out of order is 409 with the notice as it is.

const noticeSelect = {
  id: true,
  number: true,
  level: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  projectId: true,
  department: { select: { id: true, name: true } },
  cooperations: {
    select: { department: { select: { id: true, name: true } } },
    orderBy: { department: { code: "asc" } },
  },
  requirement: true,
  replyBy: true,
  status: true,
  issuedAt: true,
  issuedBy: { select: { displayName: true } },
  receivedAt: true,
  repliedAt: true,
  measures: true,
  reviewComment: true,
  closedAt: true,
  extensionUntil: true,
  extensionReason: true,
  extensionStatus: true,
  extensionDecision: true,
  version: true,
} satisfies Prisma.SupervisionNoticeSelect;
type NoticeRow = Prisma.SupervisionNoticeGetPayload<{ select: typeof noticeSelect }>;

const DAY_MS = 86_400_000;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The day the reply is due now: an approved extension's, else the one issued. */
const dueDay = (row: Pick<NoticeRow, "replyBy" | "extensionStatus" | "extensionUntil">) =>
  toIsoDate(row.extensionStatus === "approved" && row.extensionUntil ? row.extensionUntil : row.replyBy);

/** Waiting on the department (not on the office's review) and past its day. */
const awaitsDepartment = (status: NoticeStatus) =>
  status === "issued" || status === "received" || status === "returned";

function present(row: NoticeRow, now: Date): Notice {
  const today = chinaDay(now);
  const end = row.closedAt ?? now;
  return {
    id: row.id,
    number: row.number,
    level: row.level,
    targetType: row.targetType,
    targetId: row.targetId,
    targetLabel: row.targetLabel,
    projectId: row.projectId,
    department: row.department,
    cooperating: row.cooperations.map((c) => c.department),
    requirement: row.requirement,
    replyBy: toIsoDate(row.replyBy),
    status: row.status,
    issuedAt: row.issuedAt.toISOString(),
    issuedBy: row.issuedBy?.displayName ?? null,
    receivedAt: iso(row.receivedAt),
    repliedAt: iso(row.repliedAt),
    measures: row.measures,
    reviewComment: row.reviewComment,
    closedAt: iso(row.closedAt),
    extension:
      row.extensionStatus && row.extensionUntil
        ? {
            until: toIsoDate(row.extensionUntil),
            reason: row.extensionReason ?? "",
            status: row.extensionStatus,
            decision: row.extensionDecision,
          }
        : null,
    daysOpen: Math.max(0, Math.floor((end.getTime() - row.issuedAt.getTime()) / DAY_MS)),
    overdue: isNoticeOpen(row.status) && awaitsDepartment(row.status) && today > dueDay(row),
    version: row.version,
  };
}

/** What the audit trail keeps of a notice (its number names it there). */
const audited = (n: Notice) => ({
  number: n.number,
  level: n.level,
  status: n.status,
  department: n.department.name,
  target: n.targetLabel,
  replyBy: n.replyBy,
});

/** The departments named to cooperate hear of the notice too, each once (交办, or added later). */
export const cooperatingAlerts = (
  n: Pick<Notice, "id" | "number" | "level" | "targetLabel" | "department" | "projectId">,
  departments: { id: string }[],
): AlertCandidate[] =>
  departments.map((d) => ({
    rule: "notice_issued",
    entityType: "supervision_notice",
    entityId: n.id,
    key: `cooperating:${d.id}`,
    departmentId: d.id,
    projectId: n.projectId,
    title: `配合督办单：${n.number}（${NOTICE_LEVEL_WORDS[n.level]}，牵头单位 ${n.department.name}）${n.targetLabel}，请配合办理并填报进展情况`,
    link: `/notices/${n.id}`,
  }));

/** A red notice reaches the leaders as well as its department (once: a notice never goes down). */
const redAlert = (n: Notice): AlertCandidate => ({
  rule: "notice_red",
  entityType: "supervision_notice",
  entityId: n.id,
  key: "red",
  departmentId: n.department.id,
  projectId: n.projectId,
  title: `红色督办：${n.number}（${n.department.name}）${n.targetLabel}，限 ${n.replyBy} 前反馈`,
  link: `/notices/${n.id}`,
});

/** The record a notice is about, in words, and its project; 400 when there is none. */
async function resolveTarget(
  db: Db,
  { targetType, targetId }: Pick<NoticeCreate, "targetType" | "targetId">,
): Promise<{ label: string; projectId: string | null }> {
  const project = { select: { id: true, name: true } } as const;
  const found = await (async () => {
    switch (targetType) {
      case "project": {
        const p = await db.project.findUnique({ where: { id: targetId }, select: { id: true, name: true } });
        return p && { label: p.name, projectId: p.id };
      }
      case "milestone": {
        const m = await db.milestone.findUnique({ where: { id: targetId }, select: { title: true, project } });
        return m && { label: `${m.project.name}：${m.title}`, projectId: m.project.id };
      }
      case "item": {
        const i = await db.item.findUnique({ where: { id: targetId }, select: { title: true, project } });
        return i && { label: `${i.project.name}：${i.title}`, projectId: i.project.id };
      }
      case "ticket": {
        const k = await db.utilityTicket.findUnique({
          where: { id: targetId },
          select: { description: true, project },
        });
        return k && { label: `${k.project.name}：${k.description}`, projectId: k.project.id };
      }
    }
  })();
  if (!found)
    throw AppError.invalid("body.targetId", "unknown_reference", `no ${targetType} ${targetId}`, { targetType });
  return found;
}

/** A reply or extension day: from today, within a year. */
function checkDay(path: string, day: string, today: string, minimum = today) {
  const maximum = toIsoDate(new Date(fromIsoDate(today).getTime() + NOTICE_MAX_DAYS * DAY_MS));
  if (day < minimum || day > maximum)
    throw AppError.invalid(path, "out_of_bounds", `a day from ${minimum} to ${maximum}`, { minimum, maximum });
}

/** 交办: a new notice, numbered within the year (盘回迁督〔2026〕12号). */
export async function issueNotice(ctx: ServiceContext, input: NoticeCreate): Promise<Notice> {
  const now = ctx.clock.now();
  const today = todayInChina(ctx.clock);
  checkDay("body.replyBy", input.replyBy, today);
  return ctx.db.$transaction(async (tx) => {
    const target = await resolveTarget(tx, input);
    const department = await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } });
    if (!department) throw AppError.invalid("body.departmentId", "unknown_reference", "no such department");
    // 配合单位: never the department it is issued to (the lead answers for the whole).
    const cooperating = input.cooperatingDepartmentIds ?? [];
    await checkCooperators(tx, input.departmentId, cooperating, "body.cooperatingDepartmentIds");
    const year = Number(today.slice(0, 4));
    // One statement takes the next number: concurrent issues queue on the year's row.
    const [{ last }] = await tx.$queryRaw<[{ last: number }]>`
      INSERT INTO "notice_counters" ("year", "last") VALUES (${year}, 1)
      ON CONFLICT ("year") DO UPDATE SET "last" = "notice_counters"."last" + 1
      RETURNING "last"`;
    const row = await tx.supervisionNotice.create({
      data: {
        year,
        seq: last,
        number: formatNoticeNumber(NOTICE_NUMBER_PREFIX, year, last),
        level: input.level,
        targetType: input.targetType,
        targetId: input.targetId,
        targetLabel: target.label,
        projectId: target.projectId,
        departmentId: input.departmentId,
        requirement: input.requirement,
        replyBy: fromIsoDate(input.replyBy),
        issuedById: ctx.actor.id,
        issuedAt: now,
        events: { create: { step: "issue", toStatus: "issued", note: input.requirement, byId: ctx.actor.id } },
        cooperations: { create: cooperating.map((departmentId) => ({ departmentId })) },
      },
      select: noticeSelect,
    });
    const notice = present(row, now);
    await audit(tx, ctx.actor, {
      action: "issue",
      entityType: "supervision_notice",
      entityId: notice.id,
      projectId: notice.projectId,
      after: {
        ...audited(notice),
        requirement: notice.requirement,
        ...(notice.cooperating.length > 0 ? { cooperating: notice.cooperating.map((d) => d.name) } : {}),
      },
    });
    // 交办: the department hears of it at once (and the leaders too when it is red).
    await raiseAlerts(tx, [
      {
        rule: "notice_issued",
        entityType: "supervision_notice",
        entityId: notice.id,
        key: "issued",
        departmentId: notice.department.id,
        projectId: notice.projectId,
        title: `新督办单：${notice.number}（${NOTICE_LEVEL_WORDS[notice.level]}）${notice.targetLabel}，请签收并于 ${notice.replyBy} 前反馈`,
        link: `/notices/${notice.id}`,
      },
      ...(notice.level === "red" ? [redAlert(notice)] : []),
      ...cooperatingAlerts(notice, notice.cooperating),
    ]);
    return notice;
  });
}

type StepChange = {
  data: Prisma.SupervisionNoticeUpdateInput;
  to: NoticeStatus;
  note: string | null;
  /** What the audit row adds to the notice's own fields. */
  said?: Record<string, unknown>;
};

/**
 * One step on the notice's locked row: who may take it (checked first: 403 before 409), whether
 * it may be taken now (409 with the notice as it is), what it writes; then its event and audit.
 */
async function takeStep(
  ctx: ServiceContext,
  id: string,
  step: NoticeStep,
  {
    authorize,
    change,
    then,
  }: {
    authorize?: (row: NoticeRow) => void;
    change: (row: NoticeRow) => StepChange;
    /** More to write in the step's transaction, with the notice as the step left it. */
    then?: (tx: Db, notice: Notice) => Promise<unknown>;
  },
): Promise<Notice> {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "supervision_notices" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw AppError.notFound("Notice");
    const row = await tx.supervisionNotice.findUniqueOrThrow({ where: { id }, select: noticeSelect });
    authorize?.(row);
    const check = checkNoticeStep(row, step);
    if (!check.ok)
      throw new AppError(
        "CONFLICT",
        check.message,
        [
          {
            path: "params.id",
            reason: "transition_not_allowed",
            message: check.message,
            params: { status: row.status },
          },
        ],
        present(row, now),
      );
    const before = present(row, now);
    const { data, to, note, said } = change(row);
    const updated = await tx.supervisionNotice.update({
      where: { id },
      data: { ...data, status: to, version: { increment: 1 } },
      select: noticeSelect,
    });
    await tx.supervisionNoticeEvent.create({
      data: { noticeId: id, step, fromStatus: row.status, toStatus: to, note, byId: ctx.actor.id },
    });
    const after = present(updated, now);
    await audit(tx, ctx.actor, {
      action: `notice_${step}`,
      entityType: "supervision_notice",
      entityId: id,
      projectId: after.projectId,
      before: audited(before),
      after: { ...audited(after), ...said },
    });
    await then?.(tx, after);
    return after;
  });
}

/** Only the coordinators of the notice's department sign, reply and ask to extend: never a cooperating one's. */
const theDepartment = (ctx: ServiceContext) => (row: NoticeRow) =>
  requireActFor(ctx.actor.user, "notices.answer", [row.department.id]);

/** 签收: the department has it. */
export const receiveNotice = (ctx: ServiceContext, id: string) =>
  takeStep(ctx, id, "receipt", {
    authorize: theDepartment(ctx),
    change: () => ({ data: { receivedAt: ctx.clock.now() }, to: "received", note: null }),
  });

/** 反馈: the measures taken; the office reviews them next. */
export const replyToNotice = (ctx: ServiceContext, id: string, input: NoticeReply) =>
  takeStep(ctx, id, "reply", {
    authorize: theDepartment(ctx),
    change: () => ({
      data: { repliedAt: ctx.clock.now(), measures: input.measures, reviewComment: null },
      to: "replied",
      note: input.measures,
      said: { measures: input.measures },
    }),
  });

/** 复核: accepted closes it (销号); returned, the department answers again (the comment says why). */
export function reviewNotice(ctx: ServiceContext, id: string, input: NoticeReview) {
  if (!input.accepted && !input.comment)
    throw AppError.invalid("body.comment", "reason_required", "returning a reply needs the comment");
  return takeStep(ctx, id, "review", {
    change: () => ({
      data: { reviewComment: input.comment ?? null, closedAt: input.accepted ? ctx.clock.now() : null },
      to: input.accepted ? "closed" : "returned",
      note: input.comment ?? null,
      said: { accepted: input.accepted, ...(input.comment ? { comment: input.comment } : {}) },
    }),
  });
}

/** 延期申请: a later reply day, with the reason; one waiting at a time. */
export function requestExtension(ctx: ServiceContext, id: string, input: NoticeExtension) {
  return takeStep(ctx, id, "extension", {
    authorize: theDepartment(ctx),
    change: (row) => {
      // Later than the day it is due now, and not in the past.
      const today = todayInChina(ctx.clock);
      const dayAfterDue = toIsoDate(new Date(fromIsoDate(dueDay(row)).getTime() + DAY_MS));
      checkDay("body.until", input.until, today, dayAfterDue > today ? dayAfterDue : today);
      return {
        data: {
          extensionUntil: fromIsoDate(input.until),
          extensionReason: input.reason,
          extensionStatus: "pending",
          extensionDecision: null,
        },
        to: row.status,
        note: input.reason,
        said: { extensionUntil: input.until, reason: input.reason },
      };
    },
  });
}

/** 延期审批: approved, the reply is due on the day asked; refused (with the reason), it stays as it was. */
export function decideExtension(ctx: ServiceContext, id: string, input: NoticeExtensionDecision) {
  if (!input.approved && !input.reason)
    throw AppError.invalid("body.reason", "reason_required", "refusing an extension needs the reason");
  return takeStep(ctx, id, "extension_decision", {
    change: (row) => ({
      data: {
        extensionStatus: input.approved ? "approved" : "refused",
        extensionDecision: input.reason ?? null,
        // A refused request leaves no day behind: the notice is due when it was.
        ...(input.approved ? {} : { extensionUntil: null, extensionReason: null }),
      },
      to: row.status,
      note: input.reason ?? null,
      said: { approved: input.approved, ...(input.reason ? { reason: input.reason } : {}) },
    }),
  });
}

/** 升级: blue → yellow → red by hand, with the reason; never down. */
export function escalateNotice(ctx: ServiceContext, id: string, input: NoticeEscalate) {
  return takeStep(ctx, id, "escalate", {
    change: (row) => {
      if (!isHigherLevel(input.level, row.level))
        throw AppError.invalid("body.level", "invalid_value", `a ${row.level} notice escalates only upward`, {
          from: row.level,
        });
      return {
        data: { level: input.level },
        to: row.status,
        note: input.reason,
        said: { reason: input.reason },
      };
    },
    then: (tx, notice) => (notice.level === "red" ? raiseAlerts(tx, [redAlert(notice)]) : Promise.resolve()),
  });
}

const NEXT_LEVEL: Record<NoticeLevel, NoticeLevel | null> = { blue: "yellow", yellow: "red", red: null };

/**
 * 自动升级, run by the alerts job in its transaction: a notice waiting on its department, past the
 * day its reply is due, that has stayed at its level NOTICE_ESCALATE_DAYS days past that day (or
 * since its last escalation) goes up one level, with an event, an audit row and an alert to the
 * department (and the leaders when it turns red). Rows another transaction holds are left for
 * the next run.
 */
export async function escalateOverdueNotices(tx: Db, clock: Clock, actor: AuditActor) {
  const now = clock.now();
  const today = todayInChina(clock);
  const rows = await tx.supervisionNotice.findMany({
    where: { status: { in: ["issued", "received", "returned"] }, level: { not: "red" } },
    select: {
      ...noticeSelect,
      events: { where: { step: "escalate" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
    },
  });
  const daysBetween = (from: string, to: string) => (fromIsoDate(to).getTime() - fromIsoDate(from).getTime()) / DAY_MS;
  const due = rows.filter((row) => {
    const lastRaised = row.events[0] ? chinaDay(row.events[0]!.at) : null;
    const since = lastRaised && lastRaised > dueDay(row) ? lastRaised : dueDay(row);
    return daysBetween(since, today) >= NOTICE_ESCALATE_DAYS;
  });
  if (due.length === 0) return { raised: 0, notified: 0 };
  const free = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "supervision_notices" WHERE id = ANY(${due.map((r) => r.id)}::uuid[]) FOR UPDATE SKIP LOCKED`;
  const freeIds = new Set(free.map((r) => r.id));
  const alerts: AlertCandidate[] = [];
  for (const row of due.filter((r) => freeIds.has(r.id))) {
    const level = NEXT_LEVEL[row.level]!;
    const note = `逾期未反馈（应于 ${dueDay(row)} 前反馈），由${NOTICE_LEVEL_WORDS[row.level]}自动升级为${NOTICE_LEVEL_WORDS[level]}`;
    // The version goes up, and the level only when no one changed it since it was read.
    const updated = await tx.supervisionNotice.updateMany({
      where: { id: row.id, version: row.version },
      data: { level, version: { increment: 1 } },
    });
    if (updated.count === 0) continue;
    await tx.supervisionNoticeEvent.create({
      data: { noticeId: row.id, step: "escalate", fromStatus: row.status, toStatus: row.status, note, byId: null },
    });
    const before = present(row, now);
    const after = { ...before, level, version: row.version + 1 };
    await audit(tx, actor, {
      action: "notice_escalate",
      entityType: "supervision_notice",
      entityId: row.id,
      projectId: row.projectId,
      before: audited(before),
      after: { ...audited(after), reason: note, automatic: true },
    });
    alerts.push({
      rule: "notice_escalated",
      entityType: "supervision_notice",
      entityId: row.id,
      key: level,
      departmentId: row.department.id,
      projectId: row.projectId,
      title: `督办单 ${row.number} ${note}（${row.department.name}）`,
      link: `/notices/${row.id}`,
    });
    if (level === "red") alerts.push(redAlert(after));
  }
  const raised = await raiseAlerts(tx, alerts);
  return { raised: raised.ids.length, notified: raised.notified };
}

/**
 * A page of notices: the open ones first (whatever their step), red before yellow before blue,
 * the oldest issued first; then the closed ones, the latest closed first.
 */
export async function listNotices({ db, clock }: ServiceContext, query: NoticeQuery): Promise<NoticePage> {
  const now = clock.now();
  const where: Prisma.SupervisionNoticeWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.level ? { level: query.level } : {}),
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    ...(query.cooperatingDepartmentId
      ? { cooperations: { some: { departmentId: query.cooperatingDepartmentId } } }
      : {}),
    ...(query.projectId ? { projectId: query.projectId } : {}),
    ...(query.open === true ? { status: { not: "closed" } } : {}),
    ...(query.open === false ? { status: "closed" } : {}),
  };
  const [total, rows] = await Promise.all([
    db.supervisionNotice.count({ where }),
    db.supervisionNotice.findMany({
      where,
      // closedAt is set exactly when a notice is closed (销号 is final), so "no closedAt first"
      // is "open first" whatever the step; red is the enum's last level, so descending.
      orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { level: "desc" }, { issuedAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: noticeSelect,
    }),
  ]);
  return { items: rows.map((r) => present(r, now)), total, page: query.page, pageSize: query.pageSize };
}

export const readNotice = ({ db, clock }: ServiceContext, id: string) => findNotice(db, clock, id);

/** A notice as the API presents it, read in the caller's transaction (or not); 404 when none. */
export async function findNotice(db: Db, clock: Clock, id: string): Promise<Notice> {
  const row = await db.supervisionNotice.findUnique({ where: { id }, select: noticeSelect });
  if (!row) throw AppError.notFound("Notice");
  return present(row, clock.now());
}

/** A notice's steps, oldest first. */
export async function listNoticeEvents({ db }: ServiceContext, id: string): Promise<NoticeEvent[]> {
  if (!(await db.supervisionNotice.count({ where: { id } }))) throw AppError.notFound("Notice");
  const rows = await db.supervisionNoticeEvent.findMany({
    where: { noticeId: id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: {
      id: true,
      step: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      at: true,
      by: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    step: r.step as NoticeEvent["step"],
    from: r.fromStatus,
    to: r.toStatus,
    note: r.note,
    by: r.by?.displayName ?? null,
    at: r.at.toISOString(),
  }));
}
