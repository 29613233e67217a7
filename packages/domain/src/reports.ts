import { z } from "zod";
import { addDays } from "./calendar.js";
import { HouseholdCountSchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, PlanYearSchema } from "./common.js";
import { PercentSchema } from "./plan-year-row.js";
import { NamedRefSchema, ProjectStatusSchema } from "./project.js";
import { HealthLevelSchema, HealthRuleSchema } from "./status-rules.js";
import { NoticeLevelSchema, NoticeStatusSchema } from "./supervision-notice.js";
import { TrajectorySchema } from "./trajectory.js";
import { UtilityKindSchema, TicketStatusSchema } from "./utility-ticket.js";
import { WorkStatusSchema } from "./milestone.js";

/** The days "since the last briefing" covers: the briefing's date and the six days before it. */
export const BRIEFING_WINDOW_DAYS = 7;

/** `?date=YYYY-MM-DD`: the day a briefing is written for (the plan's first day to today, checked by the service). */
export const BriefingQuerySchema = z.object({ date: IsoDateSchema });
export type BriefingQuery = z.infer<typeof BriefingQuerySchema>;

const count = z.number().int().nonnegative();

/**
 * 工作简报（第N期）: the issue is the ISO week of the briefing's date (Monday starts a week; the
 * week holding 4 January is week 1), so a weekly briefing gets the same number however often it
 * is generated, and the year is that week's year (29 December 2025 is 2026's week 1).
 */
