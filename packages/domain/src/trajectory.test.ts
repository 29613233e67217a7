import { describe, expect, it } from "vitest";
import { computeTrajectory, TrajectorySchema, trajectoryStatus, type TrajectoryInput } from "./trajectory.js";

// 向阳小区: 1,208 households, 680 due in 2018 and 528 in 2019.
const xiangyang = {
  totalHouseholds: 1208,
  targets: [
    { year: 2018, plannedHouseholds: 680 },
    { year: 2019, plannedHouseholds: 528 },
  ],
};

// The city's eight projects' quotas, concatenated as a caller would pass them.
const cityTargets = [
  [2018, 680],
  [2019, 528],
  [2018, 885],
  [2019, 615],
  [2019, 1112],
  [2020, 411],
  [2020, 375],
  [2018, 48],
  [2019, 25],
  [2020, 43],
].map(([year, plannedHouseholds]) => ({ year: year!, plannedHouseholds: plannedHouseholds! }));
const city = { totalHouseholds: 4722, targets: cityTargets };

const report = (reportedOn: string, households: number) => ({ reportedOn, households });

/** Every trajectory the tests build must also be a valid API response. */
function trajectory(input: TrajectoryInput) {
  const result = computeTrajectory(input);
  expect(TrajectorySchema.parse(result)).toEqual(result);
  return result;
}

describe("computeTrajectory: the plan years", () => {
  it("adds up the city's projects per year, in year order: 34.2 % / 82.4 % / 100 %", () => {
    const t = trajectory({ ...city, reports: [], asOf: "2026-11-25" });
    expect(t.years.map((y) => [y.year, y.plannedHouseholds, y.cumulativePlanned, y.cumulativePlannedPercent])).toEqual([
      [2018, 1613, 1613, 34.2],
      [2019, 2280, 3893, 82.4],
      [2020, 829, 4722, 100],
    ]);
  });

  it("counts each report in its own year and in every cumulative figure from then on", () => {
    const t = trajectory({
      ...xiangyang,
      reports: [report("2018-03-01", 300), report("2018-12-31", 400), report("2019-01-01", 200)],
      asOf: "2019-06-30",
    });
    expect(t.years).toEqual([
      {
        year: 2018,
        plannedHouseholds: 680,
        cumulativePlanned: 680,
        cumulativePlannedPercent: 56.3,
        actualInYear: 700,
        cumulativeActual: 700,
        cumulativeActualPercent: 57.9,
        gap: -20,
      },
      {
        // The current year: today's figure against the year-end target.
        year: 2019,
        plannedHouseholds: 528,
        cumulativePlanned: 1208,
        cumulativePlannedPercent: 100,
        actualInYear: 200,
        cumulativeActual: 900,
        cumulativeActualPercent: 74.5,
        gap: 308,
      },
    ]);
  });

  it("counts reports made before the first plan year in its cumulative figure, not in its own year", () => {
    const t = trajectory({ ...xiangyang, reports: [report("2017-11-01", 50)], asOf: "2018-02-01" });
    expect(t.years[0]).toMatchObject({ actualInYear: 0, cumulativeActual: 50, gap: 630 });
  });

  it("has no actual figures or gap for a year not yet begun", () => {
    const t = trajectory({ ...city, reports: [report("2018-05-01", 100)], asOf: "2019-12-31" });
    expect(t.years.map((y) => [y.actualInYear, y.cumulativeActual, y.cumulativeActualPercent, y.gap])).toEqual([
      [100, 100, 2.1, 1513],
      [0, 100, 2.1, 3793],
      [null, null, null, null],
    ]);
  });

  it("gives only the years that have targets a row, and adds duplicate years up", () => {
    const t = trajectory({
      totalHouseholds: 30,
      targets: [
        { year: 2020, plannedHouseholds: 10 },
        { year: 2018, plannedHouseholds: 5 },
        { year: 2018, plannedHouseholds: 15 },
      ],
      reports: [],
      asOf: "2019-06-01",
    });
    expect(t.years.map((y) => [y.year, y.plannedHouseholds, y.cumulativePlanned])).toEqual([
      [2018, 20, 20],
      [2020, 10, 30],
    ]);
    // In a year without target the plan line stays at the last year-end figure.
    expect(t.expectedToDate).toBe(20);
  });

  it("never shows 100 % while a household is left", () => {
    const t = trajectory({ ...city, reports: [report("2020-06-01", 4721)], asOf: "2020-07-01" });
    expect(t.movedBackPercent).toBe(99.9);
    expect(t.years[2]!.cumulativeActualPercent).toBe(99.9);
    expect(t.remaining).toBe(1);
  });
});

