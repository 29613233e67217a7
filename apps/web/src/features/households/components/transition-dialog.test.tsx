import type { Household } from "@resettle/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { TransitionDialog } from "./transition-dialog";

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const household: Household = {
  id: "3f1c2d4e-0000-4000-8000-000000000001",
  projectId: "3f1c2d4e-0000-4000-8000-000000000002",
  headName: "胡海燕（演示）",
  idNumberMasked: "999999********1525",
  phoneMasked: "139****0152",
  address: "广厦小区原址 13 号楼 901 室（演示）",
  areaM2: 102.5,
  approach: "off_site_relocation",
  state: "keys_handed",
  stateOn: "2026-10-15",
  isDemo: true,
  version: 1,
  updatedAt: "2026-10-15T02:00:00.000Z",
};
const windows = {
  today: "2026-11-25",
  reportedOn: { minimum: "2018-01-01", maximum: "2026-11-25" },
  dueDate: { minimum: "2018-01-01", maximum: "2031-12-31" },
};

async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  fireEvent.click(await screen.findByTitle(option));
}

describe("TransitionDialog (变更状态)", () => {
  it("moves a household back on today's date (the default), saying the figure rises; sends the version it shows", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/plan-windows/, { status: 200, body: windows }],
      [/\/api\/households\/.*\/transitions/, { status: 200, body: { ...household, state: "moved_back", version: 2 } }],
    ]);
    setCsrfToken("csrf-1");
    const onClose = vi.fn();
    renderWithProviders(<TransitionDialog household={household} onClose={onClose} />);
    expect(await screen.findByText("可选 2026-10-15 至 2026-11-25")).toBeTruthy();
    await choose("变更为", "已回迁");
    expect(await screen.findByText(/回迁户数 \+1/)).toBeTruthy();
    // No reason asked: moving forward needs none.
    expect(screen.queryByLabelText("原因")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "确认变更" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = calls.find((c) => c.method === "POST")!;
    expect(sent.body).toEqual({ to: "moved_back", on: "2026-11-25", version: 1 });
  });

  it("asks the reason for going back, and sends nothing without it", async () => {
    const calls = stubFetchByUrl([[/\/api\/plan-windows/, { status: 200, body: windows }]]);
    renderWithProviders(<TransitionDialog household={{ ...household, state: "moved_back" }} onClose={vi.fn()} />);
    await screen.findByText(/可选/);
    await choose("变更为", "已交钥匙");
    expect(await screen.findByText(/回迁户数 −1/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "确认变更" }));
    expect(await screen.findByText("请填写原因")).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("keeps a day typed outside the window and says which days it takes, instead of sending today", async () => {
    const calls = stubFetchByUrl([[/\/api\/plan-windows/, { status: 200, body: windows }]]);
    renderWithProviders(<TransitionDialog household={household} onClose={vi.fn()} />);
    await screen.findByText("可选 2026-10-15 至 2026-11-25");
    await choose("变更为", "已回迁");
    const day = screen.getByLabelText("变更日期") as HTMLInputElement;
    fireEvent.mouseDown(day);
    fireEvent.change(day, { target: { value: "1900-01-01" } });
    fireEvent.keyDown(day, { key: "Enter", code: "Enter" });
    fireEvent.click(screen.getByRole("button", { name: "确认变更" }));
    expect(await screen.findByText("日期须在 2026-10-15 至 2026-11-25 之间")).toBeTruthy();
    expect(day.value).toBe("1900-01-01");
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });
});
