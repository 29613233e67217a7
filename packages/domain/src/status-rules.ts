import { z } from "zod";
import { HouseholdCountSchema, IsoDateSchema, PlanYearSchema } from "./common.js";
import { ON_TRACK_BAND_PERCENT, type Trajectory } from "./trajectory.js";
import { daysBetween } from "./calendar.js";
import { DUE_SOON_DAYS, isDueSoon, isOverdue, type WorkRef } from "./work.js";

export const HealthLevelSchema = z.enum(["green", "amber", "red"]);
export type HealthLevel = z.infer<typeof HealthLevelSchema>;

export const HealthRuleCodeSchema = z.enum([
  "overdue_milestone",
  "overdue_item",
  "target_year_passed",
  "subsidy_arrears",
  "behind_plan",
  "blocked_milestone",
  "blocked_item",
  "due_soon",
]);
export type HealthRuleCode = z.infer<typeof HealthRuleCodeSchema>;

/**
 * Every rule, in the order a fired list shows them within one level, with its default level.
 * Red means a commitment written down with a date has been broken; amber means a risk.
 * - overdue_milestone (red): a timetable step (推进时间表) not done and due before asOf.
 * - overdue_item (red): a ledger item (整改事项) not done and due before asOf.
 * - target_year_passed (red): households due by the end of a plan year already ended are
 *   still not moved back (trajectory.overdueHouseholds > 0).
 * - subsidy_arrears (red): temporary resettlement subsidy (临时安置补助费) owed for more than
 *   90 days (the plan: paid on time and in full).
 * - behind_plan (amber, red past the red margin): the gap to the plan line, as percent of all
 *   households (trajectory.gapToDatePercent), is above amberGapPercent / redGapPercent.
 *   Exactly at a margin does not fire.
 * - blocked_milestone, blocked_item (amber): stuck work; once its date passes, the overdue rule
 *   fires as well.
 * - due_soon (amber): milestones and items not done, due from asOf (today counts) to
 *   asOf + dueSoonDays inclusive.
 * Done work never fires a rule.
 */
export const HEALTH_RULES: readonly { code: HealthRuleCode; level: HealthLevel }[] = [
  { code: "overdue_milestone", level: "red" },
  { code: "overdue_item", level: "red" },
  { code: "target_year_passed", level: "red" },
  { code: "subsidy_arrears", level: "red" },
  { code: "behind_plan", level: "amber" },
  { code: "blocked_milestone", level: "amber" },
  { code: "blocked_item", level: "amber" },
  { code: "due_soon", level: "amber" },
];

export const HealthMarginsSchema = z.object({
  amberGapPercent: z.number().min(0).max(100).default(ON_TRACK_BAND_PERCENT),
  redGapPercent: z.number().min(0).max(100).default(15),
  dueSoonDays: z.number().int().min(0).max(366).default(DUE_SOON_DAYS),
});
export type HealthMargins = z.infer<typeof HealthMarginsSchema>;
export const DEFAULT_HEALTH_MARGINS: HealthMargins = HealthMarginsSchema.parse({});

/** The work a rule names, earliest date first, so the UI can say which and how many. */
const WorkListParamsSchema = z.object({
  count: z.number().int().positive(),
  ids: z.array(z.string()),
  titles: z.array(z.string()),
  /** The earliest due date among them. */
  earliestDate: IsoDateSchema,
});
const OverdueParamsSchema = WorkListParamsSchema.extend({
  /** Days the earliest of them is past its date. */
  mostDaysOverdue: z.number().int().positive(),
});

const rule = <C extends HealthRuleCode, P extends z.ZodType>(code: C, params: P) =>
  z.object({ code: z.literal(code), level: HealthLevelSchema, params });

export const HealthRuleSchema = z.discriminatedUnion("code", [
  rule("overdue_milestone", OverdueParamsSchema),
  rule("overdue_item", OverdueParamsSchema),
  rule(
    "target_year_passed",
    z.object({
      /** The latest plan year already ended. */
      year: PlanYearSchema,
      overdueHouseholds: HouseholdCountSchema.positive(),
      /** True when no plan year is left: the households are late for the whole plan. */
      allTargetYearsPassed: z.boolean(),
    }),
  ),
  rule(
    "subsidy_arrears",
    z.object({
      /** Owed for more than 90 days, in fen. */
      amountFen: z.number().int().positive(),
      /** The oldest month still unpaid (YYYY-MM). */
      oldestDueMonth: z.string().regex(/^\d{4}-\d{2}$/),
    }),
  ),
  rule(
    "behind_plan",
    z.object({
      gapHouseholds: z.number().int().positive(),
      gapPercent: z.number(),
      expectedToDate: HouseholdCountSchema,
      movedBack: HouseholdCountSchema,
      /** The margin that was exceeded: amberGapPercent or redGapPercent. */
      marginPercent: z.number(),
    }),
  ),
  rule("blocked_milestone", WorkListParamsSchema),
  rule("blocked_item", WorkListParamsSchema),
  rule("due_soon", WorkListParamsSchema.extend({ withinDays: z.number().int().nonnegative() })),
]);
export type HealthRule = z.infer<typeof HealthRuleSchema>;

