import type { DistrictYearRow } from "@resettle/domain";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { use as registerChartModules } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useEcharts } from "../../../components/ui/use-echarts";
import { buildTrajectoryOption, type TrajectoryLabels } from "./trajectory-option";

// Only what this chart draws: keeps the echarts chunk small. SVG prints sharply.
registerChartModules([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Props = {
  rows: DistrictYearRow[];
  labels: TrajectoryLabels;
  /** What the chart shows, in words, for screen readers. */
  description: string;
};

export default function TrajectoryChart({ rows, labels, description }: Props) {
  const option = useMemo(() => buildTrajectoryOption(rows, labels), [rows, labels]);
  const container = useEcharts(option);
  return <div ref={container} className="trajectory-chart" role="img" aria-label={description} />;
}
