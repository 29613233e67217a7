import { SCORE_PARTS, fenToYuan, type ScorecardRow, type ScoringRules } from "@resettle/domain";
import type { TFunction } from "i18next";
import { formatCount, formatRate } from "../../../lib/format";

/** Points as the rules and the scores write them: 10, 0.5, 87.5. */
export const formatPoints = (points: number) => formatRate(points);

/** The weights in words: 按期完成 30 分、任务进度 30 分 … */
export function weightsInWords(t: TFunction, rules: ScoringRules): string {
  return SCORE_PARTS.map((part) =>
    t("scorecards.rules.weight", { part: t(`scorecards.parts.${part}`), points: rules.weights[part] }),
  ).join(t("scorecards.rules.separator"));
}

/** The deductions in words, one sentence each. */
export function deductionsInWords(t: TFunction, rules: ScoringRules): string[] {
  const d = rules.deductions;
  return [
    t("scorecards.rules.overdue", { each: formatPoints(d.overdueEach), cap: formatPoints(d.overdueCap) }),
    t("scorecards.rules.notices", {
      blue: formatPoints(d.noticeBlue),
      yellow: formatPoints(d.noticeYellow),
      red: formatPoints(d.noticeRed),
    }),
    t("scorecards.rules.arrears", { points: formatPoints(d.arrears90Project) }),
  ];
}

/**
 * What was taken off one row, part by part, with the figures behind each deduction (the
 * rules' arithmetic as `scoreOf` in the domain does it); empty when nothing was.
 */
export function deductionLines(t: TFunction, rules: ScoringRules, row: ScorecardRow): string[] {
  const d = rules.deductions;
  const c = row.components;
  const lines: string[] = [];
  if (c.overdue.count > 0) {
    const points = Math.min(d.overdueCap, d.overdueEach * c.overdue.count);
    lines.push(
      t("scorecards.deductions.overdue", {
        count: c.overdue.count,
        days: formatCount(c.overdue.days),
        points: formatPoints(points),
      }) +
        (points === d.overdueCap && d.overdueEach * c.overdue.count > d.overdueCap
          ? t("scorecards.deductions.capped")
          : ""),
    );
  }
  const notices = c.notices.blue + c.notices.yellow + c.notices.red;
  if (notices > 0)
    lines.push(
      t("scorecards.deductions.notices", {
        blue: c.notices.blue,
        yellow: c.notices.yellow,
        red: c.notices.red,
        points: formatPoints(
          d.noticeBlue * c.notices.blue + d.noticeYellow * c.notices.yellow + d.noticeRed * c.notices.red,
        ),
      }),
    );
  if (c.arrears.projects90 > 0)
    lines.push(
      t("scorecards.deductions.arrears", {
        count: c.arrears.projects90,
        amount: fenToYuan(c.arrears.amountOwed90),
        points: formatPoints(d.arrears90Project * c.arrears.projects90),
      }),
    );
  return lines;
}
