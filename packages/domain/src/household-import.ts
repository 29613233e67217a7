import { z } from "zod";
import type { ResettlementApproach } from "./project.js";

/**
 * 回迁户台账导入: the workbook a registry is imported from, all or nothing. One sheet 回迁户,
 * headers in row 1, one household a row from row 2 (`GET /api/households/import-template`).
 */
export const HOUSEHOLD_IMPORT_SHEET = "回迁户";

/** The largest workbook an import takes, in bytes (larger: 413). */
export const HOUSEHOLD_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The most households one workbook may list (more: refused before any row is checked). */
export const HOUSEHOLD_IMPORT_MAX_ROWS = 20_000;

/**
 * The columns, in the template's order: the field each fills and its header. Columns are found
 * by their header, so their order may change; the optional ones may be left out. 状态 empty is
 * 待回迁, 状态日期 empty is today.
 */
export const HOUSEHOLD_IMPORT_COLUMNS = [
  { field: "headName", header: "户主姓名", required: true },
  { field: "idNumber", header: "身份证号", required: true },
  { field: "phone", header: "联系电话", required: false },
  { field: "address", header: "原址", required: true },
  { field: "areaM2", header: "安置面积（㎡）", required: true },
  { field: "approach", header: "安置方式", required: true },
  { field: "state", header: "状态", required: false },
  { field: "stateOn", header: "状态日期", required: false },
] as const;
export type HouseholdImportField = (typeof HOUSEHOLD_IMPORT_COLUMNS)[number]["field"];

/** 安置方式 as the workbook writes it. */
export const APPROACH_WORDS: Record<ResettlementApproach, string> = {
  on_site_rebuild: "原址回建",
  off_site_relocation: "异地安置",
  monetary: "货币补偿",
};

/** The column the annotated workbook adds: what is wrong with each row. */
export const HOUSEHOLD_IMPORT_ERROR_HEADER = "错误";

/** `POST /api/projects/:id/households/import` → 201. */
export const HouseholdImportResultSchema = z.object({ created: z.number().int().positive() });
export type HouseholdImportResult = z.infer<typeof HouseholdImportResultSchema>;
