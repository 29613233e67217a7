import type { AssignResponsibility, Milestone, ProjectDetail, ResponsibilityAssignment } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { resolveAssignee } from "../../lib/assignee.js";
import { audit, type AuditActor } from "../../lib/audit.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { dropLeadCooperation } from "../../lib/cooperation.js";
import { refuseIfWithdrawn } from "../../lib/withdrawal.js";
import { getProject } from "../projects/index.js";
import { milestoneSelect, presentMilestone } from "../work/index.js";

/** The department must exist; the person, if named, must be active and belong to it. */
async function resolveInput(tx: Tx, input: AssignResponsibility) {
  const { department, person } = await resolveAssignee(tx, input.departmentId, input.personId, {
    department: "body.departmentId",
    person: "body.personId",
  });
  return { department: department!, person };
}

const names = (d: { name: string } | null, p: { name: string } | null) => ({
  responsibleDepartment: d?.name ?? null,
  responsiblePerson: p?.name ?? null,
});

const currentNames = {
  responsibleDepartmentId: true,
  responsiblePersonId: true,
  responsibleDepartment: { select: { name: true } },
  responsiblePerson: { select: { name: true } },
} as const;

/** Assigning whom is already responsible changes nothing: no history row, no audit, no new version. */
const unchanged = (
  current: { responsibleDepartmentId: string | null; responsiblePersonId: string | null },
  { department, person }: Awaited<ReturnType<typeof resolveInput>>,
) => current.responsibleDepartmentId === department.id && current.responsiblePersonId === (person?.id ?? null);

type Current = { responsibleDepartment: { name: string } | null; responsiblePerson: { name: string } | null };

/** The history row and the audit record of one assignment, in the caller's transaction. */
async function recordAssignment(
  tx: Tx,
  actor: AuditActor,
  target: { projectId: string; milestoneId: string | null },
  current: Current,
  { department, person }: Awaited<ReturnType<typeof resolveInput>>,
  reason: string,
) {
  await tx.responsibilityAssignment.create({
    data: { ...target, departmentId: department.id, personId: person?.id ?? null, assignedById: actor.id, reason },
  });
  await audit(tx, actor, {
    action: "assign_responsibility",
    entityType: target.milestoneId ? "milestone" : "project",
    entityId: target.milestoneId ?? target.projectId,
    projectId: target.projectId,
    before: names(current.responsibleDepartment, current.responsiblePerson),
    after: { ...names(department, person), reason },
  });
}

export async function assignProjectResponsibility(
  ctx: ServiceContext,
  { projectId, assignment: input }: { projectId: string; assignment: AssignResponsibility },
): Promise<ProjectDetail> {
  const stale = await ctx.db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { id: projectId },
      select: { version: true, ...currentNames },
    });
    if (!project) throw AppError.notFound("Project");
    if (project.version !== input.version) return true;
    const assignee = await resolveInput(tx, input);
    if (unchanged(project, assignee)) return false;
    // WHERE version: a writer that slipped in since the read makes this the loser, not a silent overwrite.
    const { count } = await tx.project.updateMany({
      where: { id: projectId, version: input.version },
      data: {
        responsibleDepartmentId: assignee.department.id,
        responsiblePersonId: assignee.person?.id ?? null,
        version: { increment: 1 },
      },
    });
    if (count !== 1) return true;
    await recordAssignment(tx, ctx.actor, { projectId, milestoneId: null }, project, assignee, input.reason);
    // The new lead cooperates no more: it answers for the whole.
    await dropLeadCooperation(tx, ctx.actor, { type: "project", id: projectId, projectId }, assignee.department.id);
    return false;
  });
  const current = await getProject(ctx, { id: projectId });
  if (stale) throw AppError.staleVersion("Project", current);
  return current;
}

export async function assignMilestoneResponsibility(
  ctx: ServiceContext,
  { milestoneId, assignment: input }: { milestoneId: string; assignment: AssignResponsibility },
): Promise<Milestone> {
  return ctx.db.$transaction(async (tx) => {
    const milestone = await tx.milestone.findUnique({
      where: { id: milestoneId },
      select: { projectId: true, withdrawnAt: true, version: true, ...currentNames },
    });
    if (!milestone) throw AppError.notFound("Milestone");
    const present = async () =>
      presentMilestone(await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId }, select: milestoneSelect }));
    if (milestone.withdrawnAt) refuseIfWithdrawn("Milestone", await present());
    if (milestone.version !== input.version) throw AppError.staleVersion("Milestone", await present());
    const assignee = await resolveInput(tx, input);
    if (unchanged(milestone, assignee)) return present();
    // WHERE version: a writer that slipped in since the read makes this the loser, not a silent overwrite.
    const { count } = await tx.milestone.updateMany({
      where: { id: milestoneId, version: input.version, withdrawnAt: null },
      data: {
        responsibleDepartmentId: assignee.department.id,
        responsiblePersonId: assignee.person?.id ?? null,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw AppError.staleVersion("Milestone", await present());
    const updated = await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId }, select: milestoneSelect });
    const target = { projectId: milestone.projectId, milestoneId };
    await recordAssignment(tx, ctx.actor, target, milestone, assignee, input.reason);
    await dropLeadCooperation(
      tx,
      ctx.actor,
      { type: "milestone", id: milestoneId, projectId: milestone.projectId },
      assignee.department.id,
    );
    return presentMilestone(updated);
  });
}

const historySelect = {
  id: true,
  projectId: true,
  milestoneId: true,
  itemId: true,
  departmentId: true,
  personId: true,
  assignedAt: true,
  reason: true,
  department: { select: { id: true, name: true } },
  person: { select: { id: true, name: true } },
  assignedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.ResponsibilityAssignmentSelect;

/** Whose history: a project's own (not its milestones' or items'), a milestone's or an item's. */
export type HistoryOf = { projectId: string } | { milestoneId: string } | { itemId: string };

/** Newest first. */
export async function responsibilityHistory(
  { db }: ServiceContext,
  of: HistoryOf,
): Promise<ResponsibilityAssignment[]> {
  const [exists, what, where] =
    "projectId" in of
      ? [await db.project.count({ where: { id: of.projectId } }), "Project", { ...of, milestoneId: null, itemId: null }]
      : "milestoneId" in of
        ? [await db.milestone.count({ where: { id: of.milestoneId } }), "Milestone", of]
        : [await db.item.count({ where: { id: of.itemId } }), "Item", of];
  if (!exists) throw AppError.notFound(what);
  const rows = await db.responsibilityAssignment.findMany({
    where,
    orderBy: [{ assignedAt: "desc" }, { id: "desc" }],
    select: historySelect,
    take: 200,
  });
  return rows.map(({ assignedBy, assignedAt, ...row }) => ({
    ...row,
    assignedAt: assignedAt.toISOString(),
    assignedBy: assignedBy ? { id: assignedBy.id, name: assignedBy.displayName } : null,
  }));
}
