// The audit module's public surface: the trail's routes, and its reading for a project's history.
export { auditRoutes } from "./audit.routes.js";
export { listAuditEvents } from "./audit.service.js";
