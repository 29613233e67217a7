import type { PasswordReset, User, UserCreate, UserListQuery, UserUpdate } from "@resettle/domain";
import type { Prisma, PrismaClient } from "@resettle/prisma/client";
import { hashPassword } from "@resettle/prisma/passwords";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields, type Actor } from "../../lib/audit.js";
import { assertVersion, expectUpdatedOrStale } from "../../lib/versioned.js";

const userSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  departmentId: true,
  personId: true,
  active: true,
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

export async function listUsers(prisma: PrismaClient, query: UserListQuery) {
  const where: Prisma.UserWhereInput = {
    role: query.role,
    departmentId: query.departmentId,
    active: query.active,
    ...(query.q
      ? {
          OR: [
            { username: { contains: query.q, mode: "insensitive" } },
            { displayName: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [rows, total] = await prisma.$transaction([
    prisma.user.findMany({
      where,
      select: userSelect,
      orderBy: [order[query.sort](query.order), { username: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.user.count({ where }),
  ]);
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

/** The department and linked person must exist, and the person must belong to the department. */
async function checkLinks(
  tx: Prisma.TransactionClient,
  next: { role: string; departmentId: string | null; personId: string | null },
) {
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

export async function createUser(prisma: PrismaClient, actor: Actor, input: UserCreate): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } }))
      throw AppError.invalid("body.username", "taken", `The username '${input.username}' is taken`);
    await checkLinks(tx, input);
    const { password: _password, ...fields } = input;
    const created = present(await tx.user.create({ data: { ...fields, passwordHash }, select: userSelect }));
    await audit(tx, actor, { action: "create", entityType: "user", entityId: created.id, after: created });
    return created;
  });
}

export async function updateUser(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  { version, ...changes }: UserUpdate,
): Promise<User> {
  return prisma.$transaction(async (tx) => {
    const current = present(
      assertVersion(await tx.user.findUnique({ where: { id }, select: userSelect }), version, "User", present),
    );
    if (id === actor.id && (changes.active === false || (changes.role && changes.role !== "admin")))
      throw AppError.invalid(
        changes.active === false ? "body.active" : "body.role",
        "self_demotion",
        "Administrators cannot deactivate or demote themselves",
      );
    const next = { ...current, ...changes };
    // A coordinator's department only makes sense for a coordinator's and an office's accounts; keep what is given.
    await checkLinks(tx, next);
    await expectUpdatedOrStale(
      await tx.user.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } }),
      "User",
      async () => {
        const row = await tx.user.findUnique({ where: { id }, select: userSelect });
        return row && present(row);
      },
    );
    // A deactivated account, or one whose role or department changed, signs in again.
    if (changes.active === false || next.role !== current.role || next.departmentId !== current.departmentId)
      await tx.session.deleteMany({ where: { userId: id } });
    const updated = present(await tx.user.findUniqueOrThrow({ where: { id }, select: userSelect }));
    const action =
      changes.active === false && current.active
        ? "deactivate"
        : changes.active === true && !current.active
          ? "activate"
          : "update";
    await audit(tx, actor, { action, entityType: "user", entityId: id, ...changedFields(current, updated) });
    return updated;
  });
}

export async function resetPassword(prisma: PrismaClient, actor: Actor, id: string, input: PasswordReset) {
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw AppError.notFound("User");
    await tx.user.update({ where: { id }, data: { passwordHash, demoPassword: false, version: { increment: 1 } } });
    await tx.session.deleteMany({ where: { userId: id } });
    await audit(tx, actor, { action: "reset_password", entityType: "user", entityId: id });
  });
}
