/** The city's dashboard: totals, trajectories, health and the plan's years. Other code imports this feature from here only. */
export { dashboardQueries } from "./api/dashboard.queries";
export { DemoDataBanner } from "./components/demo-data-banner";
export { DistrictSection } from "./components/district-section";
export { HeadlineStats } from "./components/headline-stats";
export { ArrearsOverview } from "./components/arrears-overview";
export { HealthOverview } from "./components/health-overview";
export { PlanYearTable } from "./components/plan-year-table";