describe("computeTrajectory: no reports yet", () => {
  it("counts nothing moved back as zero, with no pace and no forecast", () => {
    const t = trajectory({ ...xiangyang, reports: [], asOf: "2018-01-10" });
    expect(t).toMatchObject({
      movedBack: 0,
      movedBackPercent: 0,
      remaining: 1208,
      recentPace: 0,
      forecastCompletion: null,
      status: "not_started",
    });
    expect(t.years[0]).toMatchObject({ actualInYear: 0, cumulativeActual: 0, gap: 680 });
  });

  it("is behind, not merely not started, once the plan line has moved on", () => {
    const t = trajectory({ ...xiangyang, reports: [], asOf: "2018-07-01" });
    // 680 × 182 / 365 days of 2018 = 339.
    expect(t.expectedToDate).toBe(339);
    expect(t.gapToDatePercent).toBe(28.1);
    expect(t.status).toBe("behind");
  });
});

describe("computeTrajectory: before the first plan year", () => {
  it("expects nothing yet and aims at the first target", () => {
    const t = trajectory({ ...city, reports: [], asOf: "2017-06-01" });
    expect(t.expectedToDate).toBe(0);
    expect(t.gapToDate).toBe(0);
    expect(t.years.every((y) => y.cumulativeActual === null && y.gap === null)).toBe(true);
    // 1 June 2017 to the end of 2018: 19 months; 1,613 / 19 = 84.89… → 84.9 a month.
    expect(t.nextTarget).toEqual({
      year: 2018,
      dueDate: "2018-12-31",
      householdsNeeded: 1613,
      monthsLeft: 19,
      requiredMonthlyRate: 84.9,
    });
    expect(t.targetsPassed).toBe(false);
    expect(t.overdueHouseholds).toBe(0);
    expect(t.status).toBe("not_started");
  });

  it("reads early work as ahead of a plan that expects nothing yet", () => {
    const t = trajectory({ ...xiangyang, reports: [report("2017-10-01", 100)], asOf: "2017-12-01" });
    expect(t.gapToDate).toBe(-100);
    expect(t.gapToDatePercent).toBe(-8.3);
    expect(t.status).toBe("ahead");
  });
});

describe("computeTrajectory: on plan, ahead, finished", () => {
  it("is on track when exactly the year's target is met on its due date", () => {
    const t = trajectory({ ...xiangyang, reports: [report("2018-12-31", 680)], asOf: "2018-12-31" });
    expect(t).toMatchObject({ expectedToDate: 680, gapToDate: 0, gapToDatePercent: 0, status: "on_track" });
    // 31 Dec 2018 to the end of 2019: 1 + 12 − 30/31 = 12.03 months; 528 / 12.03 = 43.88 → 43.9.
    expect(t.nextTarget).toEqual({
      year: 2019,
      dueDate: "2019-12-31",
      householdsNeeded: 528,
      monthsLeft: 12,
      requiredMonthlyRate: 43.9,
    });
  });

  it("asks for whole households a month when whole months are left", () => {
    const t = trajectory({ ...xiangyang, reports: [report("2018-12-31", 680)], asOf: "2019-01-01" });
    expect(t.nextTarget).toMatchObject({ monthsLeft: 12, requiredMonthlyRate: 44 });
  });

  it("is ahead when more than 5 % of all households above the plan line", () => {
    // Plan line on 31 March 2019: 680 + 528 × 90 / 365 = 810.
    const t = trajectory({ ...xiangyang, reports: [report("2018-12-01", 1000)], asOf: "2019-03-31" });
    expect(t.expectedToDate).toBe(810);
    expect(t.gapToDate).toBe(-190);
    expect(t.gapToDatePercent).toBe(-15.7);
    expect(t.status).toBe("ahead");
    expect(t.nextTarget).toMatchObject({ year: 2019, householdsNeeded: 208 });
  });

  it("is finished exactly on the last due date", () => {
    const t = trajectory({
      ...xiangyang,
      reports: [report("2018-12-31", 680), report("2019-12-31", 528)],
      asOf: "2019-12-31",
    });
    expect(t).toMatchObject({
      movedBack: 1208,
      movedBackPercent: 100,
      remaining: 0,
      nextTarget: null,
      targetsPassed: false,
      overdueHouseholds: 0,
      forecastCompletion: "2019-12-31",
      status: "finished",
    });
    expect(t.years.map((y) => y.gap)).toEqual([0, 0]);
  });

  it("is finished early, and stays finished after the plan ends", () => {
    const reports = [report("2018-09-01", 900), report("2019-04-30", 308)];
    const early = trajectory({ ...xiangyang, reports, asOf: "2019-07-15" });
    expect(early).toMatchObject({
      remaining: 0,
      nextTarget: null,
      forecastCompletion: "2019-07-15",
      status: "finished",
    });
    expect(early.years.map((y) => y.gap)).toEqual([-220, 0]);
    const later = trajectory({ ...xiangyang, reports, asOf: "2026-11-25" });
    expect(later).toMatchObject({ targetsPassed: true, overdueHouseholds: 0, status: "finished" });
  });

  it("does not count households beyond the total", () => {
    const t = trajectory({ ...xiangyang, reports: [report("2019-01-01", 1300)], asOf: "2019-02-01" });
    expect(t.movedBack).toBe(1208);
    expect(t.years[1]!.cumulativeActual).toBe(1208);
  });
});

