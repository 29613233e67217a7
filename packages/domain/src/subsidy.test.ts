import { describe, expect, it } from "vitest";
import {
  ageingBucket,
  daysOverdue,
  fenToYuan,
  MonthSchema,
  monthDueDate,
  monthlyDueFen,
  nextMonth,
  SubsidyPaymentCreateSchema,
  yuanToFen,
} from "./subsidy.js";

describe("money in fen", () => {
  it("reads yuan as people write them, exactly, and refuses anything else", () => {
    expect(yuanToFen("800")).toBe(80_000);
    expect(yuanToFen("1,234.5")).toBe(123_450);
    expect(yuanToFen(" 0.07 ")).toBe(7);
    expect(yuanToFen("0.1")).toBe(10);
    // 0.1 + 0.2 in floating point is 0.30000000000000004: never computed here.
    expect(yuanToFen("0.30")).toBe(30);
    for (const bad of ["", "-5", "1.234", "1,23.00", "12a", "1e3", "¥800"]) expect(yuanToFen(bad), bad).toBeNull();
  });

  it("writes fen as yuan with two decimals and separators", () => {
    expect(fenToYuan(0)).toBe("0.00");
    expect(fenToYuan(7)).toBe("0.07");
    expect(fenToYuan(123_456_789)).toBe("1,234,567.89");
    expect(fenToYuan(-150)).toBe("-1.50");
  });

  it("per m², rounds the month's amount half up to the fen, in integers", () => {
    expect(monthlyDueFen("per_household", 80_000, "85.50")).toBe(80_000);
    expect(monthlyDueFen("per_m2", 1_255, "85.50")).toBe(107_303); // 107,302.5 → 107,303
    expect(monthlyDueFen("per_m2", 1_000, "60")).toBe(60_000);
    expect(monthlyDueFen("per_m2", 1_001, "0.49")).toBe(490); // 490.49 → 490
  });
});

describe("months and ageing", () => {
  it("a month falls due on its last day; leap years count", () => {
    expect(monthDueDate("2024-02")).toBe("2024-02-29");
    expect(monthDueDate("2026-02")).toBe("2026-02-28");
    expect(monthDueDate("2026-12")).toBe("2026-12-31");
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(nextMonth("2026-09")).toBe("2026-10");
  });

  it("ages across a year boundary", () => {
    expect(daysOverdue("2026-12", "2027-01-10")).toBe(10);
    expect(daysOverdue("2026-11", "2027-01-10")).toBe(41);
    expect(daysOverdue("2027-01", "2027-01-10")).toBe(0);
    expect([0, 1, 30, 31, 90, 91].map(ageingBucket)).toEqual([
      null,
      "d1to30",
      "d1to30",
      "d31to90",
      "d31to90",
      "over90",
    ]);
  });

  it("refuses a month that is not one, or out of range", () => {
    for (const bad of ["2026-13", "2026-1", "1900-01", "2026/01", "202601"])
      expect(MonthSchema.safeParse(bad).success, bad).toBe(false);
    expect(MonthSchema.safeParse("2026-01").success).toBe(true);
  });

  it("a payment is whole, positive fen, never a float or a string", () => {
    const base = { month: "2026-06", paidOn: "2026-11-24", voucherNo: "CZ-1" };
    for (const amountFen of [0, -1, 0.5, "800", 1_000_000_001])
      expect(SubsidyPaymentCreateSchema.safeParse({ ...base, amountFen }).success, String(amountFen)).toBe(false);
    expect(SubsidyPaymentCreateSchema.safeParse({ ...base, amountFen: 1 }).success).toBe(true);
  });
});

describe("months and money, their edges", () => {
  it("pads the month after a single-digit one", () => {
    expect(nextMonth("2026-02")).toBe("2026-03");
    expect(nextMonth("2026-09")).toBe("2026-10");
    expect(nextMonth("2026-12")).toBe("2027-01");
  });

  it("reads an area with one decimal as tenths, spaces around it dropped, and refuses anything else", () => {
    expect(monthlyDueFen("per_m2", 1000, " 80.5 ")).toBe(80_500);
    expect(monthlyDueFen("per_m2", 1000, "80")).toBe(80_000);
    expect(() => monthlyDueFen("per_m2", 1000, "80.555")).toThrow("not an area: 80.555");
    expect(() => monthlyDueFen("per_m2", 1000, "x80")).toThrow();
    expect(() => monthlyDueFen("per_m2", 1000, "80x")).toThrow();
  });

  it("reads thousands separators only in threes after a first group of one to three digits", () => {
    expect(yuanToFen("12,345.6")).toBe(1_234_560);
    expect(yuanToFen("1,234,567")).toBe(123_456_700);
    expect(yuanToFen("1234,567")).toBeNull();
    expect(yuanToFen("1,23")).toBeNull();
  });
});
