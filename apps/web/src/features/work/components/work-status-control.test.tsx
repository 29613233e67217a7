import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetch } from "../../../test/fetch-stub";
import { milestone } from "../../../test/work.fixture";
import { renderWithProviders } from "../../../test/render-with-providers";
import { WorkStatusControl } from "./work-status-control";

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

async function choose(label: string) {
  fireEvent.mouseDown(screen.getByRole("combobox", { name: "更改“剩余住户回迁入住”的状态" }));
  fireEvent.click(await screen.findByTitle(label));
}

describe("WorkStatusControl, when someone else changed the record first", () => {
  it("shows what changed meanwhile and re-applies the move on the new version", async () => {
    const current = { ...milestone, dueDate: "2020-06-30", version: 2 };
    const calls = stubFetch(
      { status: 409, body: { error: { code: "CONFLICT", message: "stale", current, requestId: "r1" } } },
      { status: 200, body: { ...current, status: "planned", version: 3 } },
    );
    setCsrfToken("csrf-1");
    const onChanged = vi.fn();
    renderWithProviders(
      <WorkStatusControl
        work={{ ...milestone, type: "milestone" }}
        canUpdate
        allowReopen={false}
        onChanged={onChanged}
      />,
    );

    await choose("未开始");
    const dialog = (await screen.findByText("数据已被他人修改")).closest<HTMLElement>("[role=dialog]")!;
    expect(calls[0]).toMatchObject({ method: "PATCH", url: `/api/milestones/${milestone.id}` });
    expect(calls[0]!.body).toEqual({ status: "planned", version: 1 });
    const dueRow = within(dialog).getByText("到期日").closest("tr")!;
    expect(within(dueRow).getByText("2020-06-30")).toBeTruthy();
    expect(within(dueRow).getByText("不同")).toBeTruthy();

    // The dialog opens as the refused request settles: in jsdom, which runs no CSS transitions, the
    // button's loading icon never finishes leaving, so its name may still begin with "loading".
    fireEvent.click(within(dialog).getByRole("button", { name: /在最新版本上重新提交$/ }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.body).toEqual({ status: "planned", version: 2 });
    await waitFor(() => expect(screen.queryByText("数据已被他人修改")).toBeNull());
    expect(onChanged).toHaveBeenCalled();
  });

  it("offers no move a coordinator of another department could make", () => {
    renderWithProviders(
      <WorkStatusControl work={{ ...milestone, type: "milestone" }} canUpdate={false} allowReopen={false} />,
    );
    expect(screen.getByText("进行中")).toBeTruthy();
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.queryByRole("button", { name: /完\s*成/ })).toBeNull();
  });

  it("offers 完成 (a dialog) instead of a move to done", async () => {
    renderWithProviders(<WorkStatusControl work={{ ...milestone, type: "milestone" }} canUpdate allowReopen={false} />);
    fireEvent.mouseDown(screen.getByRole("combobox", { name: "更改“剩余住户回迁入住”的状态" }));
    await screen.findByTitle("未开始");
    expect(screen.queryByTitle("已完成")).toBeNull();
    expect(screen.getByRole("button", { name: /完\s*成/ })).toBeTruthy();
  });
});
