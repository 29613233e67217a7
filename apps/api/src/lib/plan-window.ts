import { isWithin, planWindows, type DateWindow, type FieldIssue, type PlanWindows } from "@resettle/domain";
import { AppError } from "./app-error.js";
import { todayInChina, type Clock } from "./clock.js";
import type { Db } from "./context.js";

/** The windows of the plan in force (the last loaded, as the dashboard reads it) as of today in China. */
export async function readPlanWindows(db: Db, clock: Clock): Promise<PlanWindows> {
  const plan = await db.plan.findFirst({ orderBy: { loadedAt: "desc" }, select: { years: true } });
  return planWindows(plan?.years ?? [], todayInChina(clock));
}

/** The refusal of a date outside its window: `out_of_bounds` with the window's ends as params; null when within. */
export function outsideWindow(path: string, date: string, window: DateWindow): FieldIssue | null {
  if (isWithin(date, window)) return null;
  return {
    path,
    reason: "out_of_bounds",
    message: `${date} lies outside ${window.minimum} … ${window.maximum}`,
    params: { minimum: window.minimum, maximum: window.maximum },
  };
}

/**
 * 400 unless every due date of a change lies within the plan's span plus its margin
 * (`planWindows`): milestones, items and review actions call this one check. Every date
 * outside is refused, field by field.
 */
export async function requireDueDatesWithinPlan(
  db: Db,
  clock: Clock,
  dates: { path: string; date: string | undefined }[],
): Promise<void> {
  const given = dates.filter((d): d is { path: string; date: string } => d.date !== undefined);
  if (given.length === 0) return;
  const { dueDate } = await readPlanWindows(db, clock);
  const [first, ...rest] = given.flatMap(({ path, date }) => outsideWindow(path, date, dueDate) ?? []);
  if (first) throw AppError.invalidFields([first, ...rest]);
}
