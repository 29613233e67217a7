import type { ProjectSummary } from "@resettle/domain";
import { describe, expect, it } from "vitest";
import { sortInPlanOrder } from "./plan-order";

const shuangtaizi = "11111111-1111-4111-8111-111111111111";
const dawa = "22222222-2222-4222-8222-222222222222";

function project(code: string, districtId: string, quotas: Record<number, number>): ProjectSummary {
  return {
    id: code,
    code,
    name: code,
    district: { id: districtId, name: districtId },
    totalHouseholds: 1,
    approach: null,
    status: "in_progress",
    problemCategory: "none",
    causes: [],
    responsibleDepartment: null,
    responsiblePerson: null,
    yearTargets: Object.entries(quotas).map(([year, plannedHouseholds]) => ({ year: Number(year), plannedHouseholds })),
    movedBack: 0,
  };
}

describe("sortInPlanOrder", () => {
  it("groups by district in the given order, then by the first year with a quota", () => {
    const projects = [
      project("taoliyuan", dawa, { 2020: 43 }),
      project("guangsha", shuangtaizi, { 2020: 411 }),
      project("hetang-yuese", dawa, { 2018: 48 }),
      project("hongwei", shuangtaizi, { 2018: 0, 2019: 1112 }),
      project("xiangyang", shuangtaizi, { 2018: 680, 2019: 528 }),
    ];
    expect(sortInPlanOrder(projects, [shuangtaizi, dawa]).map((p) => p.code)).toEqual([
      "xiangyang",
      "hongwei",
      "guangsha",
      "hetang-yuese",
      "taoliyuan",
    ]);
  });
});
