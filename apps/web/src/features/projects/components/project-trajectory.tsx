import type { Trajectory } from "@resettle/domain";
import { Skeleton } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { TrajectoryFigures } from "../../../components/ui/trajectory-figures";
import { formatCount } from "../../../lib/format";

// echarts loads after the page has shown, as on the dashboard.
const ProjectTrajectoryChart = lazy(() => import("./project-trajectory-chart"));

/** 回迁进度: where the project stands against its plan, and what it takes to make the next target. */
export function ProjectTrajectory({ trajectory, name }: { trajectory: Trajectory; name: string }) {
  const { t } = useTranslation();
  const labels = useMemo(
    () => ({
      planned: t("trajectory.chart.planned"),
      actual: t("trajectory.chart.actual"),
      year: (year: number) => t("common.yearLabel", { year }),
    }),
    [t],
  );
  const description = t("trajectory.chart.label", {
    name,
    summary: trajectory.years
      .map((y) =>
        t("trajectory.chart.year", {
          year: y.year,
          planned: formatCount(y.cumulativePlanned),
          actual: formatCount(y.cumulativeActual),
        }),
      )
      .join(t("common.listSeparator")),
  });

  return (
    <div className="project-trajectory">
      <TrajectoryFigures trajectory={trajectory} showTotals />
      {trajectory.years.length > 0 && (
        <Suspense fallback={<Skeleton.Node active className="project-chart-placeholder" />}>
          <ProjectTrajectoryChart years={trajectory.years} labels={labels} description={description} />
        </Suspense>
      )}
    </div>
  );
}
