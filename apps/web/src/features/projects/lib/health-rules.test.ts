import type { HealthRule } from "@resettle/domain";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../lib/i18n/i18n";
import { describeHealthRule } from "./health-rules";

const zh = createI18n("zh-CN").t;
const en = createI18n("en").t;

const overdueMilestones: HealthRule = {
  code: "overdue_milestone",
  level: "red",
  params: {
    count: 2,
    ids: ["a", "b"],
    titles: ["竣工验收及消防验收", "剩余住户回迁入住"],
    earliestDate: "2019-06-30",
    mostDaysOverdue: 2706,
  },
};

describe("describeHealthRule", () => {
  it("says which milestones are overdue, since when and by how long", () => {
    expect(describeHealthRule(zh, overdueMilestones, "zh-CN")).toBe(
      "2 个推进节点逾期未完成：“竣工验收及消防验收”、“剩余住户回迁入住”，最早于 2019年6月30日 到期，已逾期 2,706 天",
    );
  });

  it("names at most three titles and says there are more", () => {
    const rule: HealthRule = {
      code: "blocked_item",
      level: "amber",
      params: { count: 4, ids: ["a", "b", "c", "d"], titles: ["甲", "乙", "丙", "丁"], earliestDate: "2026-01-01" },
    };
    expect(describeHealthRule(zh, rule, "zh-CN")).toBe("4 项整改事项受阻：“甲”、“乙”、“丙”等");
  });

  it("explains a passed target year and the gap to the plan line with its margin", () => {
    const passed: HealthRule = {
      code: "target_year_passed",
      level: "red",
      params: { year: 2019, overdueHouseholds: 288, allTargetYearsPassed: true },
    };
    expect(describeHealthRule(zh, passed, "zh-CN")).toBe(
      "工作方案各年度目标均已到期（最后为2019年），仍有 288 户未回迁",
    );
    const behind: HealthRule = {
      code: "behind_plan",
      level: "red",
      params: { gapHouseholds: 288, gapPercent: 23.8, expectedToDate: 1208, movedBack: 920, marginPercent: 15 },
    };
    expect(describeHealthRule(zh, behind, "zh-CN")).toBe(
      "回迁进度落后计划 288 户，占总户数 23.8%，超过 15% 的严重线（按计划此时应回迁 1,208 户，实际 920 户）",
    );
  });

  it("speaks English too, with the due-soon window", () => {
    const rule: HealthRule = {
      code: "due_soon",
      level: "amber",
      params: { count: 1, ids: ["a"], titles: ["Handover"], earliestDate: "2026-12-01", withinDays: 14 },
    };
    expect(describeHealthRule(en, rule, "en")).toBe("1 task due within 14 days: “Handover”, the first on 1 Dec 2026");
  });
});
