import { fenToYuan, type HealthLevel, type HealthRule } from "@resettle/domain";
import type { TFunction } from "i18next";
import { formatCount, formatLongDate, formatPercent } from "../../../lib/format";

/** Titles named in a sentence: the first few, quoted, then "等" for the rest. */
const NAMED_TITLES = 3;

function titleList(t: TFunction, titles: string[]): string {
  const named = titles.slice(0, NAMED_TITLES).map((title) => t("health.quoted", { title }));
  const list = named.join(t("health.titleSeparator"));
  return titles.length > NAMED_TITLES ? t("health.titlesMore", { titles: list }) : list;
}

/**
 * One fired rule as a sentence a supervisor can act on: what is late or stuck, how many,
 * which, since when. The colour never stands alone.
 */
export function describeHealthRule(t: TFunction, rule: HealthRule, language: string): string {
  const date = (value: string) => formatLongDate(value, language);
  switch (rule.code) {
    case "overdue_milestone":
    case "overdue_item":
      return t(`health.rules.${rule.code}`, {
        count: rule.params.count,
        titles: titleList(t, rule.params.titles),
        date: date(rule.params.earliestDate),
        days: formatCount(rule.params.mostDaysOverdue),
      });
    case "target_year_passed":
      return t(
        rule.params.allTargetYearsPassed ? "health.rules.target_year_passed_all" : "health.rules.target_year_passed",
        {
          year: rule.params.year,
          households: formatCount(rule.params.overdueHouseholds),
        },
      );
    case "subsidy_arrears":
      return t("health.rules.subsidy_arrears", {
        amount: fenToYuan(rule.params.amountFen),
        month: rule.params.oldestDueMonth,
      });
    case "behind_plan":
      return t("health.rules.behind_plan", {
        gap: formatCount(rule.params.gapHouseholds),
        percent: formatPercent(rule.params.gapPercent),
        margin: formatPercent(rule.params.marginPercent),
        line: t(`health.line.${rule.level}`),
        expected: formatCount(rule.params.expectedToDate),
        movedBack: formatCount(rule.params.movedBack),
      });
    case "blocked_milestone":
    case "blocked_item":
      return t(`health.rules.${rule.code}`, { count: rule.params.count, titles: titleList(t, rule.params.titles) });
    case "due_soon":
      return t("health.rules.due_soon", {
        count: rule.params.count,
        days: rule.params.withinDays,
        titles: titleList(t, rule.params.titles),
        date: date(rule.params.earliestDate),
      });
  }
}

/** The one-line reading of a level, for beside its tag. */
export const healthSummaryKey = (level: HealthLevel) => `health.summary.${level}` as const;