export function briefingIssue(date: string): { year: number; number: number } {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  // The Thursday of the date's week decides its year and number.
  const thursday = new Date(day.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstOfYear = Date.UTC(year, 0, 1);
  return { year, number: Math.floor((thursday.getTime() - firstOfYear) / 86_400_000 / 7) + 1 };
}

/** The first day of a briefing's window (its date and the six days before). */
export const briefingWindowStart = (date: string): string => addDays(date, -(BRIEFING_WINDOW_DAYS - 1));

const BriefingDistrictSchema = z.object({
  id: IdSchema,
  name: z.string(),
  projects: count,
  households: HouseholdCountSchema,
  movedBack: HouseholdCountSchema,
  movedBackPercent: PercentSchema,
  /** The district's floor (底线) for the date's year, or the last floor once the plan has ended. */
  floor: z.object({ year: PlanYearSchema, percent: PercentSchema }).nullable(),
  /** movedBackPercent − the floor, in percentage points (negative: below the floor). */
  floorGapPoints: z.number().nullable(),
  /** Net households reported moved back in the window (corrections subtract). */
  movedBackInWindow: z.number().int(),
});

const BriefingProjectSchema = z.object({
  id: IdSchema,
  name: z.string(),
  district: NamedRefSchema,
  status: ProjectStatusSchema,
  totalHouseholds: HouseholdCountSchema,
  movedBack: HouseholdCountSchema,
  level: HealthLevelSchema,
  /** The rules that fired, red first (the project page's reasons). */
  rules: z.array(HealthRuleSchema),
});

const OverdueDepartmentSchema = z.object({
  /** Null: work with no responsible department yet. */
  department: NamedRefSchema.nullable(),
  milestones: count,
  items: count,
  /** The earliest due date among them, and how many days past it the date is. */
  oldestDueDate: IsoDateSchema,
  mostDaysOverdue: z.number().int().positive(),
});

const BriefingNoticeSchema = z.object({
  id: IdSchema,
  number: z.string(),
  level: NoticeLevelSchema,
  status: NoticeStatusSchema,
  department: NamedRefSchema,
  targetLabel: z.string(),
  issuedAt: IsoDateTimeSchema,
  replyBy: IsoDateSchema,
});

/** 工作简报: where the plan stands on a date and what changed in the week before it. */
export const BriefingSchema = z.object({
  date: IsoDateSchema,
  issue: z.object({ year: z.number().int(), number: z.number().int().min(1).max(53) }),
  /** The window "since the last briefing": from (the date − 6 days) to the date, both included. */
  window: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
  /** Today when it was generated; figures are the records as they stand then, judged on `date`. */
  generatedOn: IsoDateSchema,
  plan: z.object({ title: z.string(), years: z.array(PlanYearSchema) }).nullable(),
  demoData: z.boolean(),
  /** The dashboard's own figures for the date (getDashboard). */
  totals: z.object({
    projects: count,
    households: HouseholdCountSchema,
    movedBack: HouseholdCountSchema,
    movedBackPercent: PercentSchema,
  }),
  districts: z.array(BriefingDistrictSchema),
  health: z.object({ green: count, amber: count, red: count }),
  /** Every project, red first, then amber, then green; within a colour in the plan's order. */
  projects: z.array(BriefingProjectSchema),
  changes: z.object({
    /** Net households reported moved back in the window, and the ledger entries behind them. */
    movedBack: z.object({ households: z.number().int(), entries: count }),
    milestonesCompleted: count,
    itemsCompleted: count,
    noticesIssued: count,
    ticketsOpened: count,
    ticketsResolved: count,
  }),
  /** Open milestones and items past due on the date, per responsible department, most first. */
  overdueByDepartment: z.array(OverdueDepartmentSchema),
  overdue: z.object({ milestones: count, items: count }),
  notices: z.object({
    /** Issued in the window, in the order issued. */
    issued: z.array(BriefingNoticeSchema),
    /** Not closed (销号), by colour. */
    open: z.object({ blue: count, yellow: count, red: count }),
  }),
});
export type Briefing = z.infer<typeof BriefingSchema>;

/** `?groupId=`: the working group whose projects the pack covers. */
export const StocktakeQuerySchema = z.object({ groupId: IdSchema });
export type StocktakeQuery = z.infer<typeof StocktakeQuerySchema>;

const WorkKindSchema = z.enum(["milestone", "item"]);

const StocktakeWorkSchema = z.object({
  kind: WorkKindSchema,
  id: IdSchema,
  title: z.string(),
  dueDate: IsoDateSchema,
  status: WorkStatusSchema,
  department: NamedRefSchema.nullable(),
  /** Past due and not done on the pack's date. */
  overdue: z.boolean(),
});

const StocktakeProjectSchema = z.object({
  id: IdSchema,
  name: z.string(),
  district: NamedRefSchema,
  status: ProjectStatusSchema,
  responsibleDepartment: NamedRefSchema.nullable(),
  responsiblePerson: NamedRefSchema.nullable(),
  problemStatement: z.string().nullable(),
  trajectory: TrajectorySchema,
  level: HealthLevelSchema,
  rules: z.array(HealthRuleSchema),
  /** The group's last review of the project (not withdrawn), and its decisions. */
  lastReview: z.object({ id: IdSchema, heldOn: IsoDateSchema, decisions: z.string() }).nullable(),
  /** Blocked milestones and items, with the reason given. */
  blockers: z.array(StocktakeWorkSchema.extend({ reason: z.string().nullable() })),
  /** Follow-up actions decided in reviews (items from a review) not done yet. */
  followUps: z.array(StocktakeWorkSchema.extend({ reviewHeldOn: IsoDateSchema })),
  tickets: z.object({
    open: count,
    overdue: count,
    /** The open tickets, the oldest first. */
    items: z.array(
      z.object({
        id: IdSchema,
        kind: UtilityKindSchema,
        status: TicketStatusSchema,
        description: z.string(),
        reportedAt: IsoDateTimeSchema,
        deadlineAt: IsoDateTimeSchema,
        overdue: z.boolean(),
        department: NamedRefSchema.nullable(),
      }),
    ),
  }),
  /** 临时安置补助费欠发 (fen); null when the project has no subsidy standard. */
  arrears: z
    .object({
      households: count,
      amountOwed: count,
      over90: count,
      oldestDueMonth: z.string().nullable(),
    })
    .nullable(),
  /** What waits on the office: completions to verify (待复核), replies to review, extensions to decide. */
  decisionsOwed: z.object({
    verifications: z.array(StocktakeWorkSchema.extend({ completedOn: IsoDateSchema.nullable() })),
    noticeReviews: z.array(
      z.object({ id: IdSchema, number: z.string(), level: NoticeLevelSchema, department: NamedRefSchema }),
    ),
    extensions: z.array(
      z.object({ id: IdSchema, number: z.string(), until: IsoDateSchema, department: NamedRefSchema }),
    ),
  }),
});
export type StocktakeProject = z.infer<typeof StocktakeProjectSchema>;

/** 逐项目研判材料: one working group's projects, each on a page of its own. */
export const StocktakeSchema = z.object({
  asOf: IsoDateSchema,
  group: z.object({ id: IdSchema, name: z.string(), leadDepartment: NamedRefSchema }),
  projects: z.array(StocktakeProjectSchema),
});
export type Stocktake = z.infer<typeof StocktakeSchema>;
