import {
  HEALTH_SEVERITY,
  isOverdue,
  type Stocktake,
  type StocktakeProject,
  type StocktakeQuery,
  type WorkStatus,
} from "@resettle/domain";
import { AppError } from "../../lib/app-error.js";
import { todayInChina } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { toIsoDate } from "../../lib/dates.js";
import { notWithdrawn } from "../../lib/withdrawal.js";
import { assessProjects } from "../projects/index.js";
import { arrearsReport } from "../subsidy/index.js";

const ref = { select: { id: true, name: true } } as const;
const workSelect = {
  id: true,
  projectId: true,
  title: true,
  dueDate: true,
  status: true,
  blockedReason: true,
  completedOn: true,
  responsibleDepartment: ref,
} as const;
const OPEN_TICKET = ["open", "in_progress"] as const;

type WorkRow = {
  id: string;
  projectId: string;
  title: string;
  dueDate: Date;
  status: WorkStatus;
  blockedReason: string | null;
  completedOn: Date | null;
  responsibleDepartment: { id: string; name: string } | null;
};

/** Rows grouped by project once, so each project reads its own whatever their number. */
function byProject<T extends { projectId: string | null }>(rows: T[]) {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (!row.projectId) continue;
    const group = groups.get(row.projectId);
    if (group) group.push(row);
    else groups.set(row.projectId, [row]);
  }
  return (id: string) => groups.get(id) ?? [];
}

/**
 * 逐项目研判材料 for a working group's meeting: each of its projects with its trajectory, colour and
 * reasons, blockers, open follow-up actions, open tickets, subsidy arrears and what waits on the
 * office. Thirteen queries whatever the number of projects; red projects first.
 */
