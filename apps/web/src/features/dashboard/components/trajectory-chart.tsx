import type { DistrictYearRow } from "@resettle/domain";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use as registerChartModules, type ECharts } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { buildTrajectoryOption, type TrajectoryLabels } from "./trajectory-option";

// Only what this chart draws: keeps the echarts chunk small. SVG prints sharply.
registerChartModules([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * ECharts draws its SVG at fixed pixel sizes without a viewBox; adding one lets the print
 * stylesheet scale the chart to the A4 page width instead of cropping it.
 */
function makeScalable(element: HTMLElement): void {
  const svg = element.querySelector("svg");
  const width = svg?.getAttribute("width");
  const height = svg?.getAttribute("height");
  if (svg && width && height) svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
}

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
    instance.on("finished", () => makeScalable(element));
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
