import type { DistrictYearRow } from "@resettle/domain";
import { describe, expect, it } from "vitest";
import { assessYear } from "./assess-year";

// 大洼区: 116 households, 48 planned by end-2018 (41.4 %), floor 30 %.
const dawa2018: DistrictYearRow = {
  year: 2018,
  plannedHouseholds: 48,
  cumulativePlanned: 48,
  cumulativePlannedPercent: 41.4,
  cumulativeActual: 48,
  cumulativeActualPercent: 41.4,
  floorPercent: 30,
};

describe("assessYear", () => {
  it("does not judge a year that has not begun", () => {
    expect(assessYear({ ...dawa2018, cumulativeActual: null, cumulativeActualPercent: null }, 116, "2017-06-01")).toBe(
      "not_begun",
    );
  });
  it("does not judge a year still running, even below its floor", () => {
    expect(assessYear({ ...dawa2018, cumulativeActual: 10 }, 116, "2018-12-31")).toBe("in_progress");
  });
  it("passes a finished year that met its plan", () => {
    expect(assessYear(dawa2018, 116, "2019-01-01")).toBe("on_plan");
  });
  it("flags a finished year above the floor but short of the plan", () => {
    expect(assessYear({ ...dawa2018, cumulativeActual: 40 }, 116, "2019-03-01")).toBe("behind_plan");
  });
  it("flags a finished year below the floor, on households rather than rounded shares", () => {
    // 34 of 116 is 29.3 %; 35 of 116 is 30.2 %.
    expect(assessYear({ ...dawa2018, cumulativeActual: 34 }, 116, "2019-03-01")).toBe("below_floor");
    expect(assessYear({ ...dawa2018, cumulativeActual: 35 }, 116, "2019-03-01")).toBe("behind_plan");
  });
});
