import type { Notice } from "@resettle/domain";
import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { CooperatingNotices } from "./cooperating-notices";
import { DepartmentOpenNotices } from "./department-open-notices";
import { NoticeDocument } from "./notice-document";

const zhujian = "1b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b";
const notice: Notice = {
  id: "3c1f0f7e-1111-4222-8333-944455556666",
  number: "盘回迁督〔2026〕3号",
  level: "red",
  targetType: "milestone",
  targetId: "5c1f0f7e-1111-4222-8333-944455556666",
  targetLabel: "某棚改项目：主体竣工验收",
  projectId: "8c1f0f7e-1111-4222-8333-944455556666",
  department: { id: zhujian, name: "市住建局" },
  cooperating: [],
  requirement: "11月底前完成主体验收。",
  replyBy: "2026-11-20",
  status: "closed",
  // 16:30 UTC is the next morning in China: the paper shows China's day.
  issuedAt: "2026-11-01T16:30:00.000Z",
  issuedBy: "管理员",
  receivedAt: "2026-11-03T02:00:00.000Z",
  repliedAt: "2026-11-18T02:00:00.000Z",
  measures: "已组织五方主体验收。",
  reviewComment: "材料齐全。",
  closedAt: "2026-11-25T02:00:00.000Z",
  extension: null,
  daysOpen: 23,
  overdue: false,
  version: 5,
};

afterEach(() => vi.unstubAllGlobals());

describe("NoticeDocument", () => {
  it("prints the title, the number under it, the notice and its answers, and the office with the date", () => {
    renderWithProviders(<NoticeDocument notice={notice} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("督办单");
    expect(screen.getByText("盘回迁督〔2026〕3号")).toBeTruthy();
    const row = (label: string) => screen.getByRole("rowheader", { name: label }).nextElementSibling?.textContent;
    expect(row("督办事项")).toBe("某棚改项目：主体竣工验收");
    expect(row("责任单位")).toBe("市住建局");
    expect(row("督办等级")).toBe("红色督办");
    expect(row("反馈时限")).toBe("2026年11月20日");
    expect(row("交办日期")).toBe("2026年11月2日");
    expect(row("签收")).toBe("2026年11月3日");
    expect(row("反馈")).toContain("已组织五方主体验收。");
    expect(row("复核")).toContain("复核通过，予以销号。");
    expect(screen.getByText("领导小组办公室（印章）")).toBeTruthy();
    // No cooperating department: neither the row nor the 抄送 line.
    expect(screen.queryByRole("rowheader", { name: "配合单位" })).toBeNull();
    expect(screen.queryByText(/^抄送/)).toBeNull();
  });

  it("names the cooperating departments under the responsible one, and copies the notice to them at the foot (抄送)", () => {
    const cooperating = [
      { id: "6c1f0f7e-1111-4222-8333-944455556666", name: "市法院" },
      { id: "7c1f0f7e-1111-4222-8333-944455556666", name: "双台子区政府" },
    ];
    renderWithProviders(<NoticeDocument notice={{ ...notice, cooperating }} />);
    const headers = screen.getAllByRole("rowheader").map((h) => h.textContent);
    expect(headers.slice(0, 3)).toEqual(["督办事项", "责任单位", "配合单位"]);
    expect(screen.getByRole("rowheader", { name: "配合单位" }).nextElementSibling?.textContent).toBe(
      "市法院、双台子区政府",
    );
    expect(screen.getByText("抄送：市法院、双台子区政府。").className).toBe("notice-document-copy");
  });

  it("leaves out the answers not yet given", () => {
    renderWithProviders(
      <NoticeDocument
        notice={{ ...notice, status: "issued", receivedAt: null, repliedAt: null, measures: null, closedAt: null }}
      />,
    );
    expect(screen.queryByRole("rowheader", { name: "签收" })).toBeNull();
    expect(screen.queryByRole("rowheader", { name: "反馈" })).toBeNull();
    expect(screen.queryByRole("rowheader", { name: "复核" })).toBeNull();
  });
});

describe("CooperatingNotices", () => {
  it("lists the open notices the department cooperates on, each with its lead", async () => {
    const helping = {
      ...notice,
      status: "received" as const,
      cooperating: [{ id: "6c1f0f7e-1111-4222-8333-944455556666", name: "市法院" }],
    };
    const page = { items: [helping], total: 1, page: 1, pageSize: 20 };
    const calls = stubFetchByUrl([[/\/supervision-notices\?/, { status: 200, body: page }]]);
    renderWithProviders(<CooperatingNotices departmentId="6c1f0f7e-1111-4222-8333-944455556666" />);
    expect(await screen.findByRole("link", { name: "盘回迁督〔2026〕3号" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "配合督办单" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "配合督办单" }).textContent).toContain("牵头单位 市住建局");
    const url = new URL(calls[0]!.url, "http://x");
    expect(url.searchParams.get("cooperatingDepartmentId")).toBe("6c1f0f7e-1111-4222-8333-944455556666");
    expect(url.searchParams.get("open")).toBe("true");
    expect(url.searchParams.get("departmentId")).toBeNull();
  });

  it("shows nothing when the department cooperates on no open notice", async () => {
    const calls = stubFetchByUrl([
      [/\/supervision-notices\?/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } }],
    ]);
    const { container } = renderWithProviders(<CooperatingNotices departmentId={zhujian} />);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(container.textContent).toBe("");
  });
});

describe("DepartmentOpenNotices", () => {
  it("lists the department's open notices, asking the server for them only", async () => {
    const page = { items: [{ ...notice, status: "received", overdue: true }], total: 1, page: 1, pageSize: 20 };
    const calls = stubFetchByUrl([[/\/supervision-notices\?/, { status: 200, body: page }]]);
    renderWithProviders(<DepartmentOpenNotices departmentId={zhujian} />);
    expect(await screen.findByRole("link", { name: "盘回迁督〔2026〕3号" })).toBeTruthy();
    expect(screen.getByText("红色督办")).toBeTruthy();
    expect(screen.getByText("已超期")).toBeTruthy();
    const url = new URL(calls[0]!.url, "http://x");
    expect(url.searchParams.get("departmentId")).toBe(zhujian);
    expect(url.searchParams.get("open")).toBe("true");
  });

  it("says when there is none", async () => {
    stubFetchByUrl([
      [/\/supervision-notices\?/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } }],
    ]);
    renderWithProviders(<DepartmentOpenNotices departmentId={zhujian} />);
    expect(await screen.findByText("本单位暂无未销号的督办单")).toBeTruthy();
  });
});
