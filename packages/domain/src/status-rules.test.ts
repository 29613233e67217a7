import { describe, expect, it } from "vitest";
import {
  assessProjectHealth,
  DEFAULT_HEALTH_MARGINS,
  HEALTH_RULES,
  HealthRuleCodeSchema,
  ProjectHealthSchema,
  type HealthInput,
} from "./status-rules.js";
import { computeTrajectory } from "./trajectory.js";

const asOf = "2019-06-15";

/** A project exactly on its plan line, with no targets behind it. */
const onPlan: HealthInput["trajectory"] = {
  years: [
    {
      year: 2018,
      plannedHouseholds: 680,
      cumulativePlanned: 680,
      cumulativePlannedPercent: 56.3,
      cumulativeActual: 680,
      cumulativeActualPercent: 56.3,
      actualInYear: 680,
      gap: 0,
    },
    {
      year: 2019,
      plannedHouseholds: 528,
      cumulativePlanned: 1208,
      cumulativePlannedPercent: 100,
      cumulativeActual: 900,
      cumulativeActualPercent: 74.5,
      actualInYear: 220,
      gap: 308,
    },
  ],
  expectedToDate: 900,
  movedBack: 900,
  gapToDate: 0,
  gapToDatePercent: 0,
  overdueHouseholds: 0,
  targetsPassed: false,
};

type Status = "planned" | "in_progress" | "done" | "blocked";
const milestone = (title: string, dueDate: string, status: Status = "in_progress") => ({
  id: `m-${title}`,
  title,
  dueDate,
  status,
});
const item = (title: string, dueDate: string, status: Status = "in_progress") => ({
  id: `i-${title}`,
  title,
  dueDate,
  status,
});

function assess(input: Partial<HealthInput>) {
  const health = assessProjectHealth({ asOf, trajectory: onPlan, milestones: [], items: [], ...input });
  expect(ProjectHealthSchema.parse(health)).toEqual(health);
  return health;
}
const codes = (input: Partial<HealthInput>) => assess(input).rules.map((r) => r.code);

describe("the rule list", () => {
  it("names every code once, each with its default level", () => {
    expect(HEALTH_RULES.map((r) => r.code).sort()).toEqual([...HealthRuleCodeSchema.options].sort());
    expect(Object.fromEntries(HEALTH_RULES.map((r) => [r.code, r.level]))).toEqual({
      overdue_milestone: "red",
      overdue_item: "red",
      target_year_passed: "red",
      subsidy_arrears: "red",
      behind_plan: "amber",
      blocked_milestone: "amber",
      blocked_item: "amber",
      due_soon: "amber",
    });
    expect(DEFAULT_HEALTH_MARGINS).toEqual({ amberGapPercent: 5, redGapPercent: 15, dueSoonDays: 14 });
  });
});

describe("assessProjectHealth: subsidy arrears", () => {
  it("turns red with the amount and the oldest month when subsidy is owed for more than 90 days", () => {
    expect(assess({ oldArrears: { amountFen: 160_000, oldestDueMonth: "2026-06" } })).toEqual({
      level: "red",
      rules: [{ code: "subsidy_arrears", level: "red", params: { amountFen: 160_000, oldestDueMonth: "2026-06" } }],
    });
  });

  it("says nothing without such arrears", () => {
    expect(codes({ oldArrears: null })).toEqual([]);
    expect(codes({ oldArrears: { amountFen: 0, oldestDueMonth: null } })).toEqual([]);
  });
});

describe("assessProjectHealth: green", () => {
  it("is green with no rules when nothing fired", () => {
    expect(
      assess({ milestones: [milestone("主体封顶", "2019-09-30")], items: [item("补办规划许可", "2019-07-30")] }),
    ).toEqual({
      level: "green",
      rules: [],
    });
  });

  it("never counts done work, however late its date", () => {
    const health = assess({
      milestones: [milestone("竣工验收", "2018-12-31", "done"), milestone("交房", "2019-06-15", "done")],
      items: [item("补缴契税", "2019-01-01", "done"), item("办理产权", "2019-06-20", "done")],
    });
    expect(health).toEqual({ level: "green", rules: [] });
  });
});

