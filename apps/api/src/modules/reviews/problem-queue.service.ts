import {
  addDays,
  daysBetween,
  isOverdue,
  rankProblemQueue,
  type ProblemQueueEntry,
  type ProblemQueueQuery,
  type WorkStatus,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { chinaDay, todayInChina } from "../../lib/clock.js";
import type { ServiceContext } from "../../lib/context.js";
import { toIsoDate } from "../../lib/dates.js";
import { pageOfRows } from "../../lib/paging.js";
import { notWithdrawn } from "../../lib/withdrawal.js";
import { assessProjects } from "../projects/index.js";

const ref = { select: { id: true, name: true } } as const;

/**
 * 问题项目: projects with an individual problem, red, or with blocked items; when each was
 * last reviewed, its open and overdue follow-up actions, and when the next review falls due
 * (the group's interval after the last review, or after the assignment if never reviewed).
 * The filtered projects are read together (a city has tens to hundreds): five queries
 * whatever their number; ranked by the domain's rule, then paged.
 */
export async function problemQueue({ db, clock }: ServiceContext, query: ProblemQueueQuery) {
  const today = todayInChina(clock);
  const where: Prisma.ProjectWhereInput = {
    districtId: query.districtId,
    ...(query.groupId ? { workingGroup: { groupId: query.groupId } } : {}),
  };
  const projects = await db.project.findMany({
    where,
    select: {
      id: true,
      name: true,
      totalHouseholds: true,
      problemCategory: true,
      district: ref,
      yearTargets: { select: { year: true, plannedHouseholds: true } },
      workingGroup: {
        select: { assignedAt: true, group: { select: { id: true, name: true, reviewIntervalDays: true } } },
      },
    },
    orderBy: [{ sequence: "asc" }, { code: "asc" }],
  });
  const ids = projects.map((p) => p.id);
  const [assessed, blocked] = await Promise.all([
    assessProjects(db, projects, today),
    db.item.groupBy({
      by: ["projectId"],
      where: { projectId: { in: ids }, status: "blocked", ...notWithdrawn },
      _count: true,
    }),
  ]);
  const hasBlocked = new Set(blocked.map((b) => b.projectId));
  const candidates = projects.flatMap((p) => {
    const healthLevel = assessed.get(p.id)!.health.level;
    const reasons: ProblemQueueEntry["reasons"] = [
      ...(p.problemCategory === "individual" ? (["individual_problem"] as const) : []),
      ...(healthLevel === "red" ? (["red"] as const) : []),
      ...(hasBlocked.has(p.id) ? (["blocked_items"] as const) : []),
    ];
    return reasons.length ? [{ ...p, healthLevel, reasons }] : [];
  });
  const candidateIds = candidates.map((p) => p.id);
  const [reviewed, actions] = await Promise.all([
    db.reviewProject.findMany({
      where: { projectId: { in: candidateIds }, review: notWithdrawn },
      select: { projectId: true, review: { select: { heldOn: true } } },
    }),
    db.item.findMany({
      where: {
        projectId: { in: candidateIds },
        reviewProjectId: { not: null },
        status: { not: "done" },
        ...notWithdrawn,
      },
      select: { projectId: true, status: true, dueDate: true },
    }),
  ]);
  const lastReviewed = new Map<string, string>();
  for (const r of reviewed) {
    const day = toIsoDate(r.review.heldOn);
    if ((lastReviewed.get(r.projectId) ?? "") < day) lastReviewed.set(r.projectId, day);
  }
  const openActions = new Map<string, { status: WorkStatus; dueDate: string }[]>();
  for (const a of actions)
    openActions.set(a.projectId, [
      ...(openActions.get(a.projectId) ?? []),
      { status: a.status, dueDate: toIsoDate(a.dueDate) },
    ]);
  const entries = candidates.map((p): ProblemQueueEntry => {
    const lastReviewedOn = lastReviewed.get(p.id) ?? null;
    const assignment = p.workingGroup;
    const nextReviewDue = assignment
      ? addDays(lastReviewedOn ?? chinaDay(assignment.assignedAt), assignment.group.reviewIntervalDays)
      : null;
    const open = openActions.get(p.id) ?? [];
    return {
      projectId: p.id,
      projectName: p.name,
      district: p.district,
      group: assignment ? { id: assignment.group.id, name: assignment.group.name } : null,
      healthLevel: p.healthLevel,
      reasons: p.reasons,
      lastReviewedOn,
      nextReviewDue,
      openActions: open.length,
      overdueActions: open.filter((action) => isOverdue(action, today)).length,
      daysReviewOverdue: nextReviewDue ? Math.max(0, daysBetween(nextReviewDue, today)) : 0,
    };
  });
  return pageOfRows(rankProblemQueue(entries), query);
}
