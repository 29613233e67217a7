import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCORING_RULES,
  periodRange,
  periodWords,
  rankRows,
  ScoreComponentsSchema,
  ScorePeriodSchema,
  ScoringRulesSchema,
  scoreOf,
  type ScoreComponents,
} from "./scorecard.js";

const figures = (over: Partial<ScoreComponents> = {}): ScoreComponents => ({
  onTime: { due: 4, onTime: 3, rate: 0.75 },
  overdue: { count: 1, days: 12 },
  quota: { households: 100, movedBack: 50, expected: 100, rate: 0.5 },
  freshness: { open: 2, fresh: 1, rate: 0.5 },
  notices: { blue: 1, yellow: 1, red: 0, due: 2, answeredOnTime: 1, rate: 0.5 },
  arrears: { projects90: 1, amountOwed90: 80_000 },
  tickets: { due: 0, withinDeadline: 0, rate: null },
  cooperation: { open: 2, responded: 1, rate: 0.5 },
  ...over,
});

describe("periods", () => {
  it("takes a quarter or a year, nothing else", () => {
    expect(periodRange("2026-Q4")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodRange("2024-Q1")).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(periodRange("2026-Q2")).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodRange("2019")).toEqual({ from: "2019-01-01", to: "2019-12-31" });
    expect(periodWords("2026-Q4")).toBe("2026年第四季度");
    expect(periodWords("2019")).toBe("2019年度");
    for (const bad of ["2026-Q5", "2026-Q0", "26-Q1", "1999", "2101-Q1", "2026Q4", " 2026"])
      expect(ScorePeriodSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe("the rules", () => {
  it("refuse weights that do not add up to 100 and deductions that are not half points", () => {
    expect(ScoringRulesSchema.safeParse(DEFAULT_SCORING_RULES).success).toBe(true);
    const weights = { ...DEFAULT_SCORING_RULES.weights, onTime: 31 };
    expect(ScoringRulesSchema.safeParse({ ...DEFAULT_SCORING_RULES, weights }).error?.issues[0]?.path).toEqual([
      "weights",
    ]);
    const deductions = { ...DEFAULT_SCORING_RULES.deductions, noticeRed: 0.3 };
    expect(ScoringRulesSchema.safeParse({ ...DEFAULT_SCORING_RULES, deductions }).success).toBe(false);
    expect(ScoringRulesSchema.safeParse({ ...DEFAULT_SCORING_RULES, extra: 1 }).success).toBe(false);
    expect(ScoringRulesSchema.safeParse({ ...DEFAULT_SCORING_RULES, freshnessDays: 0 }).success).toBe(false);
  });
});

describe("scoreOf", () => {
  it("shares the weights of the parts that apply, then deducts", () => {
    // Tickets (15) do not apply: 85 points are scaled to 100.
    const { score, points } = scoreOf(DEFAULT_SCORING_RULES, figures());
    const scale = 100 / 85;
    expect(points.onTime).toBe(Math.round(30 * 0.75 * scale * 10) / 10); // 26.5
    expect(points.quota).toBe(Math.round(30 * 0.5 * scale * 10) / 10); // 17.6
    expect(points.notices).toBe(Math.round(15 * 0.5 * scale * 10) / 10); // 8.8
    expect(points.freshness).toBe(Math.round(10 * 0.5 * scale * 10) / 10); // 5.9
    expect(points.tickets).toBeNull();
    // 0.5 overdue + 0.5 blue + 1 yellow + 2 arrears.
    expect(points.deductions).toBe(4);
    expect(score).toBe(Math.round((26.5 + 17.6 + 8.8 + 5.9 - 4) * 10) / 10);
  });

  it("caps the overdue deduction, never goes below 0, gives full marks when nothing was measured", () => {
    const many = scoreOf(DEFAULT_SCORING_RULES, figures({ overdue: { count: 100, days: 900 } }));
    expect(many.points.deductions).toBe(10 + 0.5 + 1 + 2);
    const none = figures({
      onTime: { due: 0, onTime: 0, rate: null },
      quota: { households: 0, movedBack: 0, expected: 0, rate: null },
      freshness: { open: 0, fresh: 0, rate: null },
      notices: { blue: 0, yellow: 0, red: 0, due: 0, answeredOnTime: 0, rate: null },
      arrears: { projects90: 0, amountOwed90: 0 },
      overdue: { count: 0, days: 0 },
    });
    expect(scoreOf(DEFAULT_SCORING_RULES, none).score).toBe(100);
    const awful = figures({ notices: { blue: 0, yellow: 0, red: 40, due: 40, answeredOnTime: 0, rate: 0 } });
    expect(scoreOf(DEFAULT_SCORING_RULES, awful).score).toBe(0);
  });
});

describe("配合事项 (cooperation)", () => {
  it("weighs 0 in rules written before it (absent): such rules score exactly as they did", () => {
    const { weights, ...rest } = DEFAULT_SCORING_RULES;
    const { cooperation: _, ...before } = weights;
    const old = ScoringRulesSchema.parse({ ...rest, weights: before });
    expect(old.weights.cooperation).toBe(0);
    const scored = scoreOf(old, figures());
    // The part shows its 0 points; the others and the score are what they were without it.
    expect(scored.points.cooperation).toBe(0);
    const without = scoreOf(old, figures({ cooperation: { open: 0, responded: 0, rate: null } }));
    expect(scored.score).toBe(without.score);
    expect({ ...scored.points, cooperation: null }).toEqual(without.points);
  });

  it("counts with its weight in rules that give it one, shared like the others", () => {
    const rules = ScoringRulesSchema.parse({
      ...DEFAULT_SCORING_RULES,
      weights: { onTime: 30, quota: 25, notices: 15, tickets: 10, freshness: 10, cooperation: 10 },
    });
    // Tickets (10) do not apply: 90 points scaled to 100; cooperation 10 × ½ × 100/90 = 5.6.
    expect(scoreOf(rules, figures()).points.cooperation).toBe(5.6);
    expect(ScoringRulesSchema.safeParse({ ...rules, weights: { ...rules.weights, cooperation: 11 } }).success).toBe(
      false,
    );
  });
});

describe("rankRows", () => {
  it("ranks best first; equal scores share a rank and the next skips", () => {
    const ranked = rankRows([
      { name: "乙", score: 80 },
      { name: "甲", score: 90 },
      { name: "丙", score: 80 },
      { name: "丁", score: 70 },
    ]);
    expect(ranked.map((r) => [r.score, r.rank])).toEqual([
      [90, 1],
      [80, 2],
      [80, 2],
      [70, 4],
    ]);
  });
});

describe("the figures a score is read from", () => {
  it("takes rates from 0 to 1, or none, and nothing outside", () => {
    const withRate = (rate: number | null) =>
      ScoreComponentsSchema.safeParse(figures({ onTime: { due: 4, onTime: 3, rate } }));
    for (const rate of [0, 0.75, 1, null]) expect(withRate(rate).success, String(rate)).toBe(true);
    for (const rate of [-0.1, 1.01]) expect(withRate(rate).success, String(rate)).toBe(false);
  });
});
