/** Who answers for a project, a milestone, an item or a notice (责任分工, 牵头/配合, 进展情况), and changing it. Other code imports this feature from here only. */
export { responsibilityQueries } from "./api/responsibility.queries";
export { CooperatingTags, LeadTag } from "./components/cooperator-tags";
export { CooperatorsModal } from "./components/cooperators-modal";
export { ResponsibilityHistory } from "./components/responsibility-history";
export { ResponsibilityModal } from "./components/responsibility-modal";
export { WorkDetailDrawer, type WorkDetail } from "./components/work-detail-drawer";
export { WorkNotes } from "./components/work-notes";
