/** 报表 (API module `reports`): the weekly 工作简报 and the working group's 逐项目研判材料. Other code imports this feature from here only. */
export { reportsQueries } from "./api/reports.queries";
export { BriefingDocument } from "./components/briefing-document";
export { StocktakeDocument } from "./components/stocktake-document";
