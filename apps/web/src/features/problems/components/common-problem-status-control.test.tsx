import type { CommonProblem } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubApi } from "../../../test/api-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { CommonProblemStatusControl } from "./common-problem-status-control";

const problem: CommonProblem = {
  id: "6f7a8b9c-0000-4000-8000-000000000001",
  title: "开发企业破产，安置房停工",
  description: null,
  measure: null,
  district: null,
  responsibleDepartment: { id: "7a8b9c0d-0000-4000-8000-000000000002", name: "双台子区人民政府" },
  status: "in_progress",
  blockedReason: null,
  projects: [],
  updatedAt: "2026-11-20T01:00:00.000Z",
  version: 2,
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("CommonProblemStatusControl", () => {
  it("asks why before blocking, and sends the reason with the version", { timeout: 20_000 }, async () => {
    const api = stubApi([
      "PATCH",
      /\/api\/common-problems\//,
      { status: 200, body: { ...problem, status: "blocked", blockedReason: "续建资金未到位", version: 3 } },
    ]);
    const onChanged = vi.fn();
    renderWithProviders(
      <CommonProblemStatusControl problem={problem} canUpdate allowReopen={false} onChanged={onChanged} />,
    );

    fireEvent.mouseDown(screen.getByRole("combobox", { name: "更改“开发企业破产，安置房停工”的状态" }));
    fireEvent.click(await screen.findByTitle("受阻"));
    const dialog = (await screen.findByText("标记为受阻：开发企业破产，安置房停工")).closest<HTMLElement>(
      "[role=dialog]",
    )!;
    fireEvent.click(within(dialog).getByRole("button", { name: "标记为受阻" }));
    expect(await within(dialog).findByText("标记为受阻须填写原因")).toBeTruthy();
    expect(api.calls).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText("受阻原因"), { target: { value: " 续建资金未到位 " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "标记为受阻" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.calls[0]!.url).toBe(`/api/common-problems/${problem.id}`);
    expect(api.sent("PATCH")[0]).toEqual({ status: "blocked", note: "续建资金未到位", version: 2 });
  });

  it("offers no change to those who may not make it", () => {
    renderWithProviders(<CommonProblemStatusControl problem={problem} canUpdate={false} allowReopen={false} />);
    expect(screen.getByText("进行中")).toBeTruthy();
    expect(screen.queryByRole("combobox")).toBeNull();
  });
});
