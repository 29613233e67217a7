import type { ScoringRuleSet } from "@resettle/domain";
import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, NO_VALUE } from "../../../lib/format";
import { deductionsInWords, weightsInWords } from "../lib/rules-words";

/** One version of the rules in words: from when, the weights, the deductions, what counts as up to date, why. */
export function RulesDescription({ set }: { set: ScoringRuleSet }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: "version",
          label: t("scorecards.rules.version"),
          children: t("scorecards.rules.versionFrom", { version: set.version, date: formatDate(set.effectiveFrom) }),
        },
        {
          key: "weights",
          label: t("scorecards.rules.weights"),
          children: (
            <div>
              {weightsInWords(t, set.rules)}
              <div className="score-hint">{t("scorecards.rules.weightsHint")}</div>
            </div>
          ),
        },
        {
          key: "deductions",
          label: t("scorecards.rules.deductions"),
          children: (
            <ul className="score-rule-list">
              {deductionsInWords(t, set.rules).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ),
        },
        {
          key: "freshness",
          label: t("scorecards.parts.freshness"),
          children: t("scorecards.rules.freshness", { days: set.rules.freshnessDays }),
        },
        {
          key: "cooperation",
          label: t("scorecards.parts.cooperation"),
          children: t("scorecards.rules.cooperation"),
        },
        { key: "note", label: t("scorecards.rules.note"), children: set.note || NO_VALUE },
        {
          key: "by",
          label: t("scorecards.rules.createdBy"),
          // Version 1 comes with the database: nobody revised it.
          children: set.createdBy
            ? t("scorecards.rules.createdByAt", { by: set.createdBy, at: formatDateTime(set.createdAt) })
            : t("scorecards.rules.builtIn"),
        },
      ]}
    />
  );
}
