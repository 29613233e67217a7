import type { AuditEntityType, Capability, Cooperators, NamedRef, WorkNote, WorkNoteCreate } from "@resettle/domain";
import { Prisma } from "@resettle/prisma/client";
import { AppError } from "./app-error.js";
import { audit, type AuditActor } from "./audit.js";
import type { Db, ServiceContext, Tx } from "./context.js";
import { requireActFor } from "./work-rules.js";

// 牵头/配合, shared by the modules whose records have them (responsibility: projects, milestones,
// items; supervision: 督办单). The lead is the record's responsible department (a notice's: the
// department it is issued to); the cooperating departments are rows of `cooperations`. A
// department made the lead loses its cooperation row in the same transaction (`dropLeadCooperation`),
// so nothing read ever lists the lead among the cooperating.

export type CooperationTarget = "project" | "milestone" | "item" | "notice";
/** The records that carry progress notes (进展情况). */
export type NoteTarget = "milestone" | "item" | "notice";

const TABLE = { project: "projects", milestone: "milestones", item: "items", notice: "supervision_notices" } as const;
const KEY = { project: "projectId", milestone: "milestoneId", item: "itemId", notice: "noticeId" } as const;
const LEAD = {
  project: "responsibleDepartmentId",
  milestone: "responsibleDepartmentId",
  item: "responsibleDepartmentId",
  notice: "departmentId",
} as const;
const NOT_FOUND = { project: "Project", milestone: "Milestone", item: "Item", notice: "Notice" } as const;
const COOPERATION_ENTITY: Record<CooperationTarget, AuditEntityType> = {
  project: "project",
  milestone: "milestone",
  item: "item",
  notice: "supervision_notice",
};

export type Target = { type: CooperationTarget; id: string; projectId: string | null; lead: string | null };

