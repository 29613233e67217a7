import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { SessionUser } from "@resettle/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../../features/auth";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { group, ids, queueEntries, user } from "../../../test/reviews.fixture";
import { renderWithProviders } from "../../../test/render-with-providers";
import ProblemQueuePage from "./problem-queue-page";

afterEach(() => vi.unstubAllGlobals());

function renderQueue(as: SessionUser, route = "/problem-queue") {
  const calls = stubFetchByUrl([
    [/\/problem-queue\?/, { status: 200, body: { items: queueEntries, total: 2, page: 1, pageSize: 20 } }],
    [/\/working-groups$/, { status: 200, body: [group] }],
    [/\/districts$/, { status: 200, body: [] }],
  ]);
  renderWithProviders(
    <SessionContext value={as}>
      <ProblemQueuePage />
    </SessionContext>,
    "zh-CN",
    { route },
  );
  return calls;
}

const rows = async () => {
  const table = await screen.findByRole("table", { name: "问题项目，最久未研判的在前" });
  await waitFor(() =>
    expect(
      within(table)
        .getAllByRole("row")
        .filter((r) => r.dataset.rowKey),
    ).toHaveLength(2),
  );
  return within(table)
    .getAllByRole("row")
    .filter((r) => r.dataset.rowKey);
};

describe("ProblemQueuePage", () => {
  it("lists the queue as the server ranked it, with review dates, actions and links", async () => {
    const calls = renderQueue(user("working_group"), `/problem-queue?groupId=${ids.group}`);
    const [first, second] = await rows();

    // The filter in the address goes to the server.
    expect(calls.map((c) => c.url)).toContain(`/api/problem-queue?page=1&pageSize=20&groupId=${ids.group}`);

    expect(within(first!).getByRole("link", { name: "向阳小区" }).getAttribute("href")).toBe(
      `/projects/${ids.xiangyang}`,
    );
    expect(within(first!).getByText("个性问题")).toBeTruthy();
    expect(within(first!).getByText("红色预警")).toBeTruthy();
    expect(within(first!).getByText("从未研判")).toBeTruthy();
    expect(within(first!).getByText("已超期 56 天")).toBeTruthy();
    expect(
      within(first!)
        .getByRole("link", { name: /^研判记录\s*向阳小区$/ })
        .getAttribute("href"),
    ).toBe(`/projects/${ids.xiangyang}#reviews`);
    expect(
      within(first!)
        .getByRole("link", { name: /^记录研判\s*向阳小区$/ })
        .getAttribute("href"),
    ).toBe(`/reviews/new?groupId=${ids.group}&projectId=${ids.xiangyang}`);

    expect(within(second!).getByText("2026-09-20")).toBeTruthy();
    expect(within(second!).getByText("有受阻事项")).toBeTruthy();
    expect(within(second!).getByText("无工作组")).toBeTruthy();
    // Only the office assigns groups.
    expect(within(second!).queryByRole("combobox", { name: /分配工作组/ })).toBeNull();
    expect(within(second!).getByText("5")).toBeTruthy();
    expect(within(second!).getByText("2")).toBeTruthy();
    // Without a group there is no one to record a review with.
    expect(within(second!).queryByRole("link", { name: /记录研判/ })).toBeNull();
    expect(screen.getByText("共 2 个项目")).toBeTruthy();
  });

  it("offers reading only to those who do not record reviews", async () => {
    renderQueue(user("leader"));
    const [first] = await rows();
    expect(within(first!).getByRole("link", { name: /^研判记录\s*向阳小区$/ })).toBeTruthy();
    expect(within(first!).queryByRole("link", { name: /记录研判/ })).toBeNull();
  });

  it("says so when no project awaits review", async () => {
    stubFetchByUrl([
      [/\/problem-queue\?/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } }],
      [/\/working-groups$/, { status: 200, body: [group] }],
      [/\/districts$/, { status: 200, body: [] }],
    ]);
    renderWithProviders(
      <SessionContext value={user("working_group")}>
        <ProblemQueuePage />
      </SessionContext>,
    );
    expect(await screen.findByText("暂无需要研判的问题项目")).toBeTruthy();
  });

  it("lets the office assign a working group to a queued project without one, after confirming", async () => {
    const other = { ...group, id: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", projects: [], version: 3 };
    const calls = stubFetchByUrl([
      [/\/problem-queue\?/, { status: 200, body: { items: queueEntries, total: 2, page: 1, pageSize: 20 } }],
      [
        /\/working-groups\/5a4b/,
        { status: 200, body: { ...other, projects: [{ id: ids.hongwei, name: "宏伟小区" }] } },
      ],
      [/\/working-groups$/, { status: 200, body: [other] }],
      [/\/districts$/, { status: 200, body: [] }],
    ]);
    renderWithProviders(
      <SessionContext value={user("admin")}>
        <ProblemQueuePage />
      </SessionContext>,
    );
    const [, second] = await rows();
    expect(within(second!).getByText("无工作组")).toBeTruthy();
    const select = within(second!).getByRole("combobox", { name: "分配工作组 宏伟小区" });
    fireEvent.mouseDown(select);
    fireEvent.click(await screen.findByTitle(group.name));
    // Nothing is sent before the office confirms.
    expect(calls.filter((c) => c.method === "PATCH")).toEqual([]);
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getAllByText(`将“宏伟小区”分配给“${group.name}”？`).length).toBeGreaterThan(0);
    fireEvent.click(within(dialog).getByRole("button", { name: /分\s*配/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === "PATCH")).toHaveLength(1));
    const patch = calls.find((c) => c.method === "PATCH")!;
    expect(patch.url).toBe(`/api/working-groups/${other.id}`);
    expect(patch.body).toEqual({ projectIds: [ids.hongwei], version: 3 });
  });
});
