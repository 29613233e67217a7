import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { cityTrajectory, finishedTrajectory, passedTrajectory } from "../../test/dashboard.fixture";
import { renderWithProviders } from "../../test/render-with-providers";
import { TrajectoryFigures } from "./trajectory-figures";

describe("TrajectoryFigures", () => {
  it("states the next target and the pace it needs while a plan year is open", () => {
    renderWithProviders(<TrajectoryFigures trajectory={cityTrajectory} />);
    expect(screen.getByText("落后")).toBeTruthy();
    expect(screen.getByText("落后 473 户（10%）")).toBeTruthy();
    expect(screen.getByText("下一目标")).toBeTruthy();
    expect(screen.getByText("2019年目标（2019年12月31日 前）还需回迁 2,191 户，剩余 9 个月")).toBeTruthy();
    expect(screen.getByText("所需月均进度")).toBeTruthy();
    expect(screen.getByText("243.5 户/月")).toBeTruthy();
    expect(screen.getByText("48.5 户/月")).toBeTruthy();
    expect(screen.getByText("2024年5月20日")).toBeTruthy();
    expect(screen.queryByText("逾期未回迁")).toBeNull();
  });

  it("states what is overdue once every plan year has passed", () => {
    renderWithProviders(<TrajectoryFigures trajectory={passedTrajectory} />);
    expect(screen.getByText("逾期未回迁")).toBeTruthy();
    expect(screen.getByText("1,031 户")).toBeTruthy();
    expect(screen.getByText("各年度目标均已到期")).toBeTruthy();
    expect(screen.getByText("按当前进度无法完成")).toBeTruthy();
    expect(screen.queryByText("下一目标")).toBeNull();
    expect(screen.queryByText("所需月均进度")).toBeNull();
  });

  it("says when everyone has moved back", () => {
    renderWithProviders(<TrajectoryFigures trajectory={finishedTrajectory} showTotals />);
    expect(screen.getByText("已完成")).toBeTruthy();
    expect(screen.getByText("已全部回迁，无待完成目标")).toBeTruthy();
    expect(screen.getByText("4,722 户（100%）")).toBeTruthy();
    expect(screen.getByText("2021年6月30日")).toBeTruthy();
    expect(screen.queryByText("逾期未回迁")).toBeNull();
  });

  it("speaks English too", () => {
    renderWithProviders(<TrajectoryFigures trajectory={passedTrajectory} />, "en");
    expect(screen.getByText("Overdue, not moved back")).toBeTruthy();
    expect(screen.getByText("Behind")).toBeTruthy();
  });
});
