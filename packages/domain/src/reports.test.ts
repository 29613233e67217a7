import { describe, expect, it } from "vitest";
import { briefingIssue, briefingWindowStart } from "./reports.js";

describe("briefingIssue: 工作简报 numbered by the ISO week of its date", () => {
  it("numbers 25 November 2026 (a Wednesday) as 2026's 48th", () => {
    expect(briefingIssue("2026-11-25")).toEqual({ year: 2026, number: 48 });
  });

  it("gives every day of one Monday-to-Sunday week the same number", () => {
    const week = ["2026-11-23", "2026-11-24", "2026-11-26", "2026-11-28", "2026-11-29"].map(briefingIssue);
    expect(new Set(week.map((w) => `${w.year}-${w.number}`))).toEqual(new Set(["2026-48"]));
    expect(briefingIssue("2026-11-30")).toEqual({ year: 2026, number: 49 });
  });

  it("counts a week from the year its Thursday falls in, at both ends of the year", () => {
    expect(briefingIssue("2025-12-29")).toEqual({ year: 2026, number: 1 });
    expect(briefingIssue("2021-01-03")).toEqual({ year: 2020, number: 53 });
    expect(briefingIssue("2018-01-01")).toEqual({ year: 2018, number: 1 });
    expect(briefingIssue("2020-12-31")).toEqual({ year: 2020, number: 53 });
  });
});

describe("briefingWindowStart", () => {
  it("is six days before the date (a week with the date), across a month and a year", () => {
    expect(briefingWindowStart("2026-11-25")).toBe("2026-11-19");
    expect(briefingWindowStart("2026-03-03")).toBe("2026-02-25");
    expect(briefingWindowStart("2026-01-02")).toBe("2025-12-27");
  });
});
