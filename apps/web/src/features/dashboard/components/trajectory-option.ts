import type { DistrictYearRow } from "@resettle/domain";
import { formatPercent } from "../../../lib/format";

export type TrajectoryLabels = {
  planned: string;
  floor: string;
  actual: string;
  year: (year: number) => string;
};

const TRAJECTORY_COLORS = { planned: "#1677ff", floor: "#cf1322", actual: "#389e0d" } as const;

/** The ECharts option of a district's trajectory: plan, floor and actual cumulative shares. */
export function buildTrajectoryOption(rows: DistrictYearRow[], labels: TrajectoryLabels) {
  const line = { type: "line" as const, symbolSize: 8, emphasis: { disabled: true } };
  return {
    // A printed or screenshotted chart must be complete, never caught mid-animation.
    animation: false,
    color: [TRAJECTORY_COLORS.planned, TRAJECTORY_COLORS.floor, TRAJECTORY_COLORS.actual],
    grid: { left: 48, right: 24, top: 16, bottom: 56 },
    legend: { bottom: 0, itemWidth: 24, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: "axis" as const,
      valueFormatter: (value: unknown) => formatPercent(typeof value === "number" ? value : null),
    },
    xAxis: { type: "category" as const, boundaryGap: false, data: rows.map((row) => labels.year(row.year)) },
    yAxis: {
      type: "value" as const,
      min: 0,
      max: 100,
      interval: 20,
      axisLabel: { formatter: "{value}%" },
    },
    series: [
      { ...line, name: labels.planned, data: rows.map((r) => r.cumulativePlannedPercent), symbol: "circle" },
      {
        ...line,
        name: labels.floor,
        // The floor holds from one year-end until the next, then steps up.
        step: "end" as const,
        symbol: "rect",
        lineStyle: { type: "dashed" as const, width: 2 },
        data: rows.map((r) => r.floorPercent),
      },
      {
        ...line,
        name: labels.actual,
        symbol: "diamond",
        symbolSize: 11,
        lineStyle: { width: 3 },
        data: rows.map((r) => r.cumulativeActualPercent),
      },
    ],
  };
}
