import { daysBetween, isOverdue, type WorkRef } from "@resettle/domain";

type Dated = Pick<WorkRef, "status" | "dueDate">;

/** Days past due of overdue work (the domain's `isOverdue`); 0 for anything else. */
export function daysOverdue(work: Dated, today: string): number {
  return isOverdue(work, today) ? daysBetween(work.dueDate, today) : 0;
}

/** Work in the order it falls due; ties keep a stable order by title. */
export function sortByDueDate<W extends Pick<WorkRef, "dueDate" | "title">>(work: W[]): W[] {
  return [...work].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, "zh-CN"));
}
