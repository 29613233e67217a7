import type { Notice, SessionUser } from "@resettle/domain";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../auth";
import { conflictAnswer, stubApi } from "../../../test/api-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { NoticeDetail } from "./notice-detail";

const zhujian = "1b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b";
const shuangtaizi = "2b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b";
const base = { id: "0b8f5a52-3c1d-4e2f-8a9b-1c2d3e4f5a6b", displayName: "某人", mustChangePassword: false };
const admin: SessionUser = { ...base, username: "admin", role: "admin", departmentId: null };
const coordZhujian: SessionUser = { ...base, username: "coord-zhujian", role: "coordinator", departmentId: zhujian };
const leader: SessionUser = { ...base, username: "leader", role: "leader", departmentId: null };

const notice = (patch: Partial<Notice> = {}): Notice => ({
  id: "3c1f0f7e-1111-4222-8333-944455556666",
  number: "盘回迁督〔2026〕1号",
  level: "yellow",
  targetType: "project",
  targetId: "8c1f0f7e-1111-4222-8333-944455556666",
  targetLabel: "兴隆台区某棚改项目",
  projectId: "8c1f0f7e-1111-4222-8333-944455556666",
  department: { id: zhujian, name: "市住建局" },
  cooperating: [],
  requirement: "11月底前完成主体验收。",
  replyBy: "2026-11-20",
  status: "issued",
  issuedAt: "2026-11-01T02:00:00.000Z",
  issuedBy: "领导小组办公室",
  receivedAt: null,
  repliedAt: null,
  measures: null,
  reviewComment: null,
  closedAt: null,
  extension: null,
  daysOpen: 31,
  overdue: true,
  version: 1,
  ...patch,
});

const events = [
  {
    id: "4c1f0f7e-1111-4222-8333-944455556666",
    step: "issue",
    from: null,
    to: "issued",
    note: null,
    by: "管理员",
    at: "2026-11-01T02:00:00.000Z",
  },
];

function renderDetail(user: SessionUser, shown: Notice) {
  renderWithProviders(
    <SessionContext value={user}>
      <NoticeDetail notice={shown} />
    </SessionContext>,
  );
}

const actions = () => screen.queryByRole("group", { name: "可办理的操作" });
const buttonNames = () =>
  within(actions()!)
    .getAllByRole("button")
    .map((b) => b.textContent?.replace(/\s/g, ""));

afterEach(() => vi.unstubAllGlobals());

