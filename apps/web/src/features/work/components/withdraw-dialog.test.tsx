import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetch } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { milestone } from "../../../test/work.fixture";
import { WithdrawWorkDialog } from "./withdraw-work-dialog";

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function renderDialog() {
  const onClose = vi.fn();
  renderWithProviders(<WithdrawWorkDialog kind="milestone" work={milestone} onClose={onClose} />);
  return { onClose };
}
const reasonInput = () => screen.getByLabelText("撤销原因");
const confirm = () => fireEvent.click(screen.getByRole("button", { name: /确认撤销/ }));

describe("WithdrawWorkDialog (撤销)", () => {
  it("names the record, refuses an empty reason and one past 500 characters (counted, never cut), sending nothing", async () => {
    const calls = stubFetch();
    renderDialog();
    expect(screen.getByText(`撤销推进节点：${milestone.title}`)).toBeTruthy();

    fireEvent.change(reasonInput(), { target: { value: "   " } });
    confirm();
    expect(await screen.findByText("请填写撤销原因")).toBeTruthy();

    const long = "误".repeat(501);
    fireEvent.change(reasonInput(), { target: { value: long } });
    expect(reasonInput()).toHaveProperty("value", long); // kept whole
    expect(screen.getByText("501 / 500")).toBeTruthy();
    confirm();
    expect(await screen.findByText(/500/, { selector: ".ant-form-item-explain-error" })).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it("sends the trimmed reason with the version it shows, and closes", async () => {
    const calls = stubFetch({
      status: 200,
      body: { ...milestone, version: 2, withdrawn: { at: "2026-11-25T02:00:00.000Z", by: "管理员", reason: "误建" } },
    });
    setCsrfToken("csrf-1");
    const { onClose } = renderDialog();
    fireEvent.change(reasonInput(), { target: { value: "  误建  " } });
    confirm();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({ method: "POST", url: `/api/milestones/${milestone.id}/withdraw` });
    expect(calls[0]!.body).toEqual({ reason: "误建", version: milestone.version });
  });

  it("says in words why the server refused (something depends on the record) and stays open", async () => {
    stubFetch({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "done",
          details: [{ path: "params.id", reason: "work_done", message: "Done work is not withdrawn" }],
          requestId: "r1",
        },
      },
    });
    const { onClose } = renderDialog();
    fireEvent.change(reasonInput(), { target: { value: "误建" } });
    confirm();
    expect(await screen.findByRole("alert")).toHaveProperty(
      "textContent",
      expect.stringContaining("已完成的工作不能撤销"),
    );
    expect(onClose).not.toHaveBeenCalled();
  });
});
