import type { ScorecardQuery, ScorecardRow, ScorePeriod } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Col, Empty, Result, Row, Skeleton } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { SectionCard } from "../../../components/ui/section-card";
import { isApiError } from "../../../lib/api-error";
import { formatDate } from "../../../lib/format";
import { scorecardsQueries } from "../api/scorecards.queries";
import type { ScorecardAddress } from "../lib/address";
import { choiceOf, currentQuarter, periodOf } from "../lib/period";
import { RankingTable, type RecordPart } from "./ranking-table";
import { RulesPanel } from "./rules-panel";
import { ScoreRecordsDrawer } from "./score-records-drawer";
import { ScorecardControls } from "./scorecard-controls";
import "../scorecards.css";

// echarts is the heaviest dependency: the chart comes after the ranking has shown.
const ScoreChart = lazy(() => import("./score-chart"));

type Props = {
  address: ScorecardAddress;
  onChange: (patch: Partial<ScorecardAddress>) => void;
};

/** The period in words: 2026年第四季度, Q4 2026; 2026年度, 2026. */
function usePeriodWords() {
  const { t } = useTranslation();
  return (period: ScorePeriod) => {
    const { year, quarter } = choiceOf(period);
    return quarter === null ? t("scorecards.periodYear", { year }) : t(`scorecards.periodQuarter.${quarter}`, { year });
  };
}

/**
 * 绩效考评: the controls, the ranking with the figures behind every score (and their records),
 * the scores as bars, and the rules they were computed with.
 */
export function ScorecardBoard({ address, onChange }: Props) {
  const { t } = useTranslation();
  const periodWords = usePeriodWords();
  const query: ScorecardQuery = {
    period: address.period ?? periodOf(currentQuarter()),
    kind: address.kind,
    rulesVersion: address.rulesVersion,
  };
  const card = useQuery(scorecardsQueries.card(query));
  const versions = useQuery(scorecardsQueries.rules());
  const [open, setOpen] = useState<{ row: ScorecardRow; part: RecordPart } | null>(null);
  const refused = isApiError(card.error) ? card.error.details[0] : undefined;

  return (
    <section aria-label={t("scorecards.title")}>
      <ScorecardControls query={query} versions={versions.data} onChange={onChange} />
      {refused?.path === "query.period" ? (
        <Result
          status="info"
          title={t("scorecards.notBegun", { period: periodWords(query.period) })}
          extra={<Button onClick={() => onChange({ period: undefined })}>{t("scorecards.thisQuarter")}</Button>}
        />
      ) : refused?.path === "query.rulesVersion" ? (
        <Result
          status="info"
          title={t("scorecards.noSuchVersion", { version: query.rulesVersion })}
          extra={<Button onClick={() => onChange({ rulesVersion: undefined })}>{t("scorecards.rulesInForce")}</Button>}
        />
      ) : (
        <QueryView query={card} skeletonRows={8}>
          {(data) => (
            <>
              <p className="scorecard-summary">
                {t("scorecards.summary", {
                  period: periodWords(data.period),
                  from: formatDate(data.from),
                  to: formatDate(data.to),
                  kind: t(`scorecards.kinds.${data.kind}`),
                  asOf: formatDate(data.asOf),
                  version: data.rules.version,
                })}
              </p>
              <div className="panel">
                <RankingTable card={data} loading={card.isFetching} onOpen={(row, part) => setOpen({ row, part })} />
              </div>
              <Row gutter={[16, 16]} className="scorecard-below">
                <Col xs={24} xl={13}>
                  <SectionCard title={t("scorecards.chartTitle")}>
                    {data.rows.length === 0 ? (
                      <Empty description={t(`scorecards.empty.${data.kind}`)} />
                    ) : (
                      <Suspense fallback={<Skeleton.Node active className="score-chart-placeholder" />}>
                        <ScoreChart
                          rows={data.rows}
                          seriesName={t("scorecards.score")}
                          description={t("scorecards.chartLabel", {
                            period: periodWords(data.period),
                            scores: [...data.rows]
                              .sort((a, b) => a.rank - b.rank)
                              .map((row) => t("scorecards.chartRow", { name: row.name, score: row.score.toFixed(1) }))
                              .join(t("common.listSeparator")),
                          })}
                        />
                      </Suspense>
                    )}
                  </SectionCard>
                </Col>
                <Col xs={24} xl={11}>
                  <RulesPanel used={data.rules} versions={versions} />
                </Col>
              </Row>
              {open && (
                <ScoreRecordsDrawer
                  query={{ period: data.period, kind: data.kind }}
                  unit={open.row}
                  part={open.part}
                  onClose={() => setOpen(null)}
                />
              )}
            </>
          )}
        </QueryView>
      )}
    </section>
  );
}
