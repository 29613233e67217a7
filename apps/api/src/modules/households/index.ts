// The households module (回迁户台账): depends on work for the progress ledger it writes.
export { householdRoutes } from "./households.routes.js";
export { householdImportRoutes } from "./household-import.routes.js";
export { findProject, requireRegistryKeeper } from "./households.service.js";