describe("computeTrajectory: the ON_TRACK band", () => {
  const plan = { totalHouseholds: 1000, targets: [{ year: 2018, plannedHouseholds: 1000 }], asOf: "2018-12-31" };

  it("is on track at exactly 5.0 % behind, behind at 5.1 %", () => {
    const at = trajectory({ ...plan, reports: [report("2018-06-01", 950)] });
    expect([at.gapToDatePercent, at.status]).toEqual([5, "on_track"]);
    const past = trajectory({ ...plan, reports: [report("2018-06-01", 949)] });
    expect([past.gapToDatePercent, past.status]).toEqual([5.1, "behind"]);
  });

  it("is on track at exactly 5.0 % ahead, ahead at 5.1 %", () => {
    const at = trajectory({ ...plan, reports: [report("2017-06-01", 50)], asOf: "2017-12-31" });
    expect([at.gapToDatePercent, at.status]).toEqual([-5, "on_track"]);
    const past = trajectory({ ...plan, reports: [report("2017-06-01", 51)], asOf: "2017-12-31" });
    expect([past.gapToDatePercent, past.status]).toEqual([-5.1, "ahead"]);
  });

  it("checks finished before behind and behind before not started", () => {
    expect(trajectoryStatus({ remaining: 0, movedBack: 0, gapToDatePercent: 50 })).toBe("finished");
    expect(trajectoryStatus({ remaining: 10, movedBack: 0, gapToDatePercent: 50 })).toBe("behind");
    expect(trajectoryStatus({ remaining: 10, movedBack: 0, gapToDatePercent: -50 })).toBe("not_started");
  });
});

describe("computeTrajectory: corrections", () => {
  it("subtracts negative reports in their year and from every figure after", () => {
    const t = trajectory({
      ...xiangyang,
      reports: [
        report("2018-05-01", 500),
        report("2018-06-01", -20),
        report("2019-02-01", 100),
        report("2019-03-01", -50),
      ],
      asOf: "2019-06-30",
    });
    expect(t.years.map((y) => [y.actualInYear, y.cumulativeActual])).toEqual([
      [480, 480],
      [50, 530],
    ]);
    expect(t.movedBack).toBe(530);
  });

  it("never lets a correction take moved-back below zero, though the year shows it", () => {
    const t = trajectory({ ...xiangyang, reports: [report("2018-03-01", -10)], asOf: "2018-04-01" });
    expect(t.movedBack).toBe(0);
    expect(t.years[0]).toMatchObject({ actualInYear: -10, cumulativeActual: 0, cumulativeActualPercent: 0 });
    expect(t.recentPace).toBe(-1.7);
    expect(t.forecastCompletion).toBeNull();
  });
});

