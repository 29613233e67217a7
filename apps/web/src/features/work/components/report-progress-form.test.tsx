import type { PlanWindows, ProgressReport } from "@resettle/domain";
import { QueryClientProvider } from "@tanstack/react-query";
import { act, configure, fireEvent, renderHook, screen, waitFor } from "@testing-library/react";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetch } from "../../../test/fetch-stub";
import { createTestQueryClient, renderWithProviders } from "../../../test/render-with-providers";
import { CorrectProgressDialog } from "./correct-progress-dialog";
import { ProgressLedgerTable } from "./progress-ledger-table";
import { ReportProgressForm, useSubmitOnce } from "./report-progress-form";

const projectId = "14ec28ab-36ee-49fc-a9e3-a43d5bf69a17";
const windows: PlanWindows = {
  today: "2026-11-26",
  reportedOn: { minimum: "2018-01-01", maximum: "2026-11-26" },
  dueDate: { minimum: "2018-01-01", maximum: "2031-12-31" },
};
const project = { movedBack: 920, totalHouseholds: 1208 };
const households = () => screen.getByLabelText("回迁户数");
const entry: ProgressReport = {
  id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
  projectId,
  reportedOn: "2026-11-26",
  households: 3,
  note: null,
  reason: null,
  backdated: false,
  reportedBy: "张主任（演示）",
  isDemo: false,
  createdAt: "2026-11-26T02:00:00.000Z",
};

// Date pickers and dialogs take their time on a busy machine.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const renderForm = (onReported = () => {}) =>
  renderWithProviders(
    <ReportProgressForm projectId={projectId} project={project} windows={windows} onReported={onReported} />,
  );

describe("ReportProgressForm", () => {
  it.each([
    ["-5", "户数须为正整数（至少 1 户）；减少户数请使用“更正”"],
    ["0", "户数须为正整数（至少 1 户）；减少户数请使用“更正”"],
    ["3.5", "户数须为整数，不能有小数"],
    ["289", "超过尚未回迁的 288 户，请核对户数"],
  ])("refuses %s where it is typed, with the reason, keeps it as typed and sends nothing", async (typed, reason) => {
    const calls = stubFetch();
    renderForm();
    fireEvent.change(households(), { target: { value: typed } });
    fireEvent.blur(households());
    fireEvent.click(screen.getByRole("button", { name: "上 报" }));
    expect(await screen.findByText(reason)).toBeTruthy();
    // Not clamped to 1 nor rounded to 4 on blur: the figure stays as typed.
    expect((households() as HTMLInputElement).value).toBe(typed);
    expect(calls).toHaveLength(0);
  });

  it("sends a whole count as a report; a double click sends it once", async () => {
    let answer: (r: Response) => void = () => {};
    const fetch = vi.fn(
      (_url: string, init: RequestInit = {}) =>
        new Promise<Response>((resolve) => {
          void init;
          answer = resolve;
        }),
    );
    vi.stubGlobal("fetch", fetch);
    const onReported = vi.fn();
    renderForm(onReported);
    fireEvent.change(households(), { target: { value: "3" } });
    const button = screen.getByRole("button", { name: "上 报" });
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    fireEvent.click(button);
    await act(async () => {
      answer(new Response(JSON.stringify(entry), { status: 201, headers: { "content-type": "application/json" } }));
    });
    await waitFor(() => expect(onReported).toHaveBeenCalled());
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`/api/projects/${projectId}/progress-reports`);
    expect(JSON.parse(String(init!.body))).toEqual({
      kind: "report",
      reportedOn: "2026-11-26",
      households: 3,
      note: null,
    });
  });

  it("puts the server's refusal of the figure on the households field, with the limit", async () => {
    stubFetch({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "invalid",
          details: [
            {
              path: "body.households",
              reason: "out_of_bounds",
              params: { minimum: 1, maximum: 100 },
              message: "920 + (200) would leave 1120",
            },
          ],
          requestId: "r1",
        },
      },
    });
    renderForm();
    fireEvent.change(households(), { target: { value: "200" } });
    fireEvent.click(screen.getByRole("button", { name: "上 报" }));
    expect(await screen.findByText("超出允许范围：最多 100 户，请核对户数")).toBeTruthy();
  });

  it("says which dates it takes; a date in a closed year asks for the reason of the late report (补报)", async () => {
    const calls = stubFetch();
    renderForm();
    expect(screen.getByText("可选 2018-01-01 至 2026-11-26：不早于计划起始日，不晚于今天")).toBeTruthy();
    expect(screen.queryByLabelText("补报原因")).toBeNull();
    const date = screen.getByLabelText("回迁日期");
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: "2019-06-30" } });
    fireEvent.keyDown(date, { key: "Enter", code: "Enter" });
    expect(await screen.findByLabelText("补报原因")).toBeTruthy();
    fireEvent.change(households(), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "上 报" }));
    expect(await screen.findByText("所选年度已结束，补报须填写原因")).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});

