// The projects module's public surface. Projects depend on work, problems and audit; never the reverse.
export { projectRoutes } from "./projects.routes.js";
export { getProject } from "./projects.service.js";
export { assessProjects } from "./project-health.js";
export { readLedgerEntries } from "./progress-sums.js";
