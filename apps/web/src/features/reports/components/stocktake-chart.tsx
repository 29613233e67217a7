import type { TrajectoryYear } from "@resettle/domain";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { use as registerChartModules } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useMemo } from "react";
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
  /** Called once the chart is drawn (echarts draws synchronously with animation off). */
  onDrawn: () => void;
};

/** A project's trajectory in the stocktake pack: the project page's chart, reporting when it is on the page. */
export default function StocktakeChart({ years, labels, description, onDrawn }: Props) {
  const option = useMemo(() => buildProjectTrajectoryOption(years, labels), [years, labels]);
  const container = useEcharts(option);
  // Runs after useEcharts' own effects: the chart has been initialised and given its option.
  useEffect(() => onDrawn(), [onDrawn]);
  return <div ref={container} className="project-chart" role="img" aria-label={description} />;
}
