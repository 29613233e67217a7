import type { SessionUser } from "@resettle/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../features/auth";
import { stubFetchByUrl } from "../../test/fetch-stub";
import { renderWithProviders } from "../../test/render-with-providers";
import NoticesPage from "./notices-page";

const zhujian = "1b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b";
const base = { id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b", displayName: "某人", mustChangePassword: false };
const admin: SessionUser = { ...base, username: "admin", role: "admin", departmentId: null };
const coordinator: SessionUser = { ...base, username: "coord-zhujian", role: "coordinator", departmentId: zhujian };

const notice = {
  id: "3c1f0f7e-1111-4222-8333-944455556666",
  number: "盘回迁督〔2026〕1号",
  level: "red",
  targetType: "project",
  targetId: "8c1f0f7e-1111-4222-8333-944455556666",
  targetLabel: "某棚改项目",
  projectId: "8c1f0f7e-1111-4222-8333-944455556666",
  department: { id: zhujian, name: "市住建局" },
  cooperating: [],
  requirement: "尽快完成验收。",
  replyBy: "2026-11-20",
  status: "issued",
  issuedAt: "2026-11-01T02:00:00.000Z",
  issuedBy: "管理员",
  receivedAt: null,
  repliedAt: null,
  measures: null,
  reviewComment: null,
  closedAt: null,
  extension: null,
  daysOpen: 31,
  overdue: true,
  version: 1,
};

function stub() {
  return stubFetchByUrl([
    [/\/supervision-notices\?/, { status: 200, body: { items: [notice], total: 1, page: 1, pageSize: 20 } }],
    [/\/departments/, { status: 200, body: [] }],
    [/\/projects\?/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } }],
  ]);
}

function renderAs(user: SessionUser, route = "/notices") {
  renderWithProviders(
    <SessionContext value={user}>
      <NoticesPage />
    </SessionContext>,
    "zh-CN",
    { route },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("NoticesPage", () => {
  it("lists the notices with the filters from the address; the number opens the notice", async () => {
    const calls = stub();
    renderAs(coordinator, "/notices?level=red&open=true");
    const table = await screen.findByRole("table", { name: "督办单列表" });
    const link = within(table).getByRole("link", { name: "盘回迁督〔2026〕1号" });
    expect(link.getAttribute("href")).toBe(`/notices/${notice.id}`);
    expect(within(table).getByText("已交办")).toBeTruthy();
    expect(within(table).getByText("已超期")).toBeTruthy();
    const url = new URL(calls.find((c) => c.url.includes("supervision-notices"))!.url, "http://x");
    expect(url.searchParams.get("level")).toBe("red");
    expect(url.searchParams.get("open")).toBe("true");
    expect(screen.queryByRole("button", { name: "交办督办单" })).toBeNull();
  });

  it("lets the office open the issue dialog", async () => {
    stub();
    renderAs(admin);
    fireEvent.click(await screen.findByRole("button", { name: "交办督办单" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByLabelText("督办等级")).toBeTruthy();
    expect(within(dialog).getByLabelText("所属项目")).toBeTruthy();
    expect(within(dialog).getByLabelText("反馈时限")).toBeTruthy();
    // 配合单位 are named with the notice (never its own department, which leads).
    expect(within(dialog).getByLabelText("配合单位")).toBeTruthy();
  });

  it("lists the notices a department cooperates on when the address says so", async () => {
    const calls = stub();
    renderAs(coordinator, `/notices?cooperatingDepartmentId=${zhujian}&open=true`);
    await screen.findByRole("table", { name: "督办单列表" });
    const url = new URL(calls.find((c) => c.url.includes("supervision-notices"))!.url, "http://x");
    expect(url.searchParams.get("cooperatingDepartmentId")).toBe(zhujian);
    expect(url.searchParams.get("departmentId")).toBeNull();
  });
});
