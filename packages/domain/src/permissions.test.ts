import { describe, expect, it } from "vitest";
import { canActFor, progressReporterIds } from "./permissions.js";

const D1 = "00000000-0000-4000-8000-000000000001";
const D2 = "00000000-0000-4000-8000-000000000002";
const departments = [
  { id: "gov-1", kind: "district_government" as const, districtId: D1 },
  { id: "gov-2", kind: "district_government" as const, districtId: D2 },
  { id: "zhujian", kind: "municipal_department" as const, districtId: null },
];

describe("who reports households moved back", () => {
  it("is the responsible department and the project's district government (属地), nobody else", () => {
    expect(progressReporterIds({ responsibleDepartmentId: "zhujian", districtId: D1 }, departments)).toEqual([
      "zhujian",
      "gov-1",
    ]);
    expect(progressReporterIds({ responsibleDepartmentId: null, districtId: D2 }, departments)).toEqual(["gov-2"]);
  });

  it("lets a coordinator report only for those", () => {
    const reporters = progressReporterIds({ responsibleDepartmentId: "zhujian", districtId: D1 }, departments);
    const coordinator = (departmentId: string) => ({ role: "coordinator" as const, departmentId });
    expect(canActFor(coordinator("gov-1"), "progress.report", reporters)).toBe(true);
    expect(canActFor(coordinator("gov-2"), "progress.report", reporters)).toBe(false);
    expect(canActFor({ role: "leader", departmentId: null }, "progress.report", reporters)).toBe(false);
  });
});
