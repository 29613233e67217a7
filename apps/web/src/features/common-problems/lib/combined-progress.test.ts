import { describe, expect, it } from "vitest";
import { combinedProgress } from "./combined-progress";
import { statusMoves, stillApplies } from "./status-moves";

const project = (totalHouseholds: number, movedBack: number) => ({
  id: crypto.randomUUID(),
  name: "项目",
  totalHouseholds,
  movedBack,
});

describe("combinedProgress", () => {
  it("adds the linked projects' households before taking the share", () => {
    expect(combinedProgress([project(1000, 900), project(200, 0)])).toEqual({
      movedBack: 900,
      totalHouseholds: 1200,
      percent: 75,
    });
  });

  it("is zero, not NaN, without households", () => {
    expect(combinedProgress([]).percent).toBe(0);
  });
});

describe("statusMoves", () => {
  it("offers what the domain allows, and reopening only when allowed", () => {
    expect(statusMoves("planned")).toEqual(["in_progress", "done", "blocked"]);
    expect(statusMoves("done")).toEqual([]);
    expect(statusMoves("done", { allowReopen: true })).toEqual(["in_progress"]);
    expect(stillApplies("blocked", { status: "done" })).toBe(false);
    expect(stillApplies("planned", { status: "blocked", note: "原因" })).toBe(true);
  });
});
