import type { Milestone } from "@resettle/domain";
import { describe, expect, it } from "vitest";
import { buildMilestoneTimelineOption } from "./milestone-timeline-option";
import { noCompletion } from "../../../test/work.fixture";

const milestone: Milestone = {
  id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
  projectId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
  ...noCompletion,
  kind: "construction",
  title: `主体封顶<img src=x onerror="alert(1)"><style>*{display:none}</style>`,
  dueDate: "2019-06-30",
  status: "in_progress",
  responsibleDepartmentId: null,
  responsiblePersonId: null,
  completedAt: null,
  completedBy: null,
  blockedReason: null,
  version: 1,
  withdrawn: null,
};

describe("the milestone timeline's tooltip", () => {
  it("shows a title as text: ECharts puts the formatter's string into the page as HTML", () => {
    const option = buildMilestoneTimelineOption([milestone], "2026-11-25", {
      today: "今天",
      status: () => "进行中",
      overdue: () => "逾期 2,705 天",
    });
    const tooltip = option.tooltip.formatter({ dataIndex: 0, seriesType: "scatter" });
    expect(tooltip).toBe(
      "主体封顶&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;style&gt;*{display:none}&lt;/style&gt;" +
        "<br/>2019-06-30 · 进行中<br/>逾期 2,705 天",
    );
  });
});
