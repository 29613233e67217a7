// The alerts module (预警与通知): rules over work, tickets and notices; each user's notifications.
export { alertRoutes } from "./alerts.routes.js";
export { runAlerts } from "./alerts.service.js";