describe("NoticeDetail's actions", () => {
  it("lets a coordinator of 住建 sign for an issued notice to 住建, and nothing more", async () => {
    stubApi(["GET", /\/events$/, { status: 200, body: events }]);
    renderDetail(coordZhujian, notice());
    expect(buttonNames()).toEqual(["签收"]);
    expect(await screen.findByText("管理员", { exact: false })).toBeTruthy();
  });

  it("gives a coordinator of 住建 no action on 双台子区政府's notice", () => {
    stubApi(["GET", /\/events$/, { status: 200, body: events }]);
    renderDetail(coordZhujian, notice({ department: { id: shuangtaizi, name: "双台子区政府" } }));
    expect(actions()).toBeNull();
  });

  it("lets the office review a reply or escalate it, but not sign for it", () => {
    stubApi(["GET", /\/events$/, { status: 200, body: events }]);
    const replied = notice({ status: "replied", receivedAt: "2026-11-02T02:00:00.000Z", measures: "已验收。" });
    renderDetail(admin, replied);
    expect(buttonNames()).toEqual(["复核", "升级督办"]);
  });

  it("lets a leader take no step", () => {
    stubApi(["GET", /\/events$/, { status: 200, body: events }]);
    renderDetail(leader, notice({ status: "replied", measures: "已验收。" }));
    expect(actions()).toBeNull();
  });

  it("offers a coordinator 反馈 (not a second 申请延期) while an extension waits, and the office 延期审批", () => {
    stubApi(["GET", /\/events$/, { status: 200, body: events }]);
    const pending = notice({
      status: "received",
      extension: { until: "2026-12-20", reason: "冬季停工", status: "pending", decision: null },
    });
    renderDetail(coordZhujian, pending);
    expect(buttonNames()).toEqual(["反馈"]);
    cleanup();
    renderDetail(admin, pending);
    expect(buttonNames()).toEqual(["延期审批", "升级督办"]);
    expect(screen.getByText("已申请延期至 2026-12-20，等待审批")).toBeTruthy();
  });

  it("says how the notice stands when someone signed for it meanwhile (409)", async () => {
    const api = stubApi(
      ["GET", /\/events$/, { status: 200, body: events }],
      ["POST", /\/receipt$/, conflictAnswer(notice({ status: "received", receivedAt: "2026-11-02T02:00:00.000Z" }))],
    );
    renderDetail(coordZhujian, notice());
    fireEvent.click(within(actions()!).getByRole("button", { name: /签\s*收/ }));
    const confirm = (await screen.findAllByRole("button", { name: /签\s*收/ })).find((b) =>
      b.closest(".ant-popconfirm"),
    )!;
    fireEvent.click(confirm);
    expect(await screen.findByText(/现为“已签收”/)).toBeTruthy();
    await waitFor(() => expect(api.sent("POST")).toEqual([{}]));
  });

  it("names the cooperating departments; their coordinator writes progress notes but takes no step", async () => {
    const coordShuangtaizi: SessionUser = { ...coordZhujian, username: "coord-shuangtaizi", departmentId: shuangtaizi };
    const helped = notice({ cooperating: [{ id: shuangtaizi, name: "双台子区政府" }] });
    const api = stubApi(
      ["GET", /\/events$/, { status: 200, body: events }],
      ["GET", /\/notes$/, { status: 200, body: [] }],
      [
        "POST",
        /\/notes$/,
        {
          status: 201,
          body: {
            id: "9c1f0f7e-1111-4222-8333-944455556666",
            text: "已配合核查",
            department: { id: shuangtaizi, name: "双台子区政府" },
            role: "cooperating",
            by: "某人",
            at: "2026-11-25T02:00:00.000Z",
          },
        },
      ],
    );
    renderDetail(coordShuangtaizi, helped);
    expect(screen.getByText("配合单位")).toBeTruthy();
    expect(screen.getByText("双台子区政府").className).toContain("ant-tag");
    // 签收 is the lead's (住建's): no step for the cooperating department, nor a way to change the set.
    expect(actions()).toBeNull();
    expect(screen.queryByRole("button", { name: "设置配合单位" })).toBeNull();
    fireEvent.change(await screen.findByLabelText("填写进展情况"), { target: { value: " 已配合核查 " } });
    fireEvent.click(screen.getByRole("button", { name: /提\s*交/ }));
    await waitFor(() => expect(api.sent("POST")).toEqual([{ text: "已配合核查" }]));
    expect(api.calls.some((c) => c.url.includes(`/supervision-notices/${helped.id}/notes`))).toBe(true);
  });

  it("lets the office change the cooperating departments while the notice is open; another department writes no note", () => {
    stubApi(["GET", /\/events$/, { status: 200, body: events }], ["GET", /\/notes$/, { status: 200, body: [] }]);
    renderDetail(admin, notice());
    expect(screen.getByRole("button", { name: "设置配合单位" })).toBeTruthy();
    expect(screen.getByLabelText("填写进展情况")).toBeTruthy();
    cleanup();
    renderDetail(admin, notice({ status: "closed", closedAt: "2026-11-25T02:00:00.000Z" }));
    expect(screen.queryByRole("button", { name: "设置配合单位" })).toBeNull();
    cleanup();
    renderDetail(coordZhujian, notice({ department: { id: shuangtaizi, name: "双台子区政府" } }));
    expect(screen.queryByLabelText("填写进展情况")).toBeNull();
  });

  it("asks for the comment when the office returns a reply", async () => {
    const api = stubApi(["GET", /\/events$/, { status: 200, body: events }]);
    renderDetail(admin, notice({ status: "replied", measures: "已验收。" }));
    fireEvent.click(within(actions()!).getByRole("button", { name: /复\s*核/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("radio", { name: "退回，重新办理" }));
    fireEvent.click(
      within(dialog)
        .getAllByRole("button", { name: /复\s*核/ })
        .at(-1)!,
    );
    expect(await screen.findByText("退回时须填写复核意见")).toBeTruthy();
    expect(api.sent("POST")).toEqual([]);
  });
});
