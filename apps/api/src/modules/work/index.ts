// The work module's public surface: what other modules may use. Work depends on no other module.
export { workRoutes } from "./work.routes.js";
export { itemSelect, presentItem } from "./items.service.js";
export { milestoneSelect, presentMilestone } from "./milestones.service.js";
export { overdueWorkWhere } from "./work-dates.js";
export { writeLedgerEntry } from "./progress.service.js";
