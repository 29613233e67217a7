import type { Withdrawal } from "@resettle/domain";
import { AppError } from "./app-error.js";

/**
 * The one condition that keeps withdrawn (撤销) milestones, items and reviews out of every
 * count and list that judges work: health rules, overdue counters, the dashboard, My work,
 * the problem queue, timelines. Spread it into the `where` of any such query.
 */
export const notWithdrawn = { withdrawnAt: null } as const;

/** The columns a withdrawal writes, as a select that presents them with `presentWithdrawal`. */
export const withdrawalSelect = {
  withdrawnAt: true,
  withdrawReason: true,
  withdrawnBy: { select: { displayName: true } },
} as const;

type WithdrawalRow = {
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  withdrawnBy: { displayName: string } | null;
};

/** The withdrawal as the API presents it: when, by whom and why, or null while the record stands. */
export function presentWithdrawal({ withdrawnAt, withdrawReason, withdrawnBy }: WithdrawalRow): Withdrawal {
  return withdrawnAt
    ? { at: withdrawnAt.toISOString(), by: withdrawnBy?.displayName ?? null, reason: withdrawReason ?? "" }
    : null;
}

/** A withdrawn record changes no more: 409 with the record as it is, whatever the change. */
export function refuseIfWithdrawn(what: string, current: { withdrawn: Withdrawal }) {
  if (current.withdrawn)
    throw new AppError("CONFLICT", `${what} was withdrawn; make a new one instead`, undefined, current);
}
