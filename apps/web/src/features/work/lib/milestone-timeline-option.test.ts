import { describe, expect, it } from "vitest";
import { buildMilestoneTimelineOption } from "./milestone-timeline-option";
import { milestone as inProgress } from "../../../test/work.fixture";

/** The shared milestone in progress, its title carrying markup. */
const milestone = {
  ...inProgress,
  title: `主体封顶<img src=x onerror="alert(1)"><style>*{display:none}</style>`,
  dueDate: "2019-06-30",
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
