import { z } from "zod";
import { DATE_RANGE, HouseholdCountSchema, IsoDateSchema, PlanYearSchema } from "./common.js";
import { PlanYearRowSchema } from "./plan-year-row.js";
import { roundPercent } from "./plan.js";
import { ProjectYearTargetSchema } from "./project.js";

/** Recent pace is measured over this many months before `asOf`. */
export const RECENT_PACE_MONTHS = 6;
/**
 * How far (percent of all households) moved-back may stray from the plan line before a
 * trajectory reads as behind or ahead. The same figure is status-rules' default amber margin.
 */
export const ON_TRACK_BAND_PERCENT = 5;
/** A forecast further away than this is "never" to anyone reading it (and stays a valid date). */
const MAX_FORECAST_YEARS = 100;

/** One project, a district or the city: callers may concatenate several projects' targets. */
export const TrajectoryInputSchema = z.object({
  totalHouseholds: HouseholdCountSchema,
  targets: z.array(ProjectYearTargetSchema),
  /** Moved-back ledger entries; negative households are corrections. */
  reports: z.array(z.object({ reportedOn: IsoDateSchema, households: z.number().int() })),
  /** Today in China. Reports dated after it are ignored. */
  asOf: IsoDateSchema,
});
export type TrajectoryInput = z.infer<typeof TrajectoryInputSchema>;

export const TrajectoryYearSchema = PlanYearRowSchema.extend({
  /** Net households reported within that calendar year; null for a year not yet begun. */
  actualInYear: z.number().int().nullable(),
  /**
   * cumulativePlanned − cumulativeActual: positive means behind that year's end target,
   * negative ahead. For the current year it compares the year-end target with today's figure.
   */
  gap: z.number().int().nullable(),
});
export type TrajectoryYear = z.infer<typeof TrajectoryYearSchema>;

/** ahead / on_track / behind / finished / not_started; the rule is in `trajectoryStatus`. */
export const TrajectoryStatusSchema = z.enum(["not_started", "behind", "on_track", "ahead", "finished"]);
export type TrajectoryStatus = z.infer<typeof TrajectoryStatusSchema>;

export const NextTargetSchema = z.object({
  year: PlanYearSchema,
  dueDate: IsoDateSchema,
  householdsNeeded: z.number().int().positive(),
  /** Calendar months from the start of `asOf` to the end of the due date, one decimal. */
  monthsLeft: z.number().nonnegative(),
  /** Households per month still needed, one decimal, rounded up; less than a month left counts as one. */
  requiredMonthlyRate: z.number().nonnegative(),
});
export type NextTarget = z.infer<typeof NextTargetSchema>;

export const TrajectorySchema = z.object({
  asOf: IsoDateSchema,
  totalHouseholds: HouseholdCountSchema,
  years: z.array(TrajectoryYearSchema),
  /** Sum of all reports up to asOf, clamped to 0…totalHouseholds. */
  movedBack: HouseholdCountSchema,
  movedBackPercent: z.number().min(0).max(100),
  remaining: HouseholdCountSchema,
  /** Where the plan line stands at asOf: year-end targets joined linearly through each plan year. */
  expectedToDate: HouseholdCountSchema,
  /** expectedToDate − movedBack; negative when ahead of the line. */
  gapToDate: z.number().int(),
  /** gapToDate as percent of totalHouseholds, one decimal, signed. */
  gapToDatePercent: z.number().min(-100).max(100),
  /** The first target not yet met whose year has not ended; null when none is left to aim at. */
  nextTarget: NextTargetSchema.nullable(),
  /** True when the last plan year has ended (31 Dec of it is before asOf). */
  targetsPassed: z.boolean(),
  /** Households due by the end of plan years already ended and still not moved back. */
  overdueHouseholds: HouseholdCountSchema,
  /** Net households per month over the RECENT_PACE_MONTHS before asOf, one decimal; may be negative. */
  recentPace: z.number(),
  /** When remaining reaches 0 at recentPace; asOf when already finished; null when never at this pace. */
  forecastCompletion: IsoDateSchema.nullable(),
  status: TrajectoryStatusSchema,
});
export type Trajectory = z.infer<typeof TrajectorySchema>;

