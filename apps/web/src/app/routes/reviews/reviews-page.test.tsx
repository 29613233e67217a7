import { screen, waitFor, within } from "@testing-library/react";
import type { ReviewSummary, SessionUser } from "@resettle/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../../features/auth";
import { stubFetchByUrl } from "../../../test/fetch-stub";
import { group, ids, user } from "../../../test/reviews.fixture";
import { renderWithProviders } from "../../../test/render-with-providers";
import ReviewsPage from "./reviews-page";

afterEach(() => vi.unstubAllGlobals());

const summary: ReviewSummary = {
  id: "12121212-1212-4121-8121-121212121212",
  group: { id: ids.group, name: group.name },
  heldOn: "2026-10-20",
  projects: [{ id: ids.xiangyang, name: "向阳小区" }],
  actionCount: 2,
  pendingDepartmentCount: 1,
  locked: false,
  withdrawn: false,
};

function renderPage(as: SessionUser, route = "/reviews") {
  const calls = stubFetchByUrl([
    [/\/reviews\?/, { status: 200, body: { items: [summary], total: 1, page: 1, pageSize: 20 } }],
    [/\/working-groups$/, { status: 200, body: [group] }],
  ]);
  renderWithProviders(
    <SessionContext value={as}>
      <ReviewsPage />
    </SessionContext>,
    "zh-CN",
    { route },
  );
  return calls;
}

describe("ReviewsPage", () => {
  it("lists the review records with their sign-off, filtered as the address says", async () => {
    const calls = renderPage(user("leader"), "/reviews?state=signing");
    const table = await screen.findByRole("table", { name: "研判会记录，最新在前" });
    await waitFor(() => expect(within(table).getByText("1 个单位待签")).toBeTruthy());
    expect(
      within(table)
        .getByRole("link", { name: /2026-10-20/ })
        .getAttribute("href"),
    ).toBe(`/reviews/${summary.id}`);
    expect(calls.map((c) => c.url)).toContain("/api/reviews?page=1&pageSize=20&state=signing");
    // Leaders read; only those who record reviews get the button.
    expect(screen.queryByRole("button", { name: /记录研判会/ })).toBeNull();
  });

  it("offers the working group to record a review", async () => {
    renderPage(user("working_group"));
    expect(await screen.findByRole("button", { name: /记录研判会/ })).toBeTruthy();
  });
});
