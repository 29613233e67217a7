import type { Milestone } from "@resettle/domain";
import { CustomChart, ScatterChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { use as registerChartModules } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { useEcharts } from "../../../components/ui/use-echarts";
import { buildMilestoneTimelineOption, type TimelineLabels } from "../lib/milestone-timeline-option";

registerChartModules([CustomChart, ScatterChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

type Props = { milestones: Milestone[]; today: string; labels: TimelineLabels; description: string };

/** The timetable on a time axis: one row per milestone, late spans drawn in red up to today. */
export default function MilestoneTimelineChart({ milestones, today, labels, description }: Props) {
  const option = useMemo(() => buildMilestoneTimelineOption(milestones, today, labels), [milestones, today, labels]);
  const container = useEcharts(option);
  const height = Math.max(160, 56 + milestones.length * 36);
  return <div ref={container} className="milestone-timeline" style={{ height }} role="img" aria-label={description} />;
}
