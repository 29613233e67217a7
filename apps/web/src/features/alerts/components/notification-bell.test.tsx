import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Route, Routes, useLocation } from "react-router";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { NotificationBell } from "./notification-bell";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const projectId = "8c1f0f7e-1111-4222-8333-944455556666";
const overdue = {
  id: "3c1f0f7e-1111-4222-8333-944455556661",
  rule: "work_overdue",
  title: "已逾期：学府园二期节点「施工许可证办理」应于 2019-12-31 完成（市住建局，李科长（演示））",
  link: `/projects/${projectId}`,
  createdAt: minutesAgo(5),
  readAt: null,
};
const unsigned = {
  id: "3c1f0f7e-1111-4222-8333-944455556662",
  rule: "notice_unsigned",
  title: "督办单 盘回迁督〔2026〕1号 交办已超过 3 天未签收（市住建局）",
  link: "/notices/3c1f0f7e-1111-4222-8333-944455556666",
  createdAt: minutesAgo(30),
  readAt: null,
};
const older = {
  id: "3c1f0f7e-1111-4222-8333-944455556663",
  rule: "a_rule_this_build_has_no_words_for",
  title: "一条新规则的通知",
  link: "/",
  createdAt: minutesAgo(45),
  readAt: minutesAgo(40),
};
const page = { items: [overdue, unsigned, older], total: 3, unread: 2, page: 1, pageSize: 8 };

/** The bell beside the address it leads to. */
function renderBell() {
  function Where() {
    return <output aria-label="address">{useLocation().pathname}</output>;
  }
  renderWithProviders(
    <Routes>
      <Route
        path="*"
        element={
          <>
            <NotificationBell />
            <Where />
          </>
        }
      />
    </Routes>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("NotificationBell", () => {
  it("shows the count unread and lists the latest, each with its rule, when and what; unread marked", async () => {
    const calls = stubFetchByUrl([[/\/api\/notifications\?/, { status: 200, body: page }]]);
    renderBell();
    const bell = await screen.findByRole("button", { name: "通知，2 条未读" });
    expect(bell.textContent).toContain("2");
    const url = new URL(calls[0]!.url, "http://x");
    expect([url.pathname, url.searchParams.get("page"), url.searchParams.get("pageSize")]).toEqual([
      "/api/notifications",
      "1",
      "8",
    ]);

    fireEvent.click(bell);
    const menu = await screen.findByRole("menu");
    expect(screen.getByText("通知（2 条未读）")).toBeTruthy();
    const first = within(menu).getByRole("menuitem", { name: /施工许可证办理/ });
    expect(within(first).getByText("已逾期", { exact: true }).closest(".ant-tag")).toBeTruthy();
    expect(first.textContent).toContain("5 分钟前");
    expect(first.textContent).toContain("未读：");
    expect(within(menu).getByRole("menuitem", { name: /盘回迁督/ }).textContent).toContain("督办单超期未签收");
    // A rule newer than this build's words shows its own name; a read one carries no mark.
    const read = within(menu).getByRole("menuitem", { name: /一条新规则的通知/ });
    expect(read.textContent).toContain("a_rule_this_build_has_no_words_for");
    expect(read.textContent).not.toContain("未读");
    expect(within(menu).getByRole("menuitem", { name: "全部标为已读" })).toBeTruthy();
    expect(within(menu).getByRole("menuitem", { name: "查看全部通知" })).toBeTruthy();
  });

  it("marks one read when it is opened, goes to its record and reads the count again", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/notifications\/[^/]+\/read$/, { status: 204 }],
      [/\/api\/notifications\?/, { status: 200, body: page }],
    ]);
    renderBell();
    fireEvent.click(await screen.findByRole("button", { name: "通知，2 条未读" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: /施工许可证办理/ }));

    expect(screen.getByRole("status", { name: "address" }).textContent).toBe(`/projects/${projectId}`);
    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe(`/api/notifications/${overdue.id}/read`);
    // Read again once marked: the bell's count comes from the server, not a guess.
    await waitFor(() => expect(calls.filter((c) => c.method === "GET")).toHaveLength(2));
  });

  it("does not mark a read one again; 查看全部 leads to the notification centre", async () => {
    const calls = stubFetchByUrl([[/\/api\/notifications\?/, { status: 200, body: page }]]);
    renderBell();
    fireEvent.click(await screen.findByRole("button", { name: "通知，2 条未读" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: /一条新规则的通知/ }));
    expect(screen.getByRole("status", { name: "address" }).textContent).toBe("/");
    fireEvent.click(await screen.findByRole("button", { name: "通知，2 条未读" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "查看全部通知" }));
    expect(screen.getByRole("status", { name: "address" }).textContent).toBe("/notifications");
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("全部标为已读 reads them all at once", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/notifications\/read-all$/, { status: 204 }],
      [/\/api\/notifications\?/, { status: 200, body: page }],
    ]);
    renderBell();
    fireEvent.click(await screen.findByRole("button", { name: "通知，2 条未读" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "全部标为已读" }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === "POST").map((c) => c.url)).toEqual(["/api/notifications/read-all"]),
    );
  });

  it("shows nothing when the notifications cannot be read, rather than an error in the header", async () => {
    const calls = stubFetchByUrl([
      [/\/api\/notifications\?/, { status: 500, body: { error: { code: "INTERNAL", message: "x", requestId: "r" } } }],
    ]);
    renderBell();
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    await waitFor(() => expect(screen.queryByRole("button", { name: /通知/ })).toBeNull());
    expect(screen.queryByText(/出错|失败/)).toBeNull();
  });

  it("with nothing unread: a bell without a count", async () => {
    stubFetchByUrl([
      [/\/api\/notifications\?/, { status: 200, body: { items: [], total: 0, unread: 0, page: 1, pageSize: 8 } }],
    ]);
    renderBell();
    await waitFor(() => expect(screen.getByRole("button", { name: "通知" })).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "通知" }));
    expect((await screen.findByRole("menuitem", { name: "暂无通知" })).getAttribute("aria-disabled")).toBe("true");
    expect(screen.queryByRole("menuitem", { name: "全部标为已读" })).toBeNull();
  });
});
