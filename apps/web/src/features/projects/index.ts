/** Projects: lists, the detail's summary, health, trajectory and history. Other code imports this feature from here only. */
export { projectsQueries } from "./api/projects.queries";
export { useProjectChoices } from "./api/use-project-choices";
export { HealthCard } from "./components/health-card";
export { ProjectFilters } from "./components/project-filters";
export { ProjectListTable } from "./components/project-list-table";
export { ProjectQuotaTable } from "./components/project-quota-table";
export { ProjectStatusTag } from "./components/project-status-tag";
export { ProjectSummary } from "./components/project-summary";
export { ProjectTrajectory } from "./components/project-trajectory";
export { ProjectYearTargetsTable } from "./components/project-year-targets-table";
export { describeHealthRule } from "./lib/health-rules";
export { DEFAULT_LIST_QUERY } from "./lib/list-query-params";
export { useProjectListQuery } from "./lib/use-project-list-query";
