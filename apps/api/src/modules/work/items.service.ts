import type { Item, ItemCreate, ItemUpdate } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { audit } from "../../lib/audit.js";
import { dropLeadCooperation } from "../../lib/cooperation.js";
import type { ServiceContext, Tx } from "../../lib/context.js";
import { requireProject } from "../../lib/projects.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { presentWithdrawal, withdrawalSelect } from "../../lib/withdrawal.js";
import { completionSelect, splitCompletion } from "../../lib/completion.js";
import { dueDateColumn } from "./work-dates.js";
import { updateWork, workRecord, type WorkColumns } from "./work-update.js";
import { resolveAssignee, WORK_ASSIGNEE_PATHS } from "../../lib/assignee.js";
import { requireDueDatesWithinPlan } from "../../lib/plan-window.js";

export const itemSelect = {
  id: true,
  projectId: true,
  title: true,
  cause: true,
  measure: true,
  responsibleDepartmentId: true,
  responsiblePersonId: true,
  dueDate: true,
  status: true,
  blockedReason: true,
  completedAt: true,
  completedBy: { select: { displayName: true } },
  reviewProject: { select: { review: { select: { id: true, heldOn: true } } } },
  ...withdrawalSelect,
  ...completionSelect,
  version: true,
} satisfies Prisma.ItemSelect;

export function presentItem(row: Prisma.ItemGetPayload<{ select: typeof itemSelect }>): Item {
  const {
    completion,
    rest: { completedBy, reviewProject, withdrawnAt, withdrawReason, withdrawnBy, ...i },
  } = splitCompletion(row);
  return {
    ...i,
    ...completion,
    withdrawn: presentWithdrawal({ withdrawnAt, withdrawReason, withdrawnBy }),
    review: reviewProject ? { id: reviewProject.review.id, heldOn: toIsoDate(reviewProject.review.heldOn) } : null,
    dueDate: toIsoDate(i.dueDate),
    completedAt: i.completedAt?.toISOString() ?? null,
    completedBy: completedBy?.displayName ?? null,
  };
}

export async function listItems({ db }: ServiceContext, { projectId }: { projectId: string }): Promise<Item[]> {
  await requireProject(db, projectId);
  const rows = await db.item.findMany({
    where: { projectId },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: itemSelect,
  });
  return rows.map(presentItem);
}

export async function createItem(
  ctx: ServiceContext,
  { projectId, item }: { projectId: string; item: ItemCreate },
): Promise<Item> {
  return ctx.db.$transaction(async (tx) => {
    await requireProject(tx, projectId);
    await requireDueDatesWithinPlan(tx, ctx.clock, [{ path: "body.dueDate", date: item.dueDate }]);
    await resolveAssignee(tx, item.responsibleDepartmentId, item.responsiblePersonId, WORK_ASSIGNEE_PATHS);
    const created = presentItem(
      await tx.item.create({
        data: { ...item, projectId, dueDate: fromIsoDate(item.dueDate) },
        select: itemSelect,
      }),
    );
    // Responsibility given at creation opens the item's responsibility history.
    await recordItemAssignment(tx, ctx.actor, created, "新建整改事项时指定");
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "item",
      entityId: created.id,
      projectId,
      after: created,
    });
    return created;
  });
}

type ItemFields = Pick<
  Item,
  "title" | "cause" | "measure" | "dueDate" | "responsibleDepartmentId" | "responsiblePersonId"
> &
  WorkColumns;

/** An item as the API presents it, read in the caller's transaction; null when there is none. */
export async function findItem(tx: Tx, id: string): Promise<Item | null> {
  const row = await tx.item.findUnique({ where: { id }, select: itemSelect });
  return row && presentItem(row);
}

const items = workRecord<Item, ItemFields>({
  what: "Item",
  entityType: "item",
  find: findItem,
  fieldsOf: (i) => ({
    title: i.title,
    cause: i.cause,
    measure: i.measure,
    dueDate: i.dueDate,
    responsibleDepartmentId: i.responsibleDepartmentId,
    responsiblePersonId: i.responsiblePersonId,
  }),
  table: (tx) => tx.item,
  columns: dueDateColumn,
  // A new department or person is recorded in the item's responsibility history too; a new lead
  // department that cooperated on the item cooperates no more.
  afterWrite: async (tx, { current, changed, actor }) => {
    if (changed.responsibleDepartmentId !== undefined)
      await dropLeadCooperation(
        tx,
        actor,
        { type: "item", id: current.id, projectId: current.projectId },
        changed.responsibleDepartmentId,
      );
    if (changed.responsibleDepartmentId === undefined && changed.responsiblePersonId === undefined) return;
    await recordItemAssignment(
      tx,
      actor,
      {
        ...current,
        responsibleDepartmentId: changed.responsibleDepartmentId ?? current.responsibleDepartmentId,
        responsiblePersonId:
          changed.responsiblePersonId !== undefined ? changed.responsiblePersonId : current.responsiblePersonId,
      },
      "编辑整改事项时调整",
    );
  },
});

/** The responsible department and person change with the plan (office and working group). */
export function updateItem(ctx: ServiceContext, update: { id: string; changes: ItemUpdate }): Promise<Item> {
  return updateWork(ctx, items, update, async (planning, current, tx) => ({
    title: planning.title,
    cause: planning.cause,
    measure: planning.measure,
    dueDate: planning.dueDate,
    ...(planning.responsibleDepartmentId !== undefined || planning.responsiblePersonId !== undefined
      ? await reassignment(tx, current, planning)
      : {}),
  }));
}

/** One row of an item's responsibility history, in the caller's transaction (the change's own audit row says the rest). */
async function recordItemAssignment(
  tx: Tx,
  actor: { id: string | null },
  item: Pick<Item, "id" | "projectId" | "responsibleDepartmentId" | "responsiblePersonId">,
  reason: string,
) {
  if (!item.responsibleDepartmentId) return;
  await tx.responsibilityAssignment.create({
    data: {
      projectId: item.projectId,
      itemId: item.id,
      departmentId: item.responsibleDepartmentId,
      personId: item.responsiblePersonId,
      assignedById: actor.id,
      reason,
    },
  });
}

/** A new department and/or person for an item; a person stays only if they belong to the department. */
async function reassignment(
  tx: Tx,
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
