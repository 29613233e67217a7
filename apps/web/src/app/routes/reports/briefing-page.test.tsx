import type { Briefing } from "@resettle/domain";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import BriefingPage from "./briefing-page";

const id = (n: number) => `0b8f5a52-3c1d-4e2f-8a9b-${String(n).padStart(12, "0")}`;
const shuangtaizi = { id: id(1), name: "双台子区" };
const dawa = { id: id(2), name: "大洼区" };

const briefing: Briefing = {
  date: "2026-11-25",
  issue: { year: 2026, number: 48 },
  window: { from: "2026-11-19", to: "2026-11-25" },
  generatedOn: "2026-11-25",
  plan: { title: "盘锦市国有土地上房屋征收超期未回迁问题解决工作方案", years: [2018, 2019, 2020] },
  demoData: false,
  totals: { projects: 8, households: 4722, movedBack: 2863, movedBackPercent: 60.6 },
  districts: [
    {
      ...shuangtaizi,
      projects: 5,
      households: 4606,
      movedBack: 2770,
      movedBackPercent: 60.1,
      floor: { year: 2020, percent: 100 },
      floorGapPoints: -39.9,
      movedBackInWindow: 30,
    },
    {
      ...dawa,
      projects: 3,
      households: 116,
      movedBack: 93,
      movedBackPercent: 80.2,
      floor: { year: 2020, percent: 100 },
      floorGapPoints: -19.8,
      movedBackInWindow: 0,
    },
  ],
  health: { green: 1, amber: 0, red: 1 },
  projects: [
    {
      id: id(10),
      name: "宏伟小区",
      district: shuangtaizi,
      status: "stalled",
      totalHouseholds: 1112,
      movedBack: 500,
      level: "red",
      rules: [
        {
          code: "target_year_passed",
          level: "red",
          params: { year: 2019, overdueHouseholds: 612, allTargetYearsPassed: true },
        },
      ],
    },
    {
      id: id(11),
      name: "荷塘月色项目",
      district: dawa,
      status: "completed",
      totalHouseholds: 48,
      movedBack: 48,
      level: "green",
      rules: [],
    },
  ],
  changes: {
    movedBack: { households: 30, entries: 1 },
    milestonesCompleted: 1,
    itemsCompleted: 2,
    noticesIssued: 1,
    ticketsOpened: 2,
    ticketsResolved: 0,
  },
  overdueByDepartment: [
    {
      department: { id: id(20), name: "市住建局" },
      milestones: 2,
      items: 1,
      oldestDueDate: "2019-12-31",
      mostDaysOverdue: 2521,
    },
  ],
  overdue: { milestones: 2, items: 1 },
  notices: {
    issued: [
      {
        id: id(30),
        number: "盘回迁督〔2026〕5号",
        level: "red",
        status: "issued",
        department: { id: id(20), name: "市住建局" },
        targetLabel: "学府园二期：施工许可证未办理",
        issuedAt: "2026-11-25T02:00:00.000Z",
        replyBy: "2026-12-05",
      },
    ],
    open: { blue: 1, yellow: 2, red: 1 },
  },
};

const windows = {
  today: "2026-11-25",
  reportedOn: { minimum: "2018-01-01", maximum: "2026-11-25" },
  dueDate: { minimum: "2018-01-01", maximum: "2031-12-31" },
};

afterEach(() => vi.unstubAllGlobals());

describe("BriefingPage", () => {
  it("renders the briefing of the date in the address as the office writes it, with its downloads", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/plan-windows/, { status: 200, body: windows }],
      [/\/api\/reports\/briefing\?/, { status: 200, body: briefing }],
    ]);
    renderWithProviders(<BriefingPage />, "zh-CN", { route: "/reports/briefing?date=2026-11-25" });

    const document = await screen.findByRole("article", { name: "工作简报" });
    expect(
      new URL(calls.find((c) => c.url.includes("/reports/briefing"))!.url, "http://x").searchParams.get("date"),
    ).toBe("2026-11-25");
    expect(within(document).getByText("2026年第48期")).toBeTruthy();
    expect(within(document).getByText("2026年11月25日")).toBeTruthy();
    expect(document.textContent).toContain(
      "截至2026年11月25日，《盘锦市国有土地上房屋征收超期未回迁问题解决工作方案》确定的8个项目共4,722户，已回迁2,863户，占60.6%；本周（11月19日至11月25日）上报回迁30户。",
    );
    expect(document.textContent).toContain(
      "双台子区4,606户，已回迁2,770户，占60.1%，低于底线39.9个百分点（2020年底线100%）",
    );

    const districts = within(document).getByRole("table", { name: "各县区回迁进度" });
    const rows = within(districts)
      .getAllByRole("row")
      .map((row) => row.textContent);
    expect(rows[1]).toBe("双台子区54,6062,77060.1%2020年100%低39.9个百分点30");
    expect(rows.at(-1)).toBe("全市合计84,7222,86360.6%——30");

    const projects = within(document).getByRole("table", { name: "项目预警情况" });
    const [, red, green] = within(projects).getAllByRole("row");
    expect(red!.textContent).toContain("宏伟小区");
    expect(red!.textContent).toContain("工作方案各年度目标均已到期（最后为2019年），仍有 612 户未回迁");
    expect(green!.textContent).toContain("未触发预警规则");

    expect(document.textContent).toContain("完成推进节点1个、整改事项2项；交办督办单1件；受理水电暖问题2件，办结0件。");
    const overdue = within(document).getByRole("table", { name: "逾期工作（按责任单位）" });
    expect(within(overdue).getAllByRole("row")[1]!.textContent).toBe("市住建局2132019年12月31日2,521");
    expect(document.textContent).toContain("目前未销号督办单4件，其中红色1件、黄色2件、蓝色1件。");
    const notices = within(document).getByRole("table", { name: "本周交办的督办单" });
    expect(within(notices).getByText("盘回迁督〔2026〕5号")).toBeTruthy();

    expect(screen.getByRole("link", { name: /下载 Word/ }).getAttribute("href")).toBe(
      "/api/reports/briefing.docx?date=2026-11-25",
    );
    expect(screen.getByRole("link", { name: /下载 PDF/ }).getAttribute("href")).toBe(
      "/api/reports/briefing.pdf?date=2026-11-25",
    );
    expect(screen.getByRole("button", { name: /打印/ })).toBeTruthy();
  });

  it("asks for today (the server's) when the address names no date, and words the briefing in English too", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/plan-windows/, { status: 200, body: windows }],
      [/\/api\/reports\/briefing\?/, { status: 200, body: { ...briefing, demoData: true } }],
    ]);
    renderWithProviders(<BriefingPage />, "en", { route: "/reports/briefing" });
    const document = await screen.findByRole("article", { name: "Weekly briefing" });
    expect(within(document).getByText("Issue 48, 2026")).toBeTruthy();
    expect(document.textContent).toContain("demonstration only");
    // Asked once, for the day the server calls today (not this computer's).
    const asked = calls.filter((c) => c.url.includes("/reports/briefing")).map((c) => new URL(c.url, "http://x"));
    expect(asked.map((url) => url.searchParams.get("date"))).toEqual(["2026-11-25"]);
  });
});
