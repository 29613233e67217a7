import type { Milestone, MilestoneCreate, MilestoneUpdate, SessionUser } from "@resettle/domain";
import { can } from "@resettle/domain";
import type { PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields, type Actor } from "../../lib/audit.js";
import { assertVersion, expectUpdatedOrStale } from "../../lib/versioned.js";
import { requireActFor, statusChange } from "../../lib/work-rules.js";
import { milestoneSelect, presentMilestone } from "../projects/projects.service.js";
import { resolveAssignee, WORK_ASSIGNEE_PATHS } from "../../lib/assignee.js";
import { fromIsoDate } from "../../lib/dates.js";

export async function listMilestones(prisma: PrismaClient, projectId: string): Promise<Milestone[]> {
  if (!(await prisma.project.count({ where: { id: projectId } }))) throw AppError.notFound("Project");
  const rows = await prisma.milestone.findMany({
    where: { projectId },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: milestoneSelect,
  });
  return rows.map(presentMilestone);
}

export async function createMilestone(
  prisma: PrismaClient,
  actor: Actor,
  projectId: string,
  input: MilestoneCreate,
): Promise<Milestone> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.project.count({ where: { id: projectId } }))) throw AppError.notFound("Project");
    await resolveAssignee(tx, input.responsibleDepartmentId, input.responsiblePersonId, WORK_ASSIGNEE_PATHS);
    const created = presentMilestone(
      await tx.milestone.create({
        data: { ...input, projectId, dueDate: fromIsoDate(input.dueDate) },
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
          assignedById: actor.id,
          reason: "新建节点时指定",
        },
      });
    await audit(tx, actor, {
      action: "create",
      entityType: "milestone",
      entityId: created.id,
      projectId,
      after: created,
    });
    return created;
  });
}

/**
 * Status by the responsible department's coordinator (or admin / working group); the
 * planning fields (title, kind, due date) by administrators and the working group only.
 */
export async function updateMilestone(
  prisma: PrismaClient,
  user: SessionUser,
  actor: Actor,
  id: string,
  { version, status, note, ...planning }: MilestoneUpdate,
  now: Date,
): Promise<Milestone> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.milestone.findUnique({ where: { id }, select: milestoneSelect });
    if (!row) throw AppError.notFound("Milestone");
    requireActFor(user, "work.update", [row.responsibleDepartmentId]);
    const current = assertVersion(presentMilestone(row), version, "Milestone", (m) => m);
    const plans = Object.keys(planning).length > 0;
    if (plans && !can(user, "work.plan"))
      throw AppError.forbidden("Only the office and the working group change the plan");
    const data = {
      ...statusChange(current, status, note, user, now),
      ...(planning.kind && planning.kind !== current.kind ? { kind: planning.kind } : {}),
      ...(planning.title && planning.title !== current.title ? { title: planning.title } : {}),
      ...(planning.dueDate && planning.dueDate !== current.dueDate ? { dueDate: fromIsoDate(planning.dueDate) } : {}),
    };
    if (Object.keys(data).length === 0) return current; // nothing changes: nothing written, version kept
    await expectUpdatedOrStale(
      await tx.milestone.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),
      "Milestone",
      async () => presentMilestone(await tx.milestone.findUniqueOrThrow({ where: { id }, select: milestoneSelect })),
    );
    const updated = presentMilestone(await tx.milestone.findUniqueOrThrow({ where: { id }, select: milestoneSelect }));
    const diff = changedFields(current, updated);
    await audit(tx, actor, {
      action: data.status ? `status_${data.status}` : "update",
      entityType: "milestone",
      entityId: id,
      projectId: current.projectId,
      before: { ...diff.before, projectId: current.projectId },
      after: { ...diff.after, ...(note ? { note } : {}) },
    });
    return updated;
  });
}
