import type { TrajectoryYear } from "@resettle/domain";
import { formatCount } from "../../lib/format";

export type ProjectTrajectoryLabels = { planned: string; actual: string; year: (year: number) => string };

/**
 * The ECharts option of a project's trajectory: planned against actual cumulative households by
 * year-end, in households (not shares). The project page and the stocktake pack draw the same chart.
 */
export function buildProjectTrajectoryOption(years: TrajectoryYear[], labels: ProjectTrajectoryLabels) {
  return {
    // A printed chart must be complete, never caught mid-animation.
    animation: false,
    color: ["#1677ff", "#389e0d"],
    grid: { left: 56, right: 24, top: 16, bottom: 48 },
    legend: { bottom: 0, itemWidth: 24, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: "axis" as const,
      valueFormatter: (value: unknown) => formatCount(typeof value === "number" ? value : null),
    },
    xAxis: { type: "category" as const, data: years.map((y) => labels.year(y.year)) },
    yAxis: { type: "value" as const, min: 0 },
    series: [
      {
        type: "line" as const,
        name: labels.planned,
        symbol: "circle",
        symbolSize: 8,
        lineStyle: { type: "dashed" as const, width: 2 },
        data: years.map((y) => y.cumulativePlanned),
      },
      {
        type: "bar" as const,
        name: labels.actual,
        barMaxWidth: 36,
        data: years.map((y) => y.cumulativeActual),
      },
    ],
  };
}