export async function readStocktake(ctx: ServiceContext, { groupId }: StocktakeQuery): Promise<Stocktake> {
  const { db, clock } = ctx;
  const today = todayInChina(clock);
  const now = clock.now();
  const group = await db.workingGroup.findUnique({
    where: { id: groupId },
    select: { id: true, name: true, leadDepartment: ref, projects: { select: { projectId: true } } },
  });
  if (!group) throw AppError.notFound("Working group");
  const ids = group.projects.map((p) => p.projectId);
  const ofProjects = { projectId: { in: ids } };

  const [projects, milestones, items, tickets, notices, reviewed, arrears] = await Promise.all([
    db.project.findMany({
      where: { id: { in: ids } },
      orderBy: { sequence: "asc" },
      select: {
        id: true,
        name: true,
        status: true,
        problemStatement: true,
        totalHouseholds: true,
        district: ref,
        responsibleDepartment: ref,
        responsiblePerson: ref,
        yearTargets: { select: { year: true, plannedHouseholds: true } },
      },
    }),
    db.milestone.findMany({
      where: { ...ofProjects, ...notWithdrawn, status: { in: ["blocked", "awaiting_verification"] } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: workSelect,
    }),
    db.item.findMany({
      where: {
        ...ofProjects,
        ...notWithdrawn,
        OR: [
          { status: { in: ["blocked", "awaiting_verification"] } },
          { reviewProjectId: { not: null }, status: { not: "done" } },
        ],
      },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: { ...workSelect, reviewProject: { select: { review: { select: { heldOn: true } } } } },
    }),
    db.utilityTicket.findMany({
      where: { ...ofProjects, status: { in: [...OPEN_TICKET] } },
      orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        projectId: true,
        kind: true,
        status: true,
        description: true,
        reportedAt: true,
        deadlineAt: true,
        responsibleDepartment: ref,
      },
    }),
    db.supervisionNotice.findMany({
      where: { ...ofProjects, OR: [{ status: "replied" }, { extensionStatus: "pending", status: { not: "closed" } }] },
      orderBy: [{ issuedAt: "asc" }, { seq: "asc" }],
      select: {
        id: true,
        projectId: true,
        number: true,
        level: true,
        status: true,
        extensionStatus: true,
        extensionUntil: true,
        department: ref,
      },
    }),
    db.reviewProject.findMany({
      where: { ...ofProjects, review: { groupId, ...notWithdrawn } },
      orderBy: [{ review: { heldOn: "desc" } }, { review: { createdAt: "desc" } }],
      select: { projectId: true, decisions: true, review: { select: { id: true, heldOn: true } } },
    }),
    arrearsReport({ db, clock }, {}),
  ]);
  // The arrears are read once: the pack's figure and the health rule (owed over 90 days) share them.
  const oldArrears = new Map(
    arrears.projects
      .filter((a) => a.buckets.over90 > 0)
      .map((a) => [a.projectId, { amountFen: a.buckets.over90, oldestDueMonth: a.oldestDueMonth }]),
  );
  const assessed = await assessProjects(db, projects, today, undefined, oldArrears);

  const milestonesOf = byProject(milestones);
  const itemsOf = byProject(items);
  const ticketsOf = byProject(tickets);
  const noticesOf = byProject(notices);
  const reviewsOf = byProject(reviewed);
  const arrearsOf = new Map(arrears.projects.map((a) => [a.projectId, a]));

  const work = (kind: "milestone" | "item", w: WorkRow) => {
    const dueDate = toIsoDate(w.dueDate);
    return {
      kind,
      id: w.id,
      title: w.title,
      dueDate,
      status: w.status,
      department: w.responsibleDepartment,
      overdue: isOverdue({ status: w.status, dueDate }, today),
    };
  };

  const present = (p: (typeof projects)[number]): StocktakeProject => {
    const { trajectory, health } = assessed.get(p.id)!;
    const own = [
      ...milestonesOf(p.id).map((w) => ({ kind: "milestone" as const, w, followUp: null })),
      ...itemsOf(p.id).map((w) => ({ kind: "item" as const, w, followUp: w.reviewProject?.review.heldOn ?? null })),
    ];
    const last = reviewsOf(p.id)[0];
    const openTickets = ticketsOf(p.id);
    const owed = arrearsOf.get(p.id);
    return {
      id: p.id,
      name: p.name,
      district: p.district,
      status: p.status,
      responsibleDepartment: p.responsibleDepartment,
      responsiblePerson: p.responsiblePerson,
      problemStatement: p.problemStatement,
      trajectory,
      level: health.level,
      rules: health.rules,
      lastReview: last
        ? { id: last.review.id, heldOn: toIsoDate(last.review.heldOn), decisions: last.decisions }
        : null,
      blockers: own
        .filter(({ w }) => w.status === "blocked")
        .map(({ kind, w }) => ({ ...work(kind, w), reason: w.blockedReason })),
      followUps: own.flatMap(({ kind, w, followUp }) =>
        followUp && w.status !== "done" ? [{ ...work(kind, w), reviewHeldOn: toIsoDate(followUp) }] : [],
      ),
      tickets: {
        open: openTickets.length,
        overdue: openTickets.filter((t) => t.deadlineAt < now).length,
        items: openTickets.map((t) => ({
          id: t.id,
          kind: t.kind,
          status: t.status,
          description: t.description,
          reportedAt: t.reportedAt.toISOString(),
          deadlineAt: t.deadlineAt.toISOString(),
          overdue: t.deadlineAt < now,
          department: t.responsibleDepartment,
        })),
      },
      arrears: owed
        ? {
            households: owed.households,
            amountOwed: owed.amountOwed,
            over90: owed.buckets.over90,
            oldestDueMonth: owed.oldestDueMonth,
          }
        : null,
      decisionsOwed: {
        verifications: own
          .filter(({ w }) => w.status === "awaiting_verification")
          .map(({ kind, w }) => ({ ...work(kind, w), completedOn: w.completedOn ? toIsoDate(w.completedOn) : null })),
        noticeReviews: noticesOf(p.id)
          .filter((n) => n.status === "replied")
          .map((n) => ({ id: n.id, number: n.number, level: n.level, department: n.department })),
        extensions: noticesOf(p.id).flatMap((n) =>
          n.extensionStatus === "pending" && n.extensionUntil
            ? [{ id: n.id, number: n.number, until: toIsoDate(n.extensionUntil), department: n.department }]
            : [],
        ),
      },
    };
  };

  return {
    asOf: today,
    group: { id: group.id, name: group.name, leadDepartment: group.leadDepartment },
    projects: projects
      .map((p, order) => ({ project: present(p), order }))
      .sort((a, b) => HEALTH_SEVERITY[b.project.level] - HEALTH_SEVERITY[a.project.level] || a.order - b.order)
      .map(({ project }) => project),
  };
}
