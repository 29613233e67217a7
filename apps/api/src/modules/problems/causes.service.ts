import type { Cause, CauseCreate, CauseUpdate } from "@resettle/domain";
import { Prisma, type PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields, type Actor } from "../../lib/audit.js";
import { assertVersion, expectUpdatedOrStale } from "../../lib/versioned.js";

const causeSelect = {
  id: true,
  code: true,
  name: true,
  sortOrder: true,
  active: true,
  version: true,
} satisfies Prisma.CauseSelect;

/** The whole taxonomy, retired causes included: projects may still carry them. */
export function listCauses(prisma: PrismaClient): Promise<Cause[]> {
  return prisma.cause.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }, { id: "asc" }],
    select: causeSelect,
  });
}

const codeTaken = (code: string) => AppError.invalid("body.code", "taken", `The code '${code}' is taken`);

export async function createCause(prisma: PrismaClient, actor: Actor, input: CauseCreate): Promise<Cause> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.cause.findUnique({ where: { code: input.code }, select: { id: true } })) throw codeTaken(input.code);
      const created = await tx.cause.create({ data: input, select: causeSelect });
      await audit(tx, actor, { action: "create", entityType: "cause", entityId: created.id, after: created });
      return created;
    });
  } catch (error) {
    // Two administrators creating the same code at once: the unique index decides, the loser gets the same 400.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw codeTaken(input.code);
    throw error;
  }
}

export async function updateCause(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  { version, ...changes }: CauseUpdate,
): Promise<Cause> {
  return prisma.$transaction(async (tx) => {
    const current = assertVersion(
      await tx.cause.findUnique({ where: { id }, select: causeSelect }),
      version,
      "Cause",
      (c) => c,
    );
    // Nothing to change (a form saved twice): nothing written, the version stays.
    if (JSON.stringify({ ...current, ...changes }) === JSON.stringify(current)) return current;
    await expectUpdatedOrStale(
      await tx.cause.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } }),
      "Cause",
      () => tx.cause.findUnique({ where: { id }, select: causeSelect }),
    );
    const updated = await tx.cause.findUniqueOrThrow({ where: { id }, select: causeSelect });
    await audit(tx, actor, { action: "update", entityType: "cause", entityId: id, ...changedFields(current, updated) });
    return updated;
  });
}
