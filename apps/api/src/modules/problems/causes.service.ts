import type { Cause, CauseCreate, CauseUpdate } from "@resettle/domain";
import { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { ServiceContext } from "../../lib/context.js";
import { updateVersioned, type VersionedRecord } from "../../lib/versioned.js";

const causeSelect = {
  id: true,
  code: true,
  name: true,
  sortOrder: true,
  active: true,
  version: true,
} satisfies Prisma.CauseSelect;

/** The whole taxonomy, retired causes included: projects may still carry them. */
export function listCauses(ctx: ServiceContext): Promise<Cause[]> {
  return ctx.db.cause.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }, { id: "asc" }],
    select: causeSelect,
  });
}

const codeTaken = (code: string) => AppError.invalid("body.code", "taken", `The code '${code}' is taken`);

export async function createCause(ctx: ServiceContext, input: CauseCreate): Promise<Cause> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      if (await tx.cause.findUnique({ where: { code: input.code }, select: { id: true } })) throw codeTaken(input.code);
      const created = await tx.cause.create({ data: input, select: causeSelect });
      await audit(tx, ctx.actor, { action: "create", entityType: "cause", entityId: created.id, after: created });
      return created;
    });
  } catch (error) {
    // Two administrators creating the same code at once: the unique index decides, the loser gets the same 400.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw codeTaken(input.code);
    throw error;
  }
}

const causes: VersionedRecord<Cause, Omit<CauseUpdate, "version">> = {
  what: "Cause",
  entityType: "cause",
  find: (tx, id) => tx.cause.findUnique({ where: { id }, select: causeSelect }),
  fieldsOf: ({ name, sortOrder, active }) => ({ name, sortOrder, active }),
  table: (tx) => tx.cause,
};

export function updateCause(
  ctx: ServiceContext,
  { id, changes: { version, ...changes } }: { id: string; changes: CauseUpdate },
): Promise<Cause> {
  return updateVersioned(ctx, causes, { id, version, next: () => changes });
}
