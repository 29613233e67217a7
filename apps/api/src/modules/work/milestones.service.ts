import type { Milestone, MilestoneCreate, MilestoneUpdate } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { resolveAssignee, WORK_ASSIGNEE_PATHS } from "../../lib/assignee.js";
import { audit } from "../../lib/audit.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { requireProject } from "../../lib/projects.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { presentWithdrawal, withdrawalSelect } from "../../lib/withdrawal.js";
import { completionSelect, splitCompletion } from "../../lib/completion.js";
import { dueDateColumn } from "./work-dates.js";
import { updateWork, workRecord, type WorkColumns } from "./work-update.js";
import { requireDueDatesWithinPlan } from "../../lib/plan-window.js";

export const milestoneSelect = {
  id: true,
  projectId: true,
  kind: true,
  title: true,
  dueDate: true,
  status: true,
  responsibleDepartmentId: true,
  responsiblePersonId: true,
  completedAt: true,
  completedBy: { select: { displayName: true } },
  blockedReason: true,
  ...withdrawalSelect,
  ...completionSelect,
  version: true,
} satisfies Prisma.MilestoneSelect;

export function presentMilestone(row: Prisma.MilestoneGetPayload<{ select: typeof milestoneSelect }>): Milestone {
  const {
    completion,
    rest: { completedBy, withdrawnAt, withdrawReason, withdrawnBy, ...m },
  } = splitCompletion(row);
  return {
    ...m,
    ...completion,
    withdrawn: presentWithdrawal({ withdrawnAt, withdrawReason, withdrawnBy }),
    dueDate: toIsoDate(m.dueDate),
    completedAt: m.completedAt?.toISOString() ?? null,
    completedBy: completedBy?.displayName ?? null,
  };
}

export async function listMilestones(
  { db }: ServiceContext,
  { projectId }: { projectId: string },
): Promise<Milestone[]> {
  await requireProject(db, projectId);
  const rows = await db.milestone.findMany({
    where: { projectId },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: milestoneSelect,
  });
  return rows.map(presentMilestone);
}

export async function createMilestone(
  ctx: ServiceContext,
  { projectId, milestone }: { projectId: string; milestone: MilestoneCreate },
): Promise<Milestone> {
  return ctx.db.$transaction(async (tx) => {
    await requireProject(tx, projectId);
    await requireDueDatesWithinPlan(tx, ctx.clock, [{ path: "body.dueDate", date: milestone.dueDate }]);
    await resolveAssignee(tx, milestone.responsibleDepartmentId, milestone.responsiblePersonId, WORK_ASSIGNEE_PATHS);
    const created = presentMilestone(
      await tx.milestone.create({
        data: { ...milestone, projectId, dueDate: fromIsoDate(milestone.dueDate) },
        select: milestoneSelect,
      }),
    );
    // Responsibility given at creation opens the milestone's responsibility history.
    if (created.responsibleDepartmentId)
      await tx.responsibilityAssignment.create({
        data: {
          projectId,
          milestoneId: created.id,
          departmentId: created.responsibleDepartmentId,
          personId: created.responsiblePersonId,
          assignedById: ctx.actor.id,
          reason: "新建节点时指定",
        },
      });
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "milestone",
      entityId: created.id,
      projectId,
      after: created,
    });
    return created;
  });
}

type MilestoneFields = Pick<Milestone, "kind" | "title" | "dueDate"> & WorkColumns;

/** A milestone as the API presents it, read in the caller's transaction; null when there is none. */
export async function findMilestone(tx: Tx, id: string): Promise<Milestone | null> {
  const row = await tx.milestone.findUnique({ where: { id }, select: milestoneSelect });
  return row && presentMilestone(row);
}

const milestones = workRecord<Milestone, MilestoneFields>({
  what: "Milestone",
  entityType: "milestone",
  find: findMilestone,
  fieldsOf: ({ kind, title, dueDate }) => ({ kind, title, dueDate }),
  table: (tx) => tx.milestone,
  columns: dueDateColumn,
});

/** The planning fields are the title, the kind and the due date. */
export function updateMilestone(
  ctx: ServiceContext,
  update: { id: string; changes: MilestoneUpdate },
): Promise<Milestone> {
  return updateWork(ctx, milestones, update, (planning) => planning);
}
