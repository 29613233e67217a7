// The households module (回迁户台账): depends on work for the progress ledger it writes.
export { householdRoutes } from "./households.routes.js";
export { householdImportRoutes } from "./household-import.routes.js";
export { findProject, requireRegistryKeeper, searchWhere } from "./households.service.js";
// The workbook plumbing the subsidy's payment import shares.
export { readUpload, uploadErrors } from "./household-import.routes.js";
export { annotateWorkbook, loadWorkbook, readImportSheet } from "./household-workbook.js";
export type { CellValue, ImportProblem, ImportSheet } from "./household-import.js";
