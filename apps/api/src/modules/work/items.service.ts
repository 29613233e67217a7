import type { Item, ItemCreate, ItemUpdate, SessionUser } from "@resettle/domain";
import { can } from "@resettle/domain";
import type { Prisma, PrismaClient } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit, changedFields, type Actor } from "../../lib/audit.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { assertVersion, expectUpdatedOrStale } from "../../lib/versioned.js";
import { requireActFor, statusChange } from "../../lib/work-rules.js";
import { resolveAssignee, WORK_ASSIGNEE_PATHS } from "../../lib/assignee.js";

export const itemSelect = {
  id: true,
  projectId: true,
  problem: true,
  cause: true,
  measure: true,
  responsibleDepartmentId: true,
  responsiblePersonId: true,
  deadline: true,
  status: true,
  blockedReason: true,
  completedAt: true,
  completedBy: { select: { displayName: true } },
  reviewProject: { select: { review: { select: { id: true, heldOn: true } } } },
  version: true,
} satisfies Prisma.ItemSelect;

export function presentItem({
  completedBy,
  reviewProject,
  ...i
}: Prisma.ItemGetPayload<{ select: typeof itemSelect }>): Item {
  return {
    ...i,
    review: reviewProject ? { id: reviewProject.review.id, heldOn: toIsoDate(reviewProject.review.heldOn) } : null,
    deadline: toIsoDate(i.deadline),
    completedAt: i.completedAt?.toISOString() ?? null,
    completedBy: completedBy?.displayName ?? null,
  };
}

export async function listItems(prisma: PrismaClient, projectId: string): Promise<Item[]> {
  if (!(await prisma.project.count({ where: { id: projectId } }))) throw AppError.notFound("Project");
  const rows = await prisma.item.findMany({
    where: { projectId },
    orderBy: [{ deadline: "asc" }, { createdAt: "asc" }],
    select: itemSelect,
  });
  return rows.map(presentItem);
}

export async function createItem(
  prisma: PrismaClient,
  actor: Actor,
  projectId: string,
  input: ItemCreate,
): Promise<Item> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.project.count({ where: { id: projectId } }))) throw AppError.notFound("Project");
    await resolveAssignee(tx, input.responsibleDepartmentId, input.responsiblePersonId, WORK_ASSIGNEE_PATHS);
    const created = presentItem(
      await tx.item.create({
        data: { ...input, projectId, deadline: fromIsoDate(input.deadline) },
        select: itemSelect,
      }),
    );
    await audit(tx, actor, {
      action: "create",
      entityType: "item",
      entityId: created.id,
      projectId,
      after: created,
    });
    return created;
  });
}

export async function updateItem(
  prisma: PrismaClient,
  user: SessionUser,
  actor: Actor,
  id: string,
  { version, status, note, ...planning }: ItemUpdate,
  now: Date,
): Promise<Item> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.item.findUnique({ where: { id }, select: itemSelect });
    if (!row) throw AppError.notFound("Item");
    requireActFor(user, "work.update", [row.responsibleDepartmentId]);
    const current = assertVersion(presentItem(row), version, "Item", (i) => i);
    if (Object.keys(planning).length > 0 && !can(user, "work.plan"))
      throw AppError.forbidden("Only the office and the working group change the plan");
    const assignee =
      planning.responsibleDepartmentId !== undefined || planning.responsiblePersonId !== undefined
        ? await reassignment(tx, current, planning)
        : null;
    const data = {
      ...statusChange(current, status, note, user, now),
      ...(planning.problem && planning.problem !== current.problem ? { problem: planning.problem } : {}),
      ...(planning.cause !== undefined && planning.cause !== current.cause ? { cause: planning.cause } : {}),
      ...(planning.measure !== undefined && planning.measure !== current.measure ? { measure: planning.measure } : {}),
      ...(planning.deadline && planning.deadline !== current.deadline
        ? { deadline: fromIsoDate(planning.deadline) }
        : {}),
      ...(assignee &&
      (assignee.responsibleDepartmentId !== current.responsibleDepartmentId ||
        assignee.responsiblePersonId !== current.responsiblePersonId)
        ? assignee
        : {}),
    };
    if (Object.keys(data).length === 0) return current; // nothing changes: nothing written, version kept
    await expectUpdatedOrStale(
      await tx.item.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),
      "Item",
      async () => presentItem(await tx.item.findUniqueOrThrow({ where: { id }, select: itemSelect })),
    );
    const updated = presentItem(await tx.item.findUniqueOrThrow({ where: { id }, select: itemSelect }));
    const diff = changedFields(current, updated);
    await audit(tx, actor, {
      action: data.status ? `status_${data.status}` : "update",
      entityType: "item",
      entityId: id,
      projectId: current.projectId,
      before: { ...diff.before, projectId: current.projectId },
      after: { ...diff.after, ...(note ? { note } : {}) },
    });
    return updated;
  });
}

/** A new department and/or person for an item; a person stays only if they belong to the department. */
async function reassignment(
  tx: Prisma.TransactionClient,
  current: Item,
  change: { responsibleDepartmentId?: string; responsiblePersonId?: string | null },
) {
  const departmentId = change.responsibleDepartmentId ?? current.responsibleDepartmentId;
  const personId =
    change.responsiblePersonId !== undefined
      ? change.responsiblePersonId
      : change.responsibleDepartmentId && change.responsibleDepartmentId !== current.responsibleDepartmentId
        ? null
        : current.responsiblePersonId;
  await resolveAssignee(tx, departmentId, personId, WORK_ASSIGNEE_PATHS);
  return { responsibleDepartmentId: departmentId, responsiblePersonId: personId };
}
