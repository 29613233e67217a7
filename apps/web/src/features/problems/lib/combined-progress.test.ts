import { describe, expect, it } from "vitest";
import { combinedProgress } from "./combined-progress";

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
