import type { ScorePeriod } from "@resettle/domain";

/** The first year offered: the year the plan's supervision began. */
const FIRST_YEAR = 2018;

export type Quarter = 1 | 2 | 3 | 4;
/** A period as the two selects choose it: a year, and a quarter or the whole year (null). */
export type PeriodChoice = { year: number; quarter: Quarter | null };

/** This year and quarter in China (UTC+8), whatever the computer's own time zone. */
export function currentQuarter(now: Date = new Date()): { year: number; quarter: Quarter } {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  return { year: china.getUTCFullYear(), quarter: (Math.floor(china.getUTCMonth() / 3) + 1) as Quarter };
}

export const periodOf = ({ year, quarter }: PeriodChoice): ScorePeriod =>
  quarter === null ? String(year) : `${year}-Q${quarter}`;

export function choiceOf(period: ScorePeriod): PeriodChoice {
  const year = Number(period.slice(0, 4));
  return period.length > 4 ? { year, quarter: Number(period.slice(-1)) as Quarter } : { year, quarter: null };
}

/** Whether a period has begun by this quarter (the server refuses one that has not). */
export function hasBegun({ year, quarter }: PeriodChoice, now: { year: number; quarter: Quarter }): boolean {
  return year < now.year || (year === now.year && (quarter ?? 1) <= now.quarter);
}

/** The years offered, the latest first. */
export function yearsUpTo(year: number): number[] {
  return Array.from({ length: Math.max(1, year - FIRST_YEAR + 1) }, (_, i) => year - i);
}
