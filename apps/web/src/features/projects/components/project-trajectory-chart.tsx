import type { TrajectoryYear } from "@resettle/domain";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { use as registerChartModules } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useEcharts } from "../../../components/ui/use-echarts";
import { formatCount } from "../../../lib/format";

registerChartModules([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type ProjectTrajectoryLabels = { planned: string; actual: string; year: (year: number) => string };

type Props = {
  years: TrajectoryYear[];
  labels: ProjectTrajectoryLabels;
  description: string;
};

/** Planned against actual cumulative households by year-end, in households (not shares). */
export default function ProjectTrajectoryChart({ years, labels, description }: Props) {
  const option = useMemo(
    () => ({
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
    }),
    [years, labels],
  );
  const container = useEcharts(option);
  return <div ref={container} className="project-chart" role="img" aria-label={description} />;
}
