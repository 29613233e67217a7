import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetch } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { ReportProgressForm } from "./report-progress-form";

const projectId = "14ec28ab-36ee-49fc-a9e3-a43d5bf69a17";
const households = () => screen.getByLabelText("回迁户数");

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("ReportProgressForm", () => {
  it("asks a correction for its reason before sending anything", async () => {
    const calls = stubFetch();
    renderWithProviders(<ReportProgressForm projectId={projectId} today="2026-11-26" onReported={() => {}} />);
    fireEvent.change(households(), { target: { value: "20" } });
    fireEvent.click(screen.getByRole("switch", { name: "更正" }));
    fireEvent.click(await screen.findByRole("button", { name: "提交更正" }));
    expect(await screen.findByText("更正须填写原因")).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it("sends a correction as negative households with its reason", async () => {
    const report = {
      id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b",
      projectId,
      reportedOn: "2026-11-26",
      households: -20,
      note: null,
      reason: "重复上报",
      reportedBy: "张主任（演示）",
      isDemo: false,
      createdAt: "2026-11-26T02:00:00.000Z",
    };
    const calls = stubFetch({ status: 201, body: report }, { status: 200, body: [report] });
    const onReported = vi.fn();
    renderWithProviders(<ReportProgressForm projectId={projectId} today="2026-11-26" onReported={onReported} />);
    fireEvent.change(households(), { target: { value: "20" } });
    fireEvent.click(screen.getByRole("switch", { name: "更正" }));
    fireEvent.change(await screen.findByLabelText("更正原因"), { target: { value: "重复上报" } });
    fireEvent.click(screen.getByRole("button", { name: "提交更正" }));
    await waitFor(() => expect(onReported).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({ method: "POST", url: `/api/projects/${projectId}/progress-reports` });
    expect(calls[0]!.body).toEqual({ reportedOn: "2026-11-26", households: -20, note: null, reason: "重复上报" });
  });

  it("puts the server's refusal of the figure on the households field", async () => {
    stubFetch({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "invalid",
          details: [{ path: "body.households", reason: "out_of_bounds", message: "920 + (400) would leave 1320" }],
          requestId: "r1",
        },
      },
    });
    renderWithProviders(<ReportProgressForm projectId={projectId} today="2026-11-26" onReported={() => {}} />);
    fireEvent.change(households(), { target: { value: "400" } });
    fireEvent.click(screen.getByRole("button", { name: "上 报" }));
    expect(await screen.findByText("上报后已回迁户数将超过总户数或小于 0，请核对户数")).toBeTruthy();
  });
});