describe("computeTrajectory: target years passed", () => {
  it("reports households late for an ended year and aims at the next one", () => {
    const t = trajectory({ ...city, reports: [report("2018-12-01", 1000)], asOf: "2019-03-01" });
    expect(t.overdueHouseholds).toBe(613);
    expect(t.targetsPassed).toBe(false);
    expect(t.nextTarget).toMatchObject({ year: 2019, householdsNeeded: 2893, monthsLeft: 10 });
  });

  it("has no next target once every plan year has ended, and says how many are late", () => {
    const t = trajectory({ ...xiangyang, reports: [report("2019-06-01", 1000)], asOf: "2026-11-25" });
    expect(t).toMatchObject({
      nextTarget: null,
      targetsPassed: true,
      overdueHouseholds: 208,
      remaining: 208,
      expectedToDate: 1208,
      gapToDate: 208,
      gapToDatePercent: 17.2,
      recentPace: 0,
      forecastCompletion: null,
      status: "behind",
    });
  });

  it("counts a year as ended only after its 31 December", () => {
    const t = trajectory({ ...xiangyang, reports: [report("2019-06-01", 1000)], asOf: "2019-12-31" });
    expect(t).toMatchObject({ targetsPassed: false, overdueHouseholds: 0 });
    // On the due date itself a month counts as the least time left: the rate is what is needed.
    expect(t.nextTarget).toMatchObject({ year: 2019, householdsNeeded: 208, monthsLeft: 0, requiredMonthlyRate: 208 });
  });

  it("forecasts from what still comes in after the plan", () => {
    const t = trajectory({
      ...xiangyang,
      reports: [report("2019-06-01", 1000), report("2026-09-01", 30)],
      asOf: "2026-11-25",
    });
    // 30 in six months = 5 a month; 178 left → 35.6 months after 25 Nov 2026.
    expect(t.recentPace).toBe(5);
    expect(t.forecastCompletion).toBe("2029-11-13");
  });
});

describe("computeTrajectory: recent pace and forecast", () => {
  it("measures the six months before asOf, asOf included", () => {
    const t = trajectory({
      ...city,
      reports: [
        report("2019-02-28", 1000), // exactly six months before: outside the window
        report("2019-03-01", 60),
        report("2019-08-31", 30),
      ],
      asOf: "2019-08-31",
    });
    expect(t.recentPace).toBe(15);
  });

  it("ignores reports dated after asOf everywhere", () => {
    const t = trajectory({
      ...xiangyang,
      reports: [report("2019-04-30", 100), report("2019-05-01", 500)],
      asOf: "2019-04-30",
    });
    expect(t.movedBack).toBe(100);
    expect(t.years[1]!.actualInYear).toBe(100);
    expect(t.recentPace).toBe(16.7);
  });

  it("forecasts whole months to the same day and fractions by the month's length", () => {
    const reports = [report("2019-03-01", 300), report("2019-06-01", 300)]; // 100 a month
    const whole = trajectory({ totalHouseholds: 900, targets: [], reports, asOf: "2019-06-30" });
    expect(whole.forecastCompletion).toBe("2019-09-30");
    // 150 left: 1.5 months → 30 July + half of the 31 days to 30 August, rounded up.
    const half = trajectory({ totalHouseholds: 750, targets: [], reports, asOf: "2019-06-30" });
    expect(half.forecastCompletion).toBe("2019-08-15");
  });

  it("gives no forecast when the pace is nil or a correction outweighs it", () => {
    const t = trajectory({
      ...xiangyang,
      reports: [report("2019-03-01", 40), report("2019-04-01", -40)],
      asOf: "2019-06-30",
    });
    expect(t.recentPace).toBe(0);
    expect(t.forecastCompletion).toBeNull();
  });

  it("treats a forecast more than a century away as never", () => {
    const t = trajectory({
      totalHouseholds: 100_000,
      targets: [],
      reports: [report("2019-06-01", 1)],
      asOf: "2019-06-30",
    });
    expect(t.recentPace).toBe(0.2);
    expect(t.forecastCompletion).toBeNull();
  });
});

