import type { DistrictYearRow } from "@resettle/domain";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use, type ECharts } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { buildTrajectoryOption, type TrajectoryLabels } from "./trajectory-option";

// Only what this chart draws: keeps the echarts chunk small. SVG prints sharply.
use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Props = {
  rows: DistrictYearRow[];
  labels: TrajectoryLabels;
  /** What the chart shows, in words, for screen readers. */
  description: string;
};

export default function TrajectoryChart({ rows, labels, description }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(buildTrajectoryOption(rows, labels), true);
  }, [rows, labels]);

  return <div ref={container} className="trajectory-chart" role="img" aria-label={description} />;
}
