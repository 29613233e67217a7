import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { panjinDashboard } from "../../../test/dashboard.fixture";
import { stubFetchBeside } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import PlanPage from "./plan-page";

afterEach(() => vi.unstubAllGlobals());

describe("PlanPage", () => {
  it("shows the plan in force and offers to check or import a new one from the template", async () => {
    stubFetchBeside([[/\/api\/dashboard/, { status: 200, body: panjinDashboard }]]);
    renderWithProviders(<PlanPage />);
    expect(await screen.findByText(panjinDashboard.plan!.title)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "导入工作方案" }));
    expect(await screen.findByRole("dialog", { name: "导入工作方案" })).toBeTruthy();
    expect(screen.getByRole("link", { name: /下载模板/ }).getAttribute("href")).toBe("/api/plans/template");
  });
});
