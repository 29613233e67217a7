// The responsibility module's public surface. It depends on projects and work.
export { responsibilityRoutes } from "./responsibility.routes.js";
export { cooperationRoutes } from "./cooperation.routes.js";
