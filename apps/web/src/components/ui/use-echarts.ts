import { init, type ECharts, type EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "react";

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

/**
 * An SVG chart in the returned element, resized with it and redrawn whenever `option`
 * changes. Callers register the echarts modules they draw with, as the dashboard chart does.
 */
export function useEcharts(option: EChartsCoreOption) {
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
    chart.current?.setOption(option, true);
  }, [option]);

  return container;
}
