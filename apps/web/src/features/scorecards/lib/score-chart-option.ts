import type { ScorecardRow } from "@resettle/domain";

const BAR = "#1677ff";
/** Below a pass mark the bar turns red, as the dashboard marks what lags. */
const BAR_LOW = "#cf1322";
const PASS_MARK = 60;

/** Each bar's height and the room around them: the chart grows with the number of units. */
export const chartHeight = (rows: number) => Math.max(160, rows * 28 + 48);

/** A horizontal bar per unit, the best at the top, scored 0–100. */
export function buildScoreChartOption(rows: Pick<ScorecardRow, "name" | "score" | "rank">[], seriesName: string) {
  const ranked = [...rows].sort((a, b) => a.rank - b.rank);
  return {
    // A printed chart must be complete, never caught mid-animation.
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 24 },
    tooltip: {
      trigger: "axis" as const,
      axisPointer: { type: "shadow" as const },
      valueFormatter: (value: unknown) => (typeof value === "number" ? value.toFixed(1) : String(value)),
    },
    xAxis: { type: "value" as const, min: 0, max: 100, interval: 20 },
    yAxis: {
      type: "category" as const,
      inverse: true,
      axisTick: { show: false },
      data: ranked.map((row) => row.name),
    },
    series: [
      {
        type: "bar" as const,
        name: seriesName,
        barMaxWidth: 18,
        emphasis: { disabled: true },
        label: {
          show: true,
          position: "right" as const,
          formatter: ({ value }: { value: unknown }) => (typeof value === "number" ? value.toFixed(1) : ""),
        },
        data: ranked.map((row) => ({
          value: row.score,
          itemStyle: { color: row.score < PASS_MARK ? BAR_LOW : BAR },
        })),
      },
    ],
  };
}
