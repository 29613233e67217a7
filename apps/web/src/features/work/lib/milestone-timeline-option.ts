import { isOverdue, type Milestone } from "@resettle/domain";
import { sortByDueDate } from "./work-schedule";

export type TimelineLabels = {
  today: string;
  status: (m: Milestone) => string;
  overdue: (m: Milestone) => string;
};

export const TIMELINE_COLORS = {
  done: "#389e0d",
  overdue: "#cf1322",
  blocked: "#d46b08",
  open: "#1677ff",
} as const;

const colorOf = (m: Milestone, today: string) =>
  m.status === "done"
    ? TIMELINE_COLORS.done
    : isOverdue(m, today)
      ? TIMELINE_COLORS.overdue
      : m.status === "blocked"
        ? TIMELINE_COLORS.blocked
        : TIMELINE_COLORS.open;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

type RenderApi = {
  value: (dim: number) => number | string;
  coord: (point: (number | string)[]) => number[];
  size: (point: number[]) => number[];
  visual: (key: "color") => string;
};

/**
 * A Gantt-like row per milestone, earliest due first at the top: a marker at the due date,
 * and a bar for how late it is (until done, or until today while still open).
 */
export function buildMilestoneTimelineOption(milestones: Milestone[], today: string, labels: TimelineLabels) {
  const rows = sortByDueDate(milestones);
  const titles = rows.map((m) => m.title);
  const lateSpans = rows
    .map((m, index) => {
      const end = m.status === "done" ? m.completedAt?.slice(0, 10) : isOverdue(m, today) ? today : null;
      return end && end > m.dueDate ? { index, start: m.dueDate, end, color: colorOf(m, today) } : null;
    })
    .filter((span) => span !== null);

  return {
    animation: false,
    grid: { left: 8, right: 32, top: 24, bottom: 32, containLabel: true },
    tooltip: {
      trigger: "item" as const,
      formatter: (params: { dataIndex: number; seriesType: string }) => {
        const m = rows[params.seriesType === "scatter" ? params.dataIndex : lateSpans[params.dataIndex]!.index];
        if (!m) return "";
        // ECharts puts a formatter's string into the page as HTML: a title is text, escaped.
        return [m.title, `${m.dueDate} · ${labels.status(m)}`, isOverdue(m, today) ? labels.overdue(m) : ""]
          .filter(Boolean)
          .map(escapeHtml)
          .join("<br/>");
      },
    },
    xAxis: { type: "time" as const, splitLine: { show: true, lineStyle: { color: "#f0f0f0" } } },
    yAxis: {
      type: "category" as const,
      data: titles,
      inverse: true,
      axisTick: { show: false },
      axisLabel: { width: 180, overflow: "truncate" as const },
    },
    series: [
      {
        type: "custom" as const,
        name: "late",
        renderItem: (_params: unknown, api: RenderApi) => {
          const start = api.coord([api.value(1), api.value(0)]);
          const end = api.coord([api.value(2), api.value(0)]);
          const height = api.size([0, 1])[1]! * 0.36;
          return {
            type: "rect",
            shape: { x: start[0]!, y: start[1]! - height / 2, width: Math.max(end[0]! - start[0]!, 2), height },
            style: { fill: api.visual("color"), opacity: 0.35 },
          };
        },
        encode: { x: [1, 2], y: 0 },
        data: lateSpans.map((s) => ({ value: [s.index, s.start, s.end], itemStyle: { color: s.color } })),
      },
      {
        type: "scatter" as const,
        name: "due",
        symbolSize: 14,
        data: rows.map((m, index) => ({
          value: [m.dueDate, index],
          symbol: m.status === "done" ? "circle" : m.status === "blocked" ? "rect" : "diamond",
          itemStyle: { color: colorOf(m, today), borderColor: "#fff", borderWidth: 1 },
        })),
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: "#595959", type: "dashed" as const },
          label: { formatter: labels.today, position: "end" as const },
          data: [{ xAxis: today }],
        },
      },
    ],
  };
}
