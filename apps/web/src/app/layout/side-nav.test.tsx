import type { SessionUser } from "@resettle/domain";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Route, Routes } from "react-router";
import { SessionContext } from "../../features/auth";
import { stubFetchByUrl } from "../../test/fetch-stub";
import { renderWithProviders } from "../../test/render-with-providers";
import { SideNav } from "./side-nav";

const departmentId = "1b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b";
const base = { id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b", displayName: "某人", mustChangePassword: false };
const admin: SessionUser = { ...base, username: "admin", role: "admin", departmentId };
const leader: SessionUser = { ...base, username: "leader", role: "leader", departmentId: null };
const coordinator: SessionUser = { ...base, username: "coord", role: "coordinator", departmentId };
const workingGroup: SessionUser = { ...base, username: "wg", role: "working_group", departmentId: null };

const myWork = {
  departmentId,
  asOf: "2026-11-25",
  overdueCount: 3,
  dueSoonCount: 0,
  entries: [],
  reviewsToSign: [],
  awaitingVerification: [],
  cooperating: [],
};

function renderAt(user: SessionUser, route: string, language: "zh-CN" | "en" = "zh-CN") {
  renderWithProviders(
    <SessionContext value={user}>
      <Routes>
        <Route path="*" element={<SideNav />} />
      </Routes>
    </SessionContext>,
    language,
    { route },
  );
  return screen.getByRole("navigation", { name: language === "en" ? "Main navigation" : "主导航" });
}

const entryNames = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole("link")
    .map((link) => link.textContent);
const current = (nav: HTMLElement) => within(nav).getByRole("link", { current: "page" });
/** The menu item (li) that antd marks as selected. */
const selectedItems = (nav: HTMLElement) =>
  [...nav.querySelectorAll(".ant-menu-item-selected")].map((li) => li.textContent);

beforeEach(() => {
  window.localStorage.clear();
  stubFetchByUrl([[/\/api\/my-work/, { status: 200, body: myWork }]]);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("SideNav", () => {
  it("shows an administrator every page, grouped, with the admin pages and the audit log", async () => {
    const nav = renderAt(admin, "/");
    expect(entryNames(nav)).toEqual([
      "数据总览",
      "全市待办",
      "项目台账",
      expect.stringMatching(/^我的待办/),
      "回迁户名册",
      "水电暖问题",
      "问题项目",
      "研判会",
      "共性问题",
      "督办单",
      "绩效考评",
      "工作简报",
      "研判材料",
      "用户账号",
      "部门",
      "人员",
      "问题成因",
      "联合工作组",
      "复核规则",
      "推送渠道",
      "工作方案",
      "操作日志",
    ]);
    for (const group of ["总览", "项目与工作", "问题研判", "报表", "系统管理"])
      expect(within(nav).getByText(group)).toBeTruthy();
    expect(current(nav).textContent).toBe("数据总览");
    expect(selectedItems(nav)).toEqual(["数据总览"]);
    // Folded, the menu is its icons: every entry has one.
    const items = nav.querySelectorAll(".ant-menu-item");
    expect(items.length).toBe(22);
    for (const item of items) expect(item.querySelector(".anticon"), item.textContent ?? "").not.toBeNull();
  });

  it("shows a leader the audit log but no admin page, and no 我的待办 without a department", () => {
    const nav = renderAt(leader, "/audit");
    const names = entryNames(nav);
    expect(names).toContain("操作日志");
    for (const hidden of ["用户账号", "部门", "人员", "问题成因", "联合工作组"]) expect(names).not.toContain(hidden);
    expect(names).toEqual(expect.arrayContaining(["工作简报", "研判材料"]));
    expect(names.some((name) => name?.startsWith("我的待办"))).toBe(false);
    expect(current(nav).textContent).toBe("操作日志");
  });

  it("shows a working group without a department neither admin pages nor the audit log", () => {
    const nav = renderAt(workingGroup, "/");
    expect(entryNames(nav)).toEqual([
      "数据总览",
      "全市待办",
      "项目台账",
      "回迁户名册",
      "水电暖问题",
      "问题项目",
      "研判会",
      "共性问题",
      "督办单",
      "绩效考评",
      "工作简报",
      "研判材料",
    ]);
    expect(within(nav).queryByText("系统管理")).toBeNull();
  });

  it("shows a coordinator its work with the number overdue", async () => {
    const nav = renderAt(coordinator, "/my-work");
    expect(await within(nav).findByText("，3 项已逾期")).toBeTruthy();
    expect(current(nav).textContent).toMatch(/^我的待办3/);
    expect(selectedItems(nav)).toHaveLength(1);
    expect(entryNames(nav)).not.toContain("操作日志");
    // 报表 are the office's, the leaders' and the working groups' (a coordinator may open them by address).
    expect(within(nav).queryByText("报表")).toBeNull();
  });

  it("selects the entry of the page shown, also below it, and follows the route", () => {
    const nav = renderAt(admin, "/projects/8c1f0f7e-1111-4222-8333-944455556666");
    expect(current(nav).textContent).toBe("项目台账");
    expect(selectedItems(nav)).toEqual(["项目台账"]);

    fireEvent.click(within(nav).getByRole("link", { name: "研判会" }));
    expect(current(nav).textContent).toBe("研判会");
    expect(selectedItems(nav)).toEqual(["研判会"]);

    fireEvent.click(within(nav).getByRole("link", { name: "数据总览" }));
    expect(current(nav).textContent).toBe("数据总览");
    expect(selectedItems(nav)).toEqual(["数据总览"]);
  });

  it("selects the admin entry of an admin page and nothing on a page outside the menu", () => {
    let nav = renderAt(admin, "/admin/working-groups");
    expect(selectedItems(nav)).toEqual(["联合工作组"]);
    cleanup();
    nav = renderAt(admin, "/account/password");
    expect(selectedItems(nav)).toEqual([]);
  });

  it("reads in English", () => {
    const nav = renderAt(admin, "/overdue-board", "en");
    expect(current(nav).textContent).toBe("Overdue board");
    expect(within(nav).getByText("Problems and reviews")).toBeTruthy();
  });

  it("folds and unfolds with its button, and remembers the choice", () => {
    renderAt(admin, "/");
    const fold = screen.getByRole("button", { name: "收起导航" });
    expect(fold.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(fold);
    const unfold = screen.getByRole("button", { name: "展开导航" });
    expect(unfold.getAttribute("aria-expanded")).toBe("false");
    expect(window.localStorage.getItem("resettle.sider.collapsed")).toBe("true");
    expect(document.querySelector(".ant-layout-sider-collapsed")).not.toBeNull();
  });

  it("starts folded when the user folded it before", () => {
    window.localStorage.setItem("resettle.sider.collapsed", "true");
    renderAt(admin, "/");
    expect(screen.getByRole("button", { name: "展开导航" })).toBeTruthy();
  });
});
