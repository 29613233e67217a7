// The dashboard module's public surface. It depends on projects.
export { dashboardRoutes } from "./dashboard.routes.js";
export { getDashboard } from "./dashboard.service.js";
