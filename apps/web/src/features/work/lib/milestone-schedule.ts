import type { Milestone } from "@resettle/domain";
import dayjs from "dayjs";

/** Past its due date and not done: what the supervision office chases. */
export function isOverdue(milestone: Milestone, today: string): boolean {
  return milestone.status !== "done" && milestone.dueDate < today;
}

export function daysOverdue(milestone: Milestone, today: string): number {
  return isOverdue(milestone, today) ? dayjs(today).diff(dayjs(milestone.dueDate), "day") : 0;
}

/** The timetable in the order it falls due; ties keep a stable order by title. */
export function sortByDueDate(milestones: Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, "zh-CN"));
}

export function todayIso(): string {
  return dayjs().format("YYYY-MM-DD");
}
