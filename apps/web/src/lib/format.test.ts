import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatLongDate,
  formatPercent,
  formatQuota,
  withUnit,
} from "./format";

describe("formatCount", () => {
  it("groups thousands the way the plan does", () => {
    expect(formatCount(4722)).toBe("4,722");
    expect(formatCount(1613)).toBe("1,613");
    expect(formatCount(829)).toBe("829");
    expect(formatCount(0)).toBe("0");
  });
  it("shows a dash for missing figures", () => {
    expect(formatCount(null)).toBe("—");
  });
});

describe("formatQuota", () => {
  it("prints an en dash for a year without quota", () => {
    expect(formatQuota(0)).toBe("–");
    expect(formatQuota(undefined)).toBe("–");
    expect(formatQuota(1112)).toBe("1,112");
  });
});

describe("formatPercent", () => {
  it("keeps one decimal", () => {
    expect(formatPercent(34.2)).toBe("34.2%");
    expect(formatPercent(82.4)).toBe("82.4%");
  });
  it("drops the decimal of a whole share", () => {
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(60)).toBe("60%");
    expect(formatPercent(0)).toBe("0%");
  });
  it("rounds to one decimal", () => {
    expect(formatPercent((1613 / 4722) * 100)).toBe("34.2%");
    expect(formatPercent(99.96)).toBe("100%");
  });
  it("shows a dash for a year not begun", () => {
    expect(formatPercent(null)).toBe("—");
  });
});

describe("dates", () => {
  it("formats ISO dates for tables and running text", () => {
    expect(formatDate("2018-12-31")).toBe("2018-12-31");
    expect(formatLongDate("2018-12-31", "zh-CN")).toBe("2018年12月31日");
    expect(formatLongDate("2018-12-31", "en")).toBe("31 Dec 2018");
  });
  it("shows moments in China time, whatever the offset they were sent with", () => {
    expect(formatDateTime("2019-03-31T06:05:09.123Z")).toBe("2019-03-31 14:05:09");
    expect(formatDateTime("2019-03-31T23:30:00+08:00")).toBe("2019-03-31 23:30:00");
    expect(formatDateTime("2018-12-31T16:00:00Z")).toBe("2019-01-01 00:00:00");
    expect(formatDateTime(null)).toBe("—");
  });
});

describe("withUnit", () => {
  it("adds a measure word only where the language has one", () => {
    expect(withUnit("4,722", "户")).toBe("4,722 户");
    expect(withUnit("4,722", "")).toBe("4,722");
  });
});
