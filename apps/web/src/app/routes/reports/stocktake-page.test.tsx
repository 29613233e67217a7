import type { Stocktake } from "@resettle/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { useEffect } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import StocktakePage from "./stocktake-page";

// echarts draws in a real browser; here a chart says what it shows, and whether it has been drawn
// is the test's to decide.
const charts = vi.hoisted(() => ({ draw: true }));
vi.mock("../../../features/reports/components/stocktake-chart", () => ({
  default: function Chart({ description, onDrawn }: { description: string; onDrawn: () => void }) {
    useEffect(() => {
      if (charts.draw) onDrawn();
    }, [onDrawn]);
    return <div role="img" aria-label={description} />;
  },
}));

const id = (n: number) => `0b8f5a52-3c1d-4e2f-8a9b-${String(n).padStart(12, "0")}`;
const ref = (n: number, name: string) => ({ id: id(n), name });
const group = ref(1, "双台子区个性问题项目联合工作组");

const stocktake: Stocktake = {
  asOf: "2026-11-25",
  group: { ...group, leadDepartment: ref(2, "市住建局") },
  projects: [
    {
      id: id(10),
      name: "宏伟小区",
      district: ref(3, "双台子区"),
      status: "stalled",
      responsibleDepartment: ref(4, "双台子区政府"),
      responsiblePerson: ref(5, "张主任"),
      problemStatement: "开发企业资金链断裂致工程停工",
      trajectory: {
        asOf: "2026-11-25",
        totalHouseholds: 1112,
        years: [
          {
            year: 2019,
            plannedHouseholds: 1112,
            cumulativePlanned: 1112,
            cumulativePlannedPercent: 100,
            cumulativeActual: 500,
            cumulativeActualPercent: 45,
            actualInYear: 500,
            gap: 612,
          },
        ],
        movedBack: 500,
        movedBackPercent: 45,
        remaining: 612,
        expectedToDate: 1112,
        gapToDate: 612,
        gapToDatePercent: 55,
        nextTarget: null,
        targetsPassed: true,
        overdueHouseholds: 612,
        recentPace: 0,
        forecastCompletion: null,
        status: "behind",
      },
      level: "red",
      rules: [
        {
          code: "target_year_passed",
          level: "red",
          params: { year: 2019, overdueHouseholds: 612, allTargetYearsPassed: true },
        },
      ],
      lastReview: { id: id(20), heldOn: "2026-10-20", decisions: "市财政局研究续建资金方案" },
      blockers: [
        {
          kind: "milestone",
          id: id(30),
          title: "土地证、房产证办理",
          dueDate: "2019-03-31",
          status: "blocked",
          department: ref(6, "市国土资源局"),
          overdue: true,
          reason: "开发企业欠缴土地出让金",
        },
      ],
      followUps: [
        {
          kind: "item",
          id: id(31),
          title: "续建资金方案报市政府审定",
          dueDate: "2026-12-10",
          status: "awaiting_verification",
          department: ref(7, "市财政局"),
          overdue: false,
          reviewHeldOn: "2026-10-20",
        },
      ],
      tickets: { open: 0, overdue: 0, items: [] },
      arrears: null,
      decisionsOwed: {
        verifications: [
          {
            kind: "item",
            id: id(31),
            title: "续建资金方案报市政府审定",
            dueDate: "2026-12-10",
            status: "awaiting_verification",
            department: ref(7, "市财政局"),
            overdue: false,
            completedOn: "2026-11-24",
          },
        ],
        noticeReviews: [
          { id: id(40), number: "盘回迁督〔2026〕3号", level: "red", department: ref(4, "双台子区政府") },
        ],
        extensions: [],
      },
    },
  ],
};

function render() {
  const calls = stubFetchByUrl([
    [/\/api\/working-groups/, { status: 200, body: [] }],
    [/\/api\/reports\/stocktake\?/, { status: 200, body: stocktake }],
  ]);
  renderWithProviders(<StocktakePage />, "zh-CN", { route: `/reports/stocktake?groupId=${group.id}` });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  charts.draw = true;
});

describe("StocktakePage", () => {
  it("lays out each project of the group with its blockers, follow-ups and decisions owed; prints once the charts are drawn", async () => {
    const calls = render();
    const pack = await screen.findByRole("article", { name: "逐项目研判材料" });
    expect(new URL(calls.find((c) => c.url.includes("stocktake"))!.url, "http://x").searchParams.get("groupId")).toBe(
      group.id,
    );
    const project = within(pack).getByRole("region", { name: /1\. 宏伟小区/ });
    expect(await within(project).findByRole("img", { name: /宏伟小区计划与实际累计回迁户数/ })).toBeTruthy();
    expect(within(project).getByRole("table", { name: "受阻事项" }).textContent).toContain("开发企业欠缴土地出让金");
    expect(within(project).getByRole("table", { name: "研判会确定的后续措施（未完成）" }).textContent).toContain(
      "待复核",
    );
    expect(project.textContent).toContain(
      "待复核：整改事项“续建资金方案报市政府审定”（市财政局，2026年11月24日登记完成）",
    );
    expect(project.textContent).toContain("待复核督办单反馈：盘回迁督〔2026〕3号（红色督办，双台子区政府）");
    expect(project.textContent).toContain("未设定补助标准。");
    await waitFor(() => expect(screen.getByRole("button", { name: /打\s*印/ }).hasAttribute("disabled")).toBe(false));
  });

  it("keeps 打印 disabled while a chart is not drawn yet", async () => {
    charts.draw = false;
    render();
    const pack = await screen.findByRole("article", { name: "逐项目研判材料" });
    // The chart is on the page, not drawn.
    await within(pack).findByRole("img", { name: /宏伟小区计划与实际累计回迁户数/ });
    expect(screen.getByRole("button", { name: /打\s*印/ }).hasAttribute("disabled")).toBe(true);
  });
});
