import type { WorkingGroup, WorkingGroupCreate, WorkingGroupUpdate } from "@resettle/domain";
import type { Prisma, PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields, type Actor } from "../../lib/audit.js";
import { assertVersion, expectUpdatedOrStale } from "../../lib/versioned.js";

const ref = { select: { id: true, name: true } } as const;

export const groupSelect = {
  id: true,
  name: true,
  leadDepartment: ref,
  reviewIntervalDays: true,
  version: true,
  departments: { select: { department: ref }, orderBy: { department: { code: "asc" } } },
  persons: {
    select: { person: { select: { id: true, name: true, departmentId: true, title: true, active: true } } },
    orderBy: { person: { name: "asc" } },
  },
  projects: { select: { project: ref }, orderBy: { project: { sequence: "asc" } } },
} satisfies Prisma.WorkingGroupSelect;

type GroupRow = Prisma.WorkingGroupGetPayload<{ select: typeof groupSelect }>;

export function presentGroup(row: GroupRow): WorkingGroup {
  return {
    ...row,
    // The lead first, then the others as the plan lists departments.
    departments: row.departments
      .map((d) => d.department)
      .sort((a, b) => Number(b.id === row.leadDepartment.id) - Number(a.id === row.leadDepartment.id)),
    persons: row.persons.map((p) => p.person),
    projects: row.projects.map((p) => p.project),
  };
}

