import { FieldReasonSchema } from "@resettle/domain";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "./i18n/en.json";
import zhCN from "./i18n/zh-CN.json";
import { fieldIssueMessage } from "./field-issue-message";

const t = i18next.createInstance();

beforeAll(async () => {
  await t.init({
    lng: "zh-CN",
    resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});

describe("field issues in words", () => {
  it("words every reason the domain lists, in both languages", () => {
    for (const lng of ["zh-CN", "en"]) {
      const fixed = t.getFixedT(lng);
      for (const reason of FieldReasonSchema.options) {
        const text = fieldIssueMessage(fixed, { reason, params: { origin: "string", minimum: 1, maximum: 2 } });
        expect(text, `${lng} ${reason}`).not.toMatch(/^fieldReasons\./);
      }
    }
  });

  it("chooses by the reason and fills in the params, whatever the server's message", () => {
    const zh = t.getFixedT("zh-CN");
    expect(fieldIssueMessage(zh, { reason: "too_big", params: { origin: "string", maximum: 500 } })).toBe(
      "最多 500 个字符",
    );
    expect(fieldIssueMessage(zh, { reason: "too_small", params: { origin: "array", minimum: 1 } })).toBe(
      "至少选择 1 项",
    );
    expect(fieldIssueMessage(zh, { reason: "too_big", params: { maximum: 100000 } })).toBe("不能大于 100000");
    expect(
      fieldIssueMessage(zh, { reason: "project_other_district", params: { name: "广厦小区", district: "大洼区" } }),
    ).toBe("广厦小区 不在大洼区");
    expect(fieldIssueMessage(t.getFixedT("en"), { reason: "taken" })).toBe("Already taken: choose another");
    expect(
      fieldIssueMessage(zh, { reason: "out_of_bounds", params: { minimum: "2000-01-01", maximum: "2100-12-31" } }),
    ).toBe("须在 2000-01-01 至 2100-12-31 之间");
  });
});