describe("useSubmitOnce", () => {
  it("drops a second submit while the first is in flight (a double click landing before the button shows it is busy)", async () => {
    let answer: (r: Response) => void = () => {};
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal("fetch", fetch);
    const queryClient = createTestQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useSubmitOnce(projectId, "report"), { wrapper });
    const values = { reportedOn: dayjs("2026-11-26"), households: 3 };
    const handlers = { onSuccess: vi.fn(), onError: vi.fn() };
    act(() => {
      result.current.submit(values, handlers);
      result.current.submit(values, handlers);
    });
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await act(async () => {
      answer(new Response(JSON.stringify(entry), { status: 201, headers: { "content-type": "application/json" } }));
    });
    await waitFor(() => expect(handlers.onSuccess).toHaveBeenCalledTimes(1));
    // Once answered, the next report goes out.
    act(() => result.current.submit(values, handlers));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
  });
});

describe("CorrectProgressDialog", () => {
  it("is its own action: asks for the reason, then sends the count with kind correction", async () => {
    const calls = stubFetch({ status: 201, body: { ...entry, households: -20, reason: "重复上报" } });
    renderWithProviders(<CorrectProgressDialog projectId={projectId} project={project} windows={windows} />);
    fireEvent.click(screen.getByRole("button", { name: "更 正" }));
    const count = await screen.findByLabelText("扣减户数");
    fireEvent.change(count, { target: { value: "20" } });
    fireEvent.click(screen.getByRole("button", { name: "提交更正" }));
    expect(await screen.findByText("更正须填写原因")).toBeTruthy();
    expect(calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("更正原因"), { target: { value: "重复上报" } });
    fireEvent.click(screen.getByRole("button", { name: "提交更正" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({
      kind: "correction",
      reportedOn: "2026-11-26",
      households: 20,
      note: null,
      reason: "重复上报",
    });
  });

  it("refuses a minus sign in the count too: the sign comes from the action", async () => {
    const calls = stubFetch();
    renderWithProviders(<CorrectProgressDialog projectId={projectId} project={project} windows={windows} />);
    fireEvent.click(screen.getByRole("button", { name: "更 正" }));
    fireEvent.change(await screen.findByLabelText("扣减户数"), { target: { value: "-20" } });
    fireEvent.change(screen.getByLabelText("更正原因"), { target: { value: "重复上报" } });
    fireEvent.click(screen.getByRole("button", { name: "提交更正" }));
    expect(await screen.findByText("户数须为正整数（至少 1 户）；减少户数请使用“更正”")).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});

describe("ProgressLedgerTable", () => {
  it("tags a late report (补报) and shows the count and sum of every entry", () => {
    renderWithProviders(
      <ProgressLedgerTable
        page={{
          items: [entry, { ...entry, id: "1b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b", backdated: true, reason: "漏报" }],
          total: 25,
          page: 1,
          pageSize: 10,
          households: 966,
        }}
        onPage={() => {}}
      />,
    );
    expect(screen.getByText("补报")).toBeTruthy();
    expect(screen.getByText("共 25 条记录，合计 966 户")).toBeTruthy();
    expect(screen.getByRole("listitem", { name: "3" })).toBeTruthy(); // the server's pages
  });
});
