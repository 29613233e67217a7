import { DEFAULT_SCORING_RULES, type Scorecard, type ScoringRuleSet, type SessionUser } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../features/auth";
import { stubFetchByUrl } from "../../test/fetch-stub";
import { renderWithProviders } from "../../test/render-with-providers";
import ScorecardsPage from "./scorecards-page";

const base = { id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b", displayName: "某人", mustChangePassword: false };
const admin: SessionUser = { ...base, username: "admin", role: "admin", departmentId: null };
const leader: SessionUser = { ...base, username: "leader", role: "leader", departmentId: null };

const zhujian = "1b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b";
const ziranziyuan = "2b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b";

const rules: ScoringRuleSet = {
  id: "5c1f0f7e-1111-4222-8333-944455556666",
  version: 1,
  effectiveFrom: "2018-01-01",
  rules: DEFAULT_SCORING_RULES,
  note: "初始评分细则",
  createdBy: null,
  createdAt: "2026-01-01T00:00:00.000Z",
};

const components = {
  onTime: { due: 3, onTime: 1, rate: 1 / 3 },
  overdue: { count: 2, days: 45 },
  quota: { households: 400, movedBack: 120, expected: 100, rate: 1 },
  freshness: { open: 4, fresh: 4, rate: 1 },
  notices: { blue: 1, yellow: 0, red: 1, due: 2, answeredOnTime: 1, rate: 0.5 },
  arrears: { projects90: 1, amountOwed90: 1234500 },
  tickets: { due: 0, withinDeadline: 0, rate: null },
  cooperation: { open: 2, responded: 1, rate: 0.5 },
};

const card: Scorecard = {
  period: "2026-Q3",
  from: "2026-07-01",
  to: "2026-09-30",
  asOf: "2026-09-30",
  kind: "department",
  rules,
  rows: [
    {
      id: ziranziyuan,
      name: "市自然资源局",
      score: 92.5,
      rank: 1,
      components: {
        ...components,
        onTime: { due: 2, onTime: 2, rate: 1 },
        overdue: { count: 0, days: 0 },
        notices: { blue: 0, yellow: 0, red: 0, due: 0, answeredOnTime: 0, rate: null },
        arrears: { projects90: 0, amountOwed90: 0 },
      },
      points: {
        onTime: 42.9,
        quota: 42.9,
        notices: null,
        tickets: null,
        freshness: 14.3,
        cooperation: 0,
        deductions: 0,
      },
    },
    {
      id: zhujian,
      name: "市住建局",
      score: 61.3,
      rank: 2,
      components,
      points: {
        onTime: 11.8,
        quota: 35.3,
        notices: 8.8,
        tickets: null,
        freshness: 11.8,
        cooperation: 0,
        deductions: 6.5,
      },
    },
  ],
};

const records = {
  items: [
    {
      type: "milestone",
      id: "7c1f0f7e-1111-4222-8333-944455556666",
      label: "完成竣工验收",
      projectId: "8c1f0f7e-1111-4222-8333-944455556666",
      projectName: "某棚改项目",
      dueDate: "2026-08-31",
      doneOn: null,
      daysLate: 30,
      link: "/projects/8c1f0f7e-1111-4222-8333-944455556666",
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
};

// The chart is drawn by echarts in a real browser; here it only has to say what it shows.
vi.mock("../../features/scorecards/components/score-chart", () => ({
  default: ({ description }: { description: string }) => <div role="img" aria-label={description} />,
}));

function renderAs(user: SessionUser, route: string) {
  renderWithProviders(
    <SessionContext value={user}>
      <ScorecardsPage />
    </SessionContext>,
    "zh-CN",
    { route },
  );
}

const scorecardCalls = (calls: { url: string }[]) =>
  calls.filter((c) => /\/api\/scorecards\?/.test(c.url)).map((c) => new URL(c.url, "http://x").searchParams);

afterEach(() => vi.unstubAllGlobals());

describe("ScorecardsPage", () => {
  it("ranks the departments of the period in the address, each part's points beside its figure", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/scorecards\?/, { status: 200, body: card }],
      [/\/api\/scoring-rules/, { status: 200, body: [rules] }],
    ]);
    renderAs(leader, "/scorecards?period=2026-Q3&kind=department");
    const table = await screen.findByRole("table", { name: "绩效考评排名" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[1]!.textContent)).toEqual(["市自然资源局", "市住建局"]);
    const zj = rows[1]!;
    expect(within(zj).getByText("61.3").tagName).toBe("STRONG");
    expect(zj.textContent).toContain("11.8 分 · 1/3 项按期");
    expect(zj.textContent).toContain("35.3 分 · 120/100 户");
    // 配合事项 beside the others: weighing 0 in version 1, its figure still shown.
    expect(zj.textContent).toContain("0.0 分 · 1/2 项有进展");
    // No ticket was due: the part is not applicable, not zero.
    expect(within(zj).getByText("不适用")).toBeTruthy();
    expect(
      within(zj).getByLabelText(
        /^扣 6.5 分：逾期事项 2 项（累计逾期 45 天），扣 1 分；收到督办单：蓝色 1 份、黄色 0 份、红色 1 份，扣 3.5 分；临时安置补助费欠付超过 90 天的项目 1 个（欠付 12,345.00 元），扣 2 分$/,
      ),
    ).toBeTruthy();

    const sent = scorecardCalls(calls)[0]!;
    expect(sent.get("period")).toBe("2026-Q3");
    expect(sent.get("kind")).toBe("department");
    expect(
      screen.getByText(/2026年第三季度（2026-07-01 至 2026-09-30），按责任单位考评.*评分细则第 1 版/),
    ).toBeTruthy();
    expect(
      await screen.findByRole("img", { name: /2026年第三季度得分排序：市自然资源局 92.5 分；市住建局 61.3 分/ }),
    ).toBeTruthy();
    // The rules used, in words, beside the scores.
    expect(screen.getByText("逾期事项每项扣 0.5 分，最多扣 10 分")).toBeTruthy();
    expect(
      screen.getByText(
        /^按期完成 30 分、任务进度 30 分、督办反馈 15 分、水电暖办结 15 分、更新及时 10 分、配合事项 0 分/,
      ),
    ).toBeTruthy();

    const exportLink = screen.getByRole("link", { name: /导出 Excel/ });
    expect(exportLink.getAttribute("href")).toBe("/api/scorecards/export?period=2026-Q3&kind=department");
    // Only the office revises the rules.
    expect(screen.queryByRole("button", { name: "修订评分细则" })).toBeNull();
  });

  it("opens the records behind a figure, paged on the server, the days late in red", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/scorecards\/records\?/, { status: 200, body: records }],
      [/\/api\/scorecards\?/, { status: 200, body: card }],
      [/\/api\/scoring-rules/, { status: 200, body: [rules] }],
    ]);
    renderAs(leader, "/scorecards?period=2026-Q3&kind=department");
    fireEvent.click(await screen.findByRole("button", { name: "查看市住建局的逾期事项明细（逾期 2 项）" }));
    const drawer = await screen.findByRole("dialog");
    expect(within(drawer).getByText("市住建局 · 逾期事项明细")).toBeTruthy();
    const link = await within(drawer).findByRole("link", { name: "完成竣工验收" });
    expect(link.getAttribute("href")).toBe("/projects/8c1f0f7e-1111-4222-8333-944455556666");
    expect(within(drawer).getByText("未完成")).toBeTruthy();
    expect(within(drawer).getByText("30 天").className).toContain("score-late");
    const sent = new URL(calls.find((c) => c.url.includes("/records?"))!.url, "http://x").searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      period: "2026-Q3",
      kind: "department",
      id: zhujian,
      part: "overdue",
      page: "1",
      pageSize: "20",
    });

    // 导出 Excel: the same records, every page.
    stubFetchByUrl([[/\/api\/scorecards\/records\/export/, { status: 200, body: "xlsx" }]]);
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: vi.fn(() => "blob:x"), revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    fireEvent.click(within(drawer).getByRole("button", { name: /导出 Excel/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const exported = vi.mocked(fetch).mock.calls.map(([url]) => String(url));
    expect(exported).toEqual([
      `/api/scorecards/records/export?period=2026-Q3&kind=department&id=${zhujian}&part=overdue`,
    ]);
    click.mockRestore();
  });

  it("opens the 配合事项 behind a department's figure: the day it first wrote on each, or nothing", async () => {
    const cooperation = {
      ...records,
      items: [
        { ...records.items[0]!, doneOn: null, daysLate: 0 },
        {
          type: "project",
          id: "8c1f0f7e-1111-4222-8333-944455556666",
          label: "某棚改项目",
          projectId: "8c1f0f7e-1111-4222-8333-944455556666",
          projectName: "某棚改项目",
          dueDate: null,
          doneOn: "2026-08-10",
          daysLate: 0,
          link: "/projects/8c1f0f7e-1111-4222-8333-944455556666",
        },
      ],
      total: 2,
    };
    const calls = stubFetchByUrl([
      [/\/api\/scorecards\/records\?/, { status: 200, body: cooperation }],
      [/\/api\/scorecards\?/, { status: 200, body: card }],
      [/\/api\/scoring-rules/, { status: 200, body: [rules] }],
    ]);
    renderAs(leader, "/scorecards?period=2026-Q3&kind=department");
    fireEvent.click(await screen.findByRole("button", { name: "查看市住建局的配合事项明细（1/2 项有进展）" }));
    const drawer = await screen.findByRole("dialog");
    expect(within(drawer).getByText("市住建局 · 配合事项明细")).toBeTruthy();
    await within(drawer).findByRole("link", { name: "完成竣工验收" });
    expect(
      within(drawer)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["事项", "所属项目", "到期日", "首次填报"]);
    expect(within(drawer).getByText("未填报")).toBeTruthy();
    expect(within(drawer).getByText("2026-08-10")).toBeTruthy();
    expect(within(drawer).getByText("项目")).toBeTruthy();
    const sent = new URL(calls.find((c) => c.url.includes("/records?"))!.url, "http://x").searchParams;
    expect(sent.get("part")).toBe("cooperation");
  });

  it("asks for this quarter by district when the address names nothing", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-20T04:00:00Z"), toFake: ["Date"] });
    const calls = stubFetchByUrl([
      [/\/api\/scorecards\?/, { status: 200, body: { ...card, period: "2026-Q4", kind: "district", rows: [] } }],
      [/\/api\/scoring-rules/, { status: 200, body: [rules] }],
    ]);
    renderAs(leader, "/scorecards");
    expect(await screen.findAllByText("本期没有可考评的县区")).toHaveLength(2);
    const sent = scorecardCalls(calls)[0]!;
    expect(sent.get("period")).toBe("2026-Q4");
    expect(sent.get("kind")).toBe("district");
    vi.useRealTimers();
  });

  it("says a period has not begun instead of failing", async () => {
    stubFetchByUrl([
      [
        /\/api\/scorecards\?/,
        {
          status: 400,
          body: {
            error: {
              code: "VALIDATION_FAILED",
              message: "invalid",
              requestId: "r1",
              details: [
                {
                  path: "query.period",
                  reason: "out_of_bounds",
                  message: "not begun",
                  params: { maximum: "2026-11-20" },
                },
              ],
            },
          },
        },
      ],
      [/\/api\/scoring-rules/, { status: 200, body: [rules] }],
    ]);
    renderAs(leader, "/scorecards?period=2099-Q1");
    expect(await screen.findByText("2099年第一季度尚未开始，暂无考评数据")).toBeTruthy();
  });

  it("shows the office the server's refusal of a revision on the field it names", async () => {
    const refusal = {
      error: {
        code: "VALIDATION_FAILED",
        message: "invalid",
        requestId: "r2",
        details: [
          {
            path: "body.rules.deductions.noticeRed",
            reason: "not_multiple_of",
            params: { divisor: 0.5 },
            message: "multiple of 0.5",
          },
        ],
      },
    };
    const calls = stubFetchByUrl([
      [/\/api\/scorecards\?/, { status: 200, body: card }],
      [/\/api\/scoring-rules/, { status: 200, body: [rules] }],
    ]);
    // The list of versions and a new one share their address: the POST is refused.
    const answerByUrl = vi.mocked(fetch).getMockImplementation()!;
    vi.mocked(fetch).mockImplementation(async (url, init) => {
      if (init?.method === "POST") {
        await answerByUrl(url, init);
        return new Response(JSON.stringify(refusal), { status: 400, headers: { "content-type": "application/json" } });
      }
      return answerByUrl(url, init);
    });
    renderAs(admin, "/scorecards?period=2026-Q3&kind=department");
    fireEvent.click(await screen.findByRole("button", { name: "修订评分细则" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByRole("status").textContent).toBe("权重合计 100 分（须为 100 分）");
    fireEvent.change(within(dialog).getByLabelText("按期完成"), { target: { value: "25" } });
    await waitFor(() => expect(within(dialog).getByRole("status").textContent).toBe("权重合计 95 分（须为 100 分）"));
    fireEvent.change(within(dialog).getByLabelText("按期完成"), { target: { value: "30" } });
    fireEvent.change(within(dialog).getByLabelText("红色督办单每份"), { target: { value: "3.2" } });
    const effectiveFrom = within(dialog).getByLabelText("施行日期");
    fireEvent.mouseDown(effectiveFrom);
    fireEvent.change(effectiveFrom, { target: { value: "2026-10-01" } });
    fireEvent.keyDown(effectiveFrom, { key: "Enter", code: "Enter" });
    fireEvent.change(within(dialog).getByLabelText("修订说明"), { target: { value: "提高红色督办扣分" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "发布新版本" }));
    // The refusal comes back through the whole form (six weights, six deductions): slow on a busy machine.
    expect(await within(dialog).findByText("须为 0.5 的整数倍", {}, { timeout: 5000 })).toBeTruthy();
    const post = calls.find((c) => c.method === "POST")!;
    // Sent as typed: the form neither rounds nor clamps.
    expect(post.body).toMatchObject({
      effectiveFrom: "2026-10-01",
      note: "提高红色督办扣分",
      rules: { weights: DEFAULT_SCORING_RULES.weights, deductions: { noticeRed: 3.2 } },
    });
  });
});
