import { describe, expect, it } from "vitest";
import { diffAuditRecords, sameValue } from "./audit-diff";

describe("diffAuditRecords", () => {
  it("lists changed fields first, then added and removed, then unchanged", () => {
    const rows = diffAuditRecords(
      { displayName: "张三", role: "coordinator", active: true, phone: "0427-1234567" },
      { displayName: "张三", role: "admin", active: false, personId: "p-1" },
    );
    expect(rows).toEqual([
      { field: "role", kind: "changed", before: "coordinator", after: "admin" },
      { field: "active", kind: "changed", before: true, after: false },
      { field: "personId", kind: "added", before: undefined, after: "p-1" },
      { field: "phone", kind: "removed", before: "0427-1234567", after: undefined },
      { field: "displayName", kind: "unchanged", before: "张三", after: "张三" },
    ]);
  });

  it("treats every field of a creation as added, and of a deletion as removed", () => {
    expect(diffAuditRecords(null, { name: "住建局", kind: "municipal_department" }).map((r) => r.kind)).toEqual([
      "added",
      "added",
    ]);
    expect(diffAuditRecords({ name: "住建局" }, null)).toEqual([
      { field: "name", kind: "removed", before: "住建局", after: undefined },
    ]);
  });

  it("has nothing to show for an event without records", () => {
    expect(diffAuditRecords(null, null)).toEqual([]);
    expect(diffAuditRecords(undefined, {})).toEqual([]);
  });

  it("tells a value set to null from a field that is missing", () => {
    expect(diffAuditRecords({ personId: "p-1" }, { personId: null })).toEqual([
      { field: "personId", kind: "changed", before: "p-1", after: null },
    ]);
  });

  it("compares nested values by content, not by key order", () => {
    const rows = diffAuditRecords(
      { target: { a: 1, b: [1, 2] }, causes: ["资金", "手续"] },
      { target: { b: [1, 2], a: 1 }, causes: ["手续", "资金"] },
    );
    expect(rows.map((r) => [r.field, r.kind])).toEqual([
      ["causes", "changed"],
      ["target", "unchanged"],
    ]);
  });
});

describe("sameValue", () => {
  it("distinguishes types that print alike", () => {
    expect(sameValue(1, "1")).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
    expect(sameValue({ x: null }, { x: null })).toBe(true);
  });
});
