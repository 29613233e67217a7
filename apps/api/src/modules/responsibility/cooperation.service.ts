import type { Cooperators, CooperatorsUpdate, WorkNote, WorkNoteCreate } from "@resettle/domain";
import { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Db, ServiceContext } from "../../lib/context.js";
import { requireActFor } from "../../lib/work-rules.js";

// 牵头/配合: the lead is the record's responsible department; the cooperating departments are
// kept in `cooperations`, replaced as a whole set by the office. Progress notes (进展情况) are
// written by the lead, a cooperating department or the office; never edited.

export type CooperationTarget = "project" | "milestone" | "item";
const TABLE = { project: "projects", milestone: "milestones", item: "items" } as const;
const KEY = { project: "projectId", milestone: "milestoneId", item: "itemId" } as const;
const NOT_FOUND = { project: "Project", milestone: "Milestone", item: "Item" } as const;

/** The record's lead department and project, read (and locked, in a transaction that changes it). */
async function findTarget(db: Db, type: CooperationTarget, id: string, lock: boolean) {
  const rows = await db.$queryRaw<{ projectId: string; lead: string | null }[]>`
    SELECT ${type === "project" ? Prisma.sql`id` : Prisma.sql`"projectId"`} AS "projectId",
           "responsibleDepartmentId" AS lead
    FROM ${Prisma.raw(TABLE[type])} WHERE id = ${id}::uuid ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  const row = rows[0];
  if (!row) throw AppError.notFound(NOT_FOUND[type]);
  return row;
}

async function present(db: Db, type: CooperationTarget, id: string, lead: string | null): Promise<Cooperators> {
  const [leadRow, rows] = await Promise.all([
    lead ? db.department.findUnique({ where: { id: lead }, select: { id: true, name: true } }) : null,
    db.cooperation.findMany({
      where: { [KEY[type]]: id },
      select: { department: { select: { id: true, name: true, code: true } } },
      orderBy: { department: { code: "asc" } },
    }),
  ]);
  // A department made the lead after it cooperated is the lead only (its old row goes with the next set).
  return {
    lead: leadRow,
    cooperating: rows
      .filter((r) => r.department.id !== lead)
      .map((r) => ({ id: r.department.id, name: r.department.name })),
  };
}

/** 牵头单位 and 配合单位 of a record. */
export async function readCooperators({ db }: ServiceContext, type: CooperationTarget, id: string) {
  const target = await findTarget(db, type, id, false);
  return present(db, type, id, target.lead);
}

/** The departments cooperating on a milestone or item, for the rules (who may write notes and evidence). */
async function cooperatingDepartmentIds(db: Db, type: "milestone" | "item", id: string): Promise<string[]> {
  const rows = await db.cooperation.findMany({ where: { [KEY[type]]: id }, select: { departmentId: true } });
  return rows.map((r) => r.departmentId);
}

/**
 * 设置配合单位 (the office): the whole set replaces the one before, on the record's locked row, with
 * an audit row naming both sets. Neither the lead itself nor an unknown department may cooperate.
 */
export async function setCooperators(
  ctx: ServiceContext,
  type: CooperationTarget,
  id: string,
  input: CooperatorsUpdate,
): Promise<Cooperators> {
  return ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, type, id, true);
    const leadIndex = input.departmentIds.indexOf(target.lead ?? "");
    if (leadIndex >= 0)
      throw AppError.invalid(
        `body.departmentIds.${leadIndex}`,
        "cooperator_is_lead",
        "the lead department (its responsible department) cannot also cooperate",
      );
    const known = await tx.department.findMany({ where: { id: { in: input.departmentIds } }, select: { id: true } });
    const unknown = input.departmentIds.findIndex((d) => !known.some((k) => k.id === d));
    if (unknown >= 0)
      throw AppError.invalid(`body.departmentIds.${unknown}`, "unknown_reference", "no such department");
    const before = await present(tx, type, id, target.lead);
    const key = KEY[type];
    await tx.cooperation.deleteMany({ where: { [key]: id, departmentId: { notIn: input.departmentIds } } });
    await tx.cooperation.createMany({
      data: input.departmentIds.map((departmentId) => ({ departmentId, [key]: id })),
      skipDuplicates: true,
    });
    const after = await present(tx, type, id, target.lead);
    const names = (c: Cooperators) => c.cooperating.map((d) => d.name);
    if (JSON.stringify(names(before)) !== JSON.stringify(names(after)))
      await audit(tx, ctx.actor, {
        action: "set_cooperators",
        entityType: type,
        entityId: id,
        projectId: target.projectId,
        before: { cooperating: names(before) },
        after: { cooperating: names(after) },
      });
    return after;
  });
}

const noteSelect = {
  id: true,
  text: true,
  departmentId: true,
  department: { select: { id: true, name: true } },
  createdBy: { select: { displayName: true } },
  createdAt: true,
} satisfies Prisma.WorkNoteSelect;

function presentNote(row: Prisma.WorkNoteGetPayload<{ select: typeof noteSelect }>, lead: string | null): WorkNote {
  return {
    id: row.id,
    text: row.text,
    department: row.department,
    role: row.departmentId === null ? "office" : row.departmentId === lead ? "lead" : "cooperating",
    by: row.createdBy?.displayName ?? null,
    at: row.createdAt.toISOString(),
  };
}

/** A milestone's or item's progress notes, oldest first. */
export async function listNotes({ db }: ServiceContext, type: "milestone" | "item", id: string): Promise<WorkNote[]> {
  const target = await findTarget(db, type, id, false);
  const rows = await db.workNote.findMany({
    where: { [KEY[type]]: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: noteSelect,
  });
  return rows.map((r) => presentNote(r, target.lead));
}

/**
 * 进展情况: a note by the lead department, a cooperating one (a coordinator of either) or the
 * office and the working group; audited in the same transaction.
 */
export async function addNote(
  ctx: ServiceContext,
  type: "milestone" | "item",
  id: string,
  input: WorkNoteCreate,
): Promise<WorkNote> {
  return ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, type, id, false);
    const cooperating = await cooperatingDepartmentIds(tx, type, id);
    requireActFor(ctx.actor.user, "work.update", [target.lead, ...cooperating]);
    const departmentId = ctx.actor.user.role === "coordinator" ? ctx.actor.user.departmentId : null;
    const row = await tx.workNote.create({
      data: { [KEY[type]]: id, departmentId, text: input.text, createdById: ctx.actor.id },
      select: noteSelect,
    });
    const note = presentNote(row, target.lead);
    await audit(tx, ctx.actor, {
      action: "add_note",
      entityType: type,
      entityId: id,
      projectId: target.projectId,
      after: { note: note.text, department: note.department?.name ?? null, role: note.role },
    });
    return note;
  });
}