describe("assessProjectHealth: overdue work", () => {
  it("is red for a milestone due yesterday, listing it", () => {
    const health = assess({ milestones: [milestone("竣工验收", "2019-06-14")] });
    expect(health).toEqual({
      level: "red",
      rules: [
        {
          code: "overdue_milestone",
          level: "red",
          params: {
            count: 1,
            ids: ["m-竣工验收"],
            titles: ["竣工验收"],
            earliestDate: "2019-06-14",
            mostDaysOverdue: 1,
          },
        },
      ],
    });
  });

  it("lists several overdue items oldest first, with the days the oldest is late", () => {
    const health = assess({
      items: [
        item("补缴契税", "2019-05-01", "planned"),
        item("办理产权", "2019-03-01"),
        item("协调供暖", "2019-08-01"),
      ],
    });
    expect(health.level).toBe("red");
    expect(health.rules).toEqual([
      {
        code: "overdue_item",
        level: "red",
        params: {
          count: 2,
          ids: ["i-办理产权", "i-补缴契税"],
          titles: ["办理产权", "补缴契税"],
          earliestDate: "2019-03-01",
          mostDaysOverdue: 106,
        },
      },
    ]);
  });

  it("counts work due today as due soon, not overdue", () => {
    expect(codes({ milestones: [milestone("交房", asOf)], items: [item("补缴契税", asOf)] })).toEqual(["due_soon"]);
  });
});

describe("assessProjectHealth: blocked work", () => {
  it("is amber for a blocked milestone whose date has not passed", () => {
    const health = assess({ milestones: [milestone("办理施工许可", "2019-12-31", "blocked")] });
    expect(health).toEqual({
      level: "amber",
      rules: [
        {
          code: "blocked_milestone",
          level: "amber",
          params: { count: 1, ids: ["m-办理施工许可"], titles: ["办理施工许可"], earliestDate: "2019-12-31" },
        },
      ],
    });
  });

  it("is amber for a blocked item", () => {
    expect(assess({ items: [item("法院解封", "2019-12-31", "blocked")] })).toMatchObject({
      level: "amber",
      rules: [{ code: "blocked_item", params: { count: 1, titles: ["法院解封"] } }],
    });
  });

  it("is red once blocked work is also past its date, with both rules listed", () => {
    const health = assess({ milestones: [milestone("办理施工许可", "2019-01-31", "blocked")] });
    expect(health.level).toBe("red");
    expect(health.rules.map((r) => [r.code, r.level])).toEqual([
      ["overdue_milestone", "red"],
      ["blocked_milestone", "amber"],
    ]);
  });
});

describe("assessProjectHealth: behind plan", () => {
  const behind = (gapToDatePercent: number, gapToDate = 100) => ({
    ...onPlan,
    gapToDate,
    gapToDatePercent,
    movedBack: 800,
  });

  it("does not fire at exactly the amber margin", () => {
    expect(assess({ trajectory: behind(5) })).toEqual({ level: "green", rules: [] });
  });

  it("is amber just past the amber margin, with the figures to explain it", () => {
    expect(assess({ trajectory: behind(5.1, 62) })).toEqual({
      level: "amber",
      rules: [
        {
          code: "behind_plan",
          level: "amber",
          params: { gapHouseholds: 62, gapPercent: 5.1, expectedToDate: 900, movedBack: 800, marginPercent: 5 },
        },
      ],
    });
  });

  it("is still amber at exactly the red margin and red just past it", () => {
    expect(assess({ trajectory: behind(15) }).level).toBe("amber");
    const red = assess({ trajectory: behind(15.1) });
    expect(red.level).toBe("red");
    expect(red.rules).toMatchObject([{ code: "behind_plan", level: "red", params: { marginPercent: 15 } }]);
  });

  it("never fires when ahead of the plan line", () => {
    expect(assess({ trajectory: behind(-40, -480) })).toEqual({ level: "green", rules: [] });
  });

  it("takes other margins when given", () => {
    const margins = { amberGapPercent: 2, redGapPercent: 4 };
    expect(assess({ trajectory: behind(3), margins }).level).toBe("amber");
    expect(assess({ trajectory: behind(4.5), margins }).level).toBe("red");
    expect(assess({ trajectory: behind(10), margins: { redGapPercent: 30 } }).level).toBe("amber");
  });
});