/** The record's lead department and project, read (and locked, in a transaction that changes it); 404 when none. */
export async function findTarget(db: Db, type: CooperationTarget, id: string, lock: boolean): Promise<Target> {
  const rows = await db.$queryRaw<{ projectId: string | null; lead: string | null }[]>`
    SELECT ${type === "project" ? Prisma.sql`id` : Prisma.sql`"projectId"`} AS "projectId",
           ${Prisma.raw(`"${LEAD[type]}"`)} AS lead
    FROM ${Prisma.raw(TABLE[type])} WHERE id = ${id}::uuid ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  const row = rows[0];
  if (!row) throw AppError.notFound(NOT_FOUND[type]);
  return { type, id, ...row };
}

/** The cooperating departments of a record, by code. */
async function cooperatingOf(db: Db, { type, id }: Pick<Target, "type" | "id">): Promise<NamedRef[]> {
  const rows = await db.cooperation.findMany({
    where: { [KEY[type]]: id },
    select: { department: { select: { id: true, name: true } } },
    orderBy: { department: { code: "asc" } },
  });
  return rows.map((r) => r.department);
}

/** 牵头单位 and 配合单位 of a record. */
export async function presentCooperators(db: Db, target: Target): Promise<Cooperators> {
  const [lead, cooperating] = await Promise.all([
    target.lead ? db.department.findUnique({ where: { id: target.lead }, select: { id: true, name: true } }) : null,
    cooperatingOf(db, target),
  ]);
  return { lead, cooperating };
}

/** The departments cooperating on a record, for the rules (who may write notes and evidence). */
async function cooperatingDepartmentIds(db: Db, type: CooperationTarget, id: string): Promise<string[]> {
  const rows = await db.cooperation.findMany({ where: { [KEY[type]]: id }, select: { departmentId: true } });
  return rows.map((r) => r.departmentId);
}

/**
 * A set of cooperating departments is sound: neither the lead itself (`cooperator_is_lead`) nor an
 * unknown department (`unknown_reference`), each refused on its place in the list at `path`.
 */
export async function checkCooperators(tx: Db, lead: string | null, departmentIds: string[], path: string) {
  const leadIndex = departmentIds.indexOf(lead ?? "");
  if (leadIndex >= 0)
    throw AppError.invalid(
      `${path}.${leadIndex}`,
      "cooperator_is_lead",
      "the lead department (its responsible department) cannot also cooperate",
    );
  const known = await tx.department.findMany({ where: { id: { in: departmentIds } }, select: { id: true } });
  const unknown = departmentIds.findIndex((d) => !known.some((k) => k.id === d));
  if (unknown >= 0) throw AppError.invalid(`${path}.${unknown}`, "unknown_reference", "no such department");
}

/**
 * Replaces the record's cooperating departments with this set (checked), in the caller's
 * transaction on the record's locked row. Answers the set before and after, and the departments
 * added; the caller audits.
 */
async function writeCooperators(tx: Tx, target: Target, departmentIds: string[], path: string) {
  await checkCooperators(tx, target.lead, departmentIds, path);
  const before = await cooperatingOf(tx, target);
  const key = KEY[target.type];
  await tx.cooperation.deleteMany({ where: { [key]: target.id, departmentId: { notIn: departmentIds } } });
  await tx.cooperation.createMany({
    data: departmentIds.map((departmentId) => ({ departmentId, [key]: target.id })),
    skipDuplicates: true,
  });
  const after = await cooperatingOf(tx, target);
  return { before, after, added: after.filter((d) => !before.some((b) => b.id === d.id)) };
}

const names = (departments: NamedRef[]) => departments.map((d) => d.name);

/**
 * 设置配合单位 (the office): the whole set replaces the one before, on the record's locked row,
 * with an audit row naming both sets when it changed.
 */
export async function setCooperators(
  ctx: ServiceContext,
  type: CooperationTarget,
  id: string,
  departmentIds: string[],
  {
    authorize,
    then,
  }: {
    /** Refuses before anything is written (a closed notice). */
    authorize?: (tx: Tx, target: Target) => Promise<void>;
    /** More to write with the set saved (tell the departments added). */
    then?: (tx: Tx, target: Target, added: NamedRef[]) => Promise<unknown>;
  } = {},
): Promise<Cooperators> {
  return ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, type, id, true);
    await authorize?.(tx, target);
    const { before, after, added } = await writeCooperators(tx, target, departmentIds, "body.departmentIds");
    if (JSON.stringify(names(before)) !== JSON.stringify(names(after))) {
      await audit(tx, ctx.actor, {
        action: "set_cooperators",
        entityType: COOPERATION_ENTITY[type],
        entityId: id,
        projectId: target.projectId,
        before: { cooperating: names(before) },
        after: { cooperating: names(after) },
      });
      await then?.(tx, target, added);
    }
    return presentCooperators(tx, target);
  });
}

/**
 * A department made the lead of a record no longer cooperates on it: its row goes, in the
 * transaction that made it the lead (after the record's row was updated, so locked), with an
 * audit row naming the set before and after. Nothing when it did not cooperate.
 */
export async function dropLeadCooperation(
  tx: Tx,
  actor: AuditActor,
  target: Pick<Target, "type" | "id" | "projectId">,
  lead: string | null,
) {
  if (!lead) return;
  const before = await cooperatingOf(tx, target);
  const made = before.find((d) => d.id === lead);
  if (!made) return;
  await tx.cooperation.deleteMany({ where: { [KEY[target.type]]: target.id, departmentId: lead } });
  await audit(tx, actor, {
    action: "set_cooperators",
    entityType: COOPERATION_ENTITY[target.type],
    entityId: target.id,
    projectId: target.projectId,
    before: { cooperating: names(before) },
    after: { cooperating: names(before.filter((d) => d.id !== lead)), lead: made.name },
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

/** A record's progress notes, oldest first. */
export async function listNotes({ db }: ServiceContext, type: NoteTarget, id: string): Promise<WorkNote[]> {
  const target = await findTarget(db, type, id, false);
  const rows = await db.workNote.findMany({
    where: { [KEY[type]]: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: noteSelect,
  });
  return rows.map((r) => presentNote(r, target.lead));
}

/**
 * 进展情况: a note by a coordinator of the lead department or of a cooperating one, or by another
 * role holding the capability (the office; on work, the working group too); audited in the same
 * transaction.
 */
export async function addNote(
  ctx: ServiceContext,
  type: NoteTarget,
  id: string,
  input: WorkNoteCreate,
  capability: Capability,
): Promise<WorkNote> {
  return ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, type, id, false);
    const cooperating = await cooperatingDepartmentIds(tx, type, id);
    requireActFor(ctx.actor.user, capability, [target.lead, ...cooperating]);
    const departmentId = ctx.actor.user.role === "coordinator" ? ctx.actor.user.departmentId : null;
    const row = await tx.workNote.create({
      data: { [KEY[type]]: id, departmentId, text: input.text, createdById: ctx.actor.id },
      select: noteSelect,
    });
    const note = presentNote(row, target.lead);
    await audit(tx, ctx.actor, {
      action: "add_note",
      entityType: COOPERATION_ENTITY[type],
      entityId: id,
      projectId: target.projectId,
      after: { note: note.text, department: note.department?.name ?? null, role: note.role },
    });
    return note;
  });
}
