/** The audit trail (变更记录): its queries, filters, table and value formatting. Other code imports this feature from here only. */
export { auditQueries } from "./api/audit.queries";
export { AuditFilters } from "./components/audit-filters";
export { AuditTable } from "./components/audit-table";
export { createAuditValueFormatter } from "./lib/format-audit-value";
