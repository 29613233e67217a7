// The plans module: a city's work plan (工作方案) imported from a workbook.
export { planRoutes } from "./plans.routes.js";
