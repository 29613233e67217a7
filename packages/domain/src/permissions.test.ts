import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RoleSchema } from "./auth.js";
import { can, canActFor, CAPABILITIES, progressReporterIds, ROLE_CAPABILITIES } from "./permissions.js";

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

describe("the role table", () => {
  // docs/permissions.md states each role's capabilities for people; the code must say the same.
  const documented = (() => {
    const text = readFileSync(new URL("../../../docs/permissions.md", import.meta.url), "utf8");
    const rows = new Map<string, string[]>();
    for (const [, role, cell] of text.matchAll(/^\| `(\w+)` \| [^|]+ \| ([^|]+) \|$/gm))
      rows.set(
        role!,
        [...cell!.split(" — ")[0]!.matchAll(/`([\w.]+)`/g)].map((m) => m[1]!),
      );
    return rows;
  })();

  it("is the one docs/permissions.md documents, role by role", () => {
    expect([...documented.keys()].sort()).toEqual(RoleSchema.options.toSorted());
    for (const role of RoleSchema.options)
      expect(ROLE_CAPABILITIES[role].toSorted(), role).toEqual(documented.get(role)!.toSorted());
  });

  it("is what `can` answers for every role and capability, and nothing for no user", () => {
    for (const role of RoleSchema.options)
      for (const capability of CAPABILITIES)
        expect(can({ role }, capability), `${role} ${capability}`).toBe(documented.get(role)!.includes(capability));
    expect(can(null, "read")).toBe(false);
    expect(can(undefined, "read")).toBe(false);
  });

  it("leaves the office (admin) without a department's own acts: signing reviews, answering notices", () => {
    expect(CAPABILITIES.filter((c) => !can({ role: "admin" }, c))).toEqual(["reviews.sign", "notices.answer"]);
  });

  it("lets roles other than coordinator act for any department, with the capability", () => {
    expect(canActFor({ role: "working_group", departmentId: "wg" }, "work.update", ["zhujian"])).toBe(true);
    expect(canActFor({ role: "admin", departmentId: null }, "work.update", [])).toBe(true);
    expect(canActFor(null, "read", [])).toBe(false);
  });

  it("counts only the district governments of the project's own district as its reporters", () => {
    const withOthers = [
      ...departments,
      { id: "office", kind: "leading_group_office" as const, districtId: D1 },
      { id: "other-municipal", kind: "municipal_department" as const, districtId: D1 },
    ];
    expect(progressReporterIds({ responsibleDepartmentId: null, districtId: D1 }, withOthers)).toEqual(["gov-1"]);
  });
});
