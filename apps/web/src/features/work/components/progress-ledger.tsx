import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../../components/ui/query-view";
import { formatCount, formatDate } from "../../../lib/format";
import { progressQueries } from "../api/progress.queries";
import { cumulativeByDate } from "../lib/cumulative";
import { ProgressLedgerTable } from "./progress-ledger-table";
import { ReportProgressForm } from "./report-progress-form";

const ProgressChart = lazy(() => import("./progress-chart"));

type Props = {
  projectId: string;
  projectName: string;
  today: string;
  canReport: boolean;
};

/** 回迁进度台账: the running total drawn, every entry listed, and (for those allowed) a new report. */
export function ProgressLedger({ projectId, projectName, today, canReport }: Props) {
  const { t } = useTranslation();
  const query = useQuery(progressQueries.ledger(projectId));
  const points = useMemo(() => cumulativeByDate(query.data ?? []), [query.data]);
  const description = t("progress.chart.label", {
    name: projectName,
    summary: points
      .map((p) => t("progress.chart.point", { date: formatDate(p.date), total: formatCount(p.total) }))
      .join(t("common.listSeparator")),
  });

  return (
    <div className="progress-ledger">
      {canReport && (
        <>
          <h3 className="subsection-title">{t("progress.form.title")}</h3>
          <ReportProgressForm projectId={projectId} today={today} />
        </>
      )}
      <QueryView query={query} compact>
        {(reports) => (
          <>
            {points.length > 0 && (
              <Suspense fallback={<Skeleton.Node active className="project-chart-placeholder" />}>
                <ProgressChart points={points} seriesName={t("progress.chart.series")} description={description} />
              </Suspense>
            )}
            <h3 className="subsection-title">{t("progress.ledger.title")}</h3>
            <ProgressLedgerTable reports={reports} />
          </>
        )}
      </QueryView>
    </div>
  );
}
