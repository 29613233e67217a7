import { checkTransition, WorkStatusSchema, type WorkStatus } from "@resettle/domain";

/** `completionRequired: false` for common problems: they reach done by their status (milestones and items by a completion). */
type Options = { allowReopen?: boolean; completionRequired?: boolean };

/**
 * The statuses a milestone, item or common problem may move to from `from`, in the order the
 * domain lists them; the server checks the same rule, so the UI offers nothing it would refuse.
 * Blocking needs a reason, asked for when chosen.
 */
export function legalMoves(from: WorkStatus, { allowReopen = false, completionRequired }: Options = {}): WorkStatus[] {
  return WorkStatusSchema.options.filter(
    (to) =>
      to !== from &&
      checkTransition(from, to, { blockedReason: "reason asked later", allowReopen, completionRequired }).ok,
  );
}

export const needsReason = (to: WorkStatus) => to === "blocked";

/**
 * After a 409: whether the change the user meant can still be made on the record as it is
 * now. Not when it already has that status, nor when the move is no longer legal from there.
 */
export function canReapply(
  current: WorkStatus,
  change: { status: WorkStatus; note?: string },
  options: Options = {},
): boolean {
  if (current === change.status) return false;
  return checkTransition(current, change.status, { blockedReason: change.note, ...options }).ok;
}
