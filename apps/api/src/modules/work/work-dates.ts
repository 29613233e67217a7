import { fromIsoDate } from "../../lib/dates.js";
import { notWithdrawn } from "../../lib/withdrawal.js";

/**
 * The domain's `isOverdue` (not done, due before today; never a withdrawn record) as a filter for the database: counts
 * and lists of overdue work select with it, so they agree with the health rules and My work.
 * A test checks the two agree on the same rows.
 */
export function overdueWorkWhere(today: string) {
  return { ...notWithdrawn, status: { not: "done" as const }, dueDate: { lt: fromIsoDate(today) } };
}

/** A work record's due date as the database stores it, when a change carries one. */
export const dueDateColumn = <C extends { dueDate?: string }>({ dueDate, ...columns }: C) => ({
  ...columns,
  ...(dueDate ? { dueDate: fromIsoDate(dueDate) } : {}),
});