export async function listGroups(prisma: PrismaClient): Promise<WorkingGroup[]> {
  const rows = await prisma.workingGroup.findMany({
    select: groupSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(presentGroup);
}

export async function getGroup(prisma: PrismaClient, id: string): Promise<WorkingGroup> {
  const row = await prisma.workingGroup.findUnique({ where: { id }, select: groupSelect });
  if (!row) throw AppError.notFound("Working group");
  return presentGroup(row);
}

type Membership = Pick<WorkingGroupCreate, "leadDepartmentId" | "departmentIds" | "personIds" | "projectIds">;

/**
 * The rules of a group's membership, each refused on the field it is about: the lead is a
 * member; departments and projects exist; each person is an active member of a member
 * department; a project is reviewed by one group only.
 */
async function checkMembership(tx: Prisma.TransactionClient, groupId: string | null, m: Membership) {
  const departments = await tx.department.findMany({
    where: { id: { in: m.departmentIds } },
    select: { id: true, name: true },
  });
  const known = new Set(departments.map((d) => d.id));
  m.departmentIds.forEach((id, i) => {
    if (!known.has(id)) throw AppError.invalid(`body.departmentIds.${i}`, "unknown_reference", "No such department");
  });
  if (!known.has(m.leadDepartmentId))
    throw AppError.invalid("body.departmentIds", "lead_not_member", "The lead department must be a member");
  const persons = await tx.person.findMany({
    where: { id: { in: m.personIds } },
    select: { id: true, name: true, departmentId: true, active: true },
  });
  m.personIds.forEach((id, i) => {
    const person = persons.find((p) => p.id === id);
    if (!person) throw AppError.invalid(`body.personIds.${i}`, "unknown_reference", "No such person");
    if (!known.has(person.departmentId))
      throw AppError.invalid(
        `body.personIds.${i}`,
        "department_not_member",
        `${person.name}'s department is not a member of the group`,
        { name: person.name },
      );
    if (!person.active)
      throw AppError.invalid(`body.personIds.${i}`, "inactive", `${person.name} is no longer active`, {
        name: person.name,
      });
  });
  const projects = await tx.project.findMany({
    where: { id: { in: m.projectIds } },
    select: { id: true, name: true, workingGroup: { select: { groupId: true, group: { select: { name: true } } } } },
  });
  m.projectIds.forEach((id, i) => {
    const project = projects.find((p) => p.id === id);
    if (!project) throw AppError.invalid(`body.projectIds.${i}`, "unknown_reference", "No such project");
    if (project.workingGroup && project.workingGroup.groupId !== groupId)
      throw AppError.invalid(
        `body.projectIds.${i}`,
        "project_in_other_group",
        `${project.name} is already reviewed by ${project.workingGroup.group.name}`,
        { name: project.name, group: project.workingGroup.group.name },
      );
  });
}

/** Names rather than ids: what the audit trail shows. */
const auditView = (g: WorkingGroup) => ({
  name: g.name,
  leadDepartment: g.leadDepartment.name,
  reviewIntervalDays: g.reviewIntervalDays,
  departments: g.departments.map((d) => d.name),
  persons: g.persons.map((p) => p.name),
  projects: g.projects.map((p) => p.name),
});

export async function createGroup(prisma: PrismaClient, actor: Actor, input: WorkingGroupCreate) {
  return prisma.$transaction(async (tx) => {
    await checkMembership(tx, null, input);
    const created = presentGroup(
      await tx.workingGroup.create({
        data: {
          name: input.name,
          leadDepartmentId: input.leadDepartmentId,
          reviewIntervalDays: input.reviewIntervalDays,
          departments: { create: input.departmentIds.map((departmentId) => ({ departmentId })) },
          persons: { create: input.personIds.map((personId) => ({ personId })) },
          projects: { create: input.projectIds.map((projectId) => ({ projectId })) },
        },
        select: groupSelect,
      }),
    );
    await audit(tx, actor, {
      action: "create",
      entityType: "working_group",
      entityId: created.id,
      after: auditView(created),
    });
    return created;
  });
}

export async function updateGroup(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  { version, ...changes }: WorkingGroupUpdate,
): Promise<WorkingGroup> {
  return prisma.$transaction(async (tx) => {
    const current = assertVersion(
      await tx.workingGroup.findUnique({ where: { id }, select: groupSelect }).then((g) => g && presentGroup(g)),
      version,
      "Working group",
      (g) => g,
    );
    const next: Membership = {
      leadDepartmentId: changes.leadDepartmentId ?? current.leadDepartment.id,
      departmentIds: changes.departmentIds ?? current.departments.map((d) => d.id),
      personIds: changes.personIds ?? current.persons.map((p) => p.id),
      projectIds: changes.projectIds ?? current.projects.map((p) => p.id),
    };
    await checkMembership(tx, id, next);
    await expectUpdatedOrStale(
      await tx.workingGroup.updateMany({
        where: { id, version },
        data: {
          name: changes.name,
          leadDepartmentId: changes.leadDepartmentId,
          reviewIntervalDays: changes.reviewIntervalDays,
          version: { increment: 1 },
        },
      }),
      "Working group",
      async () => presentGroup(await tx.workingGroup.findUniqueOrThrow({ where: { id }, select: groupSelect })),
    );
    // Sets are replaced by difference: a project that stays keeps its assignment date.
    await replaceSet(
      next.departmentIds,
      current.departments.map((d) => d.id),
      {
        remove: (ids) => tx.workingGroupDepartment.deleteMany({ where: { groupId: id, departmentId: { in: ids } } }),
        add: (ids) =>
          tx.workingGroupDepartment.createMany({ data: ids.map((departmentId) => ({ groupId: id, departmentId })) }),
      },
    );
    await replaceSet(
      next.personIds,
      current.persons.map((p) => p.id),
      {
        remove: (ids) => tx.workingGroupPerson.deleteMany({ where: { groupId: id, personId: { in: ids } } }),
        add: (ids) => tx.workingGroupPerson.createMany({ data: ids.map((personId) => ({ groupId: id, personId })) }),
      },
    );
    await replaceSet(
      next.projectIds,
      current.projects.map((p) => p.id),
      {
        remove: (ids) => tx.workingGroupProject.deleteMany({ where: { groupId: id, projectId: { in: ids } } }),
        add: (ids) => tx.workingGroupProject.createMany({ data: ids.map((projectId) => ({ groupId: id, projectId })) }),
      },
    );
    const updated = presentGroup(await tx.workingGroup.findUniqueOrThrow({ where: { id }, select: groupSelect }));
    const diff = changedFields(auditView(current), auditView(updated));
    await audit(tx, actor, { action: "update", entityType: "working_group", entityId: id, ...diff });
    return updated;
  });
}

async function replaceSet(
  next: string[],
  current: string[],
  ops: { remove: (ids: string[]) => Promise<unknown>; add: (ids: string[]) => Promise<unknown> },
) {
  const removed = current.filter((id) => !next.includes(id));
  const added = next.filter((id) => !current.includes(id));
  if (removed.length) await ops.remove(removed);
  if (added.length) await ops.add(added);
}