describe("computeTrajectory: leap years", () => {
  const plan = { totalHouseholds: 366, targets: [{ year: 2020, plannedHouseholds: 366 }] };

  it("spreads a leap year's target over 366 days", () => {
    const t = trajectory({ ...plan, reports: [], asOf: "2020-02-29" });
    expect(t.expectedToDate).toBe(60);
    // 29 Feb to the end of the year: 11 − 28/29 months.
    expect(t.nextTarget).toMatchObject({ monthsLeft: 10, requiredMonthlyRate: 36.5 });
  });

  it("starts the pace window on 29 February six months before 31 August", () => {
    const t = trajectory({
      ...plan,
      reports: [report("2020-02-29", 100), report("2020-03-01", 60)],
      asOf: "2020-08-31",
    });
    expect(t.recentPace).toBe(10);
    // 206 left at 10 a month: 20.6 months → 30 April 2022 + 0.6 × 31 days.
    expect(t.forecastCompletion).toBe("2022-05-19");
  });

  it("forecasts across 29 February", () => {
    const t = trajectory({
      totalHouseholds: 160,
      targets: [],
      reports: [report("2019-12-01", 60)], // 10 a month
      asOf: "2020-01-31",
    });
    // 100 left: ten months after 31 January 2020, clamped to 30 November.
    expect(t.forecastCompletion).toBe("2020-11-30");
    const short = trajectory({
      totalHouseholds: 65,
      targets: [],
      reports: [report("2019-12-01", 60)],
      asOf: "2020-01-31",
    });
    // 5 left: half a month; 31 Jan + 0.5 × 29 days of the leap February, rounded up.
    expect(short.forecastCompletion).toBe("2020-02-15");
  });
});

describe("computeTrajectory: zero households", () => {
  it("divides by nothing and reads as finished", () => {
    const t = trajectory({
      totalHouseholds: 0,
      targets: [{ year: 2018, plannedHouseholds: 0 }],
      reports: [],
      asOf: "2018-06-01",
    });
    expect(t).toMatchObject({
      movedBack: 0,
      movedBackPercent: 0,
      remaining: 0,
      expectedToDate: 0,
      gapToDatePercent: 0,
      nextTarget: null,
      forecastCompletion: "2018-06-01",
      status: "finished",
    });
    expect(t.years[0]).toMatchObject({ cumulativePlannedPercent: 0, cumulativeActualPercent: 0, gap: 0 });
  });

  it("copes with no targets at all", () => {
    const t = trajectory({ totalHouseholds: 10, targets: [], reports: [], asOf: "2018-06-01" });
    expect(t).toMatchObject({
      years: [],
      nextTarget: null,
      targetsPassed: false,
      overdueHouseholds: 0,
      status: "not_started",
    });
  });
});

describe("computeTrajectory: a forecast past the dates any record holds", () => {
  it("is null (never), not a date the answer's own schema refuses (one household in six months, 160 left: 2106)", () => {
    const t = computeTrajectory({
      totalHouseholds: 170,
      targets: [{ year: 2020, plannedHouseholds: 170 }],
      reports: [
        { reportedOn: "2019-01-01", households: 9 },
        { reportedOn: "2026-11-01", households: 1 },
      ],
      asOf: "2026-11-25",
    });
    expect(t.recentPace).toBe(0.2);
    expect(t.forecastCompletion).toBeNull();
    expect(() => TrajectorySchema.parse(t)).not.toThrow();
  });
});

describe("computeTrajectory: the edges of a day", () => {
  it("counts 1 January as begun: the year's figures are there, and its first day's share of the target", () => {
    const t = trajectory({ ...xiangyang, reports: [report("2018-06-01", 700)], asOf: "2019-01-01" });
    expect(t.years[1]).toMatchObject({ year: 2019, actualInYear: 0, cumulativeActual: 700 });
    expect(t.expectedToDate).toBe(681); // 680 + 528 / 365, rounded
  });

  it("forecasts a date exactly 100 years ahead, up to the last date a record can hold (2100-12-31)", () => {
    // 200 left at 1 household in six months: 1,200 months, the longest forecast there is.
    const t = trajectory({ totalHouseholds: 201, targets: [], reports: [report("2000-12-01", 1)], asOf: "2000-12-31" });
    expect(t.forecastCompletion).toBe("2100-12-31");
  });
});
