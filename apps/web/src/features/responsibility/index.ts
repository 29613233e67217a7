/** Who answers for a project or a milestone (责任分工), and changing it. Other code imports this feature from here only. */
export { responsibilityQueries } from "./api/responsibility.queries";
export { ResponsibilityHistory } from "./components/responsibility-history";
export { ResponsibilityModal } from "./components/responsibility-modal";
