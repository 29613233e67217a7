import type { SessionUser } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../features/auth";
import { stubFetchByUrl } from "../../test/fetch-stub";
import { renderWithProviders } from "../../test/render-with-providers";
import NotificationsPage from "./notifications-page";

const zhujian = "1b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b";
const base = { id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b", displayName: "某人", mustChangePassword: false };
const admin: SessionUser = { ...base, username: "admin", role: "admin", departmentId: null };
const coordinator: SessionUser = { ...base, username: "coord-zhujian", role: "coordinator", departmentId: zhujian };

const unread = {
  id: "3c1f0f7e-1111-4222-8333-944455556661",
  rule: "ticket_overdue",
  title: "水电暖问题超时：广厦小区「暖气不热」（市住建局）",
  link: "/projects/8c1f0f7e-1111-4222-8333-944455556666?tab=tickets",
  createdAt: "2026-11-25T02:05:00.000Z",
  readAt: null,
};
const page = (items: unknown[], unreadCount = 1) => ({
  items,
  total: items.length,
  unread: unreadCount,
  page: 1,
  pageSize: 20,
});

function renderAs(user: SessionUser, route = "/notifications") {
  renderWithProviders(
    <SessionContext value={user}>
      <NotificationsPage />
    </SessionContext>,
    "zh-CN",
    { route },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("NotificationsPage", () => {
  it("lists one's notifications with the filter from the address; 标为已读 per row", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/notifications\/[^/]+\/read$/, { status: 204 }],
      [/\/api\/notifications\?/, { status: 200, body: page([unread]) }],
    ]);
    renderAs(coordinator, "/notifications?unread=true");
    const table = await screen.findByRole("table", { name: "通知列表" });
    const row = within(table).getByText(unread.title).closest("tr")!;
    expect(within(row).getByText("水电暖问题超时")).toBeTruthy();
    expect(within(row).getByText("2026-11-25 10:05:00")).toBeTruthy();
    expect(within(row).getByText("未读")).toBeTruthy();
    expect(within(row).getByRole("link", { name: unread.title }).getAttribute("href")).toBe(unread.link);
    expect((screen.getByRole("radio", { name: "未读" }) as HTMLInputElement).checked).toBe(true);
    const list = new URL(calls.find((c) => c.url.includes("unread"))!.url, "http://x");
    expect(list.searchParams.get("unread")).toBe("true");

    fireEvent.click(within(row).getByRole("button", { name: `标为已读：${unread.title}` }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === "POST").map((c) => c.url)).toEqual([
        `/api/notifications/${unread.id}/read`,
      ]),
    );
    expect(screen.queryByRole("button", { name: "立即运行预警" })).toBeNull();
  });

  it("exports the notifications as filtered (导出 Excel)", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/notifications\/export/, { status: 200, body: "xlsx" }],
      [/\/api\/notifications\?/, { status: 200, body: page([unread]) }],
    ]);
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: vi.fn(() => "blob:x"), revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    renderAs(coordinator, "/notifications?unread=true");
    await screen.findByRole("table", { name: "通知列表" });
    fireEvent.click(screen.getByRole("button", { name: /导出 Excel/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(calls.map((c) => c.url)).toContain("/api/notifications/export?unread=true");
    click.mockRestore();
  });

  it("says so when there is nothing, per filter", async () => {
    stubFetchByUrl([[/\/api\/notifications\?/, { status: 200, body: page([], 0) }]]);
    renderAs(coordinator, "/notifications?unread=false");
    expect(await screen.findByText("没有已读通知")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "全部标为已读" })).toBeNull();
  });

  it("lets the office run the rules now and says how many alerts were raised, or that another run holds the job", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/alerts\/run$/, { status: 200, body: { raised: 3, notified: 7, skipped: false } }],
      [/\/api\/notifications\?/, { status: 200, body: page([], 0) }],
    ]);
    renderAs(admin);
    fireEvent.click(await screen.findByRole("button", { name: /立即运行预警/ }));
    expect(await screen.findByText("预警已运行：新增预警 3 条，发出通知 7 条")).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST").map((c) => c.url)).toEqual(["/api/alerts/run"]);

    stubFetchByUrl([
      [/\/api\/alerts\/run$/, { status: 200, body: { raised: 0, notified: 0, skipped: true } }],
      [/\/api\/notifications\?/, { status: 200, body: page([], 0) }],
    ]);
    fireEvent.click(screen.getByRole("button", { name: /立即运行预警/ }));
    expect(await screen.findByText("另一次预警运行正在进行，本次未运行，请稍后再试")).toBeTruthy();
  });
});
