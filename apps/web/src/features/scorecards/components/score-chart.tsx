import type { ScorecardRow } from "@resettle/domain";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import { use as registerChartModules } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useEcharts } from "../../../components/ui/use-echarts";
import { buildScoreChartOption, chartHeight } from "../lib/score-chart-option";

// Only what this chart draws: keeps the echarts chunk small. SVG prints sharply.
registerChartModules([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Props = {
  rows: ScorecardRow[];
  seriesName: string;
  /** What the chart shows, in words, for screen readers. */
  description: string;
};

/** The scores as horizontal bars in rank order (loaded lazily: echarts is the heaviest dependency). */
export default function ScoreChart({ rows, seriesName, description }: Props) {
  const option = useMemo(() => buildScoreChartOption(rows, seriesName), [rows, seriesName]);
  const container = useEcharts(option);
  return (
    <div
      ref={container}
      className="score-chart"
      style={{ height: chartHeight(rows.length) }}
      role="img"
      aria-label={description}
    />
  );
}