/** A project's colour with the rules that gave it; green exactly when no rule fired. */
export const ProjectHealthSchema = z.object({
  level: HealthLevelSchema,
  /** Every rule that fired, red before amber, then in HEALTH_RULES order. */
  rules: z.array(HealthRuleSchema),
});
export type ProjectHealth = z.infer<typeof ProjectHealthSchema>;

export type HealthInput = {
  asOf: string;
  trajectory: Pick<
    Trajectory,
    "overdueHouseholds" | "targetsPassed" | "years" | "gapToDate" | "gapToDatePercent" | "expectedToDate" | "movedBack"
  >;
  milestones: WorkRef[];
  items: WorkRef[];
  margins?: Partial<HealthMargins>;
  /** Subsidy owed for more than 90 days (none when the project has no standard or no such arrears). */
  oldArrears?: { amountFen: number; oldestDueMonth: string | null } | null;
};

function listParams(work: WorkRef[]) {
  const sorted = [...work].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
  return {
    count: sorted.length,
    ids: sorted.map((w) => w.id),
    titles: sorted.map((w) => w.title),
    earliestDate: sorted[0]!.dueDate,
  };
}

/** How bad each level is: for ordering projects and rules, worst last. */
export const HEALTH_SEVERITY: Record<HealthLevel, number> = { green: 0, amber: 1, red: 2 };
const severity = HEALTH_SEVERITY;
const order = new Map(HEALTH_RULES.map((r, i) => [r.code, i]));
const defaultLevel = (code: HealthRuleCode) => HEALTH_RULES.find((r) => r.code === code)!.level;

/** Green, amber or red for a project, always with the written rules that made it so. */
export function assessProjectHealth(input: HealthInput): ProjectHealth {
  const { asOf, trajectory: t } = input;
  const margins = { ...DEFAULT_HEALTH_MARGINS, ...input.margins };
  const { milestones, items } = input;
  const rules: HealthRule[] = [];

  const overdueParams = (work: WorkRef[]) => {
    const params = listParams(work);
    return { ...params, mostDaysOverdue: daysBetween(params.earliestDate, asOf) };
  };
  // Both kinds of work answer to the same two rules; the order rules are listed in is set below.
  for (const [kind, work] of [
    ["milestone", milestones],
    ["item", items],
  ] as const) {
    const late = work.filter((w) => isOverdue(w, asOf));
    if (late.length > 0)
      rules.push({ code: `overdue_${kind}`, level: defaultLevel(`overdue_${kind}`), params: overdueParams(late) });
    const stuck = work.filter((w) => w.status === "blocked");
    if (stuck.length > 0)
      rules.push({ code: `blocked_${kind}`, level: defaultLevel(`blocked_${kind}`), params: listParams(stuck) });
  }

  const ended = t.years.filter((y) => `${y.year}-12-31` < asOf);
  const lastEnded = ended[ended.length - 1];
  if (t.overdueHouseholds > 0 && lastEnded)
    rules.push({
      code: "target_year_passed",
      level: defaultLevel("target_year_passed"),
      params: { year: lastEnded.year, overdueHouseholds: t.overdueHouseholds, allTargetYearsPassed: t.targetsPassed },
    });

  if (input.oldArrears && input.oldArrears.amountFen > 0 && input.oldArrears.oldestDueMonth)
    rules.push({
      code: "subsidy_arrears",
      level: defaultLevel("subsidy_arrears"),
      params: { amountFen: input.oldArrears.amountFen, oldestDueMonth: input.oldArrears.oldestDueMonth },
    });

  const gapLevel: HealthLevel | null =
    t.gapToDatePercent > margins.redGapPercent ? "red" : t.gapToDatePercent > margins.amberGapPercent ? "amber" : null;
  if (gapLevel && t.gapToDate > 0)
    rules.push({
      code: "behind_plan",
      level: gapLevel,
      params: {
        gapHouseholds: t.gapToDate,
        gapPercent: t.gapToDatePercent,
        expectedToDate: t.expectedToDate,
        movedBack: t.movedBack,
        marginPercent: gapLevel === "red" ? margins.redGapPercent : margins.amberGapPercent,
      },
    });

  const dueSoon = [...milestones, ...items].filter((w) => isDueSoon(w, asOf, margins.dueSoonDays));
  if (dueSoon.length > 0)
    rules.push({
      code: "due_soon",
      level: defaultLevel("due_soon"),
      params: { ...listParams(dueSoon), withinDays: margins.dueSoonDays },
    });

  rules.sort((a, b) => severity[b.level] - severity[a.level] || order.get(a.code)! - order.get(b.code)!);
  const level = rules.reduce<HealthLevel>(
    (worst, r) => (severity[r.level] > severity[worst] ? r.level : worst),
    "green",
  );
  return { level, rules };
}
