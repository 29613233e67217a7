import { describe, expect, it } from "vitest";
import { contentDisposition } from "./file-answer.js";

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name (RFC 5987)", () => {
    expect(contentDisposition("验收 报告(1).pdf")).toBe(
      `attachment; filename="__ __(1).pdf"; filename*=UTF-8''%E9%AA%8C%E6%94%B6%20%E6%8A%A5%E5%91%8A%281%29.pdf`,
    );
    expect(contentDisposition('a"b.png')).toBe(`attachment; filename="a_b.png"; filename*=UTF-8''a%22b.png`);
  });

  it("takes the fallback it is given (the list exports: export.xlsx)", () => {
    expect(contentDisposition("项目台账.xlsx", "export.xlsx")).toBe(
      `attachment; filename="export.xlsx"; filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6.xlsx`,
    );
  });
});
