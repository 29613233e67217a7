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

/** Overdue as a table marks it: a withdrawn record (撤销) is never late, whatever its date. */
export const isLate = (work: Pick<WorkRef, "status" | "dueDate"> & { withdrawn: unknown }, today: string) =>
  !work.withdrawn && isOverdue(work, today);

/** A row's class: withdrawn rows are greyed and struck through, late ones marked. */
export const workRowClass = (work: Pick<WorkRef, "status" | "dueDate"> & { withdrawn: unknown }, today: string) =>
  work.withdrawn ? "row-withdrawn" : isOverdue(work, today) ? "row-overdue" : "";
