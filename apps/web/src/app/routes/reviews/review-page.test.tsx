import type { Review, SessionUser } from "@resettle/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../../features/auth";
import { setCsrfToken } from "../../../lib/session-token";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { group, ids, review, user } from "../../../test/reviews.fixture";
import { renderWithProviders } from "../../../test/render-with-providers";
import ReviewPage from "./review-page";

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const signedByAll: Review = {
  ...review,
  signatures: [
    ...review.signatures,
    { departmentId: ids.guotu, departmentName: "市自然资源局", signedBy: "李明", signedAt: "2026-11-22T02:00:00.000Z" },
  ],
  pendingDepartmentIds: [],
  locked: true,
  lockedAt: "2026-11-22T02:00:00.000Z",
  version: 3,
};

function renderReview(as: SessionUser, record: Review = review, signAnswer?: Review) {
  const calls = stubFetchByUrl([
    [/\/signatures$/, { status: 201, body: signAnswer }],
    [/\/reviews\/[^/?]+$/, { status: 200, body: record }],
    [/\/working-groups$/, { status: 200, body: [group] }],
    [/\/(projects|my-work|dashboard|progress)/, { status: 200, body: {} }],
  ]);
  renderWithProviders(
    <SessionContext value={as}>
      <Routes>
        <Route path="/reviews/:id" element={<ReviewPage />} />
      </Routes>
    </SessionContext>,
    "zh-CN",
    { route: `/reviews/${record.id}` },
  );
  return calls;
}

const signButton = () => screen.queryByRole("button", { name: /^签\s*署$/ });

describe("ReviewPage, the minutes of a review", () => {
  it("lays out the record as minutes: title, attendees by department, findings, actions, sign-off", async () => {
    renderReview(user("leader"));
    expect(await screen.findByRole("heading", { level: 1, name: `${group.name}研判会纪要` })).toBeTruthy();
    expect(screen.getByText("2026年11月20日")).toBeTruthy();
    const line = (text: string) => (_: string, element: Element | null) =>
      element?.tagName === "DIV" && element.textContent === text;
    expect(screen.getByText(line("市住房和城乡建设局：王建国（副局长）"))).toBeTruthy();
    expect(screen.getByText(line("市自然资源局：李明"))).toBeTruthy();
    expect(screen.getByRole("heading", { name: "一、向阳小区" })).toBeTruthy();
    expect(screen.getByText("开发企业资金链断裂，二期停工。")).toBeTruthy();
    const actions = screen.getByRole("table", { name: "向阳小区后续工作" });
    expect(within(actions).getByText("确定代建单位")).toBeTruthy();
    expect(within(actions).getByText("双台子区人民政府")).toBeTruthy();
    expect(within(actions).getByText("2026-12-31")).toBeTruthy();
    expect(within(actions).getByText("未开始")).toBeTruthy();

    const signOff = screen.getByRole("table", { name: "成员单位会签情况" });
    const zhujian = within(signOff).getByRole("rowheader", { name: "市住房和城乡建设局" }).closest("tr")!;
    expect(within(zhujian).getByText("王建国")).toBeTruthy();
    expect(within(zhujian).getByText("2026-11-21 09:00:00")).toBeTruthy();
    const guotu = within(signOff).getByRole("rowheader", { name: "市自然资源局" }).closest("tr")!;
    expect(within(guotu).getByText("待签")).toBeTruthy();
    expect(screen.getAllByText("会签中：已签 1 / 2 个单位").length).toBeGreaterThan(0);

    // A leader reads: no signing, editing or addenda.
    expect(signButton()).toBeNull();
    expect(screen.queryByRole("button", { name: /编\s*辑/ })).toBeNull();
    expect(screen.getByRole("button", { name: /打\s*印/ })).toBeTruthy();
  });

  it("lets the coordinator of a department still to sign sign, after confirming, and then shows the lock", async () => {
    setCsrfToken("csrf-1");
    const calls = renderReview(user("coordinator", ids.guotu), review, signedByAll);

    fireEvent.click(await screen.findByRole("button", { name: /^签\s*署$/ }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getAllByText("确认以“市自然资源局”名义签署本纪要？").length).toBeGreaterThan(0);
    fireEvent.click(within(dialog).getByRole("button", { name: "确认签署" }));

    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")!.url).toBe(`/api/reviews/${review.id}/signatures`);
    expect(await screen.findByText("已签署；全部成员单位已会签，纪要已锁定")).toBeTruthy();
    await waitFor(() => expect(signButton()).toBeNull());
    expect(screen.getAllByText("已锁定").length).toBeGreaterThan(0);
  });

  it("offers no signing to a coordinator whose department has signed", async () => {
    renderReview(user("coordinator", ids.zhujian));
    await screen.findByRole("heading", { level: 1 });
    expect(signButton()).toBeNull();
    expect(screen.getByText("市住房和城乡建设局已签署")).toBeTruthy();
  });

  it("offers no signing to a coordinator of a member department nobody attended for", async () => {
    renderReview(user("coordinator", ids.shuangtaizi));
    await screen.findByRole("heading", { level: 1 });
    expect(signButton()).toBeNull();
  });

  it("shows a locked record as locked: no editing, addenda still possible", async () => {
    renderReview(user("working_group"), signedByAll);
    await screen.findByRole("heading", { level: 1 });
    expect(screen.getByText(/各成员单位已于 2026-11-22 10:00:00 会签完毕，本纪要已锁定/)).toBeTruthy();
    expect(screen.getAllByText("已锁定").length).toBeGreaterThan(0);
    expect(screen.queryByRole("button", { name: /编\s*辑/ })).toBeNull();
    expect(screen.getByRole("button", { name: "补充说明" })).toBeTruthy();
    expect(signButton()).toBeNull();
  });

  it("lets the working group edit a record still being signed", async () => {
    renderReview(user("working_group"));
    fireEvent.click(await screen.findByRole("button", { name: /编\s*辑/ }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/已有 1 个单位签署。保存修改后，已有的会签将被撤回/)).toBeTruthy();
    expect(within(dialog).getByLabelText("向阳小区 研判情况")).toHaveProperty("value", review.projects[0]!.findings);
  });
});