describe("assessProjectHealth: target year passed", () => {
  it("is red when households due by an ended year are not moved back", () => {
    const health = assess({ trajectory: { ...onPlan, overdueHouseholds: 12 } });
    expect(health).toEqual({
      level: "red",
      rules: [
        {
          code: "target_year_passed",
          level: "red",
          params: { year: 2018, overdueHouseholds: 12, allTargetYearsPassed: false },
        },
      ],
    });
  });

  it("says when the whole plan has run out", () => {
    const health = assess({
      asOf: "2026-11-25",
      trajectory: { ...onPlan, overdueHouseholds: 208, targetsPassed: true },
    });
    expect(health.rules).toMatchObject([
      { code: "target_year_passed", params: { year: 2019, overdueHouseholds: 208, allTargetYearsPassed: true } },
    ]);
  });
});

describe("assessProjectHealth: due soon", () => {
  it("is amber for open work due within 14 days, today and day 14 included", () => {
    const health = assess({
      milestones: [milestone("交房", "2019-06-29"), milestone("入住", "2019-06-30")],
      items: [item("补缴契税", asOf, "planned")],
    });
    expect(health).toEqual({
      level: "amber",
      rules: [
        {
          code: "due_soon",
          level: "amber",
          params: {
            count: 2,
            ids: ["i-补缴契税", "m-交房"],
            titles: ["补缴契税", "交房"],
            earliestDate: "2019-06-15",
            withinDays: 14,
          },
        },
      ],
    });
  });

  it("keeps to the window it is given", () => {
    expect(codes({ milestones: [milestone("交房", "2019-06-16")], margins: { dueSoonDays: 0 } })).toEqual([]);
    expect(codes({ milestones: [milestone("交房", asOf)], margins: { dueSoonDays: 0 } })).toEqual(["due_soon"]);
    expect(codes({ milestones: [milestone("交房", "2019-07-15")], margins: { dueSoonDays: 30 } })).toEqual([
      "due_soon",
    ]);
  });
});

describe("assessProjectHealth: combinations", () => {
  it("lists every rule that fired, red before amber, and takes the worst level", () => {
    const health = assess({
      trajectory: { ...onPlan, overdueHouseholds: 30, gapToDate: 80, gapToDatePercent: 6.6 },
      milestones: [milestone("办理施工许可", "2019-12-31", "blocked"), milestone("交房", "2019-06-20")],
      items: [item("补缴契税", "2019-06-01"), item("法院解封", "2019-09-01", "blocked")],
    });
    expect(health.level).toBe("red");
    expect(health.rules.map((r) => [r.code, r.level])).toEqual([
      ["overdue_item", "red"],
      ["target_year_passed", "red"],
      ["behind_plan", "amber"],
      ["blocked_milestone", "amber"],
      ["blocked_item", "amber"],
      ["due_soon", "amber"],
    ]);
  });

  it("puts a red behind_plan among the red rules", () => {
    const health = assess({
      trajectory: { ...onPlan, gapToDate: 300, gapToDatePercent: 24.8 },
      milestones: [milestone("交房", "2019-06-20"), milestone("竣工验收", "2019-05-01")],
    });
    expect(health.rules.map((r) => [r.code, r.level])).toEqual([
      ["overdue_milestone", "red"],
      ["behind_plan", "red"],
      ["due_soon", "amber"],
    ]);
  });

  it("is amber, not red, when only amber rules fired", () => {
    const health = assess({
      trajectory: { ...onPlan, gapToDate: 80, gapToDatePercent: 6.6 },
      items: [item("法院解封", "2019-06-20", "blocked")],
    });
    expect(health.level).toBe("amber");
    expect(health.rules.map((r) => r.code)).toEqual(["behind_plan", "blocked_item", "due_soon"]);
  });

  it("reads 向阳小区 years after its plan ended, from the trajectory itself", () => {
    const trajectory = computeTrajectory({
      totalHouseholds: 1208,
      targets: [
        { year: 2018, plannedHouseholds: 680 },
        { year: 2019, plannedHouseholds: 528 },
      ],
      reports: [{ reportedOn: "2019-06-01", households: 1000 }],
      asOf: "2026-11-25",
    });
    const health = assess({ asOf: "2026-11-25", trajectory });
    expect(health).toEqual({
      level: "red",
      rules: [
        {
          code: "target_year_passed",
          level: "red",
          params: { year: 2019, overdueHouseholds: 208, allTargetYearsPassed: true },
        },
        {
          code: "behind_plan",
          level: "red",
          params: { gapHouseholds: 208, gapPercent: 17.2, expectedToDate: 1208, movedBack: 1000, marginPercent: 15 },
        },
      ],
    });
  });
});
