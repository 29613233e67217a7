import { describe, expect, it } from "vitest";
import { floorToDate } from "./district-floor.js";

// Panjin's floors: 30 % by the end of 2018, 60 % by 2019, 100 % by 2020.
const panjin = [
  { year: 2019, minCumulativePercent: 60 },
  { year: 2018, minCumulativePercent: 30 },
  { year: 2020, minCumulativePercent: 100 },
];

describe("floorToDate", () => {
  it("is nothing before the first floor year, or without floors", () => {
    expect(floorToDate(panjin, "2017-12-31")).toBeNull();
    expect(floorToDate([], "2019-06-30")).toBeNull();
  });

  it("runs straight from 0 at the start of the first year to each year-end floor", () => {
    expect(floorToDate(panjin, "2018-12-31")).toEqual({ year: 2018, percent: 30 });
    // 1 Jan 2018 is one day of 365 in.
    expect(floorToDate(panjin, "2018-01-01")!.percent).toBeCloseTo(30 / 365, 6);
    // 2 Jul 2019: 183 days of 365 from 30 % towards 60 %.
    expect(floorToDate(panjin, "2019-07-02")).toEqual({ year: 2019, percent: 30 + (30 * 183) / 365 });
    expect(floorToDate(panjin, "2019-12-31")).toEqual({ year: 2019, percent: 60 });
    expect(floorToDate(panjin, "2020-12-31")).toEqual({ year: 2020, percent: 100 });
  });

  it("holds the last floor after its year, and bridges a year without a floor", () => {
    expect(floorToDate(panjin, "2026-11-25")).toEqual({ year: 2020, percent: 100 });
    const gap = [
      { year: 2018, minCumulativePercent: 20 },
      { year: 2020, minCumulativePercent: 100 },
    ];
    // 2019 has no floor: the line runs two years from 20 % to 100 %; the end of 2019 is about half way.
    const endOf2019 = floorToDate(gap, "2019-12-31")!;
    expect(endOf2019.year).toBe(2020);
    expect(endOf2019.percent).toBeCloseTo(20 + (80 * 365) / 731, 6);
  });
});
