import { canActFor, checkTransition, type Capability, type SessionUser, type WorkStatus } from "@resettle/domain";
import { AppError } from "./app-error.js";

/**
 * A coordinator acts only for its own department: 403 unless one of the departments
 * responsible for the record is theirs. Other roles need the capability alone.
 */
export function requireActFor(
  user: SessionUser,
  capability: Capability,
  responsibleDepartmentIds: readonly (string | null | undefined)[],
) {
  if (!canActFor(user, capability, responsibleDepartmentIds))
    throw AppError.forbidden(
      user.role === "coordinator" ? "Your department is not responsible for this" : "Not allowed for your role",
    );
}

/** The columns a status move writes. */
export type StatusColumns = {
  status: WorkStatus;
  blockedReason: string | null;
  completedAt: Date | null;
  completedById: string | null;
};

/**
 * The columns a status change writes: done records who and when, blocked records why,
 * leaving either clears it. Illegal moves are refused with the reason (400 on body.status):
 * milestones and items reach done only by a completion (`completion_required`); common
 * problems (`completionRequired: false`) by their status.
 */
export function statusChange(
  current: { status: WorkStatus },
  next: WorkStatus | undefined,
  note: string | undefined,
  actor: SessionUser,
  now: Date,
  { completionRequired = true }: { completionRequired?: boolean } = {},
): Partial<StatusColumns> {
  if (!next || next === current.status) return {};
  const check = checkTransition(current.status, next, {
    blockedReason: note,
    allowReopen: actor.role === "admin",
    completionRequired,
  });
  if (!check.ok) throw AppError.invalid(next === "blocked" ? "body.note" : "body.status", check.reason, check.message);
  return {
    status: next,
    blockedReason: next === "blocked" ? note!.trim() : null,
    completedAt: next === "done" ? now : null,
    completedById: next === "done" ? actor.id : null,
  };
}

/** The audit action of a change that may move a status: `status_done`, or `update`. */
export const statusAction = (changed: { status?: WorkStatus }) =>
  changed.status ? `status_${changed.status}` : "update";
