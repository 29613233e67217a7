import type {
  Department,
  DepartmentCreate,
  DepartmentUpdate,
  District,
  Person,
  PersonCreate,
  PersonQuery,
  PersonUpdate,
} from "@resettle/domain";
import type { Prisma, PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields, type Actor } from "../../lib/audit.js";
import { assertVersion, expectUpdatedOrStale } from "../../lib/versioned.js";

export function listDistricts(prisma: PrismaClient): Promise<District[]> {
  return prisma.district.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true } });
}

const departmentSelect = {
  id: true,
  code: true,
  name: true,
  shortName: true,
  kind: true,
  districtId: true,
  version: true,
} satisfies Prisma.DepartmentSelect;

const kindOrder = { leading_group_office: 0, district_government: 1, municipal_department: 2 } as const;

export async function listDepartments(prisma: PrismaClient): Promise<Department[]> {
  const rows = await prisma.department.findMany({ select: departmentSelect, orderBy: { code: "asc" } });
  // The order the plan lists them in: the office, the districts, then the municipal departments.
  return rows.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
}

async function checkDistrict(tx: Prisma.TransactionClient, districtId: string | null) {
  if (districtId && !(await tx.district.findUnique({ where: { id: districtId }, select: { id: true } })))
    throw AppError.invalid("body.districtId", "unknown_reference", "No such district");
}

export async function createDepartment(
  prisma: PrismaClient,
  actor: Actor,
  input: DepartmentCreate,
): Promise<Department> {
  return prisma.$transaction(async (tx) => {
    await checkDistrict(tx, input.districtId);
    if (await tx.department.findUnique({ where: { code: input.code }, select: { id: true } }))
      throw AppError.invalid("body.code", "taken", `The code '${input.code}' is taken`);
    const created = await tx.department.create({ data: input, select: departmentSelect });
    await audit(tx, actor, { action: "create", entityType: "department", entityId: created.id, after: created });
    return created;
  });
}

export async function updateDepartment(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  { version, ...changes }: DepartmentUpdate,
): Promise<Department> {
  return prisma.$transaction(async (tx) => {
    const current = assertVersion(
      await tx.department.findUnique({ where: { id }, select: departmentSelect }),
      version,
      "Department",
      (d) => d,
    );
    const next = { ...current, ...changes };
    if (next.kind === "district_government" && !next.districtId)
      throw AppError.invalid("body.districtId", "district_required", "A district government belongs to a district");
    await checkDistrict(tx, next.districtId);
    await expectUpdatedOrStale(
      await tx.department.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } }),
      "Department",
      () => tx.department.findUnique({ where: { id }, select: departmentSelect }),
    );
    const updated = await tx.department.findUniqueOrThrow({ where: { id }, select: departmentSelect });
    await audit(tx, actor, {
      action: "update",
      entityType: "department",
      entityId: id,
      ...changedFields(current, updated),
    });
    return updated;
  });
}

const personSelect = {
  id: true,
  name: true,
  title: true,
  departmentId: true,
  phone: true,
  isDemo: true,
  active: true,
  version: true,
} satisfies Prisma.PersonSelect;

const personOrder: Record<PersonQuery["sort"], (o: Prisma.SortOrder) => Prisma.PersonOrderByWithRelationInput[]> = {
  name: (o) => [{ name: o }],
  department: (o) => [{ department: { code: o } }, { name: "asc" }],
};

export async function listPersons(prisma: PrismaClient, query: PersonQuery) {
  const where: Prisma.PersonWhereInput = {
    departmentId: query.departmentId,
    active: query.active,
    ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}),
  };
  const [items, total] = await prisma.$transaction([
    prisma.person.findMany({
      where,
      orderBy: [...personOrder[query.sort](query.order), { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: personSelect,
    }),
    prisma.person.count({ where }),
  ]);
  return { items: items satisfies Person[], total, page: query.page, pageSize: query.pageSize };
}

async function checkDepartment(tx: Prisma.TransactionClient, departmentId: string) {
  if (!(await tx.department.findUnique({ where: { id: departmentId }, select: { id: true } })))
    throw AppError.invalid("body.departmentId", "unknown_reference", "No such department");
}

export async function createPerson(prisma: PrismaClient, actor: Actor, input: PersonCreate): Promise<Person> {
  return prisma.$transaction(async (tx) => {
    await checkDepartment(tx, input.departmentId);
    const created = await tx.person.create({ data: input, select: personSelect });
    await audit(tx, actor, { action: "create", entityType: "person", entityId: created.id, after: created });
    return created;
  });
}

export async function updatePerson(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  { version, ...changes }: PersonUpdate,
): Promise<Person> {
  return prisma.$transaction(async (tx) => {
    const current = assertVersion(
      await tx.person.findUnique({ where: { id }, select: personSelect }),
      version,
      "Person",
      (p) => p,
    );
    if (changes.departmentId && changes.departmentId !== current.departmentId) {
      await checkDepartment(tx, changes.departmentId);
      // Responsibility is always a department's person: moving someone must not leave them
      // responsible for another department's work.
      const stillResponsible = await tx.project.count({ where: { responsiblePersonId: id } });
      const milestones = await tx.milestone.count({ where: { responsiblePersonId: id } });
      if (stillResponsible + milestones > 0)
        throw AppError.invalid(
          "body.departmentId",
          "still_responsible",
          `Still responsible for ${stillResponsible} project(s) and ${milestones} milestone(s): reassign them first`,
          { projects: stillResponsible, milestones },
        );
      // An account linked to the person acts for its department: the link must stay within it
      // (the rule createUser/updateUser enforce).
      const linkedAccounts = await tx.user.count({
        where: { personId: id, departmentId: { not: null }, NOT: { departmentId: changes.departmentId } },
      });
      if (linkedAccounts > 0)
        throw AppError.invalid(
          "body.departmentId",
          "linked_accounts",
          `Linked to ${linkedAccounts} account(s) of the department: unlink or move them first`,
          { accounts: linkedAccounts },
        );
    }
    await expectUpdatedOrStale(
      await tx.person.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } }),
      "Person",
      () => tx.person.findUnique({ where: { id }, select: personSelect }),
    );
    const updated = await tx.person.findUniqueOrThrow({ where: { id }, select: personSelect });
    const action =
      changes.active === false && current.active
        ? "deactivate"
        : changes.active === true && !current.active
          ? "activate"
          : "update";
    await audit(tx, actor, { action, entityType: "person", entityId: id, ...changedFields(current, updated) });
    return updated;
  });
}
