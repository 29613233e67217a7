import type { ScoreKind, ScorecardQuery, ScoringRuleSet } from "@resettle/domain";
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Segmented, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { buildApiUrl } from "../../../lib/api-client";
import {
  choiceOf,
  currentQuarter,
  hasBegun,
  periodOf,
  yearsUpTo,
  type PeriodChoice,
  type Quarter,
} from "../lib/period";

const QUARTERS: Quarter[] = [1, 2, 3, 4];
/** The quarter select's value for the whole year. */
const WHOLE_YEAR = 0;

type Props = {
  query: ScorecardQuery;
  versions: ScoringRuleSet[] | undefined;
  onChange: (patch: Partial<ScorecardQuery>) => void;
};

/** 考评期间 (year and quarter), 按县区 / 按责任单位, the rules' version, and 导出 Excel. */
export function ScorecardControls({ query, versions, onChange }: Props) {
  const { t } = useTranslation();
  const now = currentQuarter();
  const { year, quarter } = choiceOf(query.period);
  // Moving to a year whose chosen quarter has not begun shows this quarter rather than a refusal.
  const choose = (choice: PeriodChoice) => onChange({ period: periodOf(hasBegun(choice, now) ? choice : now) });

  return (
    <Space wrap className="table-toolbar scorecard-controls no-print">
      <Select<number>
        aria-label={t("scorecards.year")}
        style={{ minWidth: 100 }}
        value={year}
        onChange={(y) => choose({ year: y, quarter })}
        options={yearsUpTo(now.year).map((y) => ({ value: y, label: t("common.yearLabel", { year: y }) }))}
      />
      <Select<number>
        aria-label={t("scorecards.quarter")}
        style={{ minWidth: 100 }}
        value={quarter ?? WHOLE_YEAR}
        onChange={(q) => choose({ year, quarter: q === WHOLE_YEAR ? null : (q as Quarter) })}
        options={[
          { value: WHOLE_YEAR, label: t("scorecards.quarters.year") },
          ...QUARTERS.map((q) => ({
            value: q,
            label: t(`scorecards.quarters.${q}`),
            disabled: !hasBegun({ year, quarter: q }, now),
          })),
        ]}
      />
      <Segmented<ScoreKind>
        aria-label={t("scorecards.kind")}
        value={query.kind}
        onChange={(kind) => onChange({ kind })}
        options={[
          { value: "district", label: t("scorecards.kinds.district") },
          { value: "department", label: t("scorecards.kinds.department") },
        ]}
      />
      <Select<number>
        allowClear
        aria-label={t("scorecards.rulesVersion")}
        placeholder={t("scorecards.rulesInForce")}
        style={{ minWidth: 200 }}
        value={query.rulesVersion}
        loading={!versions}
        onChange={(rulesVersion) => onChange({ rulesVersion })}
        options={versions?.map((v) => ({
          value: v.version,
          label: t("scorecards.rules.versionFrom", { version: v.version, date: v.effectiveFrom }),
        }))}
      />
      <Button icon={<DownloadOutlined />} href={buildApiUrl("/scorecards/export", { ...query })} download>
        {t("scorecards.export")}
      </Button>
    </Space>
  );
}