const DAY_MS = 86_400_000;
type Ymd = { y: number; m: number; d: number };

const parse = (date: string): Ymd => ({
  y: Number(date.slice(0, 4)),
  m: Number(date.slice(5, 7)),
  d: Number(date.slice(8, 10)),
});
const dayNumber = ({ y, m, d }: Ymd) => Date.UTC(y, m - 1, d) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const daysInYear = (y: number) => dayNumber({ y: y + 1, m: 1, d: 1 }) - dayNumber({ y, m: 1, d: 1 });

/** The same day n months later (or earlier), clamped to the month's last day: 31 Aug − 6 → 28 Feb. */
function addMonths(date: Ymd, n: number): Ymd {
  const index = date.y * 12 + (date.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/** Calendar months from the start of `from` to the start of `to`, fractions by each month's length. */
function monthsBetween(from: Ymd, to: Ymd): number {
  return (
    (to.y - from.y) * 12 +
    (to.m - from.m) +
    (to.d - 1) / daysInMonth(to.y, to.m) -
    (from.d - 1) / daysInMonth(from.y, from.m)
  );
}

const roundTenth = (x: number) => Math.round(x * 10) / 10;
/** Rounds up to one decimal, ignoring floating-point dust (44.0000001 stays 44). */
const ceilTenth = (x: number) => Math.ceil(x * 10 - 1e-9) / 10;

/**
 * Percent of the whole, one decimal, kept within 0…100. Unlike plain rounding it never shows
 * 100 % while a household is left (4,721 of 4,722 is 99.9, not 100).
 */
function shareOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  const clamped = Math.min(Math.max(part, 0), whole);
  const percent = roundPercent((clamped / whole) * 100);
  return percent === 100 && clamped < whole ? 99.9 : percent;
}

const sum = (reports: { households: number }[]) => reports.reduce((s, r) => s + r.households, 0);

/**
 * Status words for leaders, from the plan line (expectedToDate) and a band of
 * ON_TRACK_BAND_PERCENT of all households either side of it, checked in this order:
 * - finished: nobody is left to move back (also when there were no households at all);
 * - behind: more than the band below the line (gap shown as percent > 5.0);
 * - not_started: nothing moved back yet, and not yet behind for it;
 * - ahead: more than the band above the line;
 * - on_track: otherwise (exactly 5.0 % either way is still on track).
 */
export function trajectoryStatus(
  t: Pick<Trajectory, "remaining" | "movedBack" | "gapToDatePercent">,
): TrajectoryStatus {
  if (t.remaining === 0) return "finished";
  if (t.gapToDatePercent > ON_TRACK_BAND_PERCENT) return "behind";
  if (t.movedBack === 0) return "not_started";
  if (t.gapToDatePercent < -ON_TRACK_BAND_PERCENT) return "ahead";
  return "on_track";
}

/**
 * The day RECENT_PACE_MONTHS before `asOf`: the recent pace counts the entries dated after it.
 * Entries dated on or before it count only by their calendar year, so a reader may give them
 * as per-year sums (`project_year_progress`) and the trajectory comes out the same.
 */
export const recentPaceStart = (asOf: string): string =>
  fromDayNumber(dayNumber(addMonths(parse(asOf), -RECENT_PACE_MONTHS)));

/**
 * Planned against actual households, year by year and as of today, with what it takes to
 * meet the next target and when the work ends at the recent pace. Targets for the same year
 * are added up, so a district is its projects' targets and reports put together; only years
 * that have a target get a row.
 */
export function computeTrajectory(input: TrajectoryInput): Trajectory {
  const { asOf, totalHouseholds: total } = input;
  const today = parse(asOf);
  const reports = input.reports.filter((r) => r.reportedOn <= asOf);

  const planned = new Map<number, number>();
  for (const t of input.targets) planned.set(t.year, (planned.get(t.year) ?? 0) + t.plannedHouseholds);

  let cumulativePlanned = 0;
  const years: TrajectoryYear[] = [...planned.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const plannedHouseholds = planned.get(year) ?? 0;
      cumulativePlanned += plannedHouseholds;
      const begun = `${year}-01-01` <= asOf;
      const inYear = begun ? sum(reports.filter((r) => r.reportedOn.startsWith(`${year}-`))) : null;
      const actual = begun
        ? Math.min(Math.max(sum(reports.filter((r) => r.reportedOn <= `${year}-12-31`)), 0), total)
        : null;
      return {
        year,
        plannedHouseholds,
        cumulativePlanned,
        cumulativePlannedPercent: shareOf(cumulativePlanned, total),
        actualInYear: inYear,
        cumulativeActual: actual,
        cumulativeActualPercent: actual === null ? null : shareOf(actual, total),
        gap: actual === null ? null : cumulativePlanned - actual,
      };
    });

  const movedBack = Math.min(Math.max(sum(reports), 0), total);
  const remaining = total - movedBack;

  // The plan line: full targets of ended years, plus the share of this year's target that the
  // days elapsed (asOf included) represent. A due date of 31 Dec counts fully on that day.
  let expected = 0;
  for (const row of years) {
    if (asOf >= `${row.year}-12-31`) expected = row.cumulativePlanned;
    else if (asOf >= `${row.year}-01-01`) {
      const elapsed = dayNumber(today) - dayNumber({ y: row.year, m: 1, d: 1 }) + 1;
      expected =
        row.cumulativePlanned - row.plannedHouseholds + (row.plannedHouseholds * elapsed) / daysInYear(row.year);
    }
  }
  const expectedToDate = Math.min(Math.round(expected), total);
  const gapToDate = expectedToDate - movedBack;
  const gapToDatePercent = total === 0 ? 0 : roundPercent((gapToDate / total) * 100);

  const ended = years.filter((row) => `${row.year}-12-31` < asOf);
  const lastEnded = ended[ended.length - 1];
  const overdueHouseholds = lastEnded ? Math.max(Math.min(lastEnded.cumulativePlanned, total) - movedBack, 0) : 0;
  const targetsPassed = years.length > 0 && ended.length === years.length;

  const next = years.find((row) => `${row.year}-12-31` >= asOf && Math.min(row.cumulativePlanned, total) > movedBack);
  let nextTarget: NextTarget | null = null;
  if (next) {
    const householdsNeeded = Math.min(next.cumulativePlanned, total) - movedBack;
    const monthsLeft = monthsBetween(today, { y: next.year + 1, m: 1, d: 1 });
    nextTarget = {
      year: next.year,
      dueDate: `${next.year}-12-31`,
      householdsNeeded,
      monthsLeft: roundTenth(monthsLeft),
      requiredMonthlyRate: ceilTenth(householdsNeeded / Math.max(monthsLeft, 1)),
    };
  }

  const windowStartDate = recentPaceStart(asOf);
  const recentHouseholds = sum(reports.filter((r) => r.reportedOn > windowStartDate));
  const recentPace = roundTenth(recentHouseholds / RECENT_PACE_MONTHS);

  const partial = { remaining, movedBack, gapToDatePercent };
  return {
    asOf,
    totalHouseholds: total,
    years,
    movedBack,
    movedBackPercent: shareOf(movedBack, total),
    remaining,
    expectedToDate,
    gapToDate,
    gapToDatePercent,
    nextTarget,
    targetsPassed,
    overdueHouseholds,
    recentPace,
    forecastCompletion: forecastCompletion(today, remaining, recentHouseholds),
    status: trajectoryStatus(partial),
  };
}

/** The day on which `remaining` reaches 0 if the last RECENT_PACE_MONTHS' net households keep coming. */
function forecastCompletion(today: Ymd, remaining: number, recentHouseholds: number): string | null {
  if (remaining === 0) return fromDayNumber(dayNumber(today));
  if (recentHouseholds <= 0) return null;
  const months = (remaining * RECENT_PACE_MONTHS) / recentHouseholds;
  if (months > MAX_FORECAST_YEARS * 12) return null;
  const whole = Math.floor(months);
  const from = dayNumber(addMonths(today, whole));
  const monthLength = dayNumber(addMonths(today, whole + 1)) - from;
  const day = fromDayNumber(from + Math.ceil((months - whole) * monthLength - 1e-9));
  // Past the last date any record can hold (IsoDateSchema) is "never" too, not an answer that fails its own schema.
  return day > DATE_RANGE.max ? null : day;
}
