import { EVIDENCE_TYPES, type MyWork } from "@resettle/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../features/auth";
import { stubFetchByUrl } from "../../test/fetch-stub";
import { ids, user } from "../../test/reviews.fixture";
import { renderWithProviders } from "../../test/render-with-providers";
import MyWorkPage from "./my-work-page";

afterEach(() => vi.unstubAllGlobals());

const permit = {
  type: "milestone" as const,
  id: ids.item,
  projectId: ids.hongwei,
  projectName: "学府园二期",
  title: "施工许可证办理",
  dueDate: "2019-12-31",
  status: "in_progress" as const,
  blockedReason: null,
  responsiblePersonId: null,
  version: 3,
  daysOverdue: 2521,
  urgency: "overdue" as const,
  review: null,
  returnReason: null,
  completion: null,
  leadName: "市住房和城乡建设局",
};

const mine = (cooperating: MyWork["cooperating"]): MyWork => ({
  departmentId: ids.shuangtaizi,
  asOf: "2026-11-25",
  overdueCount: 0,
  dueSoonCount: 0,
  entries: [],
  reviewsToSign: [],
  awaitingVerification: [],
  cooperating,
});

function renderMyWork(work: MyWork) {
  return stubFetchByUrl([
    [/\/my-work$/, { status: 200, body: work }],
    [/\/supervision-notices\?/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } }],
    [/\/utility-tickets\?/, { status: 200, body: { items: [], total: 0, page: 1, pageSize: 10 } }],
    [
      /\/milestones\/[^/]+\/cooperators$/,
      {
        status: 200,
        body: {
          lead: { id: ids.zhujian, name: "市住房和城乡建设局" },
          cooperating: [{ id: ids.shuangtaizi, name: "双台子区人民政府" }],
        },
      },
    ],
    [
      /\/milestones\/[^/]+\/evidence$/,
      { status: 200, body: { files: [], maxBytes: 10 * 1024 * 1024, types: [...EVIDENCE_TYPES] } },
    ],
    [/\/milestones\/[^/]+\/notes$/, { status: 200, body: [] }],
  ]);
}

describe("My work, 配合事项", () => {
  it(
    "lists the work the department cooperates on, with its lead, and opens it for notes, not for its status",
    { timeout: 30_000 },
    async () => {
      renderMyWork(mine([permit]));
      renderWithProviders(
        <SessionContext value={user("coordinator", ids.shuangtaizi)}>
          <MyWorkPage />
        </SessionContext>,
      );

      const section = (await screen.findByRole("heading", { name: "配合事项（1）" })).closest("section")!;
      const row = within(section).getAllByText("施工许可证办理")[0]!.closest("tr")!;
      expect(within(row).getByRole("link", { name: "学府园二期" }).getAttribute("href")).toBe(
        `/projects/${ids.hongwei}`,
      );
      expect(within(row).getByText("2019-12-31")).toBeTruthy();
      expect(within(row).getByText("市住房和城乡建设局")).toBeTruthy();
      expect(within(row).getByText("已逾期 2521 天").closest(".ant-tag")!.className).toContain("ant-tag-error");
      // The status is the lead's: shown, never a control here.
      expect(within(row).getByText("进行中")).toBeTruthy();
      expect(within(row).queryByRole("combobox")).toBeNull();

      fireEvent.click(within(row).getByRole("button", { name: /详情/ }));
      const drawer = await screen.findByRole("dialog");
      expect(await within(drawer).findByText("双台子区人民政府")).toBeTruthy();
      expect(within(drawer).getByText("市住房和城乡建设局")).toBeTruthy();
      expect(await within(drawer).findByText("暂无进展情况")).toBeTruthy();
      expect(await within(drawer).findByText("暂无证明材料")).toBeTruthy();
      // A cooperating department's coordinator writes notes and attaches evidence; the office alone sets who cooperates.
      expect(within(drawer).getByLabelText("填写进展情况")).toBeTruthy();
      expect(within(drawer).getByRole("button", { name: /上传证明材料/ })).toBeTruthy();
      expect(within(drawer).queryByRole("button", { name: "设置配合单位" })).toBeNull();
    },
  );

  it("shows no 配合 section when the department cooperates on nothing", async () => {
    renderMyWork(mine([]));
    renderWithProviders(
      <SessionContext value={user("coordinator", ids.shuangtaizi)}>
        <MyWorkPage />
      </SessionContext>,
    );
    await screen.findByText("本部门暂无未完成的推进节点或整改事项");
    expect(screen.queryByRole("heading", { name: /配合事项/ })).toBeNull();
  });
});
