/** 绩效考评 (performance evaluation, API module `scorecards`). Other code imports this feature from here only. */
export { ScorecardAddressSchema } from "./lib/address";
export { ScorecardBoard } from "./components/scorecard-board";
