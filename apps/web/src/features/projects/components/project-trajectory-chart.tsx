import type { TrajectoryYear } from "@resettle/domain";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { use as registerChartModules } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useMemo } from "react";
import {
  buildProjectTrajectoryOption,
  type ProjectTrajectoryLabels,
} from "../../../components/ui/project-trajectory-option";
import { useEcharts } from "../../../components/ui/use-echarts";

registerChartModules([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Props = {
  years: TrajectoryYear[];
  labels: ProjectTrajectoryLabels;
  description: string;
};

/** Planned against actual cumulative households by year-end, in households (not shares). */
export default function ProjectTrajectoryChart({ years, labels, description }: Props) {
  const option = useMemo(() => buildProjectTrajectoryOption(years, labels), [years, labels]);
  const container = useEcharts(option);
  return <div ref={container} className="project-chart" role="img" aria-label={description} />;
}
