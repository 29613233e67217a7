// 报表 (reports): the weekly 工作简报 and the working group's 逐项目研判材料. Reads dashboard, projects, subsidy and work.
export { reportRoutes } from "./reports.routes.js";
