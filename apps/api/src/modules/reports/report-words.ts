import { fenToYuan, type HealthLevel, type HealthRule, type NoticeLevel, type NoticeStatus } from "@resettle/domain";

/*
 * The documents' words. The briefing and the pack go on paper in Chinese only, as the office files
 * them; the web words the same records from its locale files (zh-CN and en), and these sentences
 * follow its zh-CN ones (health.rules.*).
 */

/** 2026年11月25日: a date as civil servants write it (no leading zeros). */
export const chineseDate = (date: string) => {
  const [year, month, day] = date.split("-").map(Number);
  return `${year}年${month}月${day}日`;
};

/** 2026年6月: a month (YYYY-MM). */
const chineseMonth = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** 11月19日: a day within a year already named. */
export const chineseMonthDay = (date: string) => {
  const [, month, day] = date.split("-").map(Number);
  return `${month}月${day}日`;
};

const countFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
/** 4,722: grouped as the plan writes figures. */
export const count = (n: number) => countFormat.format(n);

/** 34.2 (one decimal, a whole number without one). */
const decimal = (n: number) => {
  const rounded = Math.round(n * 10) / 10;
  return Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1);
};

/** 34.2% */
export const percent = (n: number) => `${decimal(n)}%`;

/** Against the floor, in percentage points: 高于底线2.5个百分点, 低于底线10个百分点, 与底线持平. */
export const floorGapWords = (points: number) =>
  points === 0 ? "与底线持平" : `${points > 0 ? "高于" : "低于"}底线${decimal(Math.abs(points))}个百分点`;

/** The same in a table's cell, under the heading 与底线比较: 高2.5个百分点, 低10个百分点, 持平. */
export const floorGapCell = (points: number) =>
  points === 0 ? "持平" : `${points > 0 ? "高" : "低"}${decimal(Math.abs(points))}个百分点`;

export const HEALTH_WORDS: Record<HealthLevel, string> = { red: "红色", amber: "黄色", green: "绿色" };
export const NOTICE_LEVEL_WORDS: Record<NoticeLevel, string> = { red: "红色", yellow: "黄色", blue: "蓝色" };
export const NOTICE_STATUS_WORDS: Record<NoticeStatus, string> = {
  issued: "已交办",
  received: "已签收",
  replied: "已反馈",
  returned: "已退回",
  closed: "已销号",
};

const titles = (list: string[]) => {
  const named = list
    .slice(0, 3)
    .map((t) => `“${t}”`)
    .join("、");
  return list.length > 3 ? `${named}等` : named;
};

/** One fired health rule as the project page words it in zh-CN (figures set close, as on paper). */
export function describeRule(rule: HealthRule): string {
  switch (rule.code) {
    case "overdue_milestone":
    case "overdue_item": {
      const p = rule.params;
      const what = rule.code === "overdue_milestone" ? "个推进节点" : "项整改事项";
      return `${p.count}${what}逾期未完成：${titles(p.titles)}，最早于${chineseDate(p.earliestDate)}到期，已逾期${count(p.mostDaysOverdue)}天`;
    }
    case "target_year_passed":
      return rule.params.allTargetYearsPassed
        ? `工作方案各年度目标均已到期（最后为${rule.params.year}年），仍有${count(rule.params.overdueHouseholds)}户未回迁`
        : `${rule.params.year}年度回迁目标已到期，仍有${count(rule.params.overdueHouseholds)}户未回迁`;
    case "subsidy_arrears":
      return `临时安置补助费欠发超过90天：${fenToYuan(rule.params.amountFen)}元，最早欠发月份为${chineseMonth(rule.params.oldestDueMonth)}`;
    case "behind_plan": {
      const p = rule.params;
      const line = rule.level === "red" ? "严重线" : "预警线";
      return `回迁进度落后计划${count(p.gapHouseholds)}户，占总户数${percent(p.gapPercent)}，超过${percent(p.marginPercent)}的${line}（按计划此时应回迁${count(p.expectedToDate)}户，实际${count(p.movedBack)}户）`;
    }
    case "blocked_milestone":
      return `${rule.params.count}个推进节点受阻：${titles(rule.params.titles)}`;
    case "blocked_item":
      return `${rule.params.count}项整改事项受阻：${titles(rule.params.titles)}`;
    case "due_soon":
      return `${rule.params.count}项工作将在${rule.params.withinDays}天内到期：${titles(rule.params.titles)}，最早于${chineseDate(rule.params.earliestDate)}到期`;
  }
}
