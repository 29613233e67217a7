import { z } from "zod";
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from "./common.js";
import { PageQuerySchema } from "./pagination.js";
import { TEXT_MAX } from "./text-limits.js";

// 绩效考评: per district and per department for a period, what the plan asks to be fed into the
// city's supervision and performance evaluation. The rules (weights, deductions) are data, kept
// in versions: a period is scored by the version in force on its last day, so a past period
// scores as it did whatever the office changes later.

/** 考评期间: a quarter (2026-Q4) or a whole year (2026). */
export const ScorePeriodSchema = z
  .string()
  .regex(/^(\d{4})(-Q[1-4])?$/, "a quarter such as 2026-Q4, or a year such as 2026")
  .refine((p) => Number(p.slice(0, 4)) >= 2000 && Number(p.slice(0, 4)) <= 2100, "a year from 2000 to 2100");
export type ScorePeriod = z.infer<typeof ScorePeriodSchema>;

/** The first and last day of a period. */
export function periodRange(period: ScorePeriod): { from: string; to: string } {
  const year = period.slice(0, 4);
  const quarter = period.length > 4 ? Number(period.slice(-1)) : null;
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const days = new Date(Date.UTC(Number(year), last, 0)).getUTCDate();
  return {
    from: `${year}-${String(first).padStart(2, "0")}-01`,
    to: `${year}-${String(last).padStart(2, "0")}-${days}`,
  };
}

/** 考评期间 in words: 2026年第四季度, 2026年度. */
export function periodWords(period: ScorePeriod): string {
  const quarter = period.length > 4 ? Number(period.slice(-1)) : null;
  return quarter === null ? `${period.slice(0, 4)}年度` : `${period.slice(0, 4)}年第${"一二三四"[quarter - 1]}季度`;
}

export const ScoreKindSchema = z.enum(["district", "department"]);
export type ScoreKind = z.infer<typeof ScoreKindSchema>;

/** The parts a score is built of; each with a rate (0–1) or null where there was nothing to measure. */
export const SCORE_PARTS = ["onTime", "quota", "notices", "tickets", "freshness", "cooperation"] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

const weight = z.number().int().min(0).max(100);
const points = z.number().min(0).max(100).multipleOf(0.5);

/**
 * 评分细则: the weights of the parts (whole points summing to 100, shared among the parts that
 * apply) and the deductions (half points), with the days within which a record counts as kept up to date.
 */
export const ScoringRulesSchema = z
  .object({
    weights: z.strictObject({
      /** 按期完成率: milestones and items due in the period done by their day */
      onTime: weight,
      /** 任务进度: households moved back against the floor line */
      quota: weight,
      /** 督办反馈: notices answered by their day */
      notices: weight,
      /** 水电暖办结: tickets resolved within their deadline */
      tickets: weight,
      /** 更新及时: open work made or updated (audited) within `freshnessDays` */
      freshness: weight,
      /**
       * 配合事项: of the records a department cooperated on (配合单位) while they were open in the
       * period, the share it added a progress note or evidence to within the period. Rules written
       * before this part existed have none: it weighs 0 there, so their periods score as they did.
       */
      cooperation: weight.default(0),
    }),
    deductions: z.strictObject({
      /** per record overdue in the period … */
      overdueEach: points,
      /** … up to this many points */
      overdueCap: points,
      /** per 督办单 received, by colour */
      noticeBlue: points,
      noticeYellow: points,
      noticeRed: points,
      /** per project with temporary subsidy owed more than 90 days at the period's end */
      arrears90Project: points,
    }),
    freshnessDays: z.number().int().min(1).max(365),
  })
  .strict()
  .refine((r) => SCORE_PARTS.reduce((s, p) => s + r.weights[p], 0) === 100, {
    path: ["weights"],
    message: "the weights add up to 100",
  });
export type ScoringRules = z.infer<typeof ScoringRulesSchema>;

