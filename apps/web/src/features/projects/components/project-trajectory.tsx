import type { Trajectory } from "@resettle/domain";
import { Descriptions, Skeleton, Tag } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatCount, formatLongDate, formatPercent, formatRate, withUnit } from "../../../lib/format";

// echarts loads after the page has shown, as on the dashboard.
const ProjectTrajectoryChart = lazy(() => import("./project-trajectory-chart"));

const STATUS_COLOR: Record<Trajectory["status"], string> = {
  not_started: "default",
  behind: "error",
  on_track: "processing",
  ahead: "success",
  finished: "success",
};

/** 回迁进度: where the project stands against its plan, and what it takes to make the next target. */
export function ProjectTrajectory({ trajectory, name }: { trajectory: Trajectory; name: string }) {
  const { t, i18n } = useTranslation();
  const households = (n: number) => withUnit(formatCount(n), t("units.households"));
  const perMonth = (n: number) => t("trajectory.perMonth", { value: formatRate(n) });
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

  const gap = trajectory.gapToDate;
  const gapText =
    gap > 0
      ? t("trajectory.gapBehind", { households: households(gap), percent: formatPercent(trajectory.gapToDatePercent) })
      : gap < 0
        ? t("trajectory.gapAhead", { households: households(-gap) })
        : t("trajectory.gapNone");
  const next = trajectory.nextTarget;

  const items = [
    {
      key: "status",
      label: t("trajectory.status"),
      children: <Tag color={STATUS_COLOR[trajectory.status]}>{t(`trajectory.statuses.${trajectory.status}`)}</Tag>,
    },
    {
      key: "movedBack",
      label: t("trajectory.movedBack"),
      children: t("common.countWithShare", {
        value: households(trajectory.movedBack),
        percent: formatPercent(trajectory.movedBackPercent),
      }),
    },
    { key: "remaining", label: t("trajectory.remaining"), children: households(trajectory.remaining) },
    {
      key: "gap",
      label: t("trajectory.gap"),
      children: (
        <span className={gap > 0 ? "figure-behind" : undefined}>
          {gapText}
          <span className="figure-note">
            {t("trajectory.expectedToDate", { households: households(trajectory.expectedToDate) })}
          </span>
        </span>
      ),
    },
    {
      key: "next",
      label: t("trajectory.nextTarget"),
      span: "filled" as const,
      children: next
        ? t("trajectory.nextTargetText", {
            year: next.year,
            date: formatLongDate(next.dueDate, i18n.language),
            households: households(next.householdsNeeded),
            months: formatRate(next.monthsLeft),
            rate: perMonth(next.requiredMonthlyRate),
          })
        : trajectory.remaining === 0
          ? t("trajectory.nextTargetDone")
          : t("trajectory.nextTargetNone", { households: households(trajectory.overdueHouseholds) }),
    },
    { key: "pace", label: t("trajectory.recentPace"), children: perMonth(trajectory.recentPace) },
    {
      key: "forecast",
      label: t("trajectory.forecast"),
      children: trajectory.forecastCompletion ? (
        formatLongDate(trajectory.forecastCompletion, i18n.language)
      ) : (
        <span className="figure-behind">{t("trajectory.forecastNever")}</span>
      ),
    },
  ];

  return (
    <div className="project-trajectory">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
      {trajectory.years.length > 0 && (
        <Suspense fallback={<Skeleton.Node active className="project-chart-placeholder" />}>
          <ProjectTrajectoryChart years={trajectory.years} labels={labels} description={description} />
        </Suspense>
      )}
    </div>
  );
}
