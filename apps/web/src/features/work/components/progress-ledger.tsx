import { useQuery } from "@tanstack/react-query";
import { Alert, Flex, Skeleton, Space } from "antd";
import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../../components/ui/export-button";
import { QueryView } from "../../../components/ui/query-view";
import { formatCount, formatDate } from "../../../lib/format";
import { planWindowsQuery } from "../../../lib/plan-windows";
import { progressQueries } from "../api/progress.queries";
import { cumulativeByDate } from "../lib/cumulative";
import { CorrectProgressDialog } from "./correct-progress-dialog";
import { ProgressLedgerTable } from "./progress-ledger-table";
import { ReportProgressForm, type ProjectFigures } from "./report-progress-form";

const ProgressChart = lazy(() => import("./progress-chart"));

const PAGE_SIZE = 10;

type Props = {
  projectId: string;
  projectName: string;
  /** The project's figures the forms bound a count by. */
  project: ProjectFigures;
  canReport: boolean;
  /** The project's registry (回迁户台账) writes its entries: no typed reports, and the page says so. */
  fromRegistry?: boolean;
};

/** 回迁进度台账: the running total drawn, the entries a page at a time, and (for those allowed) a report or a correction. */
export function ProgressLedger({ projectId, projectName, project, canReport, fromRegistry = false }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const ledger = useQuery(progressQueries.ledger(projectId, page, PAGE_SIZE));
  const days = useQuery(progressQueries.days(projectId));
  const windows = useQuery({ ...planWindowsQuery(), enabled: canReport });
  const points = useMemo(() => cumulativeByDate(days.data ?? []), [days.data]);
  const description = t("progress.chart.label", {
    name: projectName,
    summary: points
      .map((p) => t("progress.chart.point", { date: formatDate(p.date), total: formatCount(p.total) }))
      .join(t("common.listSeparator")),
  });

  return (
    <div className="progress-ledger">
      {fromRegistry && <Alert type="info" showIcon className="form-alert" title={t("progress.fromRegistry")} />}
      {canReport && (
        <>
          <h3 className="subsection-title">{t("progress.form.title")}</h3>
          <QueryView query={windows} compact>
            {(w) => (
              <Space direction="vertical" className="full-width">
                <ReportProgressForm projectId={projectId} project={project} windows={w} />
                <CorrectProgressDialog projectId={projectId} project={project} windows={w} />
              </Space>
            )}
          </QueryView>
        </>
      )}
      {points.length > 0 && (
        <Suspense fallback={<Skeleton.Node active className="project-chart-placeholder" />}>
          <ProgressChart points={points} seriesName={t("progress.chart.series")} description={description} />
        </Suspense>
      )}
      <Flex justify="space-between" align="center" gap={8} wrap>
        <h3 className="subsection-title">{t("progress.ledger.title")}</h3>
        <ExportButton path={`/projects/${projectId}/progress-reports/export`} what={t("progress.ledger.title")} />
      </Flex>
      <QueryView query={ledger} compact>
        {(data) => <ProgressLedgerTable page={data} loading={ledger.isFetching} onPage={setPage} />}
      </QueryView>
    </div>
  );
}
