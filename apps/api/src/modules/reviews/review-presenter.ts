import { signOff, type Review } from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import type { Db, Tx } from "../../lib/context.js";
import { toIsoDate } from "../../lib/dates.js";
import { presentWithdrawal, refuseIfWithdrawn, withdrawalSelect } from "../../lib/withdrawal.js";

export const ref = { select: { id: true, name: true } } as const;

const reviewSelect = {
  id: true,
  heldOn: true,
  createdAt: true,
  createdBy: { select: { displayName: true } },
  lockedAt: true,
  ...withdrawalSelect,
  version: true,
  group: { select: { id: true, name: true, departments: { select: { department: ref } } } },
  attendees: {
    select: {
      person: {
        select: { id: true, name: true, title: true, department: { select: { id: true, name: true, code: true } } },
      },
    },
  },
  projects: {
    select: {
      findings: true,
      decisions: true,
      project: { select: { id: true, name: true, sequence: true } },
      items: {
        select: {
          id: true,
          title: true,
          dueDate: true,
          status: true,
          responsibleDepartment: ref,
          responsiblePerson: ref,
          withdrawnAt: true,
        },
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      },
    },
    orderBy: { project: { sequence: "asc" } },
  },
  signatures: {
    select: { departmentId: true, department: ref, signedBy: { select: { displayName: true } }, signedAt: true },
    orderBy: { signedAt: "asc" },
  },
  addenda: {
    select: { id: true, text: true, createdBy: { select: { displayName: true } }, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.ReviewSelect;

type ReviewRow = Prisma.ReviewGetPayload<{ select: typeof reviewSelect }>;

/** 会签 of a stored review: who must sign (member departments present), who has not. */
export function signOffOf(row: {
  group: { departments: { department: { id: string } }[] };
  attendees: { person: { department: { id: string } } }[];
  signatures: { departmentId: string }[];
  lockedAt: Date | null;
}) {
  const result = signOff({
    memberDepartmentIds: row.group.departments.map((d) => d.department.id),
    attendeeDepartmentIds: row.attendees.map((a) => a.person.department.id),
    signedDepartmentIds: row.signatures.map((s) => s.departmentId),
  });
  // Once locked, a record stays locked whatever later happens to the group's membership.
  return { ...result, locked: row.lockedAt !== null || result.locked };
}

function presentReview(row: ReviewRow): Review {
  const { requiredDepartmentIds, pendingDepartmentIds, locked } = signOffOf(row);
  const departmentName = new Map(
    [...row.group.departments.map((d) => d.department), ...row.attendees.map((a) => a.person.department)].map((d) => [
      d.id,
      d.name,
    ]),
  );
  return {
    id: row.id,
    group: { id: row.group.id, name: row.group.name },
    heldOn: toIsoDate(row.heldOn),
    createdBy: row.createdBy?.displayName ?? null,
    createdAt: row.createdAt.toISOString(),
    attendees: row.attendees
      .map(({ person: { department, ...p } }) => ({
        ...p,
        department: { id: department.id, name: department.name },
        code: department.code,
      }))
      .sort((a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name))
      .map(({ code: _code, ...a }) => a),
    projects: row.projects.map((p) => ({
      project: { id: p.project.id, name: p.project.name },
      findings: p.findings,
      decisions: p.decisions,
      actions: p.items.map((i) => ({
        itemId: i.id,
        title: i.title,
        department: i.responsibleDepartment,
        person: i.responsiblePerson,
        dueDate: toIsoDate(i.dueDate),
        status: i.status,
        withdrawn: i.withdrawnAt !== null,
      })),
    })),
    signatures: row.signatures.map((s) => ({
      departmentId: s.departmentId,
      departmentName: s.department.name,
      signedBy: s.signedBy.displayName,
      signedAt: s.signedAt.toISOString(),
    })),
    requiredDepartments: requiredDepartmentIds.map((id) => ({ id, name: departmentName.get(id) ?? id })),
    pendingDepartmentIds,
    locked,
    lockedAt: row.lockedAt?.toISOString() ?? null,
    addenda: row.addenda.map((a) => ({
      id: a.id,
      text: a.text,
      createdBy: a.createdBy?.displayName ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
    withdrawn: presentWithdrawal(row),
    version: row.version,
  };
}

/** The record as the API presents it; 404 when there is none. */
export async function loadReview(db: Db, id: string): Promise<Review> {
  const row = await db.review.findUnique({ where: { id }, select: reviewSelect });
  if (!row) throw AppError.notFound("Review");
  return presentReview(row);
}

/**
 * Takes the review's row lock for the rest of the transaction: signatures, edits and
 * addenda of one review happen one after the other, so that the last signature always
 * sees the others and locks the record.
 */
export async function takeReviewLock(tx: Tx, id: string): Promise<void> {
  const [locked] = await takeRowLock(tx, id);
  // A withdrawn record is neither edited, signed nor added to (409 with the record as it is).
  if (locked!.withdrawnAt) refuseIfWithdrawn("Review", await loadReview(tx, id));
}

/** The review's row lock, whether or not it is withdrawn (what withdrawing it takes). */
export async function takeRowLock(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ withdrawnAt: Date | null }[]>`
    SELECT "withdrawnAt" FROM reviews WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw AppError.notFound("Review");
  return locked;
}

/** The record as it is once its lock is held. */
export async function lockReview(tx: Tx, id: string): Promise<Review> {
  await takeReviewLock(tx, id);
  return loadReview(tx, id);
}

/** What the audit trail keeps of a record: names, not ids. */
export const auditView = (r: Review) => ({
  group: r.group.name,
  heldOn: r.heldOn,
  attendees: r.attendees.map((a) => `${a.department.name} ${a.name}`),
  projects: r.projects.map((p) => ({
    project: p.project.name,
    findings: p.findings,
    decisions: p.decisions,
    actions: p.actions.map((a) => `${a.title}（${a.department?.name ?? ""} ${a.person?.name ?? ""} ${a.dueDate}）`),
  })),
});
