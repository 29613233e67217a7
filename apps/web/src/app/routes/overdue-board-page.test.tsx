import type { OverdueBoard } from "@resettle/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../features/auth";
import { HealthOverview } from "../../features/dashboard";
import { stubFetchByUrl } from "../../test/fetch-stub";
import { ids, user } from "../../test/reviews.fixture";
import { renderWithProviders } from "../../test/render-with-providers";
import MyWorkPage from "./my-work-page";
import OverdueBoardPage from "./overdue-board-page";

afterEach(() => vi.unstubAllGlobals());

/** The board's requests, as their query parameters. */
const boardRequests = (calls: { url: string }[]) =>
  calls
    .filter((c) => c.url.startsWith("/api/overdue-work?"))
    .map((c) => Object.fromEntries(new URL(c.url, "http://x").searchParams));

const board: OverdueBoard = {
  asOf: "2026-11-25",
  items: [
    {
      type: "milestone",
      id: ids.item,
      milestoneKind: "procedures",
      title: "施工许可证办理",
      dueDate: "2019-12-31",
      status: "in_progress",
      blockedReason: null,
      daysOverdue: 2521,
      lateness: "over_90",
      project: { id: ids.hongwei, name: "宏伟小区" },
      district: { id: ids.district, name: "双台子区" },
      responsibleDepartment: { id: ids.zhujian, name: "市住房和城乡建设局" },
      responsiblePerson: null,
    },
  ],
  total: 12,
  page: 1,
  pageSize: 20,
};

const renderBoard = (route: string, as = user("leader")) => {
  const calls = stubFetchByUrl([
    [/\/overdue-work\?/, { status: 200, body: board }],
    [/\/districts$/, { status: 200, body: [] }],
    [/\/departments$/, { status: 200, body: [] }],
  ]);
  renderWithProviders(
    <SessionContext value={as}>
      <OverdueBoardPage />
    </SessionContext>,
    "zh-CN",
    { route },
  );
  return calls;
};

describe("OverdueBoardPage (全市待办)", () => {
  it("opens filtered from the address and lists the rows the server sent, each leading to its project", async () => {
    const calls = renderBoard("/overdue-board?kind=milestone&lateness=over_90");
    const table = await screen.findByRole("table", { name: "全市逾期工作，逾期最久的在前" });
    expect(boardRequests(calls)).toContainEqual({ page: "1", pageSize: "20", kind: "milestone", lateness: "over_90" });
    const [row] = within(table)
      .getAllByRole("row")
      .filter((r) => r.dataset.rowKey);
    expect(within(row!).getByText("2521 天")).toBeTruthy();
    expect(within(row!).getByText("推进节点 · 手续办理")).toBeTruthy();
    expect(within(row!).getByRole("link", { name: "宏伟小区" }).getAttribute("href")).toBe(`/projects/${ids.hongwei}`);
    expect(screen.getByText("共 12 项")).toBeTruthy();
    // The filters show what the address chose.
    const filters = screen.getByRole("search", { name: "筛选逾期工作" });
    expect(within(filters).getByText("推进节点")).toBeTruthy();
    expect(within(filters).getByText("90 天以上")).toBeTruthy();
  });

  it("shows a coordinator its own department's overdue work first", async () => {
    const calls = renderBoard("/overdue-board", user("coordinator", ids.zhujian));
    await waitFor(() =>
      expect(boardRequests(calls)).toContainEqual({ page: "1", pageSize: "20", responsibleDepartmentId: ids.zhujian }),
    );
  });
});

describe("the dashboard's counters", () => {
  it("are links to the lists behind them, with names that say so", async () => {
    renderWithProviders(
      <HealthOverview health={{ green: 1, amber: 1, red: 6 }} overdue={{ milestones: 12, items: 1 }} />,
    );
    const href = (name: string) => screen.getByRole("link", { name }).getAttribute("href");
    expect(href("查看 12 个逾期推进节点")).toBe("/overdue-board?kind=milestone");
    expect(href("查看 1 项逾期整改事项")).toBe("/overdue-board?kind=item");
    expect(href("查看 6 个严重项目")).toBe("/projects?health=red");
    expect(href("查看 1 个预警项目")).toBe("/projects?health=amber");
  });
});

describe("My work of the office", () => {
  it("leads to the overdue board with the city's count; a coordinator's does not", async () => {
    const mine = {
      departmentId: ids.zhujian,
      asOf: "2026-11-25",
      overdueCount: 0,
      dueSoonCount: 0,
      entries: [],
      reviewsToSign: [],
      awaitingVerification: [],
      cooperating: [],
    };
    stubFetchByUrl([
      [/\/overdue-work\?/, { status: 200, body: { ...board, pageSize: 1 } }],
      [/\/my-work$/, { status: 200, body: mine }],
    ]);
    renderWithProviders(
      <SessionContext value={user("admin", ids.zhujian)}>
        <MyWorkPage />
      </SessionContext>,
    );
    const link = await screen.findByRole("link", { name: "查看全市待办（12 项逾期）" });
    expect(link.getAttribute("href")).toBe("/overdue-board");
  });

  it("is unchanged for a coordinator", async () => {
    const mine = {
      departmentId: ids.zhujian,
      asOf: "2026-11-25",
      overdueCount: 0,
      dueSoonCount: 0,
      entries: [],
      reviewsToSign: [],
      awaitingVerification: [],
      cooperating: [],
    };
    const calls = stubFetchByUrl([[/\/my-work$/, { status: 200, body: mine }]]);
    renderWithProviders(
      <SessionContext value={user("coordinator", ids.zhujian)}>
        <MyWorkPage />
      </SessionContext>,
    );
    await screen.findByRole("table");
    expect(calls.map((c) => c.url).filter((u) => u.includes("overdue-work"))).toEqual([]);
    expect(screen.queryByRole("link", { name: /全市待办/ })).toBeNull();
  });
});
