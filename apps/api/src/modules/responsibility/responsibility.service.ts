import type { AssignResponsibility, Milestone, ProjectDetail, ResponsibilityAssignment } from "@resettle/domain";
import type { Prisma, PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, type Actor } from "../../lib/audit.js";
import { getProject, milestoneSelect, presentMilestone } from "../projects/projects.service.js";

/** The department must exist; the person, if named, must be active and belong to it. */
async function resolveAssignee(tx: Prisma.TransactionClient, input: AssignResponsibility) {
  const department = await tx.department.findUnique({
    where: { id: input.departmentId },
    select: { id: true, name: true },
  });
  if (!department) throw AppError.invalid("body.departmentId", "No such department");
  if (!input.personId) return { department, person: null };
  const person = await tx.person.findUnique({
    where: { id: input.personId },
    select: { id: true, name: true, departmentId: true, active: true },
  });
  if (!person) throw AppError.invalid("body.personId", "No such person");
  if (person.departmentId !== department.id)
    throw AppError.invalid("body.personId", `${person.name} does not belong to ${department.name}`);
  if (!person.active) throw AppError.invalid("body.personId", `${person.name} is no longer active`);
  return { department, person };
}

const names = (d: { name: string } | null, p: { name: string } | null) => ({
  responsibleDepartment: d?.name ?? null,
  responsiblePerson: p?.name ?? null,
});

export async function assignProjectResponsibility(
  prisma: PrismaClient,
  actor: Actor,
  projectId: string,
  input: AssignResponsibility,
  today: string,
): Promise<ProjectDetail> {
  await prisma.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { id: projectId },
      select: {
        id: true,
        responsibleDepartment: { select: { name: true } },
        responsiblePerson: { select: { name: true } },
      },
    });
    if (!project) throw AppError.notFound("Project");
    const { department, person } = await resolveAssignee(tx, input);
    await tx.project.update({
      where: { id: projectId },
      data: {
        responsibleDepartmentId: department.id,
        responsiblePersonId: person?.id ?? null,
        version: { increment: 1 },
      },
    });
    await tx.responsibilityAssignment.create({
      data: {
        projectId,
        departmentId: department.id,
        personId: person?.id ?? null,
        assignedById: actor.id,
        reason: input.reason,
      },
    });
    await audit(tx, actor, {
      action: "assign_responsibility",
      entityType: "project",
      entityId: projectId,
      before: names(project.responsibleDepartment, project.responsiblePerson),
      after: { ...names(department, person), reason: input.reason },
    });
  });
  return getProject(prisma, projectId, today);
}

export async function assignMilestoneResponsibility(
  prisma: PrismaClient,
  actor: Actor,
  milestoneId: string,
  input: AssignResponsibility,
): Promise<Milestone> {
  return prisma.$transaction(async (tx) => {
    const milestone = await tx.milestone.findUnique({
      where: { id: milestoneId },
      select: {
        projectId: true,
        responsibleDepartment: { select: { name: true } },
        responsiblePerson: { select: { name: true } },
      },
    });
    if (!milestone) throw AppError.notFound("Milestone");
    const { department, person } = await resolveAssignee(tx, input);
    const updated = await tx.milestone.update({
      where: { id: milestoneId },
      data: {
        responsibleDepartmentId: department.id,
        responsiblePersonId: person?.id ?? null,
        version: { increment: 1 },
      },
      select: milestoneSelect,
    });
    await tx.responsibilityAssignment.create({
      data: {
        projectId: milestone.projectId,
        milestoneId,
        departmentId: department.id,
        personId: person?.id ?? null,
        assignedById: actor.id,
        reason: input.reason,
      },
    });
    await audit(tx, actor, {
      action: "assign_responsibility",
      entityType: "milestone",
      entityId: milestoneId,
      projectId: milestone.projectId,
      before: names(milestone.responsibleDepartment, milestone.responsiblePerson),
      after: { ...names(department, person), reason: input.reason },
    });
    return presentMilestone(updated);
  });
}

const historySelect = {
  id: true,
  projectId: true,
  milestoneId: true,
  departmentId: true,
  personId: true,
  assignedAt: true,
  reason: true,
  department: { select: { id: true, name: true } },
  person: { select: { id: true, name: true } },
  assignedBy: { select: { id: true, displayName: true } },
} satisfies Prisma.ResponsibilityAssignmentSelect;

/** Newest first. A project's history is its own assignments, not its milestones'. */
export async function responsibilityHistory(
  prisma: PrismaClient,
  where: { projectId: string; milestoneId: null } | { milestoneId: string },
): Promise<ResponsibilityAssignment[]> {
  const exists =
    "projectId" in where
      ? await prisma.project.count({ where: { id: where.projectId } })
      : await prisma.milestone.count({ where: { id: where.milestoneId } });
  if (!exists) throw AppError.notFound("projectId" in where ? "Project" : "Milestone");
  const rows = await prisma.responsibilityAssignment.findMany({
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
