import type {
  Department,
  DepartmentCreate,
  DepartmentKind,
  DepartmentUpdate,
  District,
  Person,
  PersonCreate,
  PersonQuery,
  PersonUpdate,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { containsText } from "../../lib/text-search.js";
import { activeAction, updateVersioned, type VersionedRecord } from "../../lib/versioned.js";
import { notWithdrawn } from "../../lib/withdrawal.js";

export function listDistricts(ctx: ServiceContext): Promise<District[]> {
  return ctx.db.district.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true } });
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

export async function listDepartments(ctx: ServiceContext): Promise<Department[]> {
  const rows = await ctx.db.department.findMany({ select: departmentSelect, orderBy: { code: "asc" } });
  // The order the plan lists them in: the office, the districts, then the municipal departments.
  return rows.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
}

/** The departments (of a kind) with their district's name, in the plan's order, as the departments page lists them (the export). */
export async function listDepartmentsNamed(ctx: ServiceContext, { kind }: { kind?: DepartmentKind }) {
  const [departments, districts] = await Promise.all([listDepartments(ctx), listDistricts(ctx)]);
  return departments
    .filter((d) => !kind || d.kind === kind)
    .map((d) => ({ ...d, districtName: districts.find((x) => x.id === d.districtId)?.name ?? null }));
}

async function checkDistrict(tx: Tx, districtId: string | null) {
  if (districtId && !(await tx.district.findUnique({ where: { id: districtId }, select: { id: true } })))
    throw AppError.invalid("body.districtId", "unknown_reference", "No such district");
}

export async function createDepartment(ctx: ServiceContext, input: DepartmentCreate): Promise<Department> {
  return ctx.db.$transaction(async (tx) => {
    await checkDistrict(tx, input.districtId);
    if (await tx.department.findUnique({ where: { code: input.code }, select: { id: true } }))
      throw AppError.invalid("body.code", "taken", `The code '${input.code}' is taken`);
    const created = await tx.department.create({ data: input, select: departmentSelect });
    await audit(tx, ctx.actor, { action: "create", entityType: "department", entityId: created.id, after: created });
    return created;
  });
}

const departments: VersionedRecord<Department, Omit<DepartmentUpdate, "version">> = {
  what: "Department",
  entityType: "department",
  find: (tx, id) => tx.department.findUnique({ where: { id }, select: departmentSelect }),
  fieldsOf: ({ name, shortName, kind, districtId }) => ({ name, shortName, kind, districtId }),
  table: (tx) => tx.department,
};

export function updateDepartment(
  ctx: ServiceContext,
  { id, changes: { version, ...changes } }: { id: string; changes: DepartmentUpdate },
): Promise<Department> {
  return updateVersioned(ctx, departments, {
    id,
    version,
    next: async (current, tx) => {
      const next = { ...current, ...changes };
      if (next.kind === "district_government" && !next.districtId)
        throw AppError.invalid("body.districtId", "district_required", "A district government belongs to a district");
      await checkDistrict(tx, next.districtId);
      return changes;
    },
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

export async function listPersons({ db }: ServiceContext, query: PersonQuery) {
  const where: Prisma.PersonWhereInput = {
    departmentId: query.departmentId,
    active: query.active,
    ...(query.q ? { name: containsText(query.q) } : {}),
  };
  const [items, total] = await db.$transaction([
    db.person.findMany({
      where,
      orderBy: [...personOrder[query.sort](query.order), { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: personSelect,
    }),
    db.person.count({ where }),
  ]);
  return { items: items satisfies Person[], total, page: query.page, pageSize: query.pageSize };
}

/** A page of persons with their department's name, as the persons page lists them (the export). */
export async function listPersonsNamed(ctx: ServiceContext, query: PersonQuery) {
  const page = await listPersons(ctx, query);
  const departments = await ctx.db.department.findMany({
    where: { id: { in: [...new Set(page.items.map((p) => p.departmentId))] } },
    select: { id: true, name: true },
  });
  return {
    ...page,
    items: page.items.map((p) => ({
      ...p,
      departmentName: departments.find((d) => d.id === p.departmentId)?.name ?? null,
    })),
  };
}

async function checkDepartment(tx: Tx, departmentId: string) {
  if (!(await tx.department.findUnique({ where: { id: departmentId }, select: { id: true } })))
    throw AppError.invalid("body.departmentId", "unknown_reference", "No such department");
}

export async function createPerson(ctx: ServiceContext, input: PersonCreate): Promise<Person> {
  return ctx.db.$transaction(async (tx) => {
    await checkDepartment(tx, input.departmentId);
    const created = await tx.person.create({ data: input, select: personSelect });
    await audit(tx, ctx.actor, { action: "create", entityType: "person", entityId: created.id, after: created });
    return created;
  });
}

const persons: VersionedRecord<Person, Omit<PersonUpdate, "version">> = {
  what: "Person",
  entityType: "person",
  find: (tx, id) => tx.person.findUnique({ where: { id }, select: personSelect }),
  fieldsOf: ({ name, title, departmentId, phone, active }) => ({ name, title, departmentId, phone, active }),
  table: (tx) => tx.person,
  action: activeAction,
};

export function updatePerson(
  ctx: ServiceContext,
  { id, changes: { version, ...changes } }: { id: string; changes: PersonUpdate },
): Promise<Person> {
  return updateVersioned(ctx, persons, {
    id,
    version,
    next: async (current, tx) => {
      if (changes.departmentId && changes.departmentId !== current.departmentId)
        await checkMove(tx, id, changes.departmentId);
      return changes;
    },
  });
}

/**
 * Responsibility is always a department's person: moving someone must not leave them
 * responsible for another department's projects, milestones or open items. An account
 * linked to the person acts for its department: the link must stay within it (the rule
 * createUser/updateUser enforce).
 */
async function checkMove(tx: Tx, id: string, departmentId: string) {
  await checkDepartment(tx, departmentId);
  const projects = await tx.project.count({ where: { responsiblePersonId: id } });
  const milestones = await tx.milestone.count({ where: { responsiblePersonId: id, ...notWithdrawn } });
  const items = await tx.item.count({ where: { responsiblePersonId: id, status: { not: "done" }, ...notWithdrawn } });
  if (projects + milestones + items > 0)
    throw AppError.invalid(
      "body.departmentId",
      "still_responsible",
      `Still responsible for ${projects} project(s), ${milestones} milestone(s) and ${items} item(s): reassign them first`,
      { projects, milestones, items },
    );
  const linkedAccounts = await tx.user.count({
    where: { personId: id, departmentId: { not: null }, NOT: { departmentId } },
  });
  if (linkedAccounts > 0)
    throw AppError.invalid(
      "body.departmentId",
      "linked_accounts",
      `Linked to ${linkedAccounts} account(s) of the department: unlink or move them first`,
      { accounts: linkedAccounts },
    );
}
