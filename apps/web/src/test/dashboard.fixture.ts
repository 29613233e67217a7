import type { Dashboard, Trajectory } from "@resettle/domain";

/**
 * The city on 31 March 2019: 2018's target missed by 33, 2019 under way and 473 households
 * (10 %) below the plan line; 2019's target needs far more than the recent pace.
 */
export const cityTrajectory: Trajectory = {
  asOf: "2019-03-31",
  totalHouseholds: 4722,
  years: [
    {
      year: 2018,
      plannedHouseholds: 1613,
      cumulativePlanned: 1613,
      cumulativePlannedPercent: 34.2,
      actualInYear: 1580,
      cumulativeActual: 1580,
      cumulativeActualPercent: 33.5,
      gap: 33,
    },
    {
      year: 2019,
      plannedHouseholds: 2280,
      cumulativePlanned: 3893,
      cumulativePlannedPercent: 82.4,
      actualInYear: 122,
      cumulativeActual: 1702,
      cumulativeActualPercent: 36,
      gap: 2191,
    },
    {
      year: 2020,
      plannedHouseholds: 829,
      cumulativePlanned: 4722,
      cumulativePlannedPercent: 100,
      actualInYear: null,
      cumulativeActual: null,
      cumulativeActualPercent: null,
      gap: null,
    },
  ],
  movedBack: 1702,
  movedBackPercent: 36,
  remaining: 3020,
  expectedToDate: 2175,
  gapToDate: 473,
  gapToDatePercent: 10,
  nextTarget: { year: 2019, dueDate: "2019-12-31", householdsNeeded: 2191, monthsLeft: 9, requiredMonthlyRate: 243.5 },
  targetsPassed: false,
  overdueHouseholds: 33,
  recentPace: 48.5,
  forecastCompletion: "2024-05-20",
  status: "behind",
};

/** The same city two years on: every plan year has ended with 1,031 households still owed. */
export const passedTrajectory: Trajectory = {
  ...cityTrajectory,
  asOf: "2021-06-30",
  years: cityTrajectory.years.map((row) =>
    row.year === 2018
      ? row
      : {
          ...row,
          actualInYear: row.year === 2019 ? 1989 : 0,
          cumulativeActual: 3691,
          cumulativeActualPercent: 78.2,
          gap: row.cumulativePlanned - 3691,
        },
  ),
  movedBack: 3691,
  movedBackPercent: 78.2,
  remaining: 1031,
  expectedToDate: 4722,
  gapToDate: 1031,
  gapToDatePercent: 21.8,
  nextTarget: null,
  targetsPassed: true,
  overdueHouseholds: 1031,
  recentPace: 0,
  forecastCompletion: null,
  status: "behind",
};

/** Everyone moved back. */
export const finishedTrajectory: Trajectory = {
  ...passedTrajectory,
  movedBack: 4722,
  movedBackPercent: 100,
  remaining: 0,
  gapToDate: 0,
  gapToDatePercent: 0,
  overdueHouseholds: 0,
  recentPace: 12.3,
  forecastCompletion: "2021-06-30",
  status: "finished",
};

/** The Panjin plan as the dashboard reports it early in 2019: 2018 done, 2019 under way. */
export const panjinDashboard: Dashboard = {
  asOf: "2019-03-31",
  plan: { title: "盘锦市国有土地上房屋征收超期未回迁问题解决工作方案", years: [2018, 2019, 2020] },
  demoData: true,
  totals: { projects: 8, households: 4722, movedBack: 1702, movedBackPercent: 36 },
  years: [
    {
      year: 2018,
      plannedHouseholds: 1613,
      cumulativePlanned: 1613,
      cumulativePlannedPercent: 34.2,
      cumulativeActual: 1580,
      cumulativeActualPercent: 33.5,
    },
    {
      year: 2019,
      plannedHouseholds: 2280,
      cumulativePlanned: 3893,
      cumulativePlannedPercent: 82.4,
      cumulativeActual: 1702,
      cumulativeActualPercent: 36,
    },
    {
      year: 2020,
      plannedHouseholds: 829,
      cumulativePlanned: 4722,
      cumulativePlannedPercent: 100,
      cumulativeActual: null,
      cumulativeActualPercent: null,
    },
  ],
  districts: [],
  trajectory: cityTrajectory,
  health: { green: 2, amber: 0, red: 6 },
  overdue: { milestones: 9, items: 1 },
  arrears: { households: 261, amountOwed: 42_960_000, over90: 800_000, oldestDueMonth: "2026-06" },
};
