/** Milestones, rectification items, the moved-back ledger and My work (API module `work`). Other code imports this feature from here only. */
export { invalidateAfterWorkChange } from "./api/work-change";
export { workQueries } from "./api/work.queries";
export { CityOverdueLink } from "./components/city-overdue-link";
export { ItemFormModal } from "./components/item-form-modal";
export { ItemTable } from "./components/item-table";
export { MilestoneFormModal } from "./components/milestone-form-modal";
export { MilestoneTable } from "./components/milestone-table";
export { MilestoneTimeline } from "./components/milestone-timeline";
export { MyWorkTable } from "./components/my-work-table";
export { OverdueBoardFilters } from "./components/overdue-board-filters";
export { OverdueBoardTable } from "./components/overdue-board-table";
export { ProgressLedger } from "./components/progress-ledger";
export { WorkStatusControl } from "./components/work-status-control";
export { WithdrawDialog } from "./components/withdraw-dialog";
export { WithdrawWorkDialog } from "./components/withdraw-work-dialog";
export { WithdrawnNote } from "./components/withdrawn-note";
export { WithdrawnToggle } from "./components/withdrawn-toggle";
