// The scorecards module (绩效考评): per district and department for a period, by versioned rules.
export { scorecardRoutes } from "./scorecards.routes.js";
