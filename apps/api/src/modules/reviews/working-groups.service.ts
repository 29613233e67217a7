import type { WorkingGroup, WorkingGroupCreate, WorkingGroupUpdate } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields } from "../../lib/audit.js";
import type { Db, ServiceContext, Tx } from "../../lib/context.js";
import { asSet, updateVersioned, type VersionedRecord } from "../../lib/versioned.js";

const ref = { select: { id: true, name: true } } as const;

const groupSelect = {
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

function presentGroup(row: GroupRow): WorkingGroup {
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

export async function listGroups({ db }: ServiceContext): Promise<WorkingGroup[]> {
  const rows = await db.workingGroup.findMany({
    select: groupSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(presentGroup);
}

const findGroup = async (db: Db, id: string) => {
  const row = await db.workingGroup.findUnique({ where: { id }, select: groupSelect });
  return row && presentGroup(row);
};

export async function getGroup({ db }: ServiceContext, { id }: { id: string }): Promise<WorkingGroup> {
  const found = await findGroup(db, id);
  if (!found) throw AppError.notFound("Working group");
  return found;
}

type Membership = Pick<WorkingGroupCreate, "leadDepartmentId" | "departmentIds" | "personIds" | "projectIds">;

/**
 * The rules of a group's membership, each refused on the field it is about: the lead is a
 * member; departments and projects exist; each person is an active member of a member
 * department; a project is reviewed by one group only.
 */
async function checkMembership(tx: Tx, groupId: string | null, m: Membership) {
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

export async function createGroup(ctx: ServiceContext, input: WorkingGroupCreate): Promise<WorkingGroup> {
  return ctx.db.$transaction(async (tx) => {
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
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "working_group",
      entityId: created.id,
      after: auditView(created),
    });
    return created;
  });
}

type GroupFields = Membership & Pick<WorkingGroupCreate, "name" | "reviewIntervalDays">;

const membersOf = (g: WorkingGroup): Membership => ({
  leadDepartmentId: g.leadDepartment.id,
  departmentIds: asSet(g.departments.map((d) => d.id)),
  personIds: asSet(g.persons.map((p) => p.id)),
  projectIds: asSet(g.projects.map((p) => p.id)),
});

const groups: VersionedRecord<WorkingGroup, GroupFields> = {
  what: "Working group",
  entityType: "working_group",
  find: findGroup,
  fieldsOf: (g) => ({ name: g.name, reviewIntervalDays: g.reviewIntervalDays, ...membersOf(g) }),
  table: (tx) => tx.workingGroup,
  columns: ({ name, leadDepartmentId, reviewIntervalDays }) => ({ name, leadDepartmentId, reviewIntervalDays }),
  // Sets are replaced by difference: a project that stays keeps its assignment date.
  afterWrite: async (tx, { id: groupId, current, changed }) => {
    const was = membersOf(current);
    await replaceSet(changed.departmentIds, was.departmentIds, {
      remove: (ids) => tx.workingGroupDepartment.deleteMany({ where: { groupId, departmentId: { in: ids } } }),
      add: (ids) =>
        tx.workingGroupDepartment.createMany({ data: ids.map((departmentId) => ({ groupId, departmentId })) }),
    });
    await replaceSet(changed.personIds, was.personIds, {
      remove: (ids) => tx.workingGroupPerson.deleteMany({ where: { groupId, personId: { in: ids } } }),
      add: (ids) => tx.workingGroupPerson.createMany({ data: ids.map((personId) => ({ groupId, personId })) }),
    });
    await replaceSet(changed.projectIds, was.projectIds, {
      remove: (ids) => tx.workingGroupProject.deleteMany({ where: { groupId, projectId: { in: ids } } }),
      add: (ids) => tx.workingGroupProject.createMany({ data: ids.map((projectId) => ({ groupId, projectId })) }),
    });
  },
  auditRecord: (before, after) => changedFields(auditView(before), auditView(after)),
};

export function updateGroup(
  ctx: ServiceContext,
  { id, changes: { version, ...changes } }: { id: string; changes: WorkingGroupUpdate },
): Promise<WorkingGroup> {
  return updateVersioned(ctx, groups, {
    id,
    version,
    next: async (current, tx) => {
      const was = membersOf(current);
      const next: Membership = {
        leadDepartmentId: changes.leadDepartmentId ?? was.leadDepartmentId,
        departmentIds: changes.departmentIds ?? was.departmentIds,
        personIds: changes.personIds ?? was.personIds,
        projectIds: changes.projectIds ?? was.projectIds,
      };
      await checkMembership(tx, id, next);
      return {
        name: changes.name,
        reviewIntervalDays: changes.reviewIntervalDays,
        leadDepartmentId: next.leadDepartmentId,
        departmentIds: asSet(next.departmentIds),
        personIds: asSet(next.personIds),
        projectIds: asSet(next.projectIds),
      };
    },
  });
}

/** Applies a new set (when it changed) as the members removed and the members added. */
async function replaceSet(
  next: string[] | undefined,
  current: string[],
  ops: { remove: (ids: string[]) => Promise<unknown>; add: (ids: string[]) => Promise<unknown> },
) {
  if (!next) return;
  const removed = current.filter((id) => !next.includes(id));
  const added = next.filter((id) => !current.includes(id));
  if (removed.length) await ops.remove(removed);
  if (added.length) await ops.add(added);
}
