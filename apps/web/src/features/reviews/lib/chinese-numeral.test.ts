import { describe, expect, it } from "vitest";
import { chineseNumeral, sectionNumber, subsectionNumber } from "./chinese-numeral";

describe("chineseNumeral", () => {
  it("writes the numbers a document's parts use", () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual([
      "一",
      "九",
      "十",
      "十一",
      "二十",
      "二十一",
      "九十九",
    ]);
  });

  it("falls back to digits outside 1–99", () => {
    expect(chineseNumeral(0)).toBe("0");
    expect(chineseNumeral(100)).toBe("100");
  });

  it("numbers headings by language", () => {
    expect(sectionNumber(3, "zh-CN")).toBe("三、");
    expect(subsectionNumber(2, "zh-CN")).toBe("（二）");
    expect(sectionNumber(3, "en")).toBe("3. ");
  });
});
