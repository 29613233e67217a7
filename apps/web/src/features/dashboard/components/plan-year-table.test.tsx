import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { panjinDashboard } from "../../../test/dashboard.fixture";
import { renderWithProviders } from "../../../test/render-with-providers";
import { PlanYearTable } from "./plan-year-table";

function rowOf(yearLabel: string) {
  const row = screen.getByText(yearLabel).closest("tr");
  if (!row) throw new Error(`no row for ${yearLabel}`);
  return within(row);
}

describe("PlanYearTable", () => {
  it("states the plan's figures year by year", () => {
    renderWithProviders(<PlanYearTable years={panjinDashboard.years} />);

    const y2018 = rowOf("2018年");
    expect(y2018.getAllByText("1,613")).toHaveLength(2); // planned that year = cumulative
    expect(y2018.getByText("34.2%")).toBeTruthy();

    const y2019 = rowOf("2019年");
    expect(y2019.getByText("2,280")).toBeTruthy();
    expect(y2019.getByText("3,893")).toBeTruthy();
    expect(y2019.getByText("82.4%")).toBeTruthy();

    const y2020 = rowOf("2020年");
    expect(y2020.getByText("829")).toBeTruthy();
    expect(y2020.getByText("4,722")).toBeTruthy();
    expect(y2020.getByText("100%")).toBeTruthy();
  });

  it("shows actual progress, and a dash for a year not begun", () => {
    renderWithProviders(<PlanYearTable years={panjinDashboard.years} />);
    expect(rowOf("2018年").getByText("1,580")).toBeTruthy();
    expect(rowOf("2018年").getByText("33.5%")).toBeTruthy();
    expect(rowOf("2020年").getAllByText("—")).toHaveLength(2);
  });

  it("is a table named by its caption, with a header for each column and each year", () => {
    renderWithProviders(<PlanYearTable years={panjinDashboard.years} />);
    const table = screen.getByRole("table", { name: "各年度计划回迁户数、累计计划与实际累计完成情况" });
    expect(within(table).getAllByRole("columnheader")).toHaveLength(6);
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((th) => th.textContent),
    ).toEqual(["2018年", "2019年", "2020年"]);
    expect(within(table).getByRole("row", { name: /^2019年/ })).toBeTruthy();
  });

  it("labels columns in the chosen language", () => {
    renderWithProviders(<PlanYearTable years={panjinDashboard.years} />, "en");
    expect(screen.getByRole("columnheader", { name: "Cumulative plan share" })).toBeTruthy();
    expect(screen.getByText("2019")).toBeTruthy();
  });
});
