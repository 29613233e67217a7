import {
  SCORE_PARTS,
  type Scorecard,
  type ScorecardRow,
  type ScorePart,
  type ScoreRecordsQuery,
} from "@resettle/domain";
import { Table, Tooltip, type TableColumnsType } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { numberColumn } from "../../../components/ui/table-columns";
import { formatCount } from "../../../lib/format";
import { deductionLines, formatPoints } from "../lib/rules-words";

export type RecordPart = ScoreRecordsQuery["part"];

type Props = {
  card: Scorecard;
  loading: boolean;
  /** A figure with records behind it was clicked (下钻). */
  onOpen: (row: ScorecardRow, part: RecordPart) => void;
};

/** The figure behind a part's points (1/3), and whether its records can be listed. */
function figureOf(t: TFunction, row: ScorecardRow, part: ScorePart): { text: string; records: RecordPart | null } {
  const c = row.components;
  switch (part) {
    case "onTime":
      return { text: t("scorecards.figures.onTime", { done: c.onTime.onTime, due: c.onTime.due }), records: "onTime" };
    case "quota":
      return {
        text: t("scorecards.figures.quota", {
          done: formatCount(c.quota.movedBack),
          due: formatCount(c.quota.expected),
        }),
        records: null,
      };
    case "notices":
      return {
        text: t("scorecards.figures.notices", { done: c.notices.answeredOnTime, due: c.notices.due }),
        records: "notices",
      };
    case "tickets":
      return {
        text: t("scorecards.figures.tickets", { done: c.tickets.withinDeadline, due: c.tickets.due }),
        records: "tickets",
      };
    case "freshness":
      return {
        text: t("scorecards.figures.freshness", { done: c.freshness.fresh, due: c.freshness.open }),
        records: null,
      };
    case "cooperation":
      return {
        text: t("scorecards.figures.cooperation", { done: c.cooperation.responded, due: c.cooperation.open }),
        records: "cooperation",
      };
  }
}

/** A link-looking button that stays on paper (antd's buttons are not printed). */
function FigureButton({ label, onClick, children }: { label: string; onClick: () => void; children: string }) {
  return (
    <button type="button" className="score-figure" aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}

/**
 * 考评排名: rank, unit, total, each part's points beside the figure behind them (a figure with
 * records behind it opens them), and what was deducted, explained.
 */
export function RankingTable({ card, loading, onOpen }: Props) {
  const { t } = useTranslation();
  const partColumn = (part: ScorePart): TableColumnsType<ScorecardRow>[number] => ({
    key: part,
    title: (
      <>
        {t(`scorecards.parts.${part}`)}
        <div className="score-hint">{t("scorecards.weightShort", { points: card.rules.rules.weights[part] })}</div>
      </>
    ),
    className: "cell-nowrap",
    render: (_, row) => {
      const points = row.points[part];
      if (points === null) return <span className="score-na">{t("scorecards.notApplicable")}</span>;
      const figure = figureOf(t, row, part);
      const partName = t(`scorecards.parts.${part}`);
      return (
        <>
          {t("scorecards.points", { points: points.toFixed(1) })}
          <span className="score-sep"> · </span>
          {figure.records ? (
            <FigureButton
              label={t("scorecards.records.open", { name: row.name, part: partName, figure: figure.text })}
              onClick={() => onOpen(row, figure.records!)}
            >
              {figure.text}
            </FigureButton>
          ) : (
            figure.text
          )}
        </>
      );
    },
  });

  const columns: TableColumnsType<ScorecardRow> = [
    numberColumn({ key: "rank", title: t("scorecards.rank"), render: (row) => row.rank }),
    {
      key: "name",
      title: t(`scorecards.unit.${card.kind}`),
      className: "cell-nowrap",
      render: (_, row) => row.name,
    },
    numberColumn({
      key: "score",
      title: t("scorecards.score"),
      render: (row) => <strong className="score-total">{row.score.toFixed(1)}</strong>,
    }),
    ...SCORE_PARTS.map(partColumn),
    {
      key: "deductions",
      title: t("scorecards.deductionsTitle"),
      className: "cell-nowrap",
      render: (_, row) => {
        const lines = deductionLines(t, card.rules.rules, row);
        const explained = lines.length > 0 ? lines.join(t("common.listSeparator")) : t("scorecards.deductions.none");
        return (
          <>
            <Tooltip title={lines.length > 0 ? lines.map((line) => <div key={line}>{line}</div>) : explained}>
              <span
                tabIndex={0}
                className={row.points.deductions > 0 ? "score-deducted" : undefined}
                aria-label={t("scorecards.deductions.label", {
                  points: formatPoints(row.points.deductions),
                  why: explained,
                })}
              >
                {row.points.deductions > 0 ? `−${row.points.deductions.toFixed(1)}` : "0"}
              </span>
            </Tooltip>
            {row.components.overdue.count > 0 && (
              <>
                <span className="score-sep"> · </span>
                <FigureButton
                  label={t("scorecards.records.open", {
                    name: row.name,
                    part: t("scorecards.recordParts.overdue"),
                    figure: t("scorecards.figures.overdue", { count: row.components.overdue.count }),
                  })}
                  onClick={() => onOpen(row, "overdue")}
                >
                  {t("scorecards.figures.overdue", { count: row.components.overdue.count })}
                </FigureButton>
              </>
            )}
          </>
        );
      },
    },
  ];

  return (
    <Table<ScorecardRow>
      rowKey="id"
      size="small"
      className="scorecard-table"
      aria-label={t("scorecards.tableLabel")}
      columns={columns}
      dataSource={card.rows}
      loading={loading}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t(`scorecards.empty.${card.kind}`) }}
    />
  );
}
