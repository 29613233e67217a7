// 水电暖问题 (utility tickets): depends on no other module.
export { ticketRoutes } from "./utility-tickets.routes.js";
