import { describe, expect, it } from "vitest";
import { summariseYears } from "./plan-summary.js";

const planned = new Map([
  [2018, 1613],
  [2019, 2280],
  [2020, 829],
]);
const base = { years: [2020, 2018, 2019], totalHouseholds: 4722, planned, today: "2026-11-25" };

describe("summariseYears", () => {
  it("accumulates the plan year by year, in year order", () => {
    const rows = summariseYears({ ...base, reports: [] });
    expect(rows.map((r) => [r.year, r.plannedHouseholds, r.cumulativePlanned, r.cumulativePlannedPercent])).toEqual([
      [2018, 1613, 1613, 34.2],
      [2019, 2280, 3893, 82.4],
      [2020, 829, 4722, 100],
    ]);
  });

  it("counts no reports as zero moved back, not as missing", () => {
    const rows = summariseYears({ ...base, reports: [] });
    expect(rows.map((r) => r.cumulativeActual)).toEqual([0, 0, 0]);
  });

  it("counts a report in the year it was made and every year after, corrections included", () => {
    const rows = summariseYears({
      ...base,
      reports: [
        { reportedOn: "2018-12-31", households: 100 },
        { reportedOn: "2019-01-01", households: 50 },
        { reportedOn: "2019-06-01", households: -10 },
      ],
    });
    expect(rows.map((r) => r.cumulativeActual)).toEqual([100, 140, 140]);
    expect(rows[0]!.cumulativeActualPercent).toBe(2.1);
  });

  it("has no actual figure for a year not yet begun", () => {
    const rows = summariseYears({ ...base, reports: [], today: "2019-03-01" });
    expect(rows.map((r) => r.cumulativeActual)).toEqual([0, 0, null]);
    expect(rows[2]!.cumulativeActualPercent).toBeNull();
  });

  it("gives a year without quota a zero plan rather than skipping it", () => {
    const rows = summariseYears({ ...base, planned: new Map([[2019, 25]]), totalHouseholds: 25, reports: [] });
    expect(rows.map((r) => r.cumulativePlannedPercent)).toEqual([0, 100, 100]);
  });
});
