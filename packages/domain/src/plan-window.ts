import { z } from "zod";
import { IsoDateSchema } from "./common.js";

/**
 * How far past the plan (or past this year, when the plan has ended) a due date may lie.
 * Five years: long enough for any follow-up a late project still needs, short enough that
 * a typo ("2062" for "2026") is refused instead of stretching every timeline.
 */
export const DUE_DATE_MARGIN_YEARS = 5;

/** The dates a field accepts, both ends included (YYYY-MM-DD). */
export const DateWindowSchema = z.object({ minimum: IsoDateSchema, maximum: IsoDateSchema });
export type DateWindow = z.infer<typeof DateWindowSchema>;

/** The windows the server enforces, as the web shows them (the date pickers disable the rest). */
export const PlanWindowsSchema = z.object({
  today: IsoDateSchema,
  /** A moved-back report: from the plan's start to today. */
  reportedOn: DateWindowSchema,
  /** A milestone's, an item's or a review action's due date. */
  dueDate: DateWindowSchema,
});
export type PlanWindows = z.infer<typeof PlanWindowsSchema>;

/** The plan's first and last years; with no plan loaded, this year stands for both. */
function planSpan(planYears: readonly number[], today: string) {
  const thisYear = Number(today.slice(0, 4));
  if (planYears.length === 0) return { first: thisYear, last: thisYear, thisYear };
  return { first: Math.min(...planYears), last: Math.max(...planYears), thisYear };
}

/**
 * The windows of every date the ledger takes, relative to the plan (table `plans.years`) and
 * today in China:
 * - a progress report lies from 1 Jan of the first plan year to today (nothing moved back
 *   before the plan began, nothing in the future);
 * - a due date lies from 1 Jan of the first plan year to 31 Dec of
 *   max(last plan year, this year) + DUE_DATE_MARGIN_YEARS.
 */
export function planWindows(planYears: readonly number[], today: string): PlanWindows {
  const { first, last, thisYear } = planSpan(planYears, today);
  const start = `${String(first).padStart(4, "0")}-01-01`;
  return {
    today,
    reportedOn: { minimum: start < today ? start : today, maximum: today },
    dueDate: { minimum: start, maximum: `${Math.max(last, thisYear) + DUE_DATE_MARGIN_YEARS}-12-31` },
  };
}

/** Whether a YYYY-MM-DD date lies within the window (both ends included). */
export const isWithin = (date: string, { minimum, maximum }: DateWindow): boolean => date >= minimum && date <= maximum;

/**
 * A year is closed once it has ended (its year-end total has been struck and reported): a
 * report dated in it, filed later, changes a figure already given and is a 补报 (`backdated`).
 */
export const isClosedYear = (date: string, today: string): boolean => date.slice(0, 4) < today.slice(0, 4);
