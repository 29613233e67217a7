import { checkTransition, WorkStatusSchema, type WorkStatus } from "@resettle/domain";

type Options = { allowReopen?: boolean };

/**
 * A common problem moves through the same statuses as milestones and items, by the domain's
 * rule the server applies: the statuses it may move to now (blocking asks for its reason later).
 */
export function statusMoves(from: WorkStatus, { allowReopen = false }: Options = {}): WorkStatus[] {
  return WorkStatusSchema.options.filter(
    (to) => to !== from && checkTransition(from, to, { blockedReason: "asked when chosen", allowReopen }).ok,
  );
}

/** After a 409: whether the move the user meant still applies to the problem as it is now. */
export function stillApplies(
  current: WorkStatus,
  change: { status: WorkStatus; note?: string },
  options: Options = {},
) {
  return (
    current !== change.status && checkTransition(current, change.status, { blockedReason: change.note, ...options }).ok
  );
}
