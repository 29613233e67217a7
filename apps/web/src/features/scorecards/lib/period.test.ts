import { describe, expect, it } from "vitest";
import { choiceOf, currentQuarter, hasBegun, periodOf, yearsUpTo } from "./period";

describe("scorecard periods", () => {
  it("takes the quarter as China counts it", () => {
    // 31 Mar 20:00 UTC is already 1 Apr in China: the second quarter.
    expect(currentQuarter(new Date("2026-03-31T20:00:00Z"))).toEqual({ year: 2026, quarter: 2 });
    expect(currentQuarter(new Date("2026-12-31T15:59:59Z"))).toEqual({ year: 2026, quarter: 4 });
    expect(currentQuarter(new Date("2026-12-31T16:00:00Z"))).toEqual({ year: 2027, quarter: 1 });
  });

  it("writes and reads a quarter and a year", () => {
    expect(periodOf({ year: 2026, quarter: 4 })).toBe("2026-Q4");
    expect(periodOf({ year: 2025, quarter: null })).toBe("2025");
    expect(choiceOf("2026-Q3")).toEqual({ year: 2026, quarter: 3 });
    expect(choiceOf("2024")).toEqual({ year: 2024, quarter: null });
  });

  it("knows a period not yet begun", () => {
    const now = { year: 2026, quarter: 2 } as const;
    expect(hasBegun({ year: 2026, quarter: 2 }, now)).toBe(true);
    expect(hasBegun({ year: 2026, quarter: 3 }, now)).toBe(false);
    expect(hasBegun({ year: 2026, quarter: null }, now)).toBe(true);
    expect(hasBegun({ year: 2027, quarter: null }, now)).toBe(false);
    expect(hasBegun({ year: 2025, quarter: 4 }, now)).toBe(true);
  });

  it("offers the years from 2018, the latest first", () => {
    expect(yearsUpTo(2020)).toEqual([2020, 2019, 2018]);
  });
});
