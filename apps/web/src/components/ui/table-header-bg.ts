/**
 * The tables' header background: antd's Table takes it from the theme (app/antd-provider.tsx) and
 * the read-only table (read-only-table.tsx) from here. A module of its own so that the theme, in the
 * first load of every page, does not bring the read-only table with it.
 */
export const TABLE_HEADER_BG = "#f5f7fa";
