import type { Dashboard } from "@resettle/domain";

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
  health: { green: 2, amber: 0, red: 6 },
  overdue: { milestones: 9, items: 1 },
};
