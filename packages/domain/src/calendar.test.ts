import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./calendar.js";
import { eachOnce, sameMembers } from "./sets.js";

describe("calendar days", () => {
  it("counts and adds whole days across months, years and leap days", () => {
    expect(daysBetween("2026-10-20", "2026-11-19")).toBe(30);
    expect(daysBetween("2026-11-25", "2019-12-31")).toBe(-2521);
    expect(addDays("2026-10-20", 30)).toBe("2026-11-19");
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});

describe("sets of ids", () => {
  it("knows a list with a repeat, and two lists with the same members in another order", () => {
    expect(eachOnce(["a", "b"])).toBe(true);
    expect(eachOnce(["a", "b", "a"])).toBe(false);
    expect(sameMembers(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameMembers(["a", "b"], ["a"])).toBe(false);
    expect(sameMembers(["a", "b"], ["a", "c"])).toBe(false);
  });
});
