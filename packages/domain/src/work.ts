import { daysBetween } from "./calendar.js";
import type { WorkStatus } from "./milestone.js";

/**
 * What every piece of work shares — a timetable step (推进节点) and a rectification item
 * (整改事项) alike — under one name each (ADR 007): a title, a due date, a status.
 */
export type WorkRef = { id: string; title: string; dueDate: string; status: WorkStatus };

/** How many days ahead work counts as due soon (临期), unless margins say otherwise. */
export const DUE_SOON_DAYS = 14;

/**
 * Overdue (逾期): not done, and its due date is before `today` (a China calendar day,
 * YYYY-MM-DD). The one definition: health rules, My work, the problem queue and the
 * dashboard's counters all come back here (the API's SQL filters mirror it in
 * `overdueWorkWhere`).
 */
export const isOverdue = (work: Pick<WorkRef, "status" | "dueDate">, today: string): boolean =>
  work.status !== "done" && work.dueDate < today;

/** Due soon: not done, not overdue, and due within `withinDays` of today. */
export const isDueSoon = (
  work: Pick<WorkRef, "status" | "dueDate">,
  today: string,
  withinDays: number = DUE_SOON_DAYS,
): boolean => work.status !== "done" && work.dueDate >= today && daysBetween(today, work.dueDate) <= withinDays;

export type Urgency = "overdue" | "due_soon" | "later";

export function urgencyOf(
  work: Pick<WorkRef, "status" | "dueDate">,
  today: string,
  withinDays: number = DUE_SOON_DAYS,
): Urgency {
  if (isOverdue(work, today)) return "overdue";
  return isDueSoon(work, today, withinDays) ? "due_soon" : "later";
}
