import { LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import { use as registerChartModules } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useEcharts } from "../../../components/ui/use-echarts";
import { formatCount } from "../../../lib/format";
import type { CumulativePoint } from "../lib/cumulative";

registerChartModules([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

type Props = {
  points: CumulativePoint[];
  seriesName: string;
  /** What the chart shows, in words, for screen readers. */
  description: string;
};

/** Households moved back over time: the ledger's running total, stepping at each report. */
export default function ProgressChart({ points, seriesName, description }: Props) {
  const option = useMemo(
    () => ({
      animation: false,
      color: ["#389e0d"],
      grid: { left: 56, right: 24, top: 16, bottom: 32 },
      tooltip: {
        trigger: "axis" as const,
        valueFormatter: (value: unknown) => formatCount(typeof value === "number" ? value : null),
      },
      xAxis: { type: "time" as const },
      yAxis: { type: "value" as const, min: 0 },
      series: [
        {
          type: "line" as const,
          name: seriesName,
          step: "end" as const,
          symbolSize: 7,
          areaStyle: { opacity: 0.12 },
          data: points.map((p) => [p.date, p.total]),
        },
      ],
    }),
    [points, seriesName],
  );
  const container = useEcharts(option);
  return <div ref={container} className="project-chart" role="img" aria-label={description} />;
}