/** One version of the rules, from a day on. */
export const ScoringRuleSetSchema = z.object({
  id: IdSchema,
  version: z.number().int().min(1),
  effectiveFrom: IsoDateSchema,
  rules: ScoringRulesSchema,
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
export type ScoringRuleSet = z.infer<typeof ScoringRuleSetSchema>;

/** `POST /api/scoring-rules`: a new version (the old ones stay as they were). */
export const ScoringRuleSetCreateSchema = z.strictObject({
  effectiveFrom: IsoDateSchema,
  rules: ScoringRulesSchema,
  note: z.string().trim().min(1).max(TEXT_MAX.note),
});
export type ScoringRuleSetCreate = z.infer<typeof ScoringRuleSetCreateSchema>;

const rate = z.number().min(0).max(1).nullable();
const count = z.number().int().nonnegative();

/** The figures behind a score, each part with its rate. */
export const ScoreComponentsSchema = z.object({
  onTime: z.object({ due: count, onTime: count, rate }),
  overdue: z.object({ count, days: count }),
  quota: z.object({
    households: count,
    movedBack: count,
    /** Households the floor line asks for at the period's end. */
    expected: count,
    rate,
  }),
  freshness: z.object({ open: count, fresh: count, rate }),
  /** 配合事项 (departments only): records cooperated on while open in the period, and those it wrote on. */
  cooperation: z.object({ open: count, responded: count, rate }),
  notices: z.object({ blue: count, yellow: count, red: count, due: count, answeredOnTime: count, rate }),
  arrears: z.object({ projects90: count, amountOwed90: count }),
  tickets: z.object({ due: count, withinDeadline: count, rate }),
});
export type ScoreComponents = z.infer<typeof ScoreComponentsSchema>;

/** Points earned per part, and deducted, one decimal. */
export const ScorePointsSchema = z.object({
  onTime: z.number().nullable(),
  quota: z.number().nullable(),
  notices: z.number().nullable(),
  tickets: z.number().nullable(),
  freshness: z.number().nullable(),
  cooperation: z.number().nullable(),
  deductions: z.number(),
});
export type ScorePoints = z.infer<typeof ScorePointsSchema>;

export const ScorecardRowSchema = z.object({
  id: IdSchema,
  name: z.string(),
  score: z.number().min(0).max(100),
  /** 1 for the best; equal scores share a rank (1, 2, 2, 4). */
  rank: z.number().int().min(1),
  components: ScoreComponentsSchema,
  points: ScorePointsSchema,
});
export type ScorecardRow = z.infer<typeof ScorecardRowSchema>;

export const ScorecardQuerySchema = z.object({
  period: ScorePeriodSchema,
  kind: ScoreKindSchema,
  /** Score by another version of the rules than the one in force at the period's end. */
  rulesVersion: z.coerce.number().int().min(1).optional(),
});
export type ScorecardQuery = z.infer<typeof ScorecardQuerySchema>;

/** `GET /api/scorecards?period=2026-Q4&kind=department` */
export const ScorecardSchema = z.object({
  period: ScorePeriodSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** The day the figures are taken at: the period's end, or today while it runs. */
  asOf: IsoDateSchema,
  kind: ScoreKindSchema,
  rules: ScoringRuleSetSchema,
  rows: z.array(ScorecardRowSchema),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

/** The records behind one part of one row's score (下钻). */
export const ScoreRecordsQuerySchema = PageQuerySchema.extend({
  period: ScorePeriodSchema,
  kind: ScoreKindSchema,
  id: IdSchema,
  part: z.enum(["onTime", "overdue", "notices", "tickets", "cooperation"]),
});
export type ScoreRecordsQuery = z.infer<typeof ScoreRecordsQuerySchema>;

export const ScoreRecordSchema = z.object({
  type: z.enum(["milestone", "item", "notice", "ticket", "project"]),
  id: IdSchema,
  label: z.string(),
  projectId: IdSchema.nullable(),
  projectName: z.string().nullable(),
  /** The day it was due (a ticket: its deadline's day in China); a project (配合事项) has none. */
  dueDate: IsoDateSchema.nullable(),
  /** The day it was done, answered or resolved (配合事项: the first note or evidence in the period); null if not (as of the period's end). */
  doneOn: IsoDateSchema.nullable(),
  /** Days late (0 when on time); counted to the period's end when still open. */
  daysLate: count,
  link: z.string(),
});
export type ScoreRecord = z.infer<typeof ScoreRecordSchema>;

export const ScoreRecordPageSchema = z.object({
  items: z.array(ScoreRecordSchema),
  total: count,
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type ScoreRecordPage = z.infer<typeof ScoreRecordPageSchema>;

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A row's points and score from its figures: the weights of the parts that apply (a rate, not
 * null) are scaled up to 100 between them; then the deductions (overdue capped); never below 0.
 */
export function scoreOf(rules: ScoringRules, c: ScoreComponents): { score: number; points: ScorePoints } {
  const rates: Record<ScorePart, number | null> = {
    onTime: c.onTime.rate,
    quota: c.quota.rate,
    notices: c.notices.rate,
    tickets: c.tickets.rate,
    freshness: c.freshness.rate,
    cooperation: c.cooperation.rate,
  };
  const applied = SCORE_PARTS.filter((p) => rates[p] !== null).reduce((s, p) => s + rules.weights[p], 0);
  const scale = applied > 0 ? 100 / applied : 0;
  const part = (p: ScorePart) => (rates[p] === null ? null : round1(rules.weights[p] * rates[p]! * scale));
  const d = rules.deductions;
  const deductions = round1(
    Math.min(d.overdueCap, d.overdueEach * c.overdue.count) +
      d.noticeBlue * c.notices.blue +
      d.noticeYellow * c.notices.yellow +
      d.noticeRed * c.notices.red +
      d.arrears90Project * c.arrears.projects90,
  );
  const points = {
    onTime: part("onTime"),
    quota: part("quota"),
    notices: part("notices"),
    tickets: part("tickets"),
    freshness: part("freshness"),
    cooperation: part("cooperation"),
    deductions,
  };
  // Nothing measured at all: full marks before deductions.
  const earned = applied > 0 ? SCORE_PARTS.reduce((s, p) => s + (points[p] ?? 0), 0) : 100;
  return { score: Math.max(0, Math.min(100, round1(earned - deductions))), points };
}

/** Ranks by score, best first; equal scores share a rank and the next rank skips (1, 2, 2, 4). */
export function rankRows<T extends { score: number; name: string }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "zh-CN"));
  return sorted.map((row) => ({
    ...row,
    rank: sorted.findIndex((r) => r.score === row.score) + 1,
  }));
}

/**
 * The rules a new database starts with (version 1, in the migration, written before 配合事项:
 * it weighs 0 until the office revises the rules): the office edits them.
 */
export const DEFAULT_SCORING_RULES: ScoringRules = {
  weights: { onTime: 30, quota: 30, notices: 15, tickets: 15, freshness: 10, cooperation: 0 },
  deductions: { overdueEach: 0.5, overdueCap: 10, noticeBlue: 0.5, noticeYellow: 1, noticeRed: 3, arrears90Project: 2 },
  freshnessDays: 30,
};
