import type { PasswordReset, User, UserCreate, UserListQuery, UserUpdate } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { hashPassword } from "@resettle/prisma/passwords";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { containsText } from "../../lib/text-search.js";
import { activeAction, updateVersioned, type VersionedRecord } from "../../lib/versioned.js";

const userSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  departmentId: true,
  personId: true,
  active: true,
  mustChangePassword: true,
  lastLoginAt: true,
  version: true,
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;
const present = (u: UserRow): User => ({ ...u, lastLoginAt: u.lastLoginAt?.toISOString() ?? null });

const order: Record<UserListQuery["sort"], (o: Prisma.SortOrder) => Prisma.UserOrderByWithRelationInput> = {
  username: (o) => ({ username: o }),
  displayName: (o) => ({ displayName: o }),
  role: (o) => ({ role: o }),
  lastLoginAt: (o) => ({ lastLoginAt: { sort: o, nulls: "last" } }),
};

export async function listUsers({ db }: ServiceContext, query: UserListQuery) {
  const where: Prisma.UserWhereInput = {
    role: query.role,
    departmentId: query.departmentId,
    active: query.active,
    ...(query.q
      ? {
          OR: [{ username: containsText(query.q) }, { displayName: containsText(query.q) }],
        }
      : {}),
  };
  const [rows, total] = await db.$transaction([
    db.user.findMany({
      where,
      select: userSelect,
      orderBy: [order[query.sort](query.order), { username: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.user.count({ where }),
  ]);
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

/** A page of accounts with their department's and person's names, as the list shows them (the export). */
export async function listUsersNamed(ctx: ServiceContext, query: UserListQuery) {
  const page = await listUsers(ctx, query);
  const ids = (key: "departmentId" | "personId") => page.items.flatMap((u) => (u[key] ? [u[key]] : []));
  const [departments, persons] = await Promise.all([
    ctx.db.department.findMany({ where: { id: { in: ids("departmentId") } }, select: { id: true, name: true } }),
    ctx.db.person.findMany({ where: { id: { in: ids("personId") } }, select: { id: true, name: true } }),
  ]);
  const name = (rows: { id: string; name: string }[], id: string | null) => rows.find((r) => r.id === id)?.name ?? null;
  return {
    ...page,
    items: page.items.map((u) => ({
      ...u,
      departmentName: name(departments, u.departmentId),
      personName: name(persons, u.personId),
    })),
  };
}

/** The department and linked person must exist, and the person must belong to the department. */
async function checkLinks(tx: Tx, next: { role: string; departmentId: string | null; personId: string | null }) {
  if (next.role === "coordinator" && !next.departmentId)
    throw AppError.invalid("body.departmentId", "department_required", "A coordinator needs a department");
  if (
    next.departmentId &&
    !(await tx.department.findUnique({ where: { id: next.departmentId }, select: { id: true } }))
  )
    throw AppError.invalid("body.departmentId", "unknown_reference", "No such department");
  if (next.personId) {
    const person = await tx.person.findUnique({ where: { id: next.personId }, select: { departmentId: true } });
    if (!person) throw AppError.invalid("body.personId", "unknown_reference", "No such person");
    if (next.departmentId && person.departmentId !== next.departmentId)
      throw AppError.invalid("body.personId", "person_other_department", "The person belongs to another department");
  }
}

export async function createUser(ctx: ServiceContext, input: UserCreate): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } }))
      throw AppError.invalid("body.username", "taken", `The username '${input.username}' is taken`);
    await checkLinks(tx, input);
    const { password: _password, ...fields } = input;
    // The administrator chose the password: its user changes it at first sign-in.
    const created = present(
      await tx.user.create({ data: { ...fields, passwordHash, mustChangePassword: true }, select: userSelect }),
    );
    await audit(tx, ctx.actor, { action: "create", entityType: "user", entityId: created.id, after: created });
    return created;
  });
}

const users: VersionedRecord<User, Omit<UserUpdate, "version">> = {
  what: "User",
  entityType: "user",
  find: async (tx, id) => {
    const row = await tx.user.findUnique({ where: { id }, select: userSelect });
    return row && present(row);
  },
  fieldsOf: ({ displayName, role, departmentId, personId, active }) => ({
    displayName,
    role,
    departmentId,
    personId,
    active,
  }),
  table: (tx) => tx.user,
  // A deactivated account, or one whose role or department changed, signs in again.
  afterWrite: async (tx, { id, changed }) => {
    if (changed.active === false || "role" in changed || "departmentId" in changed)
      await tx.session.deleteMany({ where: { userId: id } });
  },
  action: activeAction,
};

export function updateUser(
  ctx: ServiceContext,
  { id, changes: { version, ...changes } }: { id: string; changes: UserUpdate },
): Promise<User> {
  return updateVersioned(ctx, users, {
    id,
    version,
    next: async (current, tx) => {
      if (id === ctx.actor.id && (changes.active === false || (changes.role && changes.role !== "admin")))
        throw AppError.invalid(
          changes.active === false ? "body.active" : "body.role",
          "self_demotion",
          "Administrators cannot deactivate or demote themselves",
        );
      // A coordinator's department only makes sense for a coordinator's and an office's accounts; keep what is given.
      await checkLinks(tx, { ...current, ...changes });
      return changes;
    },
  });
}

export async function resetPassword(ctx: ServiceContext, { id, password }: { id: string } & PasswordReset) {
  const passwordHash = await hashPassword(password);
  await ctx.db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw AppError.notFound("User");
    await tx.user.update({
      where: { id },
      data: { passwordHash, demoPassword: false, mustChangePassword: true, version: { increment: 1 } },
    });
    await tx.session.deleteMany({ where: { userId: id } });
    await audit(tx, ctx.actor, {
      action: "reset_password",
      entityType: "user",
      entityId: id,
      after: { mustChangePassword: true },
    });
  });
}
